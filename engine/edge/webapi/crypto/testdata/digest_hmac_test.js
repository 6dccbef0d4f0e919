// digest (FIPS 180 "abc" vectors) and HMAC (RFC 4231).

test('digest: SHA-1/256/384/512 of "abc"', async () => {
  const abc = enc.encode('abc');
  const want = {
    'SHA-1': 'a9993e364706816aba3e25717850c26c9cd0d89d',
    'SHA-256': 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    'SHA-384': 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
    'SHA-512': 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  };
  for (const name in want) {
    const d = await subtle.digest(name, abc);
    assert(d instanceof ArrayBuffer, name + ' gives an ArrayBuffer');
    assertEquals(hex(d), want[name], name);
    assertEquals(hex(await subtle.digest({ name: name.toLowerCase() }, abc)), want[name], name + ' (object, lowercase)');
  }
  assertEquals(hex(await subtle.digest('SHA-256', new Uint8Array(0))), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('digest: BufferSource kinds and views respect byteOffset/byteLength', async () => {
  const want = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  const buf = new Uint8Array([0, 0, 97, 98, 99, 0]).buffer;
  assertEquals(hex(await subtle.digest('SHA-256', new Uint8Array(buf, 2, 3))), want, 'Uint8Array view');
  assertEquals(hex(await subtle.digest('SHA-256', new DataView(buf, 2, 3))), want, 'DataView');
  assertEquals(hex(await subtle.digest('SHA-256', new Uint8Array([97, 98, 99]).buffer)), want, 'ArrayBuffer');
  const u16 = new Uint16Array(2);
  new Uint8Array(u16.buffer).set([97, 98, 99, 100]);
  assertEquals(hex(await subtle.digest('SHA-256', new Uint8Array(u16.buffer, 0, 3))), want);
  assertEquals(hex(await subtle.digest('SHA-256', u16)), hex(await subtle.digest('SHA-256', enc.encode('abcd'))), 'Uint16Array');
});

test('digest: errors', async () => {
  await rejectsWith(subtle.digest('SHA-224', new Uint8Array(1)), 'NotSupportedError');
  await rejectsWith(subtle.digest('MD5', new Uint8Array(1)), 'NotSupportedError');
  await rejectsWith(subtle.digest({}, new Uint8Array(1)), 'TypeError');
  await rejectsWith(subtle.digest('SHA-256', 'abc'), 'TypeError');
  await rejectsWith(subtle.digest('SHA-256'), 'TypeError');
  const p = subtle.digest('nope', new Uint8Array(1));
  assert(p instanceof Promise, 'errors are rejections, not throws');
  await rejectsWith(p, 'NotSupportedError');
});

// RFC 4231 test cases 1, 2, 4, 6 and 7 (SHA-256/384/512).
const rfc4231 = [
  { key: '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', data: '4869205468657265',
    'SHA-256': 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    'SHA-384': 'afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6',
    'SHA-512': '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854' },
  { key: '4a656665', data: '7768617420646f2079612077616e7420666f72206e6f7468696e673f',
    'SHA-256': '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    'SHA-384': 'af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649',
    'SHA-512': '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737' },
  { key: '0102030405060708090a0b0c0d0e0f10111213141516171819', data: 'cd'.repeat(50),
    'SHA-256': '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b' },
  { key: 'aa'.repeat(131), data: '54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374',
    'SHA-256': '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    'SHA-512': '80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598' },
];

test('HMAC: RFC 4231 sign and verify', async () => {
  for (let i = 0; i < rfc4231.length; i++) {
    const v = rfc4231[i];
    for (const hash of ['SHA-256', 'SHA-384', 'SHA-512']) {
      if (!v[hash]) continue;
      const key = await subtle.importKey('raw', fromHex(v.key), { name: 'HMAC', hash }, false, ['sign', 'verify']);
      const sig = await subtle.sign('HMAC', key, fromHex(v.data));
      assert(sig instanceof ArrayBuffer);
      assertEquals(hex(sig), v[hash], `case ${i} ${hash}`);
      assertEquals(await subtle.verify({ name: 'hmac' }, key, fromHex(v[hash]), fromHex(v.data)), true, 'verify');
      const bad = fromHex(v[hash]);
      bad[0] ^= 1;
      assertEquals(await subtle.verify('HMAC', key, bad, fromHex(v.data)), false, 'tampered');
      assertEquals(await subtle.verify('HMAC', key, bad.slice(0, 16), fromHex(v.data)), false, 'truncated');
    }
  }
});

test('HMAC: key object shape', async () => {
  const key = await subtle.importKey('raw', fromHex('4a656665'), { name: 'HMAC', hash: { name: 'SHA-256' } }, true, ['sign', 'verify', 'sign']);
  assert(key instanceof CryptoKey);
  assertEquals(Object.prototype.toString.call(key), '[object CryptoKey]');
  assertEquals(key.type, 'secret');
  assertEquals(key.extractable, true);
  assertEquals(key.algorithm, { name: 'HMAC', length: 32, hash: { name: 'SHA-256' } });
  assert(key.algorithm === key.algorithm, 'algorithm is cached');
  assertEquals(key.usages, ['sign', 'verify'], 'usages are deduplicated');
  assert(key.usages === key.usages, 'usages is cached');
  assertEquals(Object.getOwnPropertyNames(key), [], 'no own properties: no key material on the object');
  assertEquals(Object.getOwnPropertySymbols(key), []);
  assertEquals(JSON.stringify(key), '{}');
  // Changing what the attributes return changes nothing inside.
  key.usages.length = 0;
  key.algorithm.name = 'AES-GCM';
  assertEquals(hex(await subtle.sign('HMAC', key, enc.encode('x'))).length, 64);
});

test('HMAC: generateKey default lengths and export', async () => {
  for (const [hash, bits] of [['SHA-1', 512], ['SHA-256', 512], ['SHA-384', 1024], ['SHA-512', 1024]]) {
    const key = await subtle.generateKey({ name: 'HMAC', hash }, true, ['sign']);
    assertEquals(key.algorithm, { name: 'HMAC', length: bits, hash: { name: hash } });
    const raw = await subtle.exportKey('raw', key);
    assertEquals(raw.byteLength, bits / 8);
    const jwk = await subtle.exportKey('jwk', key);
    assertEquals(sortedKeys(jwk), ['alg', 'ext', 'k', 'key_ops', 'kty']);
    assertEquals(jwk.kty, 'oct');
    assertEquals(jwk.alg, 'HS' + hash.slice(4));
    assertEquals(jwk.ext, true);
    assertEquals(jwk.key_ops, ['sign']);
    assertEquals(jwk.k, b64url(raw));
    assert(!/[=+/]/.test(jwk.k), 'base64url without padding');
  }
  const k = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 128 }, true, ['sign', 'verify']);
  assertEquals(k.algorithm.length, 128);
  assertEquals((await subtle.exportKey('raw', k)).byteLength, 16);
});

test('HMAC: JWK import round trip and checks', async () => {
  const jwk = { kty: 'oct', k: b64url(fromHex('0b'.repeat(20))), alg: 'HS256', ext: true, key_ops: ['sign', 'verify'] };
  const key = await subtle.importKey('jwk', jwk, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
  assertEquals(hex(await subtle.sign('HMAC', key, fromHex('4869205468657265'))), rfc4231[0]['SHA-256']);
  assertEquals(await subtle.exportKey('jwk', key), { alg: 'HS256', ext: true, k: jwk.k, key_ops: ['sign'], kty: 'oct' });
  await rejectsWith(subtle.importKey('jwk', { ...jwk, alg: 'HS512' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'DataError', 'alg mismatch');
  await rejectsWith(subtle.importKey('jwk', { ...jwk, kty: 'RSA' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'DataError', 'kty');
  await rejectsWith(subtle.importKey('jwk', { ...jwk, use: 'enc' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'DataError', 'use');
  await rejectsWith(subtle.importKey('jwk', { ...jwk, key_ops: ['verify'] }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'DataError', 'key_ops');
  await rejectsWith(subtle.importKey('jwk', { ...jwk, ext: false }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'DataError', 'ext');
  await rejectsWith(subtle.importKey('jwk', { kty: 'oct', k: 'a+b/' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'DataError', 'base64url');
  await rejectsWith(subtle.importKey('jwk', { kty: 'oct' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'DataError', 'no k');
  // ext false, not extractable: fine.
  const k2 = await subtle.importKey('jwk', { ...jwk, ext: false }, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  assertEquals(k2.extractable, false);
  await rejectsWith(subtle.exportKey('jwk', k2), 'InvalidAccessError');
  await rejectsWith(subtle.exportKey('raw', k2), 'InvalidAccessError');
});

test('HMAC: usages, length and hash checks', async () => {
  const raw = new Uint8Array(32);
  await rejectsWith(subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, ['encrypt']), 'SyntaxError');
  await rejectsWith(subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, []), 'SyntaxError');
  await rejectsWith(subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, []), 'SyntaxError');
  await rejectsWith(subtle.importKey('raw', raw, { name: 'HMAC' }, true, ['sign']), 'TypeError', 'hash is required');
  await rejectsWith(subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-3' }, true, ['sign']), 'NotSupportedError');
  await rejectsWith(subtle.importKey('raw', new Uint8Array(0), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'DataError');
  await rejectsWith(subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256', length: 512 }, true, ['sign']), 'DataError');
  const k = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256', length: 250 }, true, ['sign']);
  assertEquals(k.algorithm.length, 250);
  await rejectsWith(subtle.importKey('spki', raw, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'NotSupportedError');
  const v = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, ['verify']);
  await rejectsWith(subtle.sign('HMAC', v, raw), 'InvalidAccessError', 'no sign usage');
  await rejectsWith(subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, v, raw), 'InvalidAccessError', 'wrong algorithm');
});
