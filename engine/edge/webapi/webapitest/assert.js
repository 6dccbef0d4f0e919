// The JS side of webapitest: test cases and assertions.
(function () {
  const cases = [];
  const fmt = (v) => {
    try {
      if (typeof v === 'string') return JSON.stringify(v);
      if (typeof v === 'bigint') return v + 'n';
      if (v instanceof Uint8Array) return 'Uint8Array[' + Array.prototype.join.call(v, ',') + ']';
      return JSON.stringify(v) ?? String(v);
    } catch (e) { return String(v); }
  };
  function deepEqual(a, b) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (ArrayBuffer.isView(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
      return true;
    }
    if (a instanceof Map || a instanceof Set) {
      return deepEqual([...a], [...b]);
    }
    if (a instanceof Date) return a.getTime() === b.getTime();
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  globalThis.test = (name, fn) => cases.push({ name, fn });
  globalThis.assert = (cond, msg) => { if (!cond) throw new Error('assertion failed' + (msg ? ': ' + msg : '')); };
  globalThis.assertEquals = (actual, expected, msg) => {
    if (!deepEqual(actual, expected)) {
      throw new Error((msg ? msg + ': ' : '') + 'got ' + fmt(actual) + ', want ' + fmt(expected));
    }
  };
  const checkError = (e, Ctor, part, what) => {
    if (Ctor && !(e instanceof Ctor)) throw new Error(what + ': expected ' + Ctor.name + ', got ' + (e && e.name) + ': ' + (e && e.message));
    if (part && !String(e && e.message).includes(part)) throw new Error(what + ': message ' + fmt(String(e && e.message)) + ' lacks ' + fmt(part));
  };
  globalThis.assertThrows = (fn, Ctor, part) => {
    try { fn(); } catch (e) { checkError(e, Ctor, part, 'assertThrows'); return e; }
    throw new Error('expected an exception' + (Ctor ? ' (' + Ctor.name + ')' : ''));
  };
  globalThis.assertRejects = async (p, Ctor, part) => {
    try { await (typeof p === 'function' ? p() : p); } catch (e) { checkError(e, Ctor, part, 'assertRejects'); return e; }
    throw new Error('expected a rejection' + (Ctor ? ' (' + Ctor.name + ')' : ''));
  };
  globalThis.__runTests = async () => {
    const out = [];
    for (const c of cases) {
      try {
        await c.fn();
        out.push({ name: c.name, error: '' });
      } catch (e) {
        out.push({ name: c.name, error: String(e && e.stack || e) });
      }
    }
    return out;
  };
})();
