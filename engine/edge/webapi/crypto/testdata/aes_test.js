// AES-GCM (McGrew-Viega GCM test cases), AES-CBC and AES-CTR (NIST SP
// 800-38A F.2.1, F.5.1), AES-KW (RFC 3394 4.1, 4.6).

const sp80038aKey = '2b7e151628aed2a6abf7158809cf4f3c';
const sp80038aPlain = '6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51 30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710';
const aes = (name, keyHex, usages = ['encrypt', 'decrypt']) => subtle.importKey('raw', fromHex(keyHex), name, true, usages);

test('AES-GCM: known answers', async () => {
  const cases = [
    { key: '00000000000000000000000000000000', iv: '000000000000000000000000', p: '00000000000000000000000000000000',
      c: '0388dace60b6a392f328c2b971b2fe78', t: 'ab6e47d42cec13bdf53a67b21257bddf' },
    { key: 'feffe9928665731c6d6a8f9467308308', iv: 'cafebabefacedbaddecaf888',
      p: 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255',
      c: '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985',
      t: '4d5c2af327cd64a62cf35abd2ba6fab4' },
    { key: 'feffe9928665731c6d6a8f9467308308', iv: 'cafebabefacedbaddecaf888', aad: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
      p: 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
      c: '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091',
      t: '5bc94fbc3221a5db94fae95ae7121a47' },
  ];
  for (let i = 0; i < cases.length; i++) {
    const v = cases[i];
    const key = await aes('AES-GCM', v.key);
    const alg = { name: 'AES-GCM', iv: fromHex(v.iv) };
    if (v.aad) alg.additionalData = fromHex(v.aad);
    const out = await subtle.encrypt(alg, key, fromHex(v.p));
    assertEquals(hex(out), v.c + v.t, 'case ' + i);
    assertEquals(hex(await subtle.decrypt(alg, key, out)), v.p, 'decrypt ' + i);
    // Truncated tags are a prefix of the full one.
    for (const tagLength of [32, 64, 96, 104, 112, 120]) {
      const short = await subtle.encrypt({ ...alg, tagLength }, key, fromHex(v.p));
      assertEquals(hex(short), v.c + v.t.slice(0, tagLength / 4), `tagLength ${tagLength}`);
      assertEquals(hex(await subtle.decrypt({ ...alg, tagLength }, key, short)), v.p, `decrypt tagLength ${tagLength}`);
      const bad = new Uint8Array(short);
      bad[bad.length - 1] ^= 1;
      await rejectsWith(subtle.decrypt({ ...alg, tagLength }, key, bad), 'OperationError', `tampered tag ${tagLength}`);
    }
  }
});

test('AES-GCM: non-96-bit iv round trip, errors', async () => {
  const key = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  assertEquals(key.algorithm, { name: 'AES-GCM', length: 256 });
  assertEquals(key.usages, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(60));
  const msg = enc.encode('hello, world');
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('aad') }, key, msg);
  assertEquals(ct.byteLength, msg.length + 16);
  assertEquals(hex(await subtle.decrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('aad') }, key, ct)), hex(msg));
  await rejectsWith(subtle.decrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('AAD') }, key, ct), 'OperationError', 'wrong aad');
  await rejectsWith(subtle.decrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(8)), 'OperationError', 'shorter than the tag');
  await rejectsWith(subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 100 }, key, msg), 'OperationError', 'tagLength 100');
  await rejectsWith(subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 256 }, key, msg), 'TypeError', 'tagLength is an octet');
  await rejectsWith(subtle.encrypt({ name: 'AES-GCM' }, key, msg), 'TypeError', 'iv is required');
  await rejectsWith(subtle.encrypt({ name: 'AES-GCM', iv: 'abc' }, key, msg), 'TypeError', 'iv is a BufferSource');
  await rejectsWith(subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, key, msg), 'InvalidAccessError', 'wrong algorithm');
});

test('AES-CBC: SP 800-38A F.2.1 and PKCS#7 padding', async () => {
  const key = await aes('AES-CBC', sp80038aKey);
  const iv = fromHex('000102030405060708090a0b0c0d0e0f');
  const want = '7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7';
  const ct = await subtle.encrypt({ name: 'AES-CBC', iv }, key, fromHex(sp80038aPlain));
  assertEquals(ct.byteLength, 80, 'a full block of padding');
  assertEquals(hex(ct).slice(0, 128), want);
  assertEquals(hex(await subtle.decrypt({ name: 'AES-CBC', iv }, key, ct)), fromHex(sp80038aPlain).reduce((s, b) => s + b.toString(16).padStart(2, '0'), ''));
  for (const n of [0, 1, 15, 16, 17]) {
    const m = new Uint8Array(n).fill(7);
    const c = await subtle.encrypt({ name: 'AES-CBC', iv }, key, m);
    assertEquals(c.byteLength, (Math.floor(n / 16) + 1) * 16);
    assertEquals(hex(await subtle.decrypt({ name: 'AES-CBC', iv }, key, c)), hex(m), 'length ' + n);
  }
  await rejectsWith(subtle.decrypt({ name: 'AES-CBC', iv }, key, fromHex(want)), 'OperationError', 'bad padding');
  await rejectsWith(subtle.decrypt({ name: 'AES-CBC', iv }, key, new Uint8Array(15)), 'OperationError', 'partial block');
  await rejectsWith(subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(8) }, key, ct), 'OperationError', 'short iv');
});

