package traffic

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzHAR's seed corpus is in testdata/fuzz/FuzzHAR/; `bash bench/fuzz.sh`
// runs it with the other fuzz targets.

// fuzzReader turns fuzzed bytes into the fields of exchanges; past the end
// it reads zeros.
type fuzzReader struct{ b []byte }

func (r *fuzzReader) byte() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *fuzzReader) u32() uint32 {
	return uint32(r.byte()) | uint32(r.byte())<<8 | uint32(r.byte())<<16 | uint32(r.byte())<<24
}

// bytes reads a length byte and that many bytes.
func (r *fuzzReader) bytes() []byte {
	n := min(int(r.byte()), len(r.b))
	p := append([]byte(nil), r.b[:n]...)
	r.b = r.b[n:]
	return p
}

func (r *fuzzReader) str() string { return string(r.bytes()) }

// harFuzzNames are the header names worth hitting often: every spelling of
// the credential headers, their look-alikes and the headers HAR reads.
var harFuzzNames = []string{
	"authorization", "Authorization", "AUTHORIZATION", "proxy-authorization", "Proxy-Authorization",
	"cookie", "Cookie", "COOKIE", "set-cookie", "Set-Cookie", "SET-COOKIE",
	"cookie2", "x-authorization", "www-authenticate", "content-type", "location", "x-token",
}

func (r *fuzzReader) headers() []Header {
	var hs []Header
	for n := r.byte() % 6; n > 0; n-- {
		name := ""
		if c := int(r.byte()); c < 2*len(harFuzzNames) {
			name = harFuzzNames[c%len(harFuzzNames)]
		} else {
			name = r.str()
		}
		hs = append(hs, Header{Name: name, Value: r.str()})
	}
	return hs
}

func (r *fuzzReader) duration() time.Duration {
	return time.Duration(int32(r.u32())) * time.Microsecond
}

// fuzzExchanges makes up to three exchanges out of data.
func fuzzExchanges(data []byte) []Exchange {
	r := &fuzzReader{b: data}
	xs := make([]Exchange, r.byte()%4)
	for i := range xs {
		x := &xs[i]
		x.Seq = uint64(i + 1)
		x.Start = time.Unix(int64(r.u32()), int64(r.u32()%1e9))
		x.Method = r.str()
		x.URL = "http://localhost:3000/api/" + r.str()
		x.Route, x.File, x.BuildID = r.str(), "pages/api/x.ts", int(r.byte())
		x.ReqHeader = r.headers()
		x.ReqBody = r.bytes()
		x.ReqBodySize = int64(len(x.ReqBody)) + int64(r.byte()%4)*1000
		x.Status = int(r.byte()) * 4
		x.RespHeader = r.headers()
		x.RespBody = r.bytes()
		x.RespSize = int64(len(x.RespBody)) + int64(r.byte()%4)*1000
		for n := r.byte() % 4; n > 0; n-- {
			data := r.bytes()
			x.Chunks = append(x.Chunks, Chunk{Index: len(x.Chunks), Offset: r.duration(), Size: len(data) + int(r.byte()), Data: data})
		}
		x.Stream, x.ChunkCount = len(x.Chunks) > 0, len(x.Chunks)
		x.Timing = Timing{Queue: r.duration(), TTFB: r.duration(), Total: r.duration()}
		if r.byte()%2 == 1 {
			x.Error = &ErrorInfo{Name: r.str(), Message: r.str(), Stack: r.str()}
		}
		x.Done = r.byte()%2 == 0
	}
	return xs
}

// isSecret reports the headers HAR masks: credentials in requests, the
// cookies a response sets.
func isSecret(name string, request bool) bool {
	names := []string{"set-cookie"}
	if request {
		names = []string{"authorization", "proxy-authorization", "cookie"}
	}
	for _, n := range names {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	return false
}

// jsonText is s as it reads back from JSON: each byte that is not UTF-8
// becomes U+FFFD.
func jsonText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(c)
		i += n
	}
	return b.String()
}

// jsonEncoded is s as HAR writes it inside a JSON string.
func jsonEncoded(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return bytes.TrimSuffix(bytes.TrimPrefix(bytes.TrimSpace(b.Bytes()), []byte(`"`)), []byte(`"`))
}

// checkHARBody checks a body's HAR text against the bytes it came from.
func checkHARBody(t *testing.T, where, text, encoding string, body []byte, size int64) {
	t.Helper()
	switch encoding {
	case "base64":
		got, err := base64.StdEncoding.DecodeString(text)
		if err != nil || !bytes.Equal(got, body) {
			t.Fatalf("%s: base64 %q is not the body %q (%v)", where, text, body, err)
		}
	case "":
		if len(body) == 0 {
			if text != "" {
				t.Fatalf("%s: text %q for no body", where, text)
			}
			return
		}
		// Text: the body, less a partial character at the end of a preview.
		cut := len(body) - len(text)
		if cut < 0 || !utf8.Valid(body[:len(text)]) || text != string(body[:len(text)]) || cut > 0 && (size <= int64(len(body)) || cut >= utf8.UTFMax) {
			t.Fatalf("%s: text %q is not the body %q (size %d)", where, text, body, size)
		}
	default:
		t.Fatalf("%s: encoding %q", where, encoding)
	}
}

