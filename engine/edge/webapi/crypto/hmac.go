package crypto

import (
	"crypto/hmac"
	"crypto/rand"
	"strings"
)

// HMAC: https://w3c.github.io/webcrypto/#hmac

// hmacBlockBits is the default key length: the hash's block size.
func hmacBlockBits(hash string) int {
	if hash == "SHA-384" || hash == "SHA-512" {
		return 1024
	}
	return 512
}

func hmacJWKAlg(hash string) string {
	return "HS" + strings.TrimPrefix(hash, "SHA-")
}

// randomBits is length random bits, the unused low bits of the last byte
// cleared.
func randomBits(length int) []byte {
	b := make([]byte, (length+7)/8)
	_, _ = rand.Read(b)
	if r := length % 8; r != 0 {
		b[len(b)-1] &= byte(0xFF << (8 - r))
	}
	return b
}

// https://w3c.github.io/webcrypto/#hmac-operations-generate-key
func hmacGenerate(p *params) (*cryptoKey, error) {
	if _, err := hashOf(p.hash); err != nil {
		return nil, err
	}
	length := hmacBlockBits(p.hash)
	if p.hasLength {
		// 3. If the length member is zero, throw an OperationError.
		if p.length == 0 {
			return nil, errOperation("HMAC key length must not be zero.")
		}
		length = p.length
	}
	return &cryptoKey{typ: "secret", alg: "HMAC", hash: p.hash, bits: length, secret: randomBits(length)}, nil
}

// https://w3c.github.io/webcrypto/#hmac-operations-import-key
func hmacImport(p *params, in keyInput) (*cryptoKey, error) {
	if _, err := hashOf(p.hash); err != nil {
		return nil, err
	}
	var data []byte
	switch in.format {
	case "raw":
		data = append([]byte{}, in.data...)
	case "jwk":
		j := in.jwk
		if err := j.checkCommon("oct", "sig", in.extractable, in.usages); err != nil {
			return nil, err
		}
		var err error
		if data, err = j.bytes("k"); err != nil {
			return nil, err
		}
		if err := j.checkAlg(hmacJWKAlg(p.hash)); err != nil {
			return nil, err
		}
	default:
		return nil, errNotSupported("HMAC keys cannot be imported in the %q format.", in.format)
	}
	// 5–7. The length is the data's, or the given one if it fits.
	length := len(data) * 8
	if length == 0 {
		return nil, errData("HMAC key data must not be empty.")
	}
	if p.hasLength {
		if p.length > length || p.length <= length-8 {
			return nil, errData("The HMAC key length (%d) does not match the key data (%d bytes).", p.length, len(data))
		}
		length = p.length
	}
	return &cryptoKey{typ: "secret", alg: "HMAC", hash: p.hash, bits: length, secret: data, hashFirst: true}, nil
}

// https://w3c.github.io/webcrypto/#hmac-operations-sign
func hmacSign(k *cryptoKey, data []byte) []byte {
	h, _ := hashOf(k.hash)
	m := hmac.New(h.New, k.secret)
	m.Write(data)
	return m.Sum(nil)
}

func hmacVerify(k *cryptoKey, sig, data []byte) bool {
	return hmac.Equal(hmacSign(k, data), sig)
}

// secretExport exports HMAC and AES keys: raw and jwk.
// https://w3c.github.io/webcrypto/#hmac-operations-export-key
func secretExport(k *cryptoKey, format string) ([]byte, jwkOut, error) {
	switch format {
	case "raw":
		return append([]byte{}, k.secret...), nil, nil
	case "jwk":
		j := jwkOut{"kty": "oct", "k": b64(k.secret)}
		if k.alg == "HMAC" {
			j["alg"] = hmacJWKAlg(k.hash)
		} else {
			j["alg"] = aesJWKAlg(k.alg, k.bits)
		}
		return nil, j, nil
	}
	return nil, nil, errNotSupported("%s keys cannot be exported in the %q format.", k.alg, format)
}
