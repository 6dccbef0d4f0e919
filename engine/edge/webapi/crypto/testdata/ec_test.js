// ECDSA and ECDH on P-256, P-384, P-521.

const sizes = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };
const hashFor = { 'P-256': 'SHA-256', 'P-384': 'SHA-384', 'P-521': 'SHA-512' };

test('ECDSA: RFC 6979 A.2.5 signature verifies (P-256, SHA-256, "sample")', async () => {
  const x = fromHex('60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6');
  const y = fromHex('7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299');
  const d = fromHex('C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721');
  const sig = fromHex('EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716' + 'F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8');
  const raw = new Uint8Array(65);
  raw[0] = 4; raw.set(x, 1); raw.set(y, 33);
  const pub = await subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  assertEquals(pub.algorithm, { name: 'ECDSA', namedCurve: 'P-256' });
  assertEquals(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, enc.encode('sample')), true);
  assertEquals(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, enc.encode('samplE')), false);
  assertEquals(await subtle.verify({ name: 'ECDSA', hash: 'SHA-384' }, pub, sig, enc.encode('sample')), false, 'other hash');
  assertEquals(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig.slice(0, 63), enc.encode('sample')), false, 'wrong length');
  // The private key from a JWK signs; the signature verifies with the public key.
  const priv = await subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: b64url(x), y: b64url(y), d: b64url(d) }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
  const s2 = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, priv, enc.encode('sample'));
  assertEquals(s2.byteLength, 64, 'r || s, not DER');
  assertEquals(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, s2, enc.encode('sample')), true);
  // Compressed points import too.
  const compressed = new Uint8Array(33);
  compressed[0] = 2 + (y[31] & 1); compressed.set(x, 1);
  const pubC = await subtle.importKey('raw', compressed, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  assertEquals(hex(await subtle.exportKey('raw', pubC)), hex(raw));
  await rejectsWith(subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: b64url(x), y: b64url(x), d: b64url(d) }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']), 'DataError', 'not on the curve');
  await rejectsWith(subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: b64url(x), y: b64url(y), d: b64url(fromHex('01'.repeat(32))) }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']), 'DataError', 'd does not match');
});

test('ECDSA: every curve, generate, sign, verify, all formats', async () => {
  for (const crv in sizes) {
    const n = sizes[crv];
    const alg = { name: 'ECDSA', namedCurve: crv };
    const { publicKey, privateKey } = await subtle.generateKey(alg, true, ['sign', 'verify']);
    assertEquals([publicKey.type, privateKey.type, publicKey.usages, privateKey.usages], ['public', 'private', ['verify'], ['sign']]);
    assertEquals(privateKey.algorithm, { name: 'ECDSA', namedCurve: crv });
    const data = enc.encode('data for ' + crv);
    const sig = await subtle.sign({ name: 'ECDSA', hash: hashFor[crv] }, privateKey, data);
    assertEquals(sig.byteLength, 2 * n);
    assertEquals(await subtle.verify({ name: 'ECDSA', hash: { name: hashFor[crv] } }, publicKey, sig, data), true, crv);

    const raw = await subtle.exportKey('raw', publicKey);
    assertEquals(raw.byteLength, 1 + 2 * n);
    assertEquals(new Uint8Array(raw)[0], 4, 'uncompressed');
    const jpub = await subtle.exportKey('jwk', publicKey);
    assertEquals(sortedKeys(jpub), ['crv', 'ext', 'key_ops', 'kty', 'x', 'y']);
    assertEquals([jpub.kty, jpub.crv, jpub.ext], ['EC', crv, true]);
    assertEquals(jpub.x, b64url(new Uint8Array(raw).slice(1, 1 + n)));
    assertEquals(jpub.y, b64url(new Uint8Array(raw).slice(1 + n)));
    const jpriv = await subtle.exportKey('jwk', privateKey);
    assertEquals(sortedKeys(jpriv), ['crv', 'd', 'ext', 'key_ops', 'kty', 'x', 'y']);
    assertEquals(jpriv.key_ops, ['sign']);
    assert(!/=/.test(jpriv.d + jpriv.x + jpriv.y), 'no padding');

    const spki = await subtle.exportKey('spki', publicKey);
    const pkcs8 = await subtle.exportKey('pkcs8', privateKey);
    for (const [fmt, data_, usages] of [['spki', spki, ['verify']], ['pkcs8', pkcs8, ['sign']], ['jwk', jpub, ['verify']], ['jwk', jpriv, ['sign']], ['raw', raw, ['verify']]]) {
      const k = await subtle.importKey(fmt, data_, alg, true, usages);
      assertEquals(k.algorithm, alg);
      if (k.type === 'public') assertEquals(hex(await subtle.exportKey('spki', k)), hex(spki), fmt);
      else assertEquals(hex(await subtle.exportKey('pkcs8', k)), hex(pkcs8), fmt);
    }
    await rejectsWith(subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: crv === 'P-256' ? 'P-384' : 'P-256' }, true, ['verify']), 'DataError', 'curve mismatch');
    await rejectsWith(subtle.importKey('jwk', jpub, { name: 'ECDSA', namedCurve: crv === 'P-256' ? 'P-384' : 'P-256' }, true, ['verify']), 'DataError', 'crv mismatch');
    await rejectsWith(subtle.importKey('jwk', { ...jpub, alg: 'ES999' }, alg, true, ['verify']), 'DataError', 'alg mismatch');
    assertEquals((await subtle.importKey('jwk', { ...jpub, alg: { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[crv] }, alg, true, ['verify'])).type, 'public');
    await rejectsWith(subtle.exportKey('raw', privateKey), 'InvalidAccessError', 'raw private');
  }
  await rejectsWith(subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-192' }, true, ['sign']), 'NotSupportedError');
  await rejectsWith(subtle.generateKey({ name: 'ECDSA' }, true, ['sign']), 'TypeError', 'namedCurve required');
  const { privateKey } = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
  await rejectsWith(subtle.sign({ name: 'ECDSA' }, privateKey, new Uint8Array(1)), 'TypeError', 'hash required');
});

