// [Console]: https://console.spec.whatwg.org/
let groupIndent = '';
const counts = new Map();
const timers = new Map();

function emit(level, text) {
  if (groupIndent) text = groupIndent + text.split('\n').join('\n' + groupIndent);
  native.emit(level, text);
}

const console = {
  log(...args) { emit('log', internals.format(args)); },
  info(...args) { emit('info', internals.format(args)); },
  debug(...args) { emit('debug', internals.format(args)); },
  warn(...args) { emit('warn', internals.format(args)); },
  error(...args) { emit('error', internals.format(args)); },
  trace(...args) {
    const err = new Error(internals.format(args));
    err.name = 'Trace';
    const lines = String(err.stack).split('\n');
    lines.splice(1, 1); // drop console.trace's own frame
    emit('error', lines.join('\n'));
  },
  dir(obj, opts) { emit('log', internals.inspect(obj, opts)); },
  dirxml(...args) { emit('log', internals.format(args)); },
  table(data) { emit('log', internals.format([data])); },
  assert(cond, ...args) {
    if (cond) return;
    if (args.length === 0) emit('error', 'Assertion failed');
    else if (typeof args[0] === 'string') emit('error', 'Assertion failed: ' + internals.format(args));
    else emit('error', 'Assertion failed ' + internals.format(args));
  },
  count(label = 'default') {
    label = String(label);
    const n = (counts.get(label) || 0) + 1;
    counts.set(label, n);
    emit('info', `${label}: ${n}`);
  },
  countReset(label = 'default') { counts.delete(String(label)); },
  group(...args) { if (args.length) emit('log', internals.format(args)); groupIndent += '  '; },
  groupCollapsed(...args) { console.group(...args); },
  groupEnd() { groupIndent = groupIndent.slice(2); },
  time(label = 'default') { timers.set(String(label), Date.now()); },
  timeLog(label = 'default', ...args) {
    label = String(label);
    if (!timers.has(label)) { emit('warn', `Warning: No such label '${label}' for console.timeLog()`); return; }
    emit('info', `${label}: ${Date.now() - timers.get(label)}ms` + (args.length ? ' ' + internals.format(args) : ''));
  },
  timeEnd(label = 'default') {
    label = String(label);
    if (!timers.has(label)) { emit('warn', `Warning: No such label '${label}' for console.timeEnd()`); return; }
    emit('info', `${label}: ${Date.now() - timers.get(label)}ms`);
    timers.delete(label);
  },
};
Object.defineProperty(console, Symbol.toStringTag, { value: 'console', configurable: true });
internals.defineGlobal('console', console);
internals.console = console;

// Errors nobody caught (in timers, microtasks, event listeners) go to the
// log as uncaught errors.
internals.reportError = function reportError(e) {
  emit('error', 'Uncaught ' + internals.inspect(e));
};
