package crypto

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
)

// Ed25519 and X25519 (the "OKP" key type of RFC 8037).
// https://w3c.github.io/webcrypto/#ed25519 and #x25519

// https://w3c.github.io/webcrypto/#ed25519-operations-generate-key
func okpGenerate(p *params) ([2]*cryptoKey, error) {
	if p.name == "Ed25519" {
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return [2]*cryptoKey{}, errOperation("%v", err)
		}
		return [2]*cryptoKey{
			{typ: "public", alg: p.name, edPub: pub},
			{typ: "private", alg: p.name, edPriv: priv, edPub: pub},
		}, nil
	}
	priv, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return [2]*cryptoKey{}, errOperation("%v", err)
	}
	return [2]*cryptoKey{
		{typ: "public", alg: p.name, xPub: priv.PublicKey()},
		{typ: "private", alg: p.name, xPriv: priv, xPub: priv.PublicKey()},
	}, nil
}

func okpSetPublic(k *cryptoKey, raw []byte) error {
	if len(raw) != 32 {
		return errData("%s public keys are 32 bytes, not %d.", k.alg, len(raw))
	}
	if k.alg == "Ed25519" {
		k.edPub = ed25519.PublicKey(append([]byte{}, raw...))
		return nil
	}
	pub, err := ecdh.X25519().NewPublicKey(raw)
	if err != nil {
		return errData("%v", err)
	}
	k.xPub = pub
	return nil
}

func okpSetPrivate(k *cryptoKey, seed []byte) error {
	if len(seed) != 32 {
		return errData("%s private keys are 32 bytes, not %d.", k.alg, len(seed))
	}
	if k.alg == "Ed25519" {
		k.edPriv = ed25519.NewKeyFromSeed(seed)
		k.edPub = k.edPriv.Public().(ed25519.PublicKey)
		return nil
	}
	priv, err := ecdh.X25519().NewPrivateKey(seed)
	if err != nil {
		return errData("%v", err)
	}
	k.xPriv, k.xPub = priv, priv.PublicKey()
	return nil
}

func (k *cryptoKey) okpPublicBytes() []byte {
	if k.alg == "Ed25519" {
		return k.edPub
	}
	return k.xPub.Bytes()
}

// https://w3c.github.io/webcrypto/#ed25519-operations-import-key
func okpImport(p *params, in keyInput) (*cryptoKey, error) {
	k := &cryptoKey{alg: p.name}
	switch in.format {
	case "raw":
		k.typ = "public"
		if err := okpSetPublic(k, in.data); err != nil {
			return nil, err
		}
	case "spki":
		key, err := x509.ParsePKIXPublicKey(in.data)
		if err != nil {
			return nil, errData("The SPKI is not valid: %v", err)
		}
		k.typ = "public"
		switch pub := key.(type) {
		case ed25519.PublicKey:
			if p.name != "Ed25519" {
				return nil, errData("The SPKI is an Ed25519 key, not %s.", p.name)
			}
			k.edPub = pub
		case *ecdh.PublicKey:
			if p.name != "X25519" || pub.Curve() != ecdh.X25519() {
				return nil, errData("The SPKI is not an %s key.", p.name)
			}
			k.xPub = pub
		default:
			return nil, errData("The SPKI is not an %s key.", p.name)
		}
	case "pkcs8":
		key, err := x509.ParsePKCS8PrivateKey(in.data)
		if err != nil {
			return nil, errData("The PKCS #8 is not valid: %v", err)
		}
		k.typ = "private"
		switch priv := key.(type) {
		case ed25519.PrivateKey:
			if p.name != "Ed25519" {
				return nil, errData("The PKCS #8 is an Ed25519 key, not %s.", p.name)
			}
			k.edPriv, k.edPub = priv, priv.Public().(ed25519.PublicKey)
		case *ecdh.PrivateKey:
			if p.name != "X25519" || priv.Curve() != ecdh.X25519() {
				return nil, errData("The PKCS #8 is not an %s key.", p.name)
			}
			k.xPriv, k.xPub = priv, priv.PublicKey()
		default:
			return nil, errData("The PKCS #8 is not an %s key.", p.name)
		}
	case "jwk":
		j := in.jwk
		use := "sig"
		if p.name == "X25519" {
			use = "enc"
		}
		if err := j.checkCommon("OKP", use, in.extractable, in.usages); err != nil {
			return nil, err
		}
		if j.m["crv"] != p.name {
			return nil, errData("The JWK \"crv\" member was not %q.", p.name)
		}
		x, err := j.bytes("x")
		if err != nil {
			return nil, err
		}
		k.typ = "public"
		if err := okpSetPublic(k, x); err != nil {
			return nil, err
		}
		if j.has("d") {
			d, err := j.bytes("d")
			if err != nil {
				return nil, err
			}
			k.typ = "private"
			if err := okpSetPrivate(k, d); err != nil {
				return nil, err
			}
			if !bytes.Equal(k.okpPublicBytes(), x) {
				return nil, errData("The JWK \"d\" member does not match \"x\".")
			}
		}
	default:
		return nil, errNotSupported("%s keys cannot be imported in the %q format.", p.name, in.format)
	}
	return k, nil
}

// https://w3c.github.io/webcrypto/#ed25519-operations-export-key
func okpExport(k *cryptoKey, format string) ([]byte, jwkOut, error) {
	switch format {
	case "raw":
		if k.typ != "public" {
			return nil, nil, errAccess("Only a public key can be exported as raw.")
		}
		return append([]byte{}, k.okpPublicBytes()...), nil, nil
	case "spki", "pkcs8":
		if k.alg == "X25519" {
			return exportDER(k, format, k.xPub, k.xPriv)
		}
		return exportDER(k, format, k.edPub, k.edPriv)
	case "jwk":
		j := jwkOut{"kty": "OKP", "crv": k.alg, "x": b64(k.okpPublicBytes())}
		if k.typ == "private" {
			if k.alg == "Ed25519" {
				j["d"] = b64(k.edPriv.Seed())
			} else {
				j["d"] = b64(k.xPriv.Bytes())
			}
		}
		return nil, j, nil
	}
	return nil, nil, errNotSupported("%s keys cannot be exported in the %q format.", k.alg, format)
}

// https://w3c.github.io/webcrypto/#ed25519-operations-sign
func ed25519Sign(k *cryptoKey, data []byte) []byte {
	return ed25519.Sign(k.edPriv, data)
}
