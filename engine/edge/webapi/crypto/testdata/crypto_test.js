// crypto.getRandomValues, crypto.randomUUID, crypto.subtle, the interfaces.

test('globals and interfaces', () => {
  for (const name of ['crypto', 'Crypto', 'CryptoKey', 'SubtleCrypto']) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert(d && !d.enumerable && d.writable && d.configurable, name);
  }
  assert(crypto instanceof Crypto);
  assertEquals(Object.prototype.toString.call(crypto), '[object Crypto]');
  for (const C of [Crypto, CryptoKey, SubtleCrypto]) {
    assertThrows(() => new C(), TypeError, 'Illegal constructor');
  }
  assertEquals(Object.getOwnPropertyNames(crypto), []);
});

test('crypto.subtle is one SubtleCrypto', () => {
  assert(crypto.subtle instanceof SubtleCrypto);
  assert(crypto.subtle === crypto.subtle, '[SameObject]');
  assertEquals(Object.prototype.toString.call(crypto.subtle), '[object SubtleCrypto]');
  assert('subtle' in crypto, 'the attribute exists');
  assertEquals(Object.getOwnPropertyNames(crypto.subtle), []);
});

test('getRandomValues fills integer arrays in place', () => {
  const ctors = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array];
  for (const C of ctors) {
    const a = new C(64);
    const r = crypto.getRandomValues(a);
    assert(r === a, C.name + ' returns its argument');
    let nonZero = 0;
    for (let i = 0; i < a.length; i++) if (a[i] != 0) nonZero++;
    assert(nonZero > 32, C.name + ' is filled');
  }
  // Only the view's bytes are written.
  const buf = new Uint8Array(16);
  crypto.getRandomValues(new Uint8Array(buf.buffer, 4, 8));
  assertEquals([buf[0], buf[1], buf[2], buf[3], buf[12], buf[13], buf[14], buf[15]], [0, 0, 0, 0, 0, 0, 0, 0]);
  assertEquals(crypto.getRandomValues(new Uint8Array(0)).length, 0);
  // 65536 bytes is the limit.
  assertEquals(crypto.getRandomValues(new Uint8Array(65536)).length, 65536);
  assertEquals(crypto.getRandomValues(new Uint32Array(16384)).length, 16384);
});

test('getRandomValues errors', () => {
  for (const v of [new Float32Array(1), new Float64Array(1), new DataView(new ArrayBuffer(1))]) {
    const e = assertThrows(() => crypto.getRandomValues(v), DOMException);
    assertEquals([e.name, e.code], ['TypeMismatchError', 17]);
  }
  for (const v of [new Uint8Array(65537), new Uint32Array(16385), new BigInt64Array(8193)]) {
    const e = assertThrows(() => crypto.getRandomValues(v), DOMException);
    assertEquals([e.name, e.code], ['QuotaExceededError', 22]);
  }
  for (const v of [[1, 2], new ArrayBuffer(4), 5, null, undefined, {}]) {
    assertThrows(() => crypto.getRandomValues(v), TypeError);
  }
  assertThrows(() => crypto.getRandomValues(), TypeError);
  assertThrows(() => Crypto.prototype.getRandomValues.call({}, new Uint8Array(1)), TypeError);
});

test('randomUUID', () => {
  const re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const seen = new Set();
  for (let i = 0; i < 100; i++) {
    const u = crypto.randomUUID();
    assert(re.test(u), u);
    seen.add(u);
  }
  assertEquals(seen.size, 100);
});
