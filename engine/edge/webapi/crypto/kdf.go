package crypto

import (
	"crypto/hkdf"
	"crypto/pbkdf2"
)

// PBKDF2 and HKDF: https://w3c.github.io/webcrypto/#pbkdf2 and #hkdf

// pbkdf2SyncIterations is the most iterations run on the loop; more go to a
// goroutine (100,000 iterations of SHA-256 take tens of milliseconds).
const pbkdf2SyncIterations = 2000

// https://w3c.github.io/webcrypto/#pbkdf2-operations-import-key
func kdfImport(p *params, in keyInput) (*cryptoKey, error) {
	// 1. If format is not "raw", throw a NotSupportedError.
	if in.format != "raw" {
		return nil, errNotSupported("%s keys can only be imported in the \"raw\" format.", p.name)
	}
	// 3. If extractable is not false, throw a SyntaxError.
	if in.extractable {
		return nil, errSyntax("%s keys cannot be extractable.", p.name)
	}
	return &cryptoKey{typ: "secret", alg: p.name, secret: append([]byte{}, in.data...)}, nil
}

// pbkdf2Check runs the checks of PBKDF2's deriveBits on the loop.
// https://w3c.github.io/webcrypto/#pbkdf2-operations-derive-bits
func pbkdf2Check(p *params, length int) error {
	// 1. If length is null or not a multiple of 8, OperationError.
	if length < 0 || length%8 != 0 {
		return errOperation("The PBKDF2 length must be a multiple of 8.")
	}
	// 2. If the iterations member is zero, OperationError.
	if p.iterations == 0 {
		return errOperation("PBKDF2 iterations must not be zero.")
	}
	_, err := hashOf(p.hash)
	return err
}

func pbkdf2Derive(k *cryptoKey, p *params, length int) ([]byte, error) {
	if length == 0 {
		return []byte{}, nil
	}
	h, _ := hashOf(p.hash)
	out, err := pbkdf2.Key(h.New, string(k.secret), p.salt, p.iterations, length/8)
	if err != nil {
		return nil, errOperation("%v", err)
	}
	return out, nil
}

// https://w3c.github.io/webcrypto/#hkdf-operations-derive-bits
func hkdfDerive(k *cryptoKey, p *params, length int) ([]byte, error) {
	if length < 0 || length%8 != 0 {
		return nil, errOperation("The HKDF length must be a multiple of 8.")
	}
	h, err := hashOf(p.hash)
	if err != nil {
		return nil, err
	}
	if length == 0 {
		return []byte{}, nil
	}
	if length/8 > 255*h.Size() {
		return nil, errOperation("The HKDF length must be at most %d bits for %s.", 255*h.Size()*8, p.hash)
	}
	out, err := hkdf.Key(h.New, k.secret, p.salt, string(p.info), length/8)
	if err != nil {
		return nil, errOperation("%v", err)
	}
	return out, nil
}