test('AES-CTR: SP 800-38A F.5.1 and counter wrap-around', async () => {
  const key = await aes('AES-CTR', sp80038aKey);
  const counter = fromHex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
  const want = '874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee';
  for (const length of [128, 64, 32]) {
    const ct = await subtle.encrypt({ name: 'AES-CTR', counter, length }, key, fromHex(sp80038aPlain));
    assertEquals(hex(ct), want, 'length ' + length);
    assertEquals(hex(await subtle.decrypt({ name: 'AES-CTR', counter, length }, key, ct)), hex(fromHex(sp80038aPlain)));
  }
  // With length 8 the counter block ...ff is followed by ...00, not by a
  // carry into the next byte.
  const zeros = new Uint8Array(32);
  const c1 = fromHex('000000000000000000000000000000ff');
  const c0 = fromHex('00000000000000000000000000000000');
  const wrapped = new Uint8Array(await subtle.encrypt({ name: 'AES-CTR', counter: c1, length: 8 }, key, zeros));
  const fromZero = new Uint8Array(await subtle.encrypt({ name: 'AES-CTR', counter: c0, length: 8 }, key, zeros));
  assertEquals(hex(wrapped.slice(16)), hex(fromZero.slice(0, 16)));
  const carried = new Uint8Array(await subtle.encrypt({ name: 'AES-CTR', counter: c1, length: 16 }, key, zeros));
  const at100 = new Uint8Array(await subtle.encrypt({ name: 'AES-CTR', counter: fromHex('00000000000000000000000000000100'), length: 16 }, key, zeros));
  assertEquals(hex(carried.slice(16)), hex(at100.slice(0, 16)), 'length 16 carries');
  await rejectsWith(subtle.encrypt({ name: 'AES-CTR', counter: c0, length: 1 }, key, new Uint8Array(48)), 'OperationError', 'counter would repeat');
  await rejectsWith(subtle.encrypt({ name: 'AES-CTR', counter: c0, length: 0 }, key, zeros), 'OperationError', 'length 0');
  await rejectsWith(subtle.encrypt({ name: 'AES-CTR', counter: c0, length: 129 }, key, zeros), 'OperationError', 'length 129');
  await rejectsWith(subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(8), length: 64 }, key, zeros), 'OperationError', 'short counter');
  await rejectsWith(subtle.encrypt({ name: 'AES-CTR', counter: c0 }, key, zeros), 'TypeError', 'length is required');
});

test('AES-KW: RFC 3394 wrap and unwrap', async () => {
  const vectors = [
    { kek: '000102030405060708090a0b0c0d0e0f', key: '00112233445566778899aabbccddeeff', wrapped: '1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5' },
    { kek: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', key: '00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f',
      wrapped: '28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21' },
  ];
  for (const v of vectors) {
    const kek = await subtle.importKey('raw', fromHex(v.kek), 'AES-KW', true, ['wrapKey', 'unwrapKey']);
    assertEquals(kek.algorithm, { name: 'AES-KW', length: v.kek.length * 4 });
    const key = await subtle.importKey('raw', fromHex(v.key), 'AES-GCM', true, ['encrypt']);
    const wrapped = await subtle.wrapKey('raw', key, kek, 'AES-KW');
    assertEquals(hex(wrapped), v.wrapped);
    const back = await subtle.unwrapKey('raw', fromHex(v.wrapped), kek, { name: 'aes-kw' }, 'AES-GCM', true, ['decrypt']);
    assertEquals(back.algorithm, { name: 'AES-GCM', length: v.key.length * 4 });
    assertEquals(back.usages, ['decrypt']);
    assertEquals(hex(await subtle.exportKey('raw', back)), v.key);
    const bad = fromHex(v.wrapped);
    bad[3] ^= 1;
    await rejectsWith(subtle.unwrapKey('raw', bad, kek, 'AES-KW', 'AES-GCM', true, ['decrypt']), 'OperationError', 'integrity');
  }
  const kek = await subtle.generateKey({ name: 'AES-KW', length: 128 }, false, ['wrapKey']);
  await rejectsWith(subtle.encrypt('AES-KW', kek, new Uint8Array(16)), 'NotSupportedError', 'AES-KW has no encrypt');
  await rejectsWith(subtle.generateKey({ name: 'AES-KW', length: 128 }, false, ['encrypt']), 'SyntaxError');
});

test('AES: import, export and generate', async () => {
  for (const name of ['AES-GCM', 'AES-CBC', 'AES-CTR', 'AES-KW']) {
    for (const length of [128, 192, 256]) {
      const usages = name === 'AES-KW' ? ['wrapKey', 'unwrapKey'] : ['encrypt', 'decrypt'];
      const key = await subtle.generateKey({ name, length }, true, usages);
      assertEquals(key.algorithm, { name, length });
      assertEquals(key.type, 'secret');
      const raw = await subtle.exportKey('raw', key);
      assertEquals(raw.byteLength, length / 8);
      const jwk = await subtle.exportKey('jwk', key);
      assertEquals(jwk, { alg: 'A' + length + name.slice(4), ext: true, k: b64url(raw), key_ops: usages, kty: 'oct' });
      assertEquals(JSON.stringify(Object.keys(jwk)), '["key_ops","ext","kty","k","alg"]'); // Node's order (next dev)
      const k2 = await subtle.importKey('jwk', jwk, name, true, usages);
      assertEquals(hex(await subtle.exportKey('raw', k2)), hex(raw));
      await rejectsWith(subtle.importKey('jwk', { ...jwk, alg: 'A' + (length === 128 ? 256 : 128) + name.slice(4) }, name, true, usages), 'DataError', 'alg');
    }
    await rejectsWith(subtle.generateKey({ name, length: 64 }, true, ['wrapKey']), 'OperationError', name + ' length 64');
    await rejectsWith(subtle.importKey('raw', new Uint8Array(20), name, true, ['wrapKey']), 'DataError', name + ' 20 bytes');
    await rejectsWith(subtle.importKey('pkcs8', new Uint8Array(16), name, true, ['wrapKey']), 'NotSupportedError');
  }
});
