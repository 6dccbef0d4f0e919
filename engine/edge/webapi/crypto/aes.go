package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	csubtle "crypto/subtle"
	"encoding/binary"
	"strconv"
	"strings"
)

// AES-GCM, AES-CBC, AES-CTR and AES-KW.
// https://w3c.github.io/webcrypto/#aes-ctr and the sections after it.

func aesJWKAlg(alg string, bits int) string {
	return "A" + strconv.Itoa(bits) + strings.TrimPrefix(alg, "AES-")
}

// https://w3c.github.io/webcrypto/#aes-gcm-operations-generate-key
func aesGenerate(p *params) (*cryptoKey, error) {
	// 1. If the length member is not 128, 192 or 256, OperationError.
	if p.length != 128 && p.length != 192 && p.length != 256 {
		return nil, errOperation("AES key length must be 128, 192 or 256 bits.")
	}
	return &cryptoKey{typ: "secret", alg: p.name, bits: p.length, secret: randomBits(p.length)}, nil
}

// https://w3c.github.io/webcrypto/#aes-gcm-operations-import-key
func aesImport(p *params, in keyInput) (*cryptoKey, error) {
	var data []byte
	switch in.format {
	case "raw":
		data = append([]byte{}, in.data...)
	case "jwk":
		j := in.jwk
		if err := j.checkCommon("oct", "enc", in.extractable, in.usages); err != nil {
			return nil, err
		}
		var err error
		if data, err = j.bytes("k"); err != nil {
			return nil, err
		}
		if n := len(data); n == 16 || n == 24 || n == 32 {
			if err := j.checkAlg(aesJWKAlg(p.name, n*8)); err != nil {
				return nil, err
			}
		}
	default:
		return nil, errNotSupported("%s keys cannot be imported in the %q format.", p.name, in.format)
	}
	if n := len(data); n != 16 && n != 24 && n != 32 {
		return nil, errData("AES key data must be 128, 192 or 256 bits, not %d.", n*8)
	}
	return &cryptoKey{typ: "secret", alg: p.name, bits: len(data) * 8, secret: data}, nil
}

// aesGCM encrypts (ciphertext || tag) or decrypts. Tags shorter than 96
// bits, which Go's AEAD does not offer, are the full tag truncated.
// https://w3c.github.io/webcrypto/#aes-gcm-operations-encrypt
func aesGCM(k *cryptoKey, p *params, data []byte, decrypt bool) ([]byte, error) {
	tagBits := 128
	if p.hasTagLength {
		tagBits = p.tagLength
	}
	switch tagBits {
	case 32, 64, 96, 104, 112, 120, 128:
	default:
		return nil, errOperation("The AES-GCM tagLength (%d) is not one of 32, 64, 96, 104, 112, 120, 128.", tagBits)
	}
	if len(p.iv) == 0 {
		return nil, errOperation("The AES-GCM iv must not be empty.")
	}
	block, err := aes.NewCipher(k.secret)
	if err != nil {
		return nil, errOperation("%v", err)
	}
	var g cipher.AEAD
	if len(p.iv) == 12 {
		g, err = cipher.NewGCM(block)
	} else {
		g, err = cipher.NewGCMWithNonceSize(block, len(p.iv))
	}
	if err != nil {
		return nil, errOperation("%v", err)
	}
	tagLen := tagBits / 8
	if !decrypt {
		out := g.Seal(nil, p.iv, data, p.additionalData)
		return out[:len(out)-16+tagLen], nil
	}
	if len(data) < tagLen {
		return nil, errOperation("The AES-GCM ciphertext is shorter than the tag.")
	}
	if tagLen == 16 {
		pt, err := g.Open(nil, p.iv, data, p.additionalData)
		if err != nil {
			return nil, errOperation("The operation failed for an operation-specific reason")
		}
		return pt, nil
	}
	// A truncated tag: the keystream is the encryption of zeros; decrypt,
	// re-encrypt for the full tag and compare its prefix.
	ct, tag := data[:len(data)-tagLen], data[len(data)-tagLen:]
	ks := g.Seal(nil, p.iv, make([]byte, len(ct)), nil)
	pt := make([]byte, len(ct))
	csubtle.XORBytes(pt, ct, ks[:len(ct)])
	full := g.Seal(nil, p.iv, pt, p.additionalData)
	if csubtle.ConstantTimeCompare(full[len(ct):len(ct)+tagLen], tag) != 1 {
		return nil, errOperation("The operation failed for an operation-specific reason")
	}
	return pt, nil
}

