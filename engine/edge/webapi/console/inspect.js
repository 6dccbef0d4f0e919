// A compact util.inspect: the output shape of Node's for the values routes
// log (primitives, arrays, plain objects, class instances, Map, Set, Date,
// RegExp, errors, typed arrays, Web API objects), with depth 2 and cycles.
// https://nodejs.org/api/util.html#utilinspectobject-options

const BREAK = 72;
const MAX_ITEMS = 100;
const identRe = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(s) {
  const q = s.includes("'") ? (s.includes('"') ? (s.includes('`') ? "'" : '`') : '"') : "'";
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (c === q || c === '\\') out += '\\' + c;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0').toUpperCase();
    else out += c;
  }
  return q + out + q;
}

function keyString(k) {
  if (typeof k === 'symbol') return '[' + k.toString() + ']';
  return identRe.test(k) ? k : quote(k);
}

function fnName(f) {
  const src = Function.prototype.toString.call(f);
  const isClass = /^class[\s{]/.test(src);
  const name = f.name ? (isClass ? '[class ' + f.name + ']' : '[Function: ' + f.name + ']') : (isClass ? '[class (anonymous)]' : '[Function (anonymous)]');
  return name;
}

function ctorName(o) {
  let p = Object.getPrototypeOf(o);
  if (p === null) return null;
  const d = Object.getOwnPropertyDescriptor(p, 'constructor');
  return d && typeof d.value === 'function' && d.value.name ? d.value.name : '';
}

function wrap(prefix, entries, open, close, indent) {
  if (entries.length === 0) return prefix + open + close;
  let total = prefix.length + 2;
  let multi = false;
  for (let i = 0; i < entries.length; i++) {
    total += entries[i].length + 2;
    if (entries[i].includes('\n')) multi = true;
  }
  if (!multi && total <= BREAK) return prefix + open + ' ' + entries.join(', ') + ' ' + close;
  const pad = '  '.repeat(indent + 1);
  return prefix + open + '\n' + pad + entries.join(',\n' + pad) + '\n' + '  '.repeat(indent) + close;
}

function formatValue(v, depth, seen, indent, top, hidden) {
  switch (typeof v) {
    case 'string': return top ? v : quote(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return v + 'n';
    case 'boolean': return String(v);
    case 'undefined': return 'undefined';
    case 'symbol': return v.toString();
    case 'function': {
      const base = fnName(v);
      const keys = Object.keys(v);
      if (keys.length === 0 || depth < 0) return base;
      return formatObject(v, depth, seen, indent, base + ' ', hidden);
    }
  }
  if (v === null) return 'null';
  return formatObject(v, depth, seen, indent, '', hidden);
}

function formatObject(o, depth, seen, indent, prefix, hidden) {
  if (seen.includes(o)) return '[Circular *1]';
  if (o instanceof Error) return formatError(o);
  if (o instanceof Date) return isNaN(o.getTime()) ? 'Invalid Date' : o.toISOString();
  if (o instanceof RegExp) return String(o);
  if (o instanceof Promise) return 'Promise { <unknown> }';
  if (o instanceof WeakMap) return 'WeakMap { <items unknown> }';
  if (o instanceof WeakSet) return 'WeakSet { <items unknown> }';
  const name = ctorName(o);
  if (depth < 0) {
    if (Array.isArray(o)) return '[Array]';
    return '[' + (name || 'Object') + ']';
  }
  seen.push(o);
  try {
    const entries = [];
    let open = '{', close = '}';
    if (Array.isArray(o)) {
      open = '['; close = ']';
      const n = Math.min(o.length, MAX_ITEMS);
      let holes = 0;
      for (let i = 0; i < n; i++) {
        if (!(i in o)) { holes++; continue; }
        if (holes) { entries.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`); holes = 0; }
        entries.push(formatValue(o[i], depth - 1, seen, indent + 1, false, hidden));
      }
      if (holes) entries.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
      if (o.length > MAX_ITEMS) entries.push(`... ${o.length - MAX_ITEMS} more items`);
      if (name !== 'Array') prefix += `${name || '[Array: null prototype]'}(${o.length}) `;
    } else if (ArrayBuffer.isView(o) && !(o instanceof DataView)) {
      open = '['; close = ']';
      const n = Math.min(o.length, MAX_ITEMS);
      for (let i = 0; i < n; i++) entries.push(formatValue(o[i], depth - 1, seen, indent + 1, false, hidden));
      if (o.length > MAX_ITEMS) entries.push(`... ${o.length - MAX_ITEMS} more items`);
      prefix += `${name}(${o.length}) `;
    } else if (o instanceof ArrayBuffer) {
      const u8 = new Uint8Array(o, 0, Math.min(o.byteLength, 50));
      let hex = '';
      for (let i = 0; i < u8.length; i++) hex += (i ? ' ' : '') + u8[i].toString(16).padStart(2, '0');
      if (o.byteLength > 50) hex += ` ... ${o.byteLength - 50} more bytes`;
      entries.push('[Uint8Contents]: <' + hex + '>', 'byteLength: ' + o.byteLength);
      prefix += 'ArrayBuffer ';
    } else if (o instanceof Map) {
      let i = 0;
      o.forEach((val, key) => {
        if (i++ < MAX_ITEMS) entries.push(formatValue(key, depth - 1, seen, indent + 1, false, hidden) + ' => ' + formatValue(val, depth - 1, seen, indent + 1, false, hidden));
      });
      prefix += `${name || 'Map'}(${o.size}) `;
    } else if (o instanceof Set) {
      let i = 0;
      o.forEach((val) => {
        if (i++ < MAX_ITEMS) entries.push(formatValue(val, depth - 1, seen, indent + 1, false, hidden));
      });
      prefix += `${name || 'Set'}(${o.size}) `;
    } else if (internals.isHeaders && internals.isHeaders(o)) {
      const l = internals.headersList(o);
      for (let i = 0; i < l.length; i += 2) entries.push(quote(l[i]) + ': ' + quote(l[i + 1]));
      prefix += 'Headers ';
    } else if (typeof internals.inspectCustom === 'function' && internals.inspectCustom(o) !== undefined) {
      return prefix + internals.inspectCustom(o);
    } else {
      if (name === null) prefix += '[Object: null prototype] ';
      else if (name !== 'Object' && name !== '') prefix += name + ' ';
      else if (name === '' && !prefix) prefix += '';
      const tag = o[Symbol.toStringTag];
      if (typeof tag === 'string' && tag !== name && tag !== '') prefix += `[${tag}] `;
    }
    if (!Array.isArray(o) && !ArrayBuffer.isView(o)) {
      const keys = Reflect.ownKeys(o);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const d = Reflect.getOwnPropertyDescriptor(o, k);
        if (!d || (!d.enumerable && !hidden)) continue;
        if (typeof o === 'function' && (k === 'length' || k === 'name' || k === 'prototype')) continue;
        let val;
        if (d.get || d.set) val = d.get && d.set ? '[Getter/Setter]' : d.get ? '[Getter]' : '[Setter]';
        else val = formatValue(d.value, depth - 1, seen, indent + 1, false, hidden);
        entries.push((d.enumerable ? keyString(k) : '[' + (typeof k === 'symbol' ? k.toString() : k) + ']') + ': ' + val);
      }
    } else if (Array.isArray(o)) {
      const keys = Object.keys(o);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (String(k >>> 0) === k && (k >>> 0) < o.length) continue;
        entries.push(keyString(k) + ': ' + formatValue(o[k], depth - 1, seen, indent + 1, false, hidden));
      }
      if (hidden) entries.push('[length]: ' + o.length);
    }
    return wrap(prefix, entries, open, close, indent);
  } finally {
    seen.pop();
  }
}

function formatError(e) {
  let s = typeof e.stack === 'string' && e.stack ? e.stack : String(e);
  const head = String(e.name) + (e.message ? ': ' + e.message : '');
  if (!s.startsWith(head) && !s.includes(head)) s = head + '\n' + s;
  return s;
}

// inspect(value, {depth, showHidden}): depth null or Infinity means no limit.
internals.inspect = function inspect(v, opts) {
  let depth = 2;
  if (opts && opts.depth !== undefined) depth = opts.depth === null ? Infinity : Number(opts.depth);
  return formatValue(v, depth, [], 0, false, Boolean(opts && opts.showHidden));
};

// formatNumber as util.format prints numbers: -0 keeps its sign.
const num = (n) => (Object.is(n, -0) ? '-0' : String(n));

// hasBuiltInToString: %s prints an object through its own toString when a
// class of the route defines one; objects whose toString is a built-in's
// (Object, Array, Error, Date…) are inspected instead.
const builtInCtors = new Set([Object, Array, Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
  Date, RegExp, Map, Set, WeakMap, WeakSet, Promise, Boolean, Number, String, Symbol, BigInt, Function, ArrayBuffer, DataView]);
function hasBuiltInToString(v) {
  if (typeof v.toString !== 'function') return true;
  if (Object.prototype.hasOwnProperty.call(v, 'toString')) return false;
  let p = v;
  do { p = Object.getPrototypeOf(p); } while (p !== null && !Object.prototype.hasOwnProperty.call(p, 'toString'));
  if (p === null) return true;
  const d = Object.getOwnPropertyDescriptor(p, 'constructor');
  return d !== undefined && typeof d.value === 'function' && (builtInCtors.has(d.value) || ArrayBuffer.isView(p));
}

// [util.format]: https://nodejs.org/api/util.html#utilformatformat-args —
// printf-style %s %d %i %f %j %o %O %c %%; the rest of the arguments are
// inspected (strings as they are) and joined with spaces. A lone format
// string is printed unchanged (so '100%%' stays '100%%', as in Node).
internals.format = function format(args) {
  let out = '';
  let i = 0;
  if (typeof args[0] === 'string') {
    const f = args[0];
    if (args.length === 1) return f;
    i = 1;
    let last = 0;
    for (let p = 0; p < f.length - 1; p++) {
      if (f.charCodeAt(p) !== 37) continue; // '%'
      const c = f[p + 1];
      let rep;
      if (c === '%') { out += f.slice(last, p) + '%'; last = p + 2; p++; continue; }
      if (i >= args.length) continue;
      const a = args[i];
      switch (c) {
        case 's':
          if (typeof a === 'number') rep = num(a);
          else if (typeof a === 'bigint') rep = a + 'n';
          else if (typeof a !== 'object' || a === null || !hasBuiltInToString(a)) rep = String(a);
          else rep = formatValue(a, 0, [], 0, false);
          break;
        case 'd':
          rep = typeof a === 'bigint' ? a + 'n' : typeof a === 'symbol' ? 'NaN' : num(Number(a));
          break;
        case 'i':
          rep = typeof a === 'bigint' ? a + 'n' : typeof a === 'symbol' ? 'NaN' : num(parseInt(a));
          break;
        case 'f':
          rep = typeof a === 'symbol' ? 'NaN' : num(parseFloat(a));
          break;
        case 'j':
          try { rep = JSON.stringify(a); } catch (e) {
            if (!(e instanceof TypeError) || !/circular|cyclic/i.test(e.message)) throw e;
            rep = '[Circular]';
          }
          if (rep === undefined) rep = 'undefined';
          break;
        // %o is inspect with showHidden and depth 4; %O is inspect.
        case 'o': rep = formatValue(a, 4, [], 0, false, true); break;
        case 'O': rep = formatValue(a, 2, [], 0, false); break;
        case 'c': rep = ''; break;
        default: continue;
      }
      out += f.slice(last, p) + rep;
      last = p + 2;
      p++;
      i++;
    }
    out += f.slice(last);
  }
  for (; i < args.length; i++) {
    if (i > 0) out += ' ';
    out += formatValue(args[i], 2, [], 0, true);
  }
  return out;
};