test('ECDH: both sides derive the same bits', async () => {
  for (const crv in sizes) {
    const alg = { name: 'ECDH', namedCurve: crv };
    const a = await subtle.generateKey(alg, true, ['deriveBits', 'deriveKey']);
    const b = await subtle.generateKey(alg, true, ['deriveBits']);
    assertEquals(a.publicKey.usages, [], 'ECDH public keys have no usages');
    assertEquals(a.privateKey.usages, ['deriveBits', 'deriveKey']);
    const ab = await subtle.deriveBits({ name: 'ECDH', public: b.publicKey }, a.privateKey, null);
    const ba = await subtle.deriveBits({ name: 'ECDH', public: a.publicKey }, b.privateKey);
    assertEquals(ab.byteLength, sizes[crv]);
    assertEquals(hex(ab), hex(ba), crv);
    const short = await subtle.deriveBits({ name: 'ECDH', public: b.publicKey }, a.privateKey, 20);
    const abBytes = new Uint8Array(ab);
    assertEquals(Array.from(new Uint8Array(short)), [abBytes[0], abBytes[1], abBytes[2] & 0xf0], 'first 20 bits');
    await rejectsWith(subtle.deriveBits({ name: 'ECDH', public: b.publicKey }, a.privateKey, sizes[crv] * 8 + 8), 'OperationError', 'too long');
    // deriveKey to AES-GCM.
    const k = await subtle.deriveKey({ name: 'ECDH', public: b.publicKey }, a.privateKey, { name: 'AES-GCM', length: 128 }, true, ['encrypt']);
    assertEquals(k.algorithm, { name: 'AES-GCM', length: 128 });
    assertEquals(hex(await subtle.exportKey('raw', k)), hex(ab).slice(0, 32));
    // Public keys round trip through raw, spki and jwk; usages must be empty.
    const raw = await subtle.exportKey('raw', b.publicKey);
    const pub2 = await subtle.importKey('raw', raw, alg, true, []);
    assertEquals(hex(await subtle.deriveBits({ name: 'ECDH', public: pub2 }, a.privateKey, null)), hex(ab));
    await rejectsWith(subtle.importKey('raw', raw, alg, true, ['deriveBits']), 'SyntaxError', 'usages on an ECDH public key');
    const jpriv = await subtle.exportKey('jwk', a.privateKey);
    assertEquals(sortedKeys(jpriv), ['crv', 'd', 'ext', 'key_ops', 'kty', 'x', 'y']);
    const priv2 = await subtle.importKey('pkcs8', await subtle.exportKey('pkcs8', a.privateKey), alg, false, ['deriveBits']);
    assertEquals(hex(await subtle.deriveBits({ name: 'ECDH', public: b.publicKey }, priv2, null)), hex(ab));
  }
  const p256 = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const p384 = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, true, ['deriveBits']);
  const ecdsa = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  await rejectsWith(subtle.deriveBits({ name: 'ECDH', public: p384.publicKey }, p256.privateKey, null), 'InvalidAccessError', 'curve mismatch');
  await rejectsWith(subtle.deriveBits({ name: 'ECDH', public: ecdsa.publicKey }, p256.privateKey, null), 'InvalidAccessError', 'ECDSA public key');
  await rejectsWith(subtle.deriveBits({ name: 'ECDH', public: p256.privateKey }, p256.privateKey, null), 'InvalidAccessError', 'private as public');
  await rejectsWith(subtle.deriveBits({ name: 'ECDH', public: {} }, p256.privateKey, null), 'TypeError', 'public is not a CryptoKey');
  await rejectsWith(subtle.deriveBits({ name: 'ECDH' }, p256.privateKey, null), 'TypeError', 'public is required');
});
