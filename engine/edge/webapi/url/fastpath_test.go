package url

import (
	"encoding/json"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
)

// checkFast fails when the fast path accepts s but disagrees with the full
// parser. It reports whether the fast path took s.
func checkFast(t testing.TB, s string) bool {
	t.Helper()
	got, ok := fastParse(s)
	if !ok {
		return false
	}
	u, err := parser.Parse(s)
	if err != nil {
		t.Errorf("%q: fast path accepted it, the parser fails: %v", s, err)
		return true
	}
	if want := layout(u); got != want {
		t.Errorf("%q:\ngot  %+v\nwant %+v", s, got, want)
	}
	return true
}

// urlTestInputs returns every input and base of urltestdata.json.
func urlTestInputs(t testing.TB) []string {
	raw, err := os.ReadFile("testdata/urltestdata.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []any
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cases {
		if m, ok := c.(map[string]any); ok {
			if s, ok := m["input"].(string); ok {
				out = append(out, s)
			}
			if s, ok := m["base"].(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// These must all take the fast path (and agree with the full parser).
var fastInputs = []string{
	"http://localhost:3000/api/users/42?x=1&id=42",
	"http://localhost:3000",
	"https://example.com",
	"https://example.com/",
	"https://Example.COM/A?B#C",
	"http://example.com:80/x",
	"https://example.com:443",
	"http://example.com:0080/x",
	"http://example.com:8080",
	"http://example.com:/x",
	"http://127.0.0.1:3000/api",
	"http://a.b-c_d.e/%20x%zz/x.y/.well-known/?q=`{}^\\|?#frag?#",
	"http://h/a?",
	"http://h/a#",
	"http://h?x",
	"http://h#x",
	"http://h:65535/",
}

func TestFastPathAgrees(t *testing.T) {
	for _, s := range fastInputs {
		if !checkFast(t, s) {
			t.Errorf("%q: expected the fast path", s)
		}
	}
	taken := 0
	for _, s := range urlTestInputs(t) {
		if checkFast(t, s) {
			taken++
		}
	}
	t.Logf("fast path took %d urltestdata inputs", taken)
}

// TestFastPathRandom compares the fast path with the full parser on URLs
// built from pieces that sit on the fast path's edges.
func TestFastPathRandom(t *testing.T) {
	pieces := []string{
		"a", "Z", "x", "0", "1", "9", "08", "255", "256", "1.2.3.4", "0x1", "0X", "xn--", "XN--a", "-", "_", ".", "..",
		"/", "//", "?", "#", ":", "80", "443", "65536", "%", "%2e", "%2E", ".%2e", "@", "\\", " ", "\t", "\n",
		"é", "^", "`", "{", "}", "'", "\"", "<", ">", "[", "]", "::1", "localhost", "example.com", "|", "~", "*",
	}
	// Mostly what the fast path takes, so that it is exercised.
	safePieces := []string{"a", "Q", "z9", "0", "1", "10", "255", "256", "0x", "-", "_", ".", "/", "/", "/", "?", "#", ":", "80", "443", "00", "%41", "'", "`", "~"}
	prefixes := []string{"http://", "https://", "HTTP://", "http:/", "http:///", "ws://", ""}
	r := rand.New(rand.NewSource(1))
	taken := 0
	n := 200000
	if testing.Short() == false && os.Getenv("FASTPATH_N") != "" {
		n, _ = strconv.Atoi(os.Getenv("FASTPATH_N"))
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		set := pieces
		if i%2 == 0 {
			set = safePieces
			b.WriteString(prefixes[r.Intn(2)])
		} else {
			b.WriteString(prefixes[r.Intn(len(prefixes))])
		}
		for k := r.Intn(12); k >= 0; k-- {
			b.WriteString(set[r.Intn(len(set))])
		}
		if checkFast(t, b.String()) {
			taken++
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("fast path took %d of %d random inputs", taken, n)
}

func FuzzFastPath(f *testing.F) {
	for _, s := range fastInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFast(t, s) })
}
