// [Console]: https://console.spec.whatwg.org/
let groupIndent = '';
const counts = new Map();
const timers = new Map();

function emit(level, text) {
  if (groupIndent) text = groupIndent + text.split('\n').join('\n' + groupIndent);
  native.emit(level, text);
}

// Durations come from the monotonic clock of performance (internals.now,
// set up later) when it is there.
const clock = () => (typeof internals.now === 'function' ? internals.now() : Date.now());

// formatTime: Node's console.timeEnd/timeLog duration format.
function formatTime(ms) {
  let hours = 0, minutes = 0, seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) { hours = Math.floor(ms / 3600000); ms %= 3600000; }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const parts = seconds.toFixed(3).split('.');
    const pad = (n) => String(n).padStart(2, '0');
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(parts[0])}.${parts[1]} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

// [console.table]: Node's cli table (left-aligned cells, box drawing).
function renderRow(row, widths) {
  let out = '│ ';
  for (let i = 0; i < row.length; i++) {
    out += row[i] + ' '.repeat(widths[i] - row[i].length);
    if (i !== row.length - 1) out += ' │ ';
  }
  return out + ' │';
}
function cliTable(head, columns) {
  const rows = [];
  const widths = head.map((h) => h.length);
  let longest = 0;
  for (let i = 0; i < columns.length; i++) if (columns[i].length > longest) longest = columns[i].length;
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longest; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) && column[j] !== undefined ? column[j] : '';
      if (value.length > widths[i]) widths[i] = value.length;
    }
  }
  const divider = widths.map((w) => '─'.repeat(w + 2));
  let out = '┌' + divider.join('┬') + '┐\n' + renderRow(head, widths) + '\n' + '├' + divider.join('┼') + '┤\n';
  for (let i = 0; i < rows.length; i++) out += renderRow(rows[i], widths) + '\n';
  return out + '└' + divider.join('┴') + '┘';
}
// Cells: objects with more than two keys print as [Object].
function cell(v) {
  const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
  return internals.inspect(v, { depth });
}
function table(data, properties) {
  if (properties !== undefined && !Array.isArray(properties)) {
    throw new TypeError('The "properties" argument must be an instance of Array.');
  }
  if (data === null || typeof data !== 'object') return console.log(data);
  const index = (n) => { const a = []; for (let i = 0; i < n; i++) a.push(String(i)); return a; };
  if (data instanceof Map) {
    const keys = [], values = [];
    data.forEach((v, k) => { keys.push(cell(k)); values.push(cell(v)); });
    return emit('log', cliTable(['(iteration index)', 'Key', 'Values'], [index(keys.length), keys, values]));
  }
  if (data instanceof Set) {
    const values = [];
    data.forEach((v) => { values.push(cell(v)); });
    return emit('log', cliTable(['(iteration index)', 'Values'], [index(values.length), values]));
  }
  const map = { __proto__: null };
  const columnsOrder = [];
  let hasPrimitives = false;
  const primitiveValues = [];
  const indexKeys = Object.keys(data);
  for (let i = 0; i < indexKeys.length; i++) {
    const item = data[indexKeys[i]];
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      primitiveValues[i] = cell(item);
    } else {
      const keys = properties || Object.keys(item);
      for (let j = 0; j < keys.length; j++) {
        const key = keys[j];
        if (map[key] === undefined) { map[key] = []; columnsOrder.push(key); }
        map[key][i] = (primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key) ? '' : cell(item[key]);
      }
    }
  }
  const head = ['(index)'], columns = [indexKeys];
  for (let i = 0; i < columnsOrder.length; i++) { head.push(String(columnsOrder[i])); columns.push(map[columnsOrder[i]]); }
  if (hasPrimitives) { head.push('Values'); columns.push(primitiveValues); }
  emit('log', cliTable(head, columns));
}

// Levels: log, info, debug, warn, error (the host's contract). As in Node,
// count, time*, table, dir and group print at the log level, assert at
// warn, trace at error.
const console = {
  log(...args) { emit('log', internals.format(args)); },
  info(...args) { emit('info', internals.format(args)); },
  debug(...args) { emit('debug', internals.format(args)); },
  warn(...args) { emit('warn', internals.format(args)); },
  error(...args) { emit('error', internals.format(args)); },
  // "Trace: message" and the caller's stack, mapped to the route's source
  // lines (console's own frames left out).
  trace(...args) {
    const stack = native.stack();
    emit('error', 'Trace' + (args.length ? ': ' + internals.format(args) : '') + (stack ? '\n' + stack : ''));
  },
  dir(obj, opts) { emit('log', internals.inspect(obj, opts)); },
  dirxml(...args) { emit('log', internals.format(args)); },
  table,
  // Node: `Assertion failed` + `: ` + the first argument, then formatted.
  assert(cond, ...args) {
    if (cond) return;
    args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
    emit('warn', internals.format(args));
  },
  count(label = 'default') {
    label = String(label);
    const n = (counts.get(label) || 0) + 1;
    counts.set(label, n);
    emit('log', `${label}: ${n}`);
  },
  countReset(label = 'default') {
    label = String(label);
    if (!counts.has(label)) { emit('warn', `Warning: Count for '${label}' does not exist`); return; }
    counts.delete(label);
  },
  group(...args) { if (args.length) emit('log', internals.format(args)); groupIndent += '  '; },
  groupCollapsed(...args) { console.group(...args); },
  groupEnd() { groupIndent = groupIndent.slice(2); },
  time(label = 'default') {
    label = String(label);
    if (timers.has(label)) { emit('warn', `Warning: Label '${label}' already exists for console.time()`); return; }
    timers.set(label, clock());
  },
  timeLog(label = 'default', ...args) {
    label = String(label);
    if (!timers.has(label)) { emit('warn', `Warning: No such label '${label}' for console.timeLog()`); return; }
    emit('log', `${label}: ${formatTime(clock() - timers.get(label))}` + (args.length ? ' ' + internals.format(args) : ''));
  },
  timeEnd(label = 'default') {
    label = String(label);
    if (!timers.has(label)) { emit('warn', `Warning: No such label '${label}' for console.timeEnd()`); return; }
    emit('log', `${label}: ${formatTime(clock() - timers.get(label))}`);
    timers.delete(label);
  },
};
internals.formatTime = formatTime;
Object.defineProperty(console, Symbol.toStringTag, { value: 'console', configurable: true });
internals.defineGlobal('console', console);
internals.console = console;

// Errors nobody caught (in timers, microtasks, event listeners) go to the
// log as uncaught errors.
internals.reportError = function reportError(e) {
  emit('error', 'Uncaught ' + internals.inspect(e));
};
