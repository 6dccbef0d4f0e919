package traffic

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "update golden files")

// golden compares got with testdata/name, or writes it there with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\ngot:\n%s", path, got)
	}
}

// harStart is in a zone other than UTC, so the goldens show the conversion.
var harStart = time.Date(2025, 3, 14, 9, 26, 53, 589_123_456, time.FixedZone("CET", 3600))

func msD(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }

func harFixtures() map[string][]Exchange {
	simple := Exchange{
		Seq: 1, Start: harStart, Method: "GET", URL: "http://localhost:3000/api/hello?name=Ada%20L&x=1&x=2&flag&bad=%zz",
		Path: "/api/hello", Route: "/api/hello", File: "pages/api/hello.ts", BuildID: 3,
		ReqHeader: []Header{{"accept", "*/*"}, {"host", "localhost:3000"}, {"user-agent", "curl/8.5.0"}},
		Status:    200, RespHeader: []Header{{"content-type", "text/plain;charset=UTF-8"}},
		RespBody: []byte("Hello, Ada L!"), RespSize: 13,
		Timing: Timing{Queue: msD(1.25), TTFB: msD(3.5), Total: msD(4.125)}, Done: true,
	}
	post := Exchange{
		Seq: 2, Start: harStart.Add(time.Second), Method: "POST", URL: "http://localhost:3000/api/users",
		Path: "/api/users", Route: "/api/users", BuildID: 3,
		ReqHeader: []Header{{"content-length", "27"}, {"content-type", "application/json"}, {"host", "localhost:3000"}},
		ReqBody:   []byte(`{"name":"Ada","admin":true}`), ReqBodySize: 27,
		Status: 201, RespHeader: []Header{{"content-type", "application/json"}, {"location", "/api/users/7"}},
		RespBody: []byte(`{"id":7,"name":"Ada","note":"<b>&</b>"}`), RespSize: 39,
		Timing: Timing{Queue: msD(0.5), TTFB: msD(12), Total: msD(12.5)}, Done: true,
	}
	png := []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0xff, 0xfe}
	binary := Exchange{
		Seq: 3, Start: harStart.Add(2 * time.Second), Method: "POST", URL: "http://localhost:3000/api/thumbnail?w=64",
		Path: "/api/thumbnail", Route: "/api/thumbnail", BuildID: 4,
		ReqHeader: []Header{{"content-type", "application/octet-stream"}},
		ReqBody:   []byte{0xde, 0xad, 0xbe, 0xef, 0x00, 0x01}, ReqBodySize: 6,
		Status: 200, RespHeader: []Header{{"content-type", "image/png"}},
		RespBody: png, RespSize: int64(len(png)),
		Timing: Timing{Queue: msD(0.75), TTFB: msD(30.25), Total: msD(31)}, Done: true,
	}
	chunks := []string{"data: one\n\n", "data: two\n\n", "data: three\n\n"}
	stream := Exchange{
		Seq: 4, Start: harStart.Add(3 * time.Second), Method: "GET", URL: "http://localhost:3000/api/events",
		Path: "/api/events", Route: "/api/events", BuildID: 5,
		ReqHeader: []Header{{"accept", "text/event-stream"}},
		Status:    200, RespHeader: []Header{{"cache-control", "no-cache"}, {"content-type", "text/event-stream"}},
		Stream: true, ChunkCount: 3,
		Timing: Timing{Queue: msD(0.25), TTFB: msD(2), Total: msD(1502.5)}, Done: true,
	}
	for i, c := range chunks {
		stream.Chunks = append(stream.Chunks, Chunk{Index: i, Offset: msD(2.5 + 500*float64(i)), Size: len(c), Data: []byte(c)})
		stream.RespBody = append(stream.RespBody, c...)
		stream.RespSize += int64(len(c))
	}
	thrown := Exchange{
		Seq: 5, Start: harStart.Add(4 * time.Second), Method: "GET", URL: "http://localhost:3000/api/users/x",
		Path: "/api/users/x", Route: "/api/users/[id]", BuildID: 5,
		Status: 500, RespHeader: []Header{{"content-type", "text/plain"}},
		RespBody: []byte("Internal Server Error"), RespSize: 21,
		Error: &ErrorInfo{Name: "TypeError", Message: "Cannot read properties of undefined (reading 'id')",
			Stack: "TypeError: Cannot read properties of undefined (reading 'id')\n    at handler (pages/api/users/[id].ts:4:22)",
			File:  "pages/api/users/[id].ts", Line: 4, Column: 22},
		Timing: Timing{Queue: msD(0.5), TTFB: msD(3), Total: msD(3)}, Done: true,
	}
	unrouted := Exchange{
		Seq: 6, Start: harStart.Add(5 * time.Second), Method: "GET", URL: "http://localhost:3000/nope",
		Path: "/nope", Status: 404, RespHeader: []Header{{"content-type", "text/plain"}},
		RespBody: []byte("Not Found"), RespSize: 9,
		Timing: Timing{TTFB: msD(0.125), Total: msD(0.25)}, Done: true,
	}
	secrets := Exchange{
		Seq: 7, Start: harStart.Add(6 * time.Second), Method: "GET", URL: "http://localhost:3000/api/me?token=visible",
		Path: "/api/me", Route: "/api/me", BuildID: 5,
		ReqHeader: []Header{
			{"authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30"}, {"Cookie", "session=abc123; theme=dark"},
			{"Proxy-Authorization", "Basic dTpw"}, {"x-api-key", "not-a-header-we-mask"}, {"set-cookie", "request-side=kept"},
		},
		Status: 200, RespHeader: []Header{
			{"content-type", "application/json"}, {"set-cookie", "session=def456; HttpOnly"},
			{"Set-Cookie", "theme=light"}, {"cookie", "response-side=kept"}, {"authorization", "response-side-kept"},
		},
		RespBody: []byte(`{"user":"ada"}`), RespSize: 14,
		Timing: Timing{Queue: msD(0.5), TTFB: msD(1), Total: msD(1.5)}, Done: true,
	}
	return map[string][]Exchange{
		"simple-get":      {simple},
		"post-json":       {post},
		"binary-response": {binary},
		"streamed":        {stream},
		"error":           {thrown, unrouted},
		"masking":         {secrets},
	}
}

