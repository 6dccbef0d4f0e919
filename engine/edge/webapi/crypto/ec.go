package crypto

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"math/big"
)

// ECDSA and ECDH on P-256, P-384 and P-521. Both keep their keys as
// crypto/ecdsa keys (x509 parses id-ecPublicKey that way) and convert to
// crypto/ecdh for key agreement.
// https://w3c.github.io/webcrypto/#ecdsa and #ecdh

type curveInfo struct {
	curve  elliptic.Curve
	size   int    // bytes in a coordinate or scalar
	jwsAlg string // the JWA name of ECDSA on the curve
}

var curves = map[string]curveInfo{
	"P-256": {elliptic.P256(), 32, "ES256"},
	"P-384": {elliptic.P384(), 48, "ES384"},
	"P-521": {elliptic.P521(), 66, "ES512"},
}

func curveName(c elliptic.Curve) string {
	for name, ci := range curves {
		if ci.curve == c {
			return name
		}
	}
	return ""
}

func curveOf(name string) (curveInfo, error) {
	ci, ok := curves[name]
	if !ok {
		return ci, errNotSupported("Unrecognized namedCurve %q.", name)
	}
	return ci, nil
}

// https://w3c.github.io/webcrypto/#ecdsa-operations-generate-key
func ecGenerate(p *params) ([2]*cryptoKey, error) {
	ci, err := curveOf(p.namedCurve)
	if err != nil {
		return [2]*cryptoKey{}, err
	}
	priv, err := ecdsa.GenerateKey(ci.curve, rand.Reader)
	if err != nil {
		return [2]*cryptoKey{}, errOperation("%v", err)
	}
	return [2]*cryptoKey{
		{typ: "public", alg: p.name, curve: p.namedCurve, ecPub: &priv.PublicKey},
		{typ: "private", alg: p.name, curve: p.namedCurve, ecPriv: priv, ecPub: &priv.PublicKey},
	}, nil
}

// https://w3c.github.io/webcrypto/#ecdsa-operations-import-key
func ecImport(p *params, in keyInput) (*cryptoKey, error) {
	ci, err := curveOf(p.namedCurve)
	if err != nil {
		return nil, err
	}
	k := &cryptoKey{alg: p.name, curve: p.namedCurve}
	switch in.format {
	case "raw":
		pub, err := ecParsePoint(ci, in.data)
		if err != nil {
			return nil, err
		}
		k.typ, k.ecPub = "public", pub
	case "spki":
		key, err := x509.ParsePKIXPublicKey(in.data)
		if err != nil {
			return nil, errData("The SPKI is not valid: %v", err)
		}
		pub, ok := key.(*ecdsa.PublicKey)
		if !ok {
			return nil, errData("The SPKI is not an EC public key.")
		}
		if pub.Curve != ci.curve {
			return nil, errData("The key's curve is not %s.", p.namedCurve)
		}
		k.typ, k.ecPub = "public", pub
	case "pkcs8":
		key, err := x509.ParsePKCS8PrivateKey(in.data)
		if err != nil {
			return nil, errData("The PKCS #8 is not valid: %v", err)
		}
		priv, ok := key.(*ecdsa.PrivateKey)
		if !ok {
			return nil, errData("The PKCS #8 is not an EC private key.")
		}
		if priv.Curve != ci.curve {
			return nil, errData("The key's curve is not %s.", p.namedCurve)
		}
		k.typ, k.ecPriv, k.ecPub = "private", priv, &priv.PublicKey
	case "jwk":
		j := in.jwk
		use := "sig"
		if p.name == "ECDH" {
			use = "enc"
		}
		if err := j.checkCommon("EC", use, in.extractable, in.usages); err != nil {
			return nil, err
		}
		if j.m["crv"] != p.namedCurve {
			return nil, errData("The JWK \"crv\" member was not %q.", p.namedCurve)
		}
		if p.name == "ECDSA" {
			if err := j.checkAlg(ci.jwsAlg); err != nil {
				return nil, err
			}
		}
		x, err := j.bytes("x")
		if err != nil {
			return nil, err
		}
		y, err := j.bytes("y")
		if err != nil {
			return nil, err
		}
		if len(x) != ci.size || len(y) != ci.size {
			return nil, errData("The JWK \"x\" and \"y\" members must be %d bytes.", ci.size)
		}
		pub, err := ecParsePoint(ci, append(append([]byte{4}, x...), y...))
		if err != nil {
			return nil, err
		}
		k.typ, k.ecPub = "public", pub
		if j.has("d") {
			d, err := j.bytes("d")
			if err != nil {
				return nil, err
			}
			if len(d) != ci.size {
				return nil, errData("The JWK \"d\" member must be %d bytes.", ci.size)
			}
			priv, err := ecdsa.ParseRawPrivateKey(ci.curve, d)
			if err != nil {
				return nil, errData("The EC private key is not valid: %v", err)
			}
			if !priv.PublicKey.Equal(pub) {
				return nil, errData("The JWK \"d\" member does not match \"x\" and \"y\".")
			}
			k.typ, k.ecPriv, k.ecPub = "private", priv, &priv.PublicKey
		}
	default:
		return nil, errNotSupported("%s keys cannot be imported in the %q format.", p.name, in.format)
	}
	return k, nil
}