// aesCBC with PKCS#7 padding.
// https://w3c.github.io/webcrypto/#aes-cbc-operations-encrypt
func aesCBC(k *cryptoKey, p *params, data []byte, decrypt bool) ([]byte, error) {
	if len(p.iv) != 16 {
		return nil, errOperation("The AES-CBC iv must be 16 bytes, not %d.", len(p.iv))
	}
	block, err := aes.NewCipher(k.secret)
	if err != nil {
		return nil, errOperation("%v", err)
	}
	if !decrypt {
		pad := 16 - len(data)%16
		buf := make([]byte, len(data)+pad)
		copy(buf, data)
		for i := len(data); i < len(buf); i++ {
			buf[i] = byte(pad)
		}
		cipher.NewCBCEncrypter(block, p.iv).CryptBlocks(buf, buf)
		return buf, nil
	}
	if len(data) == 0 || len(data)%16 != 0 {
		return nil, errOperation("The AES-CBC ciphertext is not a whole number of blocks.")
	}
	buf := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, p.iv).CryptBlocks(buf, data)
	pad := int(buf[len(buf)-1])
	if pad == 0 || pad > 16 {
		return nil, errOperation("The AES-CBC padding is invalid.")
	}
	for _, b := range buf[len(buf)-pad:] {
		if int(b) != pad {
			return nil, errOperation("The AES-CBC padding is invalid.")
		}
	}
	return buf[:len(buf)-pad], nil
}

// aesCTR increments only the rightmost length bits of the counter block,
// wrapping modulo 2^length, as the spec says; a counter that would repeat
// is an OperationError.
// https://w3c.github.io/webcrypto/#aes-ctr-operations-encrypt
func aesCTR(k *cryptoKey, p *params, data []byte) ([]byte, error) {
	if len(p.counter) != 16 {
		return nil, errOperation("The AES-CTR counter must be 16 bytes, not %d.", len(p.counter))
	}
	if p.length == 0 || p.length > 128 {
		return nil, errOperation("The AES-CTR length must be between 1 and 128, not %d.", p.length)
	}
	blocks := (len(data) + 15) / 16
	if p.length < 64 && uint64(blocks) > uint64(1)<<p.length {
		return nil, errOperation("The AES-CTR counter would repeat: the data is longer than 2^%d blocks.", p.length)
	}
	block, err := aes.NewCipher(k.secret)
	if err != nil {
		return nil, errOperation("%v", err)
	}
	if p.length == 128 {
		out := make([]byte, len(data))
		cipher.NewCTR(block, p.counter).XORKeyStream(out, data)
		return out, nil
	}
	hi := binary.BigEndian.Uint64(p.counter[:8])
	lo := binary.BigEndian.Uint64(p.counter[8:])
	var maskHi, maskLo uint64 // the counter bits
	if p.length >= 64 {
		maskLo = ^uint64(0)
		maskHi = uint64(1)<<(p.length-64) - 1
	} else {
		maskLo = uint64(1)<<p.length - 1
	}
	out := make([]byte, len(data))
	var ctr, ks [16]byte
	for off := 0; off < len(data); off += 16 {
		binary.BigEndian.PutUint64(ctr[:8], hi)
		binary.BigEndian.PutUint64(ctr[8:], lo)
		block.Encrypt(ks[:], ctr[:])
		end := min(off+16, len(data))
		csubtle.XORBytes(out[off:end], data[off:end], ks[:end-off])
		// Increment the counter bits, carrying from lo into hi.
		nlo := (lo&maskLo + 1) & maskLo
		carry := maskLo == ^uint64(0) && nlo == 0
		lo = lo&^maskLo | nlo
		if carry {
			hi = hi&^maskHi | (hi&maskHi+1)&maskHi
		}
	}
	return out, nil
}

// AES key wrap, RFC 3394 section 2.2.
// https://w3c.github.io/webcrypto/#aes-kw-operations-wrap-key
var kwIV = []byte{0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6}

func aesKWWrap(key, data []byte) ([]byte, error) {
	if len(data) < 16 || len(data)%8 != 0 {
		return nil, errOperation("AES-KW wraps a multiple of 8 bytes, at least 16; got %d.", len(data))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, errOperation("%v", err)
	}
	n := len(data) / 8
	out := make([]byte, 8+len(data))
	copy(out, kwIV)
	copy(out[8:], data)
	var b [16]byte
	for j := 0; j <= 5; j++ {
		for i := 1; i <= n; i++ {
			copy(b[:8], out[:8])
			copy(b[8:], out[8*i:8*i+8])
			block.Encrypt(b[:], b[:])
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(out[:8], binary.BigEndian.Uint64(b[:8])^t)
			copy(out[8*i:], b[8:])
		}
	}
	return out, nil
}

func aesKWUnwrap(key, data []byte) ([]byte, error) {
	if len(data) < 24 || len(data)%8 != 0 {
		return nil, errOperation("AES-KW unwraps a multiple of 8 bytes, at least 24; got %d.", len(data))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, errOperation("%v", err)
	}
	n := len(data)/8 - 1
	out := make([]byte, len(data))
	copy(out, data)
	var b [16]byte
	for j := 5; j >= 0; j-- {
		for i := n; i >= 1; i-- {
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(b[:8], binary.BigEndian.Uint64(out[:8])^t)
			copy(b[8:], out[8*i:8*i+8])
			block.Decrypt(b[:], b[:])
			copy(out[:8], b[:8])
			copy(out[8*i:], b[8:])
		}
	}
	if csubtle.ConstantTimeCompare(out[:8], kwIV) != 1 {
		return nil, errOperation("The AES-KW integrity check failed.")
	}
	return out[8:], nil
}
