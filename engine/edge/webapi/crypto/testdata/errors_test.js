// Argument conversion, normalization and the generic checks.

test('SubtleCrypto methods: shape', () => {
  const want = { encrypt: 3, decrypt: 3, sign: 3, verify: 4, digest: 2, generateKey: 3, deriveKey: 5, deriveBits: 2, importKey: 5, exportKey: 2, wrapKey: 4, unwrapKey: 7 };
  for (const name in want) {
    const d = Object.getOwnPropertyDescriptor(SubtleCrypto.prototype, name);
    assert(d && typeof d.value === 'function' && !d.enumerable && d.writable && d.configurable, name);
    assertEquals(d.value.length, want[name], name + '.length');
  }
  for (const name of ['type', 'extractable', 'algorithm', 'usages']) {
    const d = Object.getOwnPropertyDescriptor(CryptoKey.prototype, name);
    assert(d && typeof d.get === 'function' && d.set === undefined, name);
    assertThrows(() => d.get.call({}), TypeError);
  }
  assertThrows(() => new CryptoKey(), TypeError, 'Illegal constructor');
  assertThrows(() => new SubtleCrypto(), TypeError, 'Illegal constructor');
});

test('errors reject, never throw', async () => {
  const p = subtle.encrypt();
  assert(p instanceof Promise);
  await rejectsWith(p, 'TypeError');
  await rejectsWith(SubtleCrypto.prototype.digest.call({}, 'SHA-256', new Uint8Array(1)), 'TypeError', 'illegal invocation');
});

test('algorithm normalization', async () => {
  const data = new Uint8Array(1);
  await rejectsWith(subtle.digest({ name: 'SHA-256 ' }, data), 'NotSupportedError', 'no trimming');
  await rejectsWith(subtle.digest({ name: 'constructor' }, data), 'NotSupportedError', 'no prototype lookups');
  await rejectsWith(subtle.digest({ name: '\u017fha-256' }, data), 'NotSupportedError', 'ASCII case-insensitive only');
  await rejectsWith(subtle.digest(1, data), 'NotSupportedError', 'a number converts to a string');
  await rejectsWith(subtle.digest(Symbol('x'), data), 'TypeError', 'a symbol does not');
  await rejectsWith(subtle.digest({ name: 'HMAC' }, data), 'NotSupportedError', 'not a digest');
  assertEquals((await subtle.digest({ name: { toString: () => 'sha-256' } }, data)).byteLength, 32, 'name converts with ToString');
  const k = await subtle.generateKey({ name: 'hmac', hash: { name: 'sha-384' } }, true, ['sign']);
  assertEquals(k.algorithm, { name: 'HMAC', length: 1024, hash: { name: 'SHA-384' } }, 'names are canonicalised');
  await rejectsWith(subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: -1 }, true, ['sign']), 'TypeError', 'EnforceRange');
  await rejectsWith(subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: Infinity }, true, ['sign']), 'TypeError', 'EnforceRange');
  await rejectsWith(subtle.generateKey({ name: 'AES-GCM', length: 65536 }, true, ['encrypt']), 'TypeError', 'unsigned short');
  await rejectsWith(subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 0 }, true, ['sign']), 'OperationError', 'HMAC length 0');
});

test('key usages and formats are enums', async () => {
  const raw = new Uint8Array(16);
  await rejectsWith(subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt', 'fly']), 'TypeError', 'bad usage');
  await rejectsWith(subtle.importKey('raw', raw, 'AES-GCM', true, 'encrypt'), 'TypeError', 'usages must be a sequence');
  await rejectsWith(subtle.importKey('der', raw, 'AES-GCM', true, ['encrypt']), 'TypeError', 'bad format');
  await rejectsWith(subtle.importKey('jwk', raw, 'AES-GCM', true, ['encrypt']), 'TypeError', 'jwk given a buffer');
  await rejectsWith(subtle.importKey('raw', { kty: 'oct' }, 'AES-GCM', true, ['encrypt']), 'TypeError', 'raw given a dictionary');
  const k = await subtle.importKey('raw', raw, 'AES-GCM', true, new Set(['decrypt', 'encrypt']));
  assertEquals(k.usages, ['decrypt', 'encrypt'], 'any iterable; order kept');
  await rejectsWith(subtle.exportKey('pem', k), 'TypeError');
  await rejectsWith(subtle.exportKey('raw', {}), 'TypeError', 'not a CryptoKey');
  await rejectsWith(subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, k, 'text'), 'TypeError', 'data must be a BufferSource');
  await rejectsWith(subtle.sign('HMAC', k, raw), 'InvalidAccessError', 'AES key for HMAC');
  await rejectsWith(subtle.sign('RSA-OAEP', k, raw), 'NotSupportedError', 'RSA-OAEP does not sign');
  await rejectsWith(subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, await subtle.importKey('raw', raw, 'AES-GCM', true, ['decrypt']), raw), 'InvalidAccessError', 'no encrypt usage');
});

test('inputs are copied when the call is made', async () => {
  const data = enc.encode('abc');
  const p = subtle.digest('SHA-256', data);
  data[0] = 0;
  assertEquals(hex(await p), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  const raw = new Uint8Array(16).fill(1);
  const key = await subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt']);
  raw.fill(2);
  assertEquals(hex(await subtle.exportKey('raw', key)), '01'.repeat(16), 'key material is a copy');
  const out = await subtle.exportKey('raw', key);
  new Uint8Array(out).fill(3);
  assertEquals(hex(await subtle.exportKey('raw', key)), '01'.repeat(16), 'exports are copies');
});
