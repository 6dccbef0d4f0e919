package crypto

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"math/big"
	"strings"
)

// RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP.
// https://w3c.github.io/webcrypto/#rsassa-pkcs1

// rsaJWKAlg is the JWA name of an RSA algorithm with a hash.
func rsaJWKAlg(alg, hash string) string {
	bits := strings.TrimPrefix(hash, "SHA-")
	switch alg {
	case "RSASSA-PKCS1-v1_5":
		return "RS" + bits
	case "RSA-PSS":
		return "PS" + bits
	}
	if hash == "SHA-1" {
		return "RSA-OAEP"
	}
	return "RSA-OAEP-" + bits
}

// rsaCheckGenParams checks generateKey's parameters before the (slow,
// off-loop) generation. Go generates keys with e = 65537 only.
func rsaCheckGenParams(p *params) error {
	if _, err := hashOf(p.hash); err != nil {
		return err
	}
	e := bytes.TrimLeft(p.publicExponent, "\x00")
	if !bytes.Equal(e, []byte{1, 0, 1}) {
		return errOperation("Only the public exponent 65537 (0x010001) is supported.")
	}
	if p.modulusLength < 1024 || p.modulusLength > 16384 || p.modulusLength%8 != 0 {
		return errOperation("The RSA modulusLength must be a multiple of 8 between 1024 and 16384, not %d.", p.modulusLength)
	}
	return nil
}

// rsaGenerate runs off the loop.
// https://w3c.github.io/webcrypto/#rsassa-pkcs1-operations-generate-key
func rsaGenerate(p *params) ([2]*cryptoKey, error) {
	priv, err := rsa.GenerateKey(rand.Reader, p.modulusLength)
	if err != nil {
		return [2]*cryptoKey{}, errOperation("RSA key generation failed: %v", err)
	}
	return [2]*cryptoKey{
		{typ: "public", alg: p.name, hash: p.hash, rsaPub: &priv.PublicKey},
		{typ: "private", alg: p.name, hash: p.hash, rsaPriv: priv, rsaPub: &priv.PublicKey},
	}, nil
}

// https://w3c.github.io/webcrypto/#rsassa-pkcs1-operations-import-key
func rsaImport(p *params, in keyInput) (*cryptoKey, error) {
	if _, err := hashOf(p.hash); err != nil {
		return nil, err
	}
	k := &cryptoKey{alg: p.name, hash: p.hash}
	switch in.format {
	case "spki":
		pub, err := x509.ParsePKIXPublicKey(in.data)
		if err != nil {
			return nil, errData("The SPKI is not valid: %v", err)
		}
		rp, ok := pub.(*rsa.PublicKey)
		if !ok {
			return nil, errData("The SPKI is not an RSA public key.")
		}
		k.typ, k.rsaPub = "public", rp
	case "pkcs8":
		priv, err := x509.ParsePKCS8PrivateKey(in.data)
		if err != nil {
			return nil, errData("The PKCS #8 is not valid: %v", err)
		}
		rp, ok := priv.(*rsa.PrivateKey)
		if !ok {
			return nil, errData("The PKCS #8 is not an RSA private key.")
		}
		k.typ, k.rsaPriv, k.rsaPub = "private", rp, &rp.PublicKey
	case "jwk":
		j := in.jwk
		use := "sig"
		if p.name == "RSA-OAEP" {
			use = "enc"
		}
		if err := j.checkCommon("RSA", use, in.extractable, in.usages); err != nil {
			return nil, err
		}
		if err := j.checkAlg(rsaJWKAlg(p.name, p.hash)); err != nil {
			return nil, err
		}
		if err := rsaFromJWK(k, j); err != nil {
			return nil, err
		}
	default:
		return nil, errNotSupported("%s keys cannot be imported in the %q format.", p.name, in.format)
	}
	return k, nil
}