// ecParsePoint reads an uncompressed or compressed point (SEC 1, 2.3.4).
func ecParsePoint(ci curveInfo, data []byte) (*ecdsa.PublicKey, error) {
	if len(data) == 1+ci.size && (data[0] == 2 || data[0] == 3) {
		x, y := elliptic.UnmarshalCompressed(ci.curve, data) //nolint:staticcheck // no non-deprecated API decompresses
		if x == nil {
			return nil, errData("The EC point is not on the curve.")
		}
		data = elliptic.Marshal(ci.curve, x, y) //nolint:staticcheck
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(ci.curve, data)
	if err != nil {
		return nil, errData("The EC public key is not valid: %v", err)
	}
	return pub, nil
}

// https://w3c.github.io/webcrypto/#ecdsa-operations-export-key
func ecExport(k *cryptoKey, format string) ([]byte, jwkOut, error) {
	switch format {
	case "raw":
		if k.typ != "public" {
			return nil, nil, errAccess("Only a public key can be exported as raw.")
		}
		b, err := k.ecPub.Bytes()
		if err != nil {
			return nil, nil, errOperation("%v", err)
		}
		return b, nil, nil
	case "spki", "pkcs8":
		return exportDER(k, format, k.ecPub, k.ecPriv)
	case "jwk":
		ci := curves[k.curve]
		pt, err := k.ecPub.Bytes()
		if err != nil {
			return nil, nil, errOperation("%v", err)
		}
		j := jwkOut{"kty": "EC", "crv": k.curve, "x": b64(pt[1 : 1+ci.size]), "y": b64(pt[1+ci.size:])}
		if k.ecPriv != nil {
			d, err := k.ecPriv.Bytes()
			if err != nil {
				return nil, nil, errOperation("%v", err)
			}
			j["d"] = b64(d)
		}
		return nil, j, nil
	}
	return nil, nil, errNotSupported("%s keys cannot be exported in the %q format.", k.alg, format)
}

// ecdsaSign gives r || s, each the curve's size (IEEE P1363), not DER.
// https://w3c.github.io/webcrypto/#ecdsa-operations-sign
func ecdsaSign(k *cryptoKey, p *params, data []byte) ([]byte, error) {
	h, err := hashOf(p.hash)
	if err != nil {
		return nil, err
	}
	r, s, err := ecdsa.Sign(rand.Reader, k.ecPriv, sum(h, data))
	if err != nil {
		return nil, errOperation("%v", err)
	}
	size := curves[k.curve].size
	out := make([]byte, 2*size)
	r.FillBytes(out[:size])
	s.FillBytes(out[size:])
	return out, nil
}

func ecdsaVerify(k *cryptoKey, p *params, sig, data []byte) bool {
	h, err := hashOf(p.hash)
	if err != nil {
		return false
	}
	size := curves[k.curve].size
	if len(sig) != 2*size {
		return false
	}
	r := new(big.Int).SetBytes(sig[:size])
	s := new(big.Int).SetBytes(sig[size:])
	return ecdsa.Verify(k.ecPub, sum(h, data), r, s)
}

// ecdhDerive is deriveBits for ECDH and X25519.
// https://w3c.github.io/webcrypto/#ecdh-operations-derive-bits
func ecdhDerive(k *cryptoKey, p *params, length int) ([]byte, error) {
	pub := p.public
	// 1–4. The public key: a public key of the same algorithm and curve.
	if pub == nil {
		return nil, errType("The public member is not a CryptoKey.")
	}
	if pub.typ != "public" {
		return nil, errAccess("The public member must be a public key.")
	}
	if pub.alg != k.alg {
		return nil, errAccess("The public key's algorithm (%s) is not %s.", pub.alg, k.alg)
	}
	if k.typ != "private" {
		return nil, errAccess("The base key must be a private key.")
	}
	var secret []byte
	if k.alg == "X25519" {
		s, err := k.xPriv.ECDH(pub.xPub)
		if err != nil {
			return nil, errOperation("The X25519 shared secret is all zeros.")
		}
		secret = s
	} else {
		if pub.curve != k.curve {
			return nil, errAccess("The public key's curve (%s) is not %s.", pub.curve, k.curve)
		}
		priv, err := k.ecPriv.ECDH()
		if err != nil {
			return nil, errOperation("%v", err)
		}
		pe, err := pub.ecPub.ECDH()
		if err != nil {
			return nil, errOperation("%v", err)
		}
		if secret, err = priv.ECDH(pe); err != nil {
			return nil, errOperation("%v", err)
		}
	}
	return truncateBits(secret, length)
}