func TestHARGolden(t *testing.T) {
	for name, xs := range harFixtures() {
		for _, mask := range []bool{false, true} {
			file := name + ".har"
			if name == "masking" {
				file = map[bool]string{false: "masking-off.har", true: "masking-on.har"}[mask]
			} else if mask {
				continue
			}
			t.Run(file, func(t *testing.T) {
				got, err := HAR(xs, HAROptions{Mask: mask, Version: "1.4.0-test"})
				if err != nil {
					t.Fatal(err)
				}
				checkHAR(t, got)
				golden(t, file, got)
			})
		}
	}
}

// checkHAR checks a document against what HAR 1.2 requires: the required
// fields of every object with the right JSON types, and timings that add
// up to time.
func checkHAR(t *testing.T, doc []byte) {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	need := func(where string, o map[string]any, fields map[string]string) {
		t.Helper()
		for f, typ := range fields {
			x, ok := o[f]
			if !ok {
				t.Errorf("%s: no %s", where, f)
				continue
			}
			var got string
			switch x.(type) {
			case string:
				got = "string"
			case float64:
				got = "number"
			case []any:
				got = "array"
			case map[string]any:
				got = "object"
			}
			if got != typ {
				t.Errorf("%s.%s is %T, want %s", where, f, x, typ)
			}
		}
		for f := range o {
			if _, std := fields[f]; !std && !strings.HasPrefix(f, "_") && !map[string]bool{"comment": true, "postData": true, "text": true, "encoding": true, "blocked": true, "dns": true, "connect": true, "ssl": true}[f] {
				t.Errorf("%s: field %q is neither HAR 1.2 nor custom (_name)", where, f)
			}
		}
	}
	log := v["log"].(map[string]any)
	need("log", log, map[string]string{"version": "string", "creator": "object", "entries": "array"})
	need("log.creator", log["creator"].(map[string]any), map[string]string{"name": "string", "version": "string"})
	for _, e := range log["entries"].([]any) {
		e := e.(map[string]any)
		need("entry", e, map[string]string{"startedDateTime": "string", "time": "number", "request": "object", "response": "object", "cache": "object", "timings": "object"})
		if _, err := time.Parse(time.RFC3339Nano, e["startedDateTime"].(string)); err != nil {
			t.Errorf("startedDateTime: %v", err)
		}
		req := e["request"].(map[string]any)
		need("request", req, map[string]string{"method": "string", "url": "string", "httpVersion": "string", "cookies": "array", "headers": "array", "queryString": "array", "headersSize": "number", "bodySize": "number"})
		if pd, ok := req["postData"].(map[string]any); ok {
			need("postData", pd, map[string]string{"mimeType": "string", "text": "string"})
		}
		res := e["response"].(map[string]any)
		need("response", res, map[string]string{"status": "number", "statusText": "string", "httpVersion": "string", "cookies": "array", "headers": "array", "content": "object", "redirectURL": "string", "headersSize": "number", "bodySize": "number"})
		need("content", res["content"].(map[string]any), map[string]string{"size": "number", "mimeType": "string"})
		tm := e["timings"].(map[string]any)
		need("timings", tm, map[string]string{"send": "number", "wait": "number", "receive": "number"})
		sum := 0.0
		for _, k := range []string{"blocked", "dns", "connect", "send", "wait", "receive"} {
			if f, ok := tm[k].(float64); ok && f >= 0 {
				sum += f
			} else if ok && f != -1 {
				t.Errorf("timings.%s = %v: a timing is -1 or not negative", k, f)
			}
		}
		if d := sum - e["time"].(float64); d > 0.0015 || d < -0.0015 {
			t.Errorf("timings add up to %v, time is %v", sum, e["time"])
		}
	}
}

