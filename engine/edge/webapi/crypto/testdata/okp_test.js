// Ed25519 (RFC 8032 7.1) and X25519 (RFC 7748 6.1).

const edPkcs8Prefix = '302e020100300506032b657004220420';
const xPkcs8Prefix = '302e020100300506032b656e04220420';

const rfc8032 = [
  { d: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', x: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', msg: '',
    sig: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b' },
  { d: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', x: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', msg: '72',
    sig: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00' },
];

test('Ed25519: RFC 8032 signatures from pkcs8 and jwk keys', async () => {
  for (const v of rfc8032) {
    const priv = await subtle.importKey('pkcs8', fromHex(edPkcs8Prefix + v.d), 'Ed25519', true, ['sign']);
    assertEquals(priv.algorithm, { name: 'Ed25519' });
    assertEquals(hex(await subtle.sign('Ed25519', priv, fromHex(v.msg))), v.sig);
    const priv2 = await subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', d: b64url(fromHex(v.d)), x: b64url(fromHex(v.x)) }, { name: 'ed25519' }, true, ['sign']);
    assertEquals(hex(await subtle.sign({ name: 'Ed25519' }, priv2, fromHex(v.msg))), v.sig);
    const pub = await subtle.importKey('raw', fromHex(v.x), 'Ed25519', true, ['verify']);
    assertEquals(await subtle.verify('Ed25519', pub, fromHex(v.sig), fromHex(v.msg)), true);
    assertEquals(await subtle.verify('Ed25519', pub, fromHex(v.sig), fromHex(v.msg + '00')), false);
    assertEquals(await subtle.exportKey('jwk', priv), { crv: 'Ed25519', d: b64url(fromHex(v.d)), ext: true, key_ops: ['sign'], kty: 'OKP', x: b64url(fromHex(v.x)) });
    assertEquals(hex(await subtle.exportKey('pkcs8', priv2)), edPkcs8Prefix + v.d);
    assertEquals(hex(await subtle.exportKey('raw', pub)), v.x);
    await rejectsWith(subtle.exportKey('raw', priv), 'InvalidAccessError', 'raw private');
    await rejectsWith(subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', d: b64url(fromHex(v.d)), x: b64url(fromHex(rfc8032[0].x === v.x ? rfc8032[1].x : rfc8032[0].x)) }, 'Ed25519', true, ['sign']), 'DataError', 'x does not match d');
  }
});

test('Ed25519: generate, spki and jwk shapes, errors', async () => {
  const { publicKey, privateKey } = await subtle.generateKey('Ed25519', true, ['sign', 'verify']);
  assertEquals([publicKey.usages, privateKey.usages], [['verify'], ['sign']]);
  const data = enc.encode('x');
  const sig = await subtle.sign('Ed25519', privateKey, data);
  assertEquals(sig.byteLength, 64);
  assertEquals(await subtle.verify('Ed25519', publicKey, sig, data), true);
  const spki = await subtle.exportKey('spki', publicKey);
  assertEquals(hex(spki).slice(0, 24), '302a300506032b6570032100');
  const jpub = await subtle.exportKey('jwk', publicKey);
  assertEquals(sortedKeys(jpub), ['crv', 'ext', 'key_ops', 'kty', 'x']);
  assertEquals([jpub.kty, jpub.crv], ['OKP', 'Ed25519']);
  const pub2 = await subtle.importKey('spki', spki, 'Ed25519', true, ['verify']);
  assertEquals(await subtle.verify('Ed25519', pub2, sig, data), true);
  await rejectsWith(subtle.importKey('raw', new Uint8Array(31), 'Ed25519', true, ['verify']), 'DataError');
  await rejectsWith(subtle.importKey('jwk', { ...jpub, crv: 'X25519' }, 'Ed25519', true, ['verify']), 'DataError', 'crv');
  await rejectsWith(subtle.importKey('jwk', { ...jpub, kty: 'EC' }, 'Ed25519', true, ['verify']), 'DataError', 'kty');
  await rejectsWith(subtle.importKey('jwk', { ...jpub, use: 'enc' }, 'Ed25519', true, ['verify']), 'DataError', 'use');
  await rejectsWith(subtle.importKey('spki', spki, 'X25519', true, []), 'DataError', 'an Ed25519 SPKI as X25519');
  await rejectsWith(subtle.generateKey('Ed25519', true, ['verify']), 'SyntaxError', 'no private usage');
  await rejectsWith(subtle.generateKey('Ed25519', true, ['deriveBits']), 'SyntaxError');
});

test('X25519: RFC 7748 6.1 shared secret', async () => {
  const alice = { d: '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', x: '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a' };
  const bob = { d: '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb', x: 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f' };
  const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
  const aPriv = await subtle.importKey('pkcs8', fromHex(xPkcs8Prefix + alice.d), 'X25519', true, ['deriveBits']);
  const bPub = await subtle.importKey('raw', fromHex(bob.x), 'X25519', true, []);
  assertEquals(hex(await subtle.deriveBits({ name: 'X25519', public: bPub }, aPriv, 256)), shared);
  const bPriv = await subtle.importKey('jwk', { kty: 'OKP', crv: 'X25519', d: b64url(fromHex(bob.d)), x: b64url(fromHex(bob.x)) }, 'X25519', true, ['deriveBits', 'deriveKey']);
  const aPub = await subtle.importKey('jwk', { kty: 'OKP', crv: 'X25519', x: b64url(fromHex(alice.x)) }, 'X25519', true, []);
  assertEquals(hex(await subtle.deriveBits({ name: 'X25519', public: aPub }, bPriv, null)), shared);
  assertEquals(hex(await subtle.deriveBits({ name: 'X25519', public: aPub }, bPriv, 128)), shared.slice(0, 32));
  assertEquals(await subtle.exportKey('jwk', aPriv), { crv: 'X25519', d: b64url(fromHex(alice.d)), ext: true, key_ops: ['deriveBits'], kty: 'OKP', x: b64url(fromHex(alice.x)) });
  const hk = await subtle.deriveKey({ name: 'X25519', public: aPub }, bPriv, { name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign']);
  assertEquals(hex(await subtle.exportKey('raw', hk)), shared);
  // A low-order public key gives an all-zero secret: OperationError.
  const zero = await subtle.importKey('raw', new Uint8Array(32), 'X25519', true, []);
  await rejectsWith(subtle.deriveBits({ name: 'X25519', public: zero }, aPriv, null), 'OperationError', 'all-zero secret');
  await rejectsWith(subtle.deriveBits({ name: 'X25519', public: bPub }, aPriv, 264), 'OperationError', 'too long');
  await rejectsWith(subtle.importKey('raw', fromHex(bob.x), 'X25519', true, ['deriveBits']), 'SyntaxError', 'public key usages');
  const gen = await subtle.generateKey({ name: 'X25519' }, false, ['deriveKey']);
  assertEquals([gen.publicKey.usages, gen.privateKey.usages, gen.privateKey.extractable], [[], ['deriveKey'], false]);
  await rejectsWith(subtle.deriveBits({ name: 'X25519', public: gen.publicKey }, gen.privateKey, null), 'InvalidAccessError', 'no deriveBits usage');
  const spki = await subtle.exportKey('spki', gen.publicKey);
  assertEquals(hex(spki).slice(0, 24), '302a300506032b656e032100');
});
