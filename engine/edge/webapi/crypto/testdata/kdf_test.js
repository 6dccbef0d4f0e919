// HKDF (RFC 5869) and PBKDF2 (RFC 6070).

test('HKDF: RFC 5869 test cases 1 and 3', async () => {
  const ikm = await subtle.importKey('raw', fromHex('0b'.repeat(22)), 'HKDF', false, ['deriveBits', 'deriveKey']);
  assertEquals([ikm.type, ikm.extractable, ikm.algorithm, ikm.usages], ['secret', false, { name: 'HKDF' }, ['deriveBits', 'deriveKey']]);
  const okm1 = await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: fromHex('000102030405060708090a0b0c'), info: fromHex('f0f1f2f3f4f5f6f7f8f9') }, ikm, 42 * 8);
  assertEquals(hex(okm1), '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  const okm3 = await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new Uint8Array(0) }, ikm, 42 * 8);
  assertEquals(hex(okm3), '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8');
  assertEquals((await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new Uint8Array(0) }, ikm, 0)).byteLength, 0);
  const alg = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new Uint8Array(0) };
  await rejectsWith(subtle.deriveBits(alg, ikm, null), 'OperationError', 'null length');
  await rejectsWith(subtle.deriveBits(alg, ikm, 12), 'OperationError', 'not a multiple of 8');
  await rejectsWith(subtle.deriveBits(alg, ikm, 255 * 32 * 8 + 8), 'OperationError', 'too long');
  await rejectsWith(subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0) }, ikm, 256), 'TypeError', 'info is required');
  // deriveKey: HKDF -> AES-GCM, HMAC (length from the hash).
  const aesKey = await subtle.deriveKey({ ...alg, salt: fromHex('000102030405060708090a0b0c'), info: fromHex('f0f1f2f3f4f5f6f7f8f9') }, ikm, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  assertEquals(hex(await subtle.exportKey('raw', aesKey)), hex(okm1).slice(0, 64));
  const hmacKey = await subtle.deriveKey(alg, ikm, { name: 'HMAC', hash: 'SHA-512' }, true, ['sign']);
  assertEquals(hmacKey.algorithm, { name: 'HMAC', length: 1024, hash: { name: 'SHA-512' } });
  await rejectsWith(subtle.deriveKey(alg, ikm, { name: 'HKDF' }, false, ['deriveBits']), 'OperationError', 'HKDF has no key length');
  await rejectsWith(subtle.deriveKey(alg, ikm, { name: 'AES-GCM', length: 100 }, true, ['encrypt']), 'OperationError', 'AES length');
  await rejectsWith(subtle.deriveKey(alg, ikm, { name: 'AES-GCM', length: 128 }, true, []), 'SyntaxError', 'empty usages');
  await rejectsWith(subtle.exportKey('raw', ikm), 'NotSupportedError', 'HKDF keys cannot be exported');
});

test('HKDF and PBKDF2: import rules', async () => {
  for (const name of ['HKDF', 'PBKDF2']) {
    await rejectsWith(subtle.importKey('raw', new Uint8Array(4), name, true, ['deriveBits']), 'SyntaxError', name + ' extractable');
    await rejectsWith(subtle.importKey('raw', new Uint8Array(4), name, false, ['sign']), 'SyntaxError', name + ' usage');
    await rejectsWith(subtle.importKey('raw', new Uint8Array(4), name, false, []), 'SyntaxError', name + ' no usage');
    await rejectsWith(subtle.importKey('jwk', { kty: 'oct', k: 'AAAA' }, name, false, ['deriveBits']), 'NotSupportedError', name + ' jwk');
    await rejectsWith(subtle.generateKey(name, false, ['deriveBits']), 'NotSupportedError', name + ' generateKey');
  }
});

test('PBKDF2: RFC 6070 (HMAC-SHA-1)', async () => {
  const cases = [
    ['password', 'salt', 1, 20, '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
    ['password', 'salt', 2, 20, 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
    ['password', 'salt', 4096, 20, '4b007901b765489abead49d926f721d065a429c1'],
    ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, '3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038'],
    ['pass\0word', 'sa\0lt', 4096, 16, '56fa6aa75548099dcc37d7f03425e0c3'],
  ];
  for (const [p, s, c, n, want] of cases) {
    const key = await subtle.importKey('raw', enc.encode(p), 'PBKDF2', false, ['deriveBits']);
    const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-1', salt: enc.encode(s), iterations: c }, key, n * 8);
    assertEquals(hex(bits), want, `${JSON.stringify(p)} c=${c}`);
  }
  const key = await subtle.importKey('raw', enc.encode('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
  const alg = { name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode('salt'), iterations: 1 };
  assertEquals(hex(await subtle.deriveBits(alg, key, 256)), '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b', 'SHA-256, c=1');
  await rejectsWith(subtle.deriveBits({ ...alg, iterations: 0 }, key, 256), 'OperationError', 'zero iterations');
  await rejectsWith(subtle.deriveBits(alg, key, null), 'OperationError', 'null length');
  await rejectsWith(subtle.deriveBits(alg, key, 7), 'OperationError', 'length 7');
  await rejectsWith(subtle.deriveBits({ ...alg, iterations: -1 }, key, 256), 'TypeError', 'EnforceRange');
  await rejectsWith(subtle.deriveBits({ ...alg, hash: 'SHA-3' }, key, 256), 'NotSupportedError');
  const k = await subtle.deriveKey({ ...alg, iterations: 100000 }, key, { name: 'AES-CBC', length: 128 }, true, ['encrypt']);
  assertEquals((await subtle.exportKey('raw', k)).byteLength, 16);
});
