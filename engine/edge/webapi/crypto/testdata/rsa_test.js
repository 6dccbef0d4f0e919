// RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP.

const e65537 = new Uint8Array([1, 0, 1]);
let pairs; // generated once: generation is slow
async function pair(name) {
  if (!pairs) pairs = {};
  if (!pairs[name]) {
    const usages = name === 'RSA-OAEP' ? ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] : ['sign', 'verify'];
    pairs[name] = await subtle.generateKey({ name, modulusLength: 2048, publicExponent: e65537, hash: 'SHA-256' }, true, usages);
  }
  return pairs[name];
}

test('RSA: generateKey gives a key pair of the right shape', async () => {
  const { publicKey, privateKey } = await pair('RSASSA-PKCS1-v1_5');
  assertEquals([publicKey.type, privateKey.type], ['public', 'private']);
  assertEquals([publicKey.extractable, privateKey.extractable], [true, true]);
  assertEquals(publicKey.usages, ['verify']);
  assertEquals(privateKey.usages, ['sign']);
  const a = privateKey.algorithm;
  assertEquals(Object.keys(a), ['name', 'modulusLength', 'publicExponent', 'hash']);
  assertEquals(a.name, 'RSASSA-PKCS1-v1_5');
  assertEquals(a.modulusLength, 2048);
  assert(a.publicExponent instanceof Uint8Array, 'publicExponent is a Uint8Array');
  assertEquals(Array.from(a.publicExponent), [1, 0, 1]);
  assertEquals(a.hash, { name: 'SHA-256' });
  const oaep = await pair('RSA-OAEP');
  assertEquals(oaep.publicKey.usages, ['encrypt', 'wrapKey']);
  assertEquals(oaep.privateKey.usages, ['decrypt', 'unwrapKey']);
  // Not extractable: the public key still is.
  const ne = await subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: e65537, hash: 'SHA-1' }, false, ['sign', 'verify']);
  assertEquals([ne.publicKey.extractable, ne.privateKey.extractable], [true, false]);
});

test('RSA: generateKey runs off the loop (timers fire meanwhile)', async () => {
  let ticks = 0;
  const id = setInterval(() => ticks++, 1);
  await subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: e65537, hash: 'SHA-256' }, false, ['sign']);
  clearInterval(id);
  assert(ticks > 0, 'the loop kept running during key generation');
});

test('RSASSA-PKCS1-v1_5 and RSA-PSS: sign and verify', async () => {
  const data = enc.encode('hello');
  for (const [name, alg] of [['RSASSA-PKCS1-v1_5', { name: 'RSASSA-PKCS1-v1_5' }], ['RSA-PSS', { name: 'RSA-PSS', saltLength: 32 }]]) {
    const { publicKey, privateKey } = await pair(name);
    const sig = await subtle.sign(alg, privateKey, data);
    assertEquals(sig.byteLength, 256);
    assertEquals(await subtle.verify(alg, publicKey, sig, data), true, name);
    assertEquals(await subtle.verify(alg, publicKey, sig, enc.encode('hellO')), false, name + ' other data');
    await rejectsWith(subtle.sign(alg, publicKey, data), 'InvalidAccessError', 'sign with the public key');
    await rejectsWith(subtle.verify(alg, privateKey, sig, data), 'InvalidAccessError', 'verify with the private key');
  }
  const { privateKey } = await pair('RSASSA-PKCS1-v1_5');
  const a = await subtle.sign('RSASSA-PKCS1-v1_5', privateKey, data);
  const b = await subtle.sign('RSASSA-PKCS1-v1_5', privateKey, data);
  assertEquals(hex(a), hex(b), 'PKCS#1 v1.5 is deterministic');
  const pss = await pair('RSA-PSS');
  await rejectsWith(subtle.sign({ name: 'RSA-PSS' }, pss.privateKey, data), 'TypeError', 'saltLength is required');
});

test('RSA-OAEP: encrypt and decrypt, with a label', async () => {
  const { publicKey, privateKey } = await pair('RSA-OAEP');
  const msg = enc.encode('secret message');
  const ct = await subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, msg);
  assertEquals(ct.byteLength, 256);
  assertEquals(new TextDecoder().decode(await subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, ct)), 'secret message');
  const label = enc.encode('label');
  const ct2 = await subtle.encrypt({ name: 'RSA-OAEP', label }, publicKey, msg);
  await rejectsWith(subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, ct2), 'OperationError', 'wrong label');
  assertEquals(hex(await subtle.decrypt({ name: 'RSA-OAEP', label }, privateKey, ct2)), hex(msg));
  const bad = new Uint8Array(ct);
  bad[10] ^= 1;
  await rejectsWith(subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, bad), 'OperationError', 'tampered');
  await rejectsWith(subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, new Uint8Array(300)), 'OperationError', 'too long');
  await rejectsWith(subtle.encrypt({ name: 'RSA-OAEP' }, privateKey, msg), 'InvalidAccessError', 'private key has no encrypt usage');
});