func TestHAREmpty(t *testing.T) {
	got, err := HAR(nil, HAROptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "log": {
    "version": "1.2",
    "creator": {
      "name": "edgeplay",
      "version": ""
    },
    "entries": []
  }
}
`
	if string(got) != want {
		t.Errorf("got\n%s", got)
	}
}

// harEntryFor exports one exchange and decodes its entry.
func harEntryFor(t *testing.T, x Exchange, opts HAROptions) harEntry {
	t.Helper()
	b, err := HAR([]Exchange{x}, opts)
	if err != nil {
		t.Fatal(err)
	}
	var doc harDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Log.Entries[0]
}

func TestHARTimings(t *testing.T) {
	tests := []struct {
		name                       string
		timing                     Timing
		blocked, wait, recv, total float64
	}{
		{"routed", Timing{Queue: msD(1), TTFB: msD(3), Total: msD(10)}, 1, 2, 7, 10},
		{"never routed", Timing{TTFB: msD(0.5), Total: msD(0.75)}, -1, 0.5, 0.25, 0.75},
		{"in flight", Timing{Queue: msD(1), TTFB: msD(4)}, 1, 3, 0, 4},
		{"nothing yet", Timing{}, -1, 0, 0, 0},
		{"microseconds", Timing{Queue: 1500 * time.Nanosecond, TTFB: 2_400_400 * time.Nanosecond, Total: 3_000_000}, 0.002, 2.398, 0.6, 3},
		{"queue after head (clamped)", Timing{Queue: msD(5), TTFB: msD(3), Total: msD(4)}, 5, 0, 1, 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := harEntryFor(t, Exchange{Method: "GET", URL: "http://x/", Timing: tc.timing}, HAROptions{})
			got := []float64{e.Timings.Blocked, e.Timings.Wait, e.Timings.Receive, e.Time, e.Timings.Send, e.Timings.DNS, e.Timings.Connect, e.Timings.SSL}
			want := []float64{tc.blocked, tc.wait, tc.recv, tc.total, 0, -1, -1, -1}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("blocked, wait, receive, time, send, dns, connect, ssl = %v, want %v", got, want)
			}
		})
	}
}

func TestHARMask(t *testing.T) {
	x := Exchange{Method: "GET", URL: "http://x/",
		ReqHeader:  []Header{{"Authorization", "a"}, {"COOKIE", "b"}, {"proxy-authorization", "c"}, {"x-auth-token", "d"}, {"Set-Cookie", "e"}},
		RespHeader: []Header{{"SET-COOKIE", "f"}, {"set-cookie", "g"}, {"cookie", "h"}, {"www-authenticate", "i"}, {"Authorization", "j"}},
	}
	for _, mask := range []bool{false, true} {
		e := harEntryFor(t, x, HAROptions{Mask: mask})
		var req, res []string
		for _, h := range e.Request.Headers {
			req = append(req, h.Value)
		}
		for _, h := range e.Response.Headers {
			res = append(res, h.Value)
		}
		wantReq, wantRes := []string{"a", "b", "c", "d", "e"}, []string{"f", "g", "h", "i", "j"}
		if mask {
			wantReq = []string{"[masked]", "[masked]", "[masked]", "d", "e"}
			wantRes = []string{"[masked]", "[masked]", "h", "i", "j"}
		}
		if !reflect.DeepEqual(req, wantReq) || !reflect.DeepEqual(res, wantRes) {
			t.Errorf("mask %v: request %q, response %q", mask, req, res)
		}
		if e.Request.Headers[0].Name != "Authorization" || e.Response.Headers[0].Name != "SET-COOKIE" {
			t.Errorf("names changed: %v %v", e.Request.Headers[0], e.Response.Headers[0])
		}
	}
	// Masking copies: the exchange keeps its values.
	if x.ReqHeader[0].Value != "a" || x.RespHeader[0].Value != "f" {
		t.Error("masking changed the exchange")
	}
}

func TestHARQueryString(t *testing.T) {
	tests := []struct {
		url  string
		want []harNV
	}{
		{"http://x/", []harNV{}},
		{"http://x/?", []harNV{}},
		{"http://x/?a=1&b=&c&&a=2", []harNV{{"a", "1"}, {"b", ""}, {"c", ""}, {"a", "2"}}},
		{"http://x/?q=a+b%20c%26d&%E2%9C%93=%C3%A9", []harNV{{"q", "a b c&d"}, {"✓", "é"}}},
		{"http://x/?bad=%zz&ok=1", []harNV{{"bad", "%zz"}, {"ok", "1"}}},
		{"http://x/?a=1=2#frag?b=3", []harNV{{"a", "1=2"}}},
		{"http://x/#frag?b=3", []harNV{}}, // a ? in the fragment is not a query
	}
	for _, tc := range tests {
		if got := harQuery(tc.url); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("harQuery(%q) = %v, want %v", tc.url, got, tc.want)
		}
	}
}

func TestHARBody(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		name     string
		p        string
		size     int64
		text     string
		encoding string
	}{
		{"empty", "", 0, "", ""},
		{"text", "héllo", 6, "héllo", ""},
		{"binary", "\xff\xfe", 2, b64("\xff\xfe"), "base64"},
		{"control characters are text", "a\x00\x01b", 4, "a\x00\x01b", ""},
		{"preview cut inside a character", "ab\xe2\x9c", 100, "ab", ""},
		{"preview cut inside a 4-byte character", "\xf0\x9f\x98", 100, "", ""},
		{"preview cut after a character", "ab\xe2\x9c\x93", 100, "ab✓", ""},
		{"a whole body ending in a partial character is binary", "ab\xe2\x9c", 4, b64("ab\xe2\x9c"), "base64"},
		{"binary preview", "\xff\xfe\xe2\x9c", 100, b64("\xff\xfe\xe2\x9c"), "base64"},
		{"stray continuation bytes", "a\x80\x80\x80\x80", 100, b64("a\x80\x80\x80\x80"), "base64"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, enc := harBody([]byte(tc.p), tc.size)
			if text != tc.text || enc != tc.encoding {
				t.Errorf("got %q %q, want %q %q", text, enc, tc.text, tc.encoding)
			}
		})
	}
}

func TestHARPreviews(t *testing.T) {
	x := Exchange{Method: "POST", URL: "http://x/",
		ReqHeader: []Header{{"Content-Type", "text/plain"}},
		ReqBody:   []byte("abc"), ReqBodySize: 70000,
		RespBody: []byte("de"), RespSize: 90000, Status: 200,
	}
	e := harEntryFor(t, x, HAROptions{})
	if pd := e.Request.PostData; pd == nil || pd.Text != "abc" || pd.Comment != "preview: the first 3 of 70000 bytes" || pd.MimeType != "text/plain" || e.Request.BodySize != 70000 {
		t.Errorf("postData %+v, bodySize %d", e.Request.PostData, e.Request.BodySize)
	}
	if c := e.Response.Content; c.Text != "de" || c.Comment != "preview: the first 2 of 90000 bytes" || c.Size != 90000 || e.Response.BodySize != 90000 {
		t.Errorf("content %+v", c)
	}
	// No body: no postData, no text.
	e = harEntryFor(t, Exchange{Method: "GET", URL: "http://x/", Status: 204}, HAROptions{})
	if e.Request.PostData != nil || e.Response.Content.Text != "" || e.Response.StatusText != "No Content" {
		t.Errorf("empty exchange: %+v %+v", e.Request.PostData, e.Response)
	}
}

func TestHARStreamBody(t *testing.T) {
	big := strings.Repeat("x", ChunkPreview+10)
	// The body preview is the contiguous stream; the 4 KiB cut of the big
	// chunk must not be spliced in front of the next chunk.
	x := Exchange{Method: "GET", URL: "http://x/", Status: 200, Stream: true, ChunkCount: 2,
		Chunks:   []Chunk{{Index: 0, Size: len(big), Data: []byte(big[:ChunkPreview])}, {Index: 1, Offset: time.Millisecond, Size: 1, Data: []byte("y")}},
		RespBody: []byte(big + "y"), RespSize: int64(len(big) + 1),
	}
	if e := harEntryFor(t, x, HAROptions{}); e.Response.Content.Text != big+"y" || e.Response.Content.Comment != "" {
		t.Errorf("stream text is %d bytes, comment %q", len(e.Response.Content.Text), e.Response.Content.Comment)
	}
	// Without a body preview the chunk previews are all there is.
	x.RespBody = nil
	x.Chunks = []Chunk{{Index: 0, Size: 2, Data: []byte("ab")}, {Index: 1, Offset: 1500 * time.Microsecond, Size: 1, Data: []byte("c")}}
	x.RespSize = 3
	e := harEntryFor(t, x, HAROptions{})
	if e.Response.Content.Text != "abc" {
		t.Errorf("text %q", e.Response.Content.Text)
	}
	if want := []harChunk{{0, 0, 2}, {1, 1.5, 1}}; !reflect.DeepEqual(e.Chunks, want) {
		t.Errorf("_chunks %v, want %v", e.Chunks, want)
	}
}

func TestHARDeterministic(t *testing.T) {
	var xs []Exchange
	for _, name := range []string{"simple-get", "post-json", "binary-response", "streamed", "error", "masking"} {
		xs = append(xs, harFixtures()[name]...)
	}
	a, err := HAR(xs, HAROptions{Version: "v"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		b, _ := HAR(xs, HAROptions{Version: "v"})
		if !bytes.Equal(a, b) {
			t.Fatal("two exports of the same exchanges differ")
		}
	}
	checkHAR(t, a)
	// Field order is the spec's.
	order := []string{`"startedDateTime"`, `"time"`, `"request"`, `"method"`, `"url"`, `"httpVersion"`, `"cookies"`, `"headers"`, `"queryString"`, `"headersSize"`, `"bodySize"`, `"response"`, `"status"`, `"statusText"`, `"content"`, `"redirectURL"`, `"cache"`, `"timings"`, `"_route"`, `"_buildId"`}
	at := 0
	for _, f := range order {
		i := bytes.Index(a[at:], []byte(f))
		if i < 0 {
			t.Fatalf("%s missing or out of order", f)
		}
		at += i
	}
	if !bytes.Contains(a, []byte(`"startedDateTime": "2025-03-14T08:26:53.589Z"`)) {
		t.Error("startedDateTime is not UTC with milliseconds")
	}
}
