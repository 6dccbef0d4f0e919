package traffic

import (
	"bytes"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// curlCases are exchanges and the command Curl writes for each.
var curlCases = []struct {
	name string
	x    Exchange
	want string
}{
	{
		name: "simple GET drops what curl and the server add",
		x: Exchange{Method: "GET", URL: "http://localhost:3000/api/hello?name=Ada", ReqHeader: []Header{
			{"accept", "*/*"}, {"host", "localhost:3000"}, {"user-agent", "curl/8.5.0"},
			{"x-forwarded-host", "localhost:3000"}, {"x-forwarded-port", "3000"},
			{"x-forwarded-proto", "http"}, {"x-forwarded-for", "127.0.0.1"},
		}},
		want: `curl 'http://localhost:3000/api/hello?name=Ada' \
  -H 'accept: */*' \
  -H 'user-agent: curl/8.5.0'`,
	},
	{
		name: "bare GET",
		x:    Exchange{Method: "GET", URL: "http://localhost:3000/api/x"},
		want: `curl 'http://localhost:3000/api/x'`,
	},
	{
		name: "no method is GET",
		x:    Exchange{URL: "http://localhost:3000/api/x"},
		want: `curl 'http://localhost:3000/api/x'`,
	},
	{
		name: "POST JSON, hop-by-hop dropped, accept-encoding becomes --compressed",
		x: Exchange{Method: "POST", URL: "http://localhost:3000/api/users", ReqHeader: []Header{
			{"accept-encoding", "gzip, br"}, {"connection", "keep-alive, X-Trace"}, {"content-length", "27"},
			{"content-type", "application/json"}, {"keep-alive", "timeout=5"}, {"te", "trailers"},
			{"transfer-encoding", "chunked"}, {"upgrade", "h2c"}, {"x-trace", "1"}, {"Proxy-Connection", "close"},
			{"Trailer", "x"}, {"Host", "localhost:3000"}, {"X-Forwarded-For", "::1"},
		}, ReqBody: []byte(`{"name":"Ada","admin":true}`), ReqBodySize: 27},
		want: `curl -X POST 'http://localhost:3000/api/users' \
  -H 'content-type: application/json' \
  --compressed \
  --data-raw '{"name":"Ada","admin":true}'`,
	},
	{
		name: "nasty quoting",
		x: Exchange{Method: "PUT", URL: "http://localhost:3000/api/it's?q=a b&x=$HOME", ReqHeader: []Header{
			{"x-quote", `it's "quoted" $HOME ` + "`id`" + ` \ ! ; & | * ~`},
			{"x-only-quotes", `'''`},
		}, ReqBody: []byte("'\\''\n'end\n$(rm -rf /)\t`x`\\"), ReqBodySize: 26},
		want: `curl -X PUT 'http://localhost:3000/api/it'\''s?q=a b&x=$HOME' \
  -H 'x-quote: it'\''s "quoted" $HOME ` + "`id`" + ` \ ! ; & | * ~' \
  -H 'x-only-quotes: '\'''\'''\''' \
  --data-raw ''\''\'\'''\''
'\''end
$(rm -rf /)	` + "`x`" + `\'`,
	},
	{
		name: "binary body is left out",
		x: Exchange{Method: "POST", URL: "http://localhost:3000/api/upload", ReqHeader: []Header{{"content-type", "application/octet-stream"}},
			ReqBody: []byte{0x89, 'P', 'N', 'G', 0xff, 0x00}, ReqBodySize: 6},
		want: `curl -X POST 'http://localhost:3000/api/upload' \
  -H 'content-type: application/octet-stream' \
  --data-binary @- # the 6-byte request body is binary and not included: pipe it on standard input`,
	},
	{
		name: "a NUL makes UTF-8 binary",
		x:    Exchange{Method: "POST", URL: "http://localhost:3000/api/x", ReqBody: []byte("a\x00b"), ReqBodySize: 3},
		want: `curl -X POST 'http://localhost:3000/api/x' \
  --data-binary @- # the 3-byte request body is binary and not included: pipe it on standard input`,
	},
	{
		name: "binary and truncated counts the whole body",
		x:    Exchange{Method: "POST", URL: "http://localhost:3000/api/x", ReqBody: []byte{0xff}, ReqBodySize: 70000},
		want: `curl -X POST 'http://localhost:3000/api/x' \
  --data-binary @- # the 70000-byte request body is binary and not included: pipe it on standard input`,
	},
	{
		name: "truncated text body says so",
		x:    Exchange{Method: "POST", URL: "http://localhost:3000/api/x", ReqBody: []byte("abc"), ReqBodySize: 70000},
		want: `curl -X POST 'http://localhost:3000/api/x' \
  --data-raw 'abc' # truncated: the journal kept the first 3 of 70000 bytes`,
	},
	{
		name: "body not recorded",
		x:    Exchange{Method: "POST", URL: "http://localhost:3000/api/x", ReqBodySize: 12},
		want: `curl -X POST 'http://localhost:3000/api/x' \
  --data-binary @- # the 12-byte request body was not recorded: pipe it on standard input`,
	},
	{
		name: "HEAD uses --head",
		x:    Exchange{Method: "HEAD", URL: "http://localhost:3000/api/x"},
		want: `curl --head 'http://localhost:3000/api/x'`,
	},
	{
		name: "HEAD with a body uses -X",
		x:    Exchange{Method: "HEAD", URL: "http://localhost:3000/api/x", ReqBody: []byte("a"), ReqBodySize: 1},
		want: `curl -X HEAD 'http://localhost:3000/api/x' \
  --data-raw 'a'`,
	},
	{
		name: "GET with a body",
		x:    Exchange{Method: "GET", URL: "http://localhost:3000/api/search", ReqHeader: []Header{{"content-type", "application/json"}}, ReqBody: []byte(`{"q":1}`), ReqBodySize: 7},
		want: `curl -X GET 'http://localhost:3000/api/search' \
  -H 'content-type: application/json' \
  --data-raw '{"q":1}'`,
	},
	{
		name: "DELETE without a body",
		x:    Exchange{Method: "DELETE", URL: "http://localhost:3000/api/users/7"},
		want: `curl -X DELETE 'http://localhost:3000/api/users/7'`,
	},
	{
		name: "empty header value",
		x:    Exchange{Method: "GET", URL: "http://localhost:3000/api/x", ReqHeader: []Header{{"x-empty", ""}, {"x-space", " "}}},
		want: `curl 'http://localhost:3000/api/x' \
  -H 'x-empty;' \
  -H 'x-space;'`,
	},
	{
		name: "brackets turn globbing off",
		x:    Exchange{Method: "GET", URL: "http://localhost:3000/api/x?ids[]=1&f={a,b}"},
		want: `curl 'http://localhost:3000/api/x?ids[]=1&f={a,b}' \
  --globoff`,
	},
	{
		name: "a URL that looks like a flag",
		x:    Exchange{Method: "GET", URL: "-v"},
		want: `curl --url '-v'`,
	},
	{
		name: "an odd method is quoted",
		x:    Exchange{Method: "M'X!", URL: "http://localhost:3000/api/x"},
		want: `curl -X 'M'\''X!' 'http://localhost:3000/api/x'`,
	},
	{
		name: "unicode stays as it is",
		x:    Exchange{Method: "POST", URL: "http://localhost:3000/api/日本", ReqHeader: []Header{{"x-name", "Zoë"}}, ReqBody: []byte("héllo 😀"), ReqBodySize: 11},
		want: `curl -X POST 'http://localhost:3000/api/日本' \
  -H 'x-name: Zoë' \
  --data-raw 'héllo 😀'`,
	},
}

func TestCurl(t *testing.T) {
	for _, tc := range curlCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Curl(tc.x); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestCurlRoundTrip reads every command Curl writes back with ParseCurl:
// the method, URL and body come back, and so do the headers Curl kept.
func TestCurlRoundTrip(t *testing.T) {
	for _, tc := range curlCases {
		t.Run(tc.name, func(t *testing.T) {
			cmd := Curl(tc.x)
			r, err := ParseCurl(cmd)
			text := isShellText(tc.x.ReqBody) && len(tc.x.ReqBody) > 0
			if (len(tc.x.ReqBody) > 0 || tc.x.ReqBodySize > 0) && !text {
				if err == nil || !strings.Contains(err.Error(), "@- reads standard input") {
					t.Fatalf("binary body: want the stdin error, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseCurl: %v\n%s", err, cmd)
			}
			method := tc.x.Method
			if method == "" {
				method = "GET"
			}
			url := tc.x.URL
			if !hasScheme(url) {
				url = "http://" + url
			}
			if r.Method != method || r.URL != url || !bytes.Equal(r.Body, tc.x.ReqBody) {
				t.Errorf("got %q %q %q, want %q %q %q", r.Method, r.URL, r.Body, method, url, tc.x.ReqBody)
			}
			var want []Header
			for _, h := range tc.x.ReqHeader {
				n := strings.ToLower(h.Name)
				if curlSkip[n] || n == "x-trace" {
					continue
				}
				if strings.TrimSpace(h.Value) != h.Value {
					h.Value = strings.TrimSpace(h.Value) // curl sends a header's value trimmed
				}
				want = append(want, h)
			}
			if len(tc.x.ReqBody) > 0 && headerValue(want, "content-type") == "" {
				want = append(want, Header{"Content-Type", "application/x-www-form-urlencoded"})
			}
			if !reflect.DeepEqual(r.Header, want) {
				t.Errorf("headers\n got %q\nwant %q", r.Header, want)
			}
		})
	}
}

// TestCurlInPOSIXShell runs every command Curl writes in dash (a strict
// POSIX shell, unlike bash) with a curl function that prints its arguments,
// and checks the shell sees the values Curl quoted.
func TestCurlInPOSIXShell(t *testing.T) {
	sh, err := exec.LookPath("dash")
	if err != nil {
		if sh, err = exec.LookPath("sh"); err != nil {
			t.Skip("no POSIX shell")
		}
	}
	for _, tc := range curlCases {
		t.Run(tc.name, func(t *testing.T) {
			cmd := Curl(tc.x)
			out, err := exec.Command(sh, "-c", `curl() { for a in "$@"; do printf '%s\0' "$a"; done; }`+"\n"+cmd).Output()
			if err != nil {
				t.Fatalf("%s: %v\n%s", sh, err, cmd)
			}
			argv := strings.Split(string(out), "\x00")
			argv = argv[:len(argv)-1]
			words, err := splitCommand(cmd)
			if err != nil {
				t.Fatal(err)
			}
			var ours []string
			for _, w := range words[1:] {
				ours = append(ours, w.s)
			}
			if !reflect.DeepEqual(argv, ours) {
				t.Fatalf("the shell and splitCommand disagree\nshell %q\n ours %q", argv, ours)
			}
			if !contains(argv, tc.x.URL) {
				t.Errorf("URL %q not among %q", tc.x.URL, argv)
			}
			if isShellText(tc.x.ReqBody) && len(tc.x.ReqBody) > 0 && !contains(argv, string(tc.x.ReqBody)) {
				t.Errorf("body %q not among %q", tc.x.ReqBody, argv)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{
		"":        "''",
		"POST":    "POST",
		"a-b_c.d": "a-b_c.d",
		"a b":     "'a b'",
		"it's":    `'it'\''s'`,
		"$x":      "'$x'",
		"*":       "'*'",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}