// FuzzHAR exports exchanges made of fuzzed bytes and checks the HAR:
//
//   - HAR does not fail or panic, the output is valid JSON, the same
//     exchanges give the same bytes, and checkHAR's structure and timing
//     rules hold;
//   - one entry per exchange; every header kept, in order, names as they
//     were, values as they were (or "[masked]");
//   - with Mask, no value of an authorization, proxy-authorization or
//     cookie request header, nor of a set-cookie response header, is found
//     in the output unless it is also in a HAR of the same exchanges with
//     those values replaced; in fact the output is that HAR;
//   - bodies: base64 decodes to the bytes kept, text is them (less a
//     partial character cut by a preview).
func FuzzHAR(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte, mask bool) {
		xs := fuzzExchanges(data)
		opts := HAROptions{Mask: mask, Version: "fuzz"}
		out, err := HAR(xs, opts)
		if err != nil {
			t.Fatalf("HAR: %v", err)
		}
		if !json.Valid(out) {
			t.Fatalf("not JSON:\n%s", out)
		}
		if again, _ := HAR(xs, opts); !bytes.Equal(again, out) {
			t.Fatal("two exports of the same exchanges differ")
		}
		checkHAR(t, out)
		if t.Failed() {
			t.FailNow()
		}
		var doc harDoc
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Log.Entries) != len(xs) {
			t.Fatalf("%d entries for %d exchanges", len(doc.Log.Entries), len(xs))
		}

		// The same exchanges with the secrets replaced by hand.
		masked := make([]Exchange, len(xs))
		var secrets []string
		for i, x := range xs {
			m := x
			m.ReqHeader, m.RespHeader = append([]Header(nil), x.ReqHeader...), append([]Header(nil), x.RespHeader...)
			for j, h := range m.ReqHeader {
				if mask && isSecret(h.Name, true) {
					secrets = append(secrets, h.Value)
					m.ReqHeader[j].Value = maskedValue
				}
			}
			for j, h := range m.RespHeader {
				if mask && isSecret(h.Name, false) {
					secrets = append(secrets, h.Value)
					m.RespHeader[j].Value = maskedValue
				}
			}
			masked[i] = m
		}
		ref, err := HAR(masked, HAROptions{Version: "fuzz"})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if e := jsonEncoded(s); len(e) > 0 && bytes.Contains(out, e) && !bytes.Contains(ref, e) {
				t.Fatalf("masked HAR holds the secret %q", s)
			}
		}
		if !bytes.Equal(out, ref) {
			t.Fatalf("masked HAR differs from the HAR of hand-masked exchanges:\n%s\n----\n%s", out, ref)
		}

		for i, e := range doc.Log.Entries {
			x := &masked[i]
			for _, side := range []struct {
				where string
				got   []harNV
				want  []Header
			}{{"request", e.Request.Headers, x.ReqHeader}, {"response", e.Response.Headers, x.RespHeader}} {
				if len(side.got) != len(side.want) {
					t.Fatalf("entry %d: %d %s headers, want %d", i, len(side.got), side.where, len(side.want))
				}
				for j, h := range side.want {
					if g := side.got[j]; g.Name != jsonText(h.Name) || g.Value != jsonText(h.Value) {
						t.Fatalf("entry %d: %s header %d is %q, want %q", i, side.where, j, g, h)
					}
				}
			}
			if e.Request.URL != jsonText(x.URL) || e.Request.Method != jsonText(x.Method) || e.Response.Status != x.Status {
				t.Fatalf("entry %d: %s %s %d, want %s %s %d", i, e.Request.Method, e.Request.URL, e.Response.Status, x.Method, x.URL, x.Status)
			}
			if (e.Request.PostData != nil) != (len(x.ReqBody) > 0 || x.ReqBodySize > 0) {
				t.Fatalf("entry %d: postData %v for a body of %d bytes", i, e.Request.PostData, x.ReqBodySize)
			}
			if pd := e.Request.PostData; pd != nil {
				checkHARBody(t, "postData", pd.Text, pd.Encoding, x.ReqBody, x.ReqBodySize)
			}
			body := x.RespBody
			if len(body) == 0 {
				for _, c := range x.Chunks {
					body = append(body, c.Data...)
				}
			}
			checkHARBody(t, "content", e.Response.Content.Text, e.Response.Content.Encoding, body, x.RespSize)
			if len(e.Chunks) != len(x.Chunks) || e.Response.BodySize != x.RespSize || e.Request.BodySize != x.ReqBodySize {
				t.Fatalf("entry %d: %d chunks, sizes %d/%d; want %d, %d/%d", i, len(e.Chunks), e.Request.BodySize, e.Response.BodySize, len(x.Chunks), x.ReqBodySize, x.RespSize)
			}
		}
	})
}
