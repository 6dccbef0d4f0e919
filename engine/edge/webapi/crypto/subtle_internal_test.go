package crypto

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/hex"
	"testing"
)

func TestTruncateBits(t *testing.T) {
	for _, tt := range []struct {
		in     string
		length int
		want   string
		err    bool
	}{
		{"ffff", -1, "ffff", false},
		{"ffff", 16, "ffff", false},
		{"ffff", 8, "ff", false},
		{"ffff", 12, "fff0", false},
		{"ffff", 1, "80", false},
		{"ffff", 0, "", false},
		{"ffff", 17, "", true},
	} {
		in, _ := hex.DecodeString(tt.in)
		got, err := truncateBits(in, tt.length)
		if (err != nil) != tt.err || (err == nil && hex.EncodeToString(got) != tt.want) {
			t.Errorf("truncateBits(%s, %d) = %x, %v; want %s (error %v)", tt.in, tt.length, got, err, tt.want, tt.err)
		}
	}
}

func TestExponentBytes(t *testing.T) {
	for _, tt := range []struct {
		e    int
		want []byte
	}{{65537, []byte{1, 0, 1}}, {3, []byte{3}}, {256, []byte{1, 0}}} {
		if got := exponentBytes(tt.e); !bytes.Equal(got, tt.want) {
			t.Errorf("exponentBytes(%d) = %v, want %v", tt.e, got, tt.want)
		}
	}
}

// TestAESKW runs RFC 3394 sections 4.1–4.6.
func TestAESKW(t *testing.T) {
	for _, tt := range []struct{ kek, key, want string }{
		{"000102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF", "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5"},
		{"000102030405060708090A0B0C0D0E0F1011121314151617", "00112233445566778899AABBCCDDEEFF", "96778B25AE6CA435F92B5B97C050AED2468AB8A17AD84E5D"},
		{"000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF", "64E8C3F9CE0F5BA263E9777905818A2A93C8191E7D6E8AE7"},
		{"000102030405060708090A0B0C0D0E0F1011121314151617", "00112233445566778899AABBCCDDEEFF0001020304050607", "031D33264E15D33268F24EC260743EDCE1C6C7DDEE725A936BA814915C6762D2"},
		{"000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF0001020304050607", "A8F9BC1612C68B3FF6E6F4FBE30E71E4769C8B80A32CB8958CD5D17D6B254DA1"},
		{"000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F", "28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21"},
	} {
		kek, _ := hex.DecodeString(tt.kek)
		key, _ := hex.DecodeString(tt.key)
		want, _ := hex.DecodeString(tt.want)
		got, err := aesKWWrap(kek, key)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("wrap(%s, %s) = %X, %v; want %s", tt.kek, tt.key, got, err, tt.want)
		}
		back, err := aesKWUnwrap(kek, want)
		if err != nil || !bytes.Equal(back, key) {
			t.Errorf("unwrap(%s) = %X, %v; want %s", tt.want, back, err, tt.key)
		}
	}
}

// TestAESCTRMatchesStdlib: with no wrap in the counter bits, the
// partial-counter CTR equals Go's full-block CTR for every length.
func TestAESCTRMatchesStdlib(t *testing.T) {
	key := bytes.Repeat([]byte{7}, 16)
	counter, _ := hex.DecodeString("00112233445566778899aabbcc000000")
	data := bytes.Repeat([]byte("0123456789abcdef"), 20)[:317]
	block, _ := aes.NewCipher(key)
	want := make([]byte, len(data))
	cipher.NewCTR(block, counter).XORKeyStream(want, data)
	for _, length := range []int{24, 32, 63, 64, 65, 100, 127, 128} {
		got, err := aesCTR(&cryptoKey{secret: key}, &params{counter: counter, length: length}, data)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("length %d: differs from crypto/cipher (err %v)", length, err)
		}
	}
	// The counter bits wrap across the 64-bit boundary at length 72.
	c2, _ := hex.DecodeString("0000000000000000ffffffffffffffff")
	got, _ := aesCTR(&cryptoKey{secret: key}, &params{counter: c2, length: 72}, make([]byte, 32))
	next, _ := hex.DecodeString("00000000000000010000000000000000")
	ks := make([]byte, 16)
	block.Encrypt(ks, next)
	if !bytes.Equal(got[16:], ks) {
		t.Errorf("length 72: no carry into the high word")
	}
}
