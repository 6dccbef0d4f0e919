export const config = { runtime: 'edge' }
// crypto.subtle with fixed inputs: digests, HMAC, AES-GCM with a fixed IV,
// PBKDF2, HKDF, a JWK export; and a sign/verify round trip.
const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('')
const enc = new TextEncoder()
export default async function handler(req: Request) {
  const s = crypto.subtle
  if (new URL(req.url).searchParams.has('unextractable')) {
    const k = await s.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt'])
    try { await s.exportKey('raw', k); return new Response('exported?') } catch (e: any) { return new Response(e.name + ': ' + e.message) }
  }
  const out: Record<string, unknown> = {}
  for (const alg of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']) out[alg] = hex(await s.digest(alg, enc.encode('abc')))
  const hk = await s.importKey('raw', enc.encode('key'), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify'])
  out.hmac = hex(await s.sign('HMAC', hk, enc.encode('The quick brown fox jumps over the lazy dog')))
  out.hmacJwk = await s.exportKey('jwk', hk)
  out.hmacAlg = hk.algorithm
  const ak = await s.importKey('raw', new Uint8Array(16).fill(7), 'AES-GCM', false, ['encrypt', 'decrypt'])
  const ct = await s.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12).fill(1) }, ak, enc.encode('secret'))
  out.gcm = hex(ct)
  out.gcmBack = new TextDecoder().decode(await s.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12).fill(1) }, ak, ct))
  const pb = await s.importKey('raw', enc.encode('password'), 'PBKDF2', false, ['deriveBits'])
  out.pbkdf2 = hex(await s.deriveBits({ name: 'PBKDF2', salt: enc.encode('salt'), iterations: 2, hash: 'SHA-256' }, pb, 256))
  const hkdf = await s.importKey('raw', new Uint8Array(22).fill(11), 'HKDF', false, ['deriveBits'])
  out.hkdf = hex(await s.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(13).map((_, i) => i), info: new Uint8Array(10).map((_, i) => 0xf0 + i) }, hkdf, 336))
  const ec = await s.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']) as CryptoKeyPair
  const sig = await s.sign({ name: 'ECDSA', hash: 'SHA-256' }, ec.privateKey, enc.encode('msg'))
  out.ecdsa = { verified: await s.verify({ name: 'ECDSA', hash: 'SHA-256' }, ec.publicKey, sig, enc.encode('msg')), sigBytes: sig.byteLength, alg: ec.publicKey.algorithm, usages: ec.privateKey.usages, type: ec.publicKey.type }
  const ed = await s.generateKey('Ed25519', false, ['sign', 'verify']) as CryptoKeyPair
  out.ed25519 = await s.verify('Ed25519', ed.publicKey, await s.sign('Ed25519', ed.privateKey, enc.encode('m')), enc.encode('m'))
  return Response.json(out)
}