func rsaFromJWK(k *cryptoKey, j *jwk) error {
	n, err := j.bigInt("n")
	if err != nil {
		return err
	}
	e, err := j.bigInt("e")
	if err != nil {
		return err
	}
	if !e.IsInt64() || e.Int64() < 3 || e.Int64() > 1<<31-1 {
		return errData("The RSA public exponent is not supported.")
	}
	pub := &rsa.PublicKey{N: n, E: int(e.Int64())}
	if !j.has("d") {
		k.typ, k.rsaPub = "public", pub
		return nil
	}
	if j.oth {
		return errNotSupported("Multi-prime RSA keys (the JWK \"oth\" member) are not supported.")
	}
	var ints [6]*big.Int
	for i, name := range []string{"d", "p", "q", "dp", "dq", "qi"} {
		if ints[i], err = j.bigInt(name); err != nil {
			return err
		}
	}
	priv := &rsa.PrivateKey{PublicKey: *pub, D: ints[0], Primes: []*big.Int{ints[1], ints[2]}}
	priv.Precompute()
	if err := priv.Validate(); err != nil {
		return errData("The RSA private key is not valid: %v", err)
	}
	if priv.Precomputed.Dp.Cmp(ints[3]) != 0 || priv.Precomputed.Dq.Cmp(ints[4]) != 0 || priv.Precomputed.Qinv.Cmp(ints[5]) != 0 {
		return errData("The RSA private key's CRT parameters do not match.")
	}
	k.typ, k.rsaPriv, k.rsaPub = "private", priv, &priv.PublicKey
	return nil
}

// https://w3c.github.io/webcrypto/#rsassa-pkcs1-operations-export-key
func rsaExport(k *cryptoKey, format string) ([]byte, jwkOut, error) {
	switch format {
	case "spki", "pkcs8":
		return exportDER(k, format, k.rsaPub, k.rsaPriv)
	case "jwk":
		j := jwkOut{"kty": "RSA", "alg": rsaJWKAlg(k.alg, k.hash),
			"n": b64(k.rsaPub.N.Bytes()), "e": b64(exponentBytes(k.rsaPub.E))}
		if pk := k.rsaPriv; pk != nil {
			pk.Precompute()
			j["d"] = b64(pk.D.Bytes())
			j["p"] = b64(pk.Primes[0].Bytes())
			j["q"] = b64(pk.Primes[1].Bytes())
			j["dp"] = b64(pk.Precomputed.Dp.Bytes())
			j["dq"] = b64(pk.Precomputed.Dq.Bytes())
			j["qi"] = b64(pk.Precomputed.Qinv.Bytes())
		}
		return nil, j, nil
	}
	return nil, nil, errNotSupported("%s keys cannot be exported in the %q format.", k.alg, format)
}

// https://w3c.github.io/webcrypto/#rsassa-pkcs1-operations-sign
func rsaSign(k *cryptoKey, p *params, data []byte) ([]byte, error) {
	h, _ := hashOf(k.hash)
	digest := sum(h, data)
	var sig []byte
	var err error
	if p.name == "RSA-PSS" {
		if p.saltLength == 0 {
			// Go's PSS treats salt length 0 as "automatic".
			return nil, errNotSupported("RSA-PSS with saltLength 0 is not supported.")
		}
		sig, err = rsa.SignPSS(rand.Reader, k.rsaPriv, h, digest, &rsa.PSSOptions{SaltLength: p.saltLength, Hash: h})
	} else {
		sig, err = rsa.SignPKCS1v15(nil, k.rsaPriv, h, digest)
	}
	if err != nil {
		return nil, errOperation("%v", err)
	}
	return sig, nil
}

func rsaVerify(k *cryptoKey, p *params, sig, data []byte) (bool, error) {
	h, _ := hashOf(k.hash)
	digest := sum(h, data)
	if p.name == "RSA-PSS" {
		if p.saltLength == 0 {
			return false, errNotSupported("RSA-PSS with saltLength 0 is not supported.")
		}
		return rsa.VerifyPSS(k.rsaPub, h, digest, sig, &rsa.PSSOptions{SaltLength: p.saltLength, Hash: h}) == nil, nil
	}
	return rsa.VerifyPKCS1v15(k.rsaPub, h, digest, sig) == nil, nil
}

// https://w3c.github.io/webcrypto/#rsa-oaep-operations-encrypt
func rsaOAEP(k *cryptoKey, p *params, data []byte, decrypt bool) ([]byte, error) {
	h, _ := hashOf(k.hash)
	if !decrypt {
		if k.typ != "public" {
			return nil, errAccess("RSA-OAEP encrypts with a public key.")
		}
		out, err := rsa.EncryptOAEP(h.New(), rand.Reader, k.rsaPub, data, p.label)
		if err != nil {
			return nil, errOperation("%v", err)
		}
		return out, nil
	}
	if k.typ != "private" {
		return nil, errAccess("RSA-OAEP decrypts with a private key.")
	}
	out, err := rsa.DecryptOAEP(h.New(), nil, k.rsaPriv, data, p.label)
	if err != nil {
		return nil, errOperation("The operation failed for an operation-specific reason")
	}
	return out, nil
}
