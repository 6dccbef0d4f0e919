// wrapKey / unwrapKey with every format and wrapping algorithm.

test('wrapKey/unwrapKey: jwk with AES-GCM, raw with AES-KW, pkcs8 with AES-CBC', async () => {
  const gcm = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
  const hmac = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await subtle.wrapKey('jwk', hmac, gcm, { name: 'AES-GCM', iv });
  assertEquals(wrapped.byteLength > 16, true);
  const back = await subtle.unwrapKey('jwk', wrapped, gcm, { name: 'AES-GCM', iv }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
  assertEquals(back.algorithm, hmac.algorithm);
  assertEquals(hex(await subtle.exportKey('raw', back)), hex(await subtle.exportKey('raw', hmac)));

  const kw = await subtle.generateKey({ name: 'AES-KW', length: 128 }, false, ['wrapKey', 'unwrapKey']);
  const w2 = await subtle.wrapKey('raw', hmac, kw, 'AES-KW');
  assertEquals(w2.byteLength, 64 + 8);
  const back2 = await subtle.unwrapKey('raw', w2, kw, 'AES-KW', { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  assertEquals([back2.extractable, back2.usages], [false, ['verify']]);
  // AES-KW needs multiples of 8 bytes: a JWK's JSON usually isn't.
  const ec = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const cbc = await subtle.generateKey({ name: 'AES-CBC', length: 128 }, false, ['wrapKey', 'unwrapKey']);
  const civ = new Uint8Array(16);
  const w3 = await subtle.wrapKey('pkcs8', ec.privateKey, cbc, { name: 'AES-CBC', iv: civ });
  const back3 = await subtle.unwrapKey('pkcs8', w3, cbc, { name: 'AES-CBC', iv: civ }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
  const sig = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, back3, enc.encode('m'));
  assertEquals(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ec.publicKey, sig, enc.encode('m')), true);
});

test('wrapKey/unwrapKey: RSA-OAEP wraps an AES key', async () => {
  const rsa = await subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['wrapKey', 'unwrapKey']);
  const aes = await subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  const wrapped = await subtle.wrapKey('raw', aes, rsa.publicKey, { name: 'RSA-OAEP' });
  const back = await subtle.unwrapKey('raw', wrapped, rsa.privateKey, 'RSA-OAEP', 'AES-GCM', true, ['encrypt']);
  assertEquals(hex(await subtle.exportKey('raw', back)), hex(await subtle.exportKey('raw', aes)));
});

test('wrapKey/unwrapKey: errors', async () => {
  const gcm = await subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, ['wrapKey', 'unwrapKey', 'encrypt']);
  const enc2 = await subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, ['encrypt', 'decrypt']);
  const iv = new Uint8Array(12);
  const secret = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  await rejectsWith(subtle.wrapKey('raw', secret, gcm, { name: 'AES-GCM', iv }), 'InvalidAccessError', 'not extractable');
  const open = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
  await rejectsWith(subtle.wrapKey('raw', open, enc2, { name: 'AES-GCM', iv }), 'InvalidAccessError', 'no wrapKey usage');
  await rejectsWith(subtle.wrapKey('raw', open, gcm, { name: 'AES-CBC', iv: new Uint8Array(16) }), 'InvalidAccessError', 'algorithm mismatch');
  await rejectsWith(subtle.wrapKey('spki', open, gcm, { name: 'AES-GCM', iv }), 'NotSupportedError', 'spki of an HMAC key');
  const pb = await subtle.importKey('raw', new Uint8Array(8), 'PBKDF2', false, ['deriveKey']);
  await rejectsWith(subtle.wrapKey('raw', pb, gcm, { name: 'AES-GCM', iv }), 'NotSupportedError', 'PBKDF2 keys are not exportable');
  const notJSON = await subtle.encrypt({ name: 'AES-GCM', iv }, gcm, enc.encode('not json'));
  await rejectsWith(subtle.unwrapKey('jwk', notJSON, gcm, { name: 'AES-GCM', iv }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'DataError', 'not JSON');
  const noKty = await subtle.encrypt({ name: 'AES-GCM', iv }, gcm, enc.encode('{"k":"AAAA"}'));
  await rejectsWith(subtle.unwrapKey('jwk', noKty, gcm, { name: 'AES-GCM', iv }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), 'DataError', 'no kty');
  await rejectsWith(subtle.unwrapKey('raw', new Uint8Array(40), gcm, { name: 'AES-GCM', iv }, 'AES-GCM', true, ['encrypt']), 'OperationError', 'tag check');
});
