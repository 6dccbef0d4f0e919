package encoding

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUTF8Decoder(t *testing.T) {
	// The Encoding Standard's examples and the maximal-subpart rule.
	tests := []struct {
		in   string
		want string
	}{
		{"", ""},
		{"abc", "abc"},
		{"\xef\xbb\xbfabc", "abc"}, // DecodeUTF8 drops a BOM
		{"\xef\xbb\xbf\xef\xbb\xbf", "\ufeff"},
		{"\x80", "\ufffd"},
		{"\xc3", "\ufffd"},
		{"\xc3(", "\ufffd("},
		{"\xe2\x82", "\ufffd"},
		{"\xe2\x82(", "\ufffd("},
		{"\xe2(\xa1", "\ufffd(\ufffd"},
		{"\xf0\x90\x8c", "\ufffd"},
		{"\xf0\x90\x8c(", "\ufffd("},
		{"\xf0\x28\x8c\xbc", "\ufffd(\ufffd\ufffd"},
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"},
		{"\xc0\xaf", "\ufffd\ufffd"},
		{"\xe0\x80\xaf", "\ufffd\ufffd\ufffd"},
		{"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd"},
		{"\xf5", "\ufffd"},
		{"a\xffb\xfe", "a\ufffdb\ufffd"},
		{"\xf0\x9f\x98\x80", "\U0001F600"},
	}
	for _, tt := range tests {
		if got := DecodeUTF8([]byte(tt.in)); got != tt.want {
			t.Errorf("DecodeUTF8(%q):\ngot  %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestUTF8DecoderStreaming splits inputs at every position: the output
// must not depend on where the chunks end.
func TestUTF8DecoderStreaming(t *testing.T) {
	inputs := []string{"a\u00e9\u2603\U0001F600z", "\xe2\x82(\xf0\x9f\x98", "\xed\xa0\x80\xc3", "\xf0\x9f\x98\x80\xf0\x9f"}
	for _, in := range inputs {
		want := DecodeUTF8NoBOM([]byte(in))
		for split := 0; split <= len(in); split++ {
			var d utf8Decoder
			var sb strings.Builder
			d.decode(&sb, []byte(in[:split]), false, false)
			d.decode(&sb, []byte(in[split:]), true, false)
			if sb.String() != want {
				t.Errorf("%q split at %d: got %q, want %q", in, split, sb.String(), want)
			}
		}
	}
}

// TestUTF8DecoderAgreesOnValid checks the state machine against Go's
// decoder on valid input (where both must give the input back).
func TestUTF8DecoderAgreesOnValid(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r += 7 {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		in := string(r)
		var d utf8Decoder
		var sb strings.Builder
		d.decode(&sb, []byte(in), true, true)
		if sb.String() != in {
			t.Fatalf("%U: got %q", r, sb.String())
		}
	}
}

func TestForgivingBase64(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"", "", true},
		{"YQ==", "a", true},
		{"YQ=", "", false},
		{"YQ", "a", true},
		{"YR", "a", true},
		{"Y", "", false},
		{"YW Jj\n", "abc", true},
		{"YWJj=", "", false},
		{"YW=J", "", false},
		{"YWJjZA===", "", false},
		{"ab-_", "", false},
		{"\f\r\t YQ==", "a", true},
	}
	for _, tt := range tests {
		got, ok := forgivingBase64Decode(tt.in)
		if ok != tt.ok || string(got) != tt.want {
			t.Errorf("forgivingBase64Decode(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
