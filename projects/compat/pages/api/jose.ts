// jose 6 on WebCrypto (crypto.subtle): JWTs signed and verified with
// HS256, RS256, ES256 and EdDSA; keys generated (generateKeyPair) and
// imported (importJWK, importPKCS8, importSPKI); tokens the Go test signed
// with Go's crypto verified here, tokens signed here returned for the Go test
// to verify; a JWKS fetched over HTTP from /api/jwks with createRemoteJWKSet;
// JWE round trips; the error codes of bad tokens.
import {
  SignJWT,
  jwtVerify,
  generateKeyPair,
  generateSecret,
  importJWK,
  importPKCS8,
  importSPKI,
  exportJWK,
  exportSPKI,
  exportPKCS8,
  createRemoteJWKSet,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  calculateJwkThumbprint,
  EncryptJWT,
  jwtDecrypt,
  CompactSign,
  compactVerify,
  errors,
  type CryptoKey,
  type JWTPayload,
} from 'jose'
import { run, describe } from '../../lib/checks'
import { privateJWKs } from '../../lib/keys'

export const config = { runtime: 'edge' }

// What the Go test sends.
type Input = {
  claims: JWTPayload // iss, aud, sub, iat, exp and a few private claims
  secret: string // the HS256 secret
  rsa: { pkcs8: string; spki: string; jwk: JsonWebKey }
  ec: { pkcs8: string; spki: string; jwk: JsonWebKey }
  ed: { pkcs8: string; spki: string; jwk: JsonWebKey }
  tokens: { hs256: string; rs256: string; es256: string; eddsa: string } // signed by Go
}

const enc = new TextEncoder()

const sign = (claims: JWTPayload, alg: string, key: CryptoKey | Uint8Array, kid?: string) =>
  new SignJWT(claims).setProtectedHeader(kid ? { alg, typ: 'JWT', kid } : { alg, typ: 'JWT' }).sign(key)

const code = async (p: Promise<unknown>) => {
  try {
    await p
    return 'no error'
  } catch (e) {
    return e instanceof errors.JOSEError ? `${e.code}: ${e.message}` : describe(e)
  }
}