test('RSA: spki, pkcs8 and jwk round trips', async () => {
  for (const name of ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP']) {
    const { publicKey, privateKey } = await pair(name);
    const pubUsage = name === 'RSA-OAEP' ? ['encrypt'] : ['verify'];
    const privUsage = name === 'RSA-OAEP' ? ['decrypt'] : ['sign'];
    const spki = await subtle.exportKey('spki', publicKey);
    assert(spki instanceof ArrayBuffer);
    assertEquals(new Uint8Array(spki)[0], 0x30, 'DER SEQUENCE');
    const pub2 = await subtle.importKey('spki', spki, { name, hash: 'SHA-256' }, true, pubUsage);
    assertEquals(hex(await subtle.exportKey('spki', pub2)), hex(spki));
    assertEquals(pub2.algorithm, publicKey.algorithm);
    const pkcs8 = await subtle.exportKey('pkcs8', privateKey);
    const priv2 = await subtle.importKey('pkcs8', pkcs8, { name, hash: 'SHA-256' }, true, privUsage);
    assertEquals(hex(await subtle.exportKey('pkcs8', priv2)), hex(pkcs8));

    const jpub = await subtle.exportKey('jwk', publicKey);
    assertEquals(sortedKeys(jpub), ['alg', 'e', 'ext', 'key_ops', 'kty', 'n']);
    assertEquals([jpub.kty, jpub.e, jpub.ext], ['RSA', 'AQAB', true]);
    assertEquals(jpub.alg, { 'RSASSA-PKCS1-v1_5': 'RS256', 'RSA-PSS': 'PS256', 'RSA-OAEP': 'RSA-OAEP-256' }[name]);
    assertEquals(jpub.key_ops, publicKey.usages);
    const jpriv = await subtle.exportKey('jwk', privateKey);
    assertEquals(sortedKeys(jpriv), ['alg', 'd', 'dp', 'dq', 'e', 'ext', 'key_ops', 'kty', 'n', 'p', 'q', 'qi']);
    for (const m of ['d', 'dp', 'dq', 'e', 'n', 'p', 'q', 'qi']) assert(/^[A-Za-z0-9_-]+$/.test(jpriv[m]), m + ' is base64url');
    const priv3 = await subtle.importKey('jwk', jpriv, { name, hash: 'SHA-256' }, true, privUsage);
    assertEquals(await subtle.exportKey('jwk', priv3), { ...jpriv, key_ops: privUsage });
    const pub3 = await subtle.importKey('jwk', jpub, { name, hash: 'SHA-256' }, true, pubUsage);
    assertEquals(hex(await subtle.exportKey('spki', pub3)), hex(spki));
    await rejectsWith(subtle.exportKey('raw', publicKey), 'NotSupportedError', 'raw RSA');
    await rejectsWith(subtle.exportKey('spki', privateKey), 'InvalidAccessError', 'spki of a private key');
    await rejectsWith(subtle.exportKey('pkcs8', publicKey), 'InvalidAccessError', 'pkcs8 of a public key');
    await rejectsWith(subtle.importKey('jwk', jpub, { name, hash: 'SHA-384' }, true, pubUsage), 'DataError', 'alg vs hash');
  }
  // A signature from a re-imported key verifies with the original.
  const { publicKey, privateKey } = await pair('RSASSA-PKCS1-v1_5');
  const priv = await subtle.importKey('pkcs8', await subtle.exportKey('pkcs8', privateKey), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  const sig = await subtle.sign('RSASSA-PKCS1-v1_5', priv, enc.encode('x'));
  assertEquals(await subtle.verify('RSASSA-PKCS1-v1_5', publicKey, sig, enc.encode('x')), true);
});

test('RSA: import errors', async () => {
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  await rejectsWith(subtle.importKey('spki', new Uint8Array([1, 2, 3]), alg, true, ['verify']), 'DataError');
  await rejectsWith(subtle.importKey('pkcs8', new Uint8Array([0x30, 0]), alg, true, ['sign']), 'DataError');
  const { publicKey, privateKey } = await pair('RSASSA-PKCS1-v1_5');
  const spki = await subtle.exportKey('spki', publicKey);
  await rejectsWith(subtle.importKey('spki', spki, alg, true, ['sign']), 'SyntaxError', 'sign on a public key');
  await rejectsWith(subtle.importKey('pkcs8', await subtle.exportKey('pkcs8', privateKey), alg, true, []), 'SyntaxError', 'empty usages on a private key');
  const pub = await subtle.importKey('spki', spki, alg, true, []);
  assertEquals(pub.usages, [], 'a public key may have no usages');
  const ec = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
  await rejectsWith(subtle.importKey('spki', await subtle.exportKey('spki', ec.publicKey), alg, true, ['verify']), 'DataError', 'an EC key as RSA');
  await rejectsWith(subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5' }, true, ['verify']), 'TypeError', 'no hash');
  const jwk = await subtle.exportKey('jwk', privateKey);
  await rejectsWith(subtle.importKey('jwk', { ...jwk, dp: jwk.dq }, alg, true, ['sign']), 'DataError', 'inconsistent CRT');
  await rejectsWith(subtle.importKey('jwk', { ...jwk, n: undefined }, alg, true, ['sign']), 'DataError', 'no n');
  await rejectsWith(subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([3]), hash: 'SHA-256' }, true, ['sign']), 'OperationError', 'exponent 3');
  await rejectsWith(subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: [1, 0, 1], hash: 'SHA-256' }, true, ['sign']), 'TypeError', 'publicExponent must be a Uint8Array');
  await rejectsWith(subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: e65537, hash: 'SHA-256' }, true, ['encrypt']), 'SyntaxError');
  await rejectsWith(subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: e65537, hash: 'SHA-256' }, true, ['verify']), 'SyntaxError', 'no private usage');
});