export default async (req: Request) => {
  const input: Input = await req.json()
  const opts = { issuer: input.claims.iss, audience: input.claims.aud as string }
  const verified = async (token: string, key: CryptoKey | Uint8Array | Parameters<typeof jwtVerify>[1]) => {
    const { payload, protectedHeader } = await jwtVerify(token, key as any, opts)
    return { payload, protectedHeader }
  }
  const secret = enc.encode(input.secret)

  return run({
    // HS256 is deterministic: the Go test compares the token with its own.
    hs256Sign: () => sign(input.claims, 'HS256', secret),
    hs256Verify: () => verified(input.tokens.hs256, secret),
    hs256GeneratedSecret: async () => {
      const s = await generateSecret('HS512', { extractable: true })
      const t = await sign(input.claims, 'HS512', s)
      return (await verified(t, s)).protectedHeader
    },

    // Keys made here, used both ways.
    generated: async () => {
      const out: Record<string, unknown> = {}
      const algs = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA']
      for (let i = 0; i < algs.length; i++) {
        const { publicKey, privateKey } = await generateKeyPair(algs[i], { extractable: true })
        const t = await sign(input.claims, algs[i], privateKey)
        const jwk = await exportJWK(publicKey)
        const again = await importJWK(jwk, algs[i])
        const v = await verified(t, again)
        out[algs[i]] = { alg: v.protectedHeader.alg, sub: v.payload.sub, kty: jwk.kty, crv: jwk.crv ?? null, privateType: privateKey.type }
      }
      return out
    },

    // Go signed these; verify with the public keys in three import forms.
    rs256VerifyGo: async () => [
      await verified(input.tokens.rs256, await importSPKI(input.rsa.spki, 'RS256')),
      (await verified(input.tokens.rs256, await importJWK(input.rsa.jwk, 'RS256'))).payload.sub,
    ],
    es256VerifyGo: async () => [
      await verified(input.tokens.es256, await importSPKI(input.ec.spki, 'ES256')),
      (await verified(input.tokens.es256, await importJWK(input.ec.jwk, 'ES256'))).payload.sub,
    ],
    eddsaVerifyGo: async () => [
      await verified(input.tokens.eddsa, await importSPKI(input.ed.spki, 'EdDSA')),
      (await verified(input.tokens.eddsa, await importJWK(input.ed.jwk, 'EdDSA'))).payload.sub,
    ],

    // Signed here with Go's private keys; the Go test verifies them (and RS256
    // and EdDSA signatures are deterministic, so it compares them too).
    rs256SignForGo: async () => sign(input.claims, 'RS256', await importPKCS8(input.rsa.pkcs8, 'RS256')),
    es256SignForGo: async () => sign(input.claims, 'ES256', await importPKCS8(input.ec.pkcs8, 'ES256')),
    eddsaSignForGo: async () => sign(input.claims, 'EdDSA', await importPKCS8(input.ed.pkcs8, 'EdDSA')),
    exportRoundTrip: async () => {
      const k = await importPKCS8(input.ec.pkcs8, 'ES256', { extractable: true })
      const pub = await importSPKI(input.ec.spki, 'ES256', { extractable: true })
      return { pkcs8: (await exportPKCS8(k)) === input.ec.pkcs8.trim(), spki: (await exportSPKI(pub)) === input.ec.spki.trim() }
    },

    // A key set fetched over HTTP from this project's /api/jwks.
    remoteJWKS: async () => {
      const JWKS = createRemoteJWKSet(new URL('/api/jwks', req.url))
      const out: Record<string, unknown> = {}
      for (let i = 0; i < privateJWKs.length; i++) {
        const jwk = privateJWKs[i]
        const t = await sign(input.claims, jwk.alg, (await importJWK(jwk, jwk.alg)) as CryptoKey, jwk.kid)
        const v = await verified(t, JWKS)
        out[jwk.kid] = { alg: v.protectedHeader.alg, kid: v.protectedHeader.kid, sub: v.payload.sub }
      }
      out.unknownKid = await code(
        sign(input.claims, 'ES256', (await importJWK(privateJWKs[0], 'ES256')) as CryptoKey, 'nobody').then((t) => jwtVerify(t, JWKS)),
      )
      return out
    },
    localJWKS: async () => {
      const JWKS = createLocalJWKSet({ keys: [{ ...input.ec.jwk, kid: 'go-ec', alg: 'ES256' }] })
      const t = await sign(input.claims, 'ES256', await importPKCS8(input.ec.pkcs8, 'ES256'), 'go-ec')
      return (await verified(t, JWKS)).protectedHeader
    },

    // Decoding without verifying; RFC 7638 thumbprints (§3.1 vector).
    decode: () => ({ payload: decodeJwt(input.tokens.rs256), header: decodeProtectedHeader(input.tokens.es256) }),
    thumbprint: async () => [
      await calculateJwkThumbprint({
        kty: 'RSA',
        e: 'AQAB',
        n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      }),
      await calculateJwkThumbprint(input.ec.jwk),
    ],

    // Encrypted JWTs: direct AES-GCM and RSA-OAEP-256 key wrapping.
    jwe: async () => {
      const key = new Uint8Array(32).fill(7)
      const t = await new EncryptJWT(input.claims).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key)
      const d = await jwtDecrypt(t, key, opts)
      const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256')
      const t2 = await new EncryptJWT(input.claims).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256' }).encrypt(publicKey)
      const d2 = await jwtDecrypt(t2, privateKey, opts)
      const t3 = await new EncryptJWT(input.claims).setProtectedHeader({ alg: 'A128KW', enc: 'A128GCM' }).encrypt(new Uint8Array(16).fill(3))
      const d3 = await jwtDecrypt(t3, new Uint8Array(16).fill(3), opts)
      return { parts: t.split('.').length, dir: d.payload.sub, header: d.protectedHeader, oaep: d2.payload.sub, kw: d3.payload.sub }
    },
    jws: async () => {
      const { publicKey, privateKey } = await generateKeyPair('ES256')
      const jws = await new CompactSign(enc.encode('plain payload')).setProtectedHeader({ alg: 'ES256' }).sign(privateKey)
      const { payload } = await compactVerify(jws, publicKey)
      return new TextDecoder().decode(payload)
    },

    // Bad tokens: the error codes apps switch on.
    errors: async () => {
      const t = input.tokens.hs256
      const tampered = t.slice(0, -4) + (t.endsWith('AAAA') ? 'BBBB' : 'AAAA')
      const expired = await sign({ ...input.claims, exp: 1000000000 }, 'HS256', secret)
      const notYet = await sign({ ...input.claims, nbf: 4102444800 }, 'HS256', secret)
      return {
        tampered: await code(jwtVerify(tampered, secret, opts)),
        wrongSecret: await code(jwtVerify(t, enc.encode('another secret that is long enough!!'), opts)),
        expired: await code(jwtVerify(expired, secret, opts)),
        notYet: await code(jwtVerify(notYet, secret, opts)),
        issuer: await code(jwtVerify(t, secret, { issuer: 'someone else' })),
        audience: await code(jwtVerify(t, secret, { audience: 'other' })),
        algorithm: await code(jwtVerify(t, secret, { algorithms: ['RS256'] })),
        malformed: await code(jwtVerify('not.a.jwt', secret)),
        wrongKeyType: await code(jwtVerify(input.tokens.rs256, secret)),
      }
    },
  })
}
