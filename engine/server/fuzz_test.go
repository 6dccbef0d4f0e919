package server

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edgeplay/edgeplay/engine/edge"
	"github.com/edgeplay/edgeplay/engine/traffic"
)

// The fuzz targets of the header conversions, both ways. Their seed
// corpora are in testdata/fuzz/<name>/; `bash bench/fuzz.sh` runs them.

// forwarded are the headers next dev adds when the request has none
// (base-server.ts: req.headers['x-forwarded-host'] ??= …, so a header that
// is there, even empty, is kept as it is and nothing is added).
var forwarded = []string{"x-forwarded-host", "x-forwarded-port", "x-forwarded-proto", "x-forwarded-for"}

// FuzzRequestHeaders reads a request head made of the fuzzed header lines
// with net/http's own parser and converts it to the flat list routes see:
//
//   - nothing panics, the list has pairs, every name is lower case;
//   - no value is lost or joined: for each header, the list holds exactly
//     its values, in order (cookie and set-cookie included);
//   - host is r.Host, once; each x-forwarded-* header the client sent is
//     kept as sent, and one is added for each it did not send;
//   - nothing else is added, the journal's copy (toTraffic) is the same
//     list, and headerBytes counts it.
func FuzzRequestHeaders(f *testing.F) {
	const port = 3000
	f.Fuzz(func(t *testing.T, block, remote string) {
		raw := "GET /api/x HTTP/1.1\r\n" + strings.ReplaceAll(block, "\n", "\r\n") + "\r\n\r\n"
		r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
		if err != nil {
			return
		}
		r.RemoteAddr = remote
		out := requestHeaders(r, port)
		if len(out)%2 != 0 {
			t.Fatalf("odd list: %q", out)
		}
		got := map[string][]string{}
		n := 0
		for i := 0; i < len(out); i += 2 {
			if out[i] != strings.ToLower(out[i]) || out[i] == "" {
				t.Fatalf("name %q is not lower case: %q", out[i], out)
			}
			got[out[i]] = append(got[out[i]], out[i+1])
			n += len(out[i]) + len(out[i+1]) + 4
		}
		want := map[string][]string{}
		for k, vs := range r.Header {
			lk := strings.ToLower(k)
			if _, dup := want[lk]; dup {
				t.Fatalf("two header keys for %q: %q", lk, r.Header)
			}
			want[lk] = append([]string(nil), vs...)
		}
		if _, ok := want["host"]; !ok && r.Host != "" {
			want["host"] = []string{r.Host}
		}
		adds := map[string]string{"x-forwarded-host": r.Host, "x-forwarded-port": strconv.Itoa(port), "x-forwarded-proto": "http"}
		if host, _, err := net.SplitHostPort(remote); err == nil {
			adds["x-forwarded-for"] = host
		}
		for _, name := range forwarded {
			v, ok := adds[name]
			_, sent := want[name]
			switch {
			case !sent && ok:
				want[name] = []string{v}
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("request %q:\n got %q\nwant %q", raw, got, want)
		}
		if headerBytes(out) != n {
			t.Fatalf("headerBytes = %d, want %d", headerBytes(out), n)
		}
		tr := toTraffic(out)
		if len(tr) != len(out)/2 {
			t.Fatalf("toTraffic: %d headers from %d pairs", len(tr), len(out)/2)
		}
		for i, h := range tr {
			if h.Name != out[2*i] || h.Value != out[2*i+1] {
				t.Fatalf("toTraffic[%d] = %q, want %q: %q", i, h, out[2*i:2*i+2], out)
			}
		}
		if again := requestHeaders(r, port); !reflect.DeepEqual(again, out) {
			t.Fatalf("not stable:\n%q\n%q", out, again)
		}
	})
}

// fuzzResponseHeaders reads "name: value" lines into the flat list a route
// answers with (names lower-cased, as the runtime gives them).
func fuzzResponseHeaders(s string) []string {
	var flat []string
	for _, l := range strings.Split(s, "\n") {
		if l == "" {
			continue
		}
		name, value, _ := strings.Cut(l, ":")
		flat = append(flat, strings.ToLower(name), strings.TrimPrefix(value, " "))
	}
	return flat
}

// FuzzResponseHeaders writes a route's response with the fuzzed headers
// through exchange.respond and checks what the client and the journal get:
//
//   - nothing panics;
//   - the http.Header the response is written from holds every value of
//     every header, in order, unjoined (each set-cookie its own line),
//     except the framing headers the server owns (content-length,
//     transfer-encoding, connection, keep-alive); a location on the
//     server's own origin is made relative; Content-Type and Date are
//     blocked so that net/http adds neither; Content-Length is the body's;
//   - the journal records the same headers, names lower-cased.
func FuzzResponseHeaders(f *testing.F) {
	s := New(Options{})
	s.port.Store(3000)
	journal := traffic.NewJournal(traffic.Options{Capacity: 1})
	f.Fuzz(func(t *testing.T, lines string, status uint16) {
		flat := fuzzResponseHeaders(lines)
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, "/api/x", nil)
		x := &exchange{s: s, w: w, r: r, rec: journal.Begin(r.RemoteAddr, r.Method, s.Origin()+r.RequestURI, r.URL.Path, nil), start: time.Now()}
		st := int(status)%500 + 100
		body := []byte("body")
		x.respond(&edge.Response{Status: st, Header: append([]string(nil), flat...), Body: body, HasBody: true})
		x.finish()

		want := map[string][]string{}
		var wantList []traffic.Header
		for i := 0; i+1 < len(flat); i += 2 {
			name, value := flat[i], flat[i+1]
			switch name {
			case "content-length", "transfer-encoding", "connection", "keep-alive":
				continue
			case "location":
				value = relativize(value, s.Origin())
				if value != flat[i+1] && !strings.HasSuffix(flat[i+1], strings.TrimPrefix(value, "/")) {
					t.Fatalf("location %q became %q", flat[i+1], value)
				}
			}
			want[name] = append(want[name], value)
			wantList = append(wantList, traffic.Header{Name: name, Value: value})
		}
		h := w.Header()
		for name, vs := range h {
			switch name {
			case "Content-Type", "Date":
				if vs != nil {
					t.Fatalf("%s = %q, want nil (blocked)", name, vs)
				}
			case "Content-Length":
				if !reflect.DeepEqual(vs, []string{strconv.Itoa(len(body))}) {
					t.Fatalf("Content-Length = %q", vs)
				}
			default:
				if !reflect.DeepEqual(vs, want[name]) {
					t.Fatalf("header %q = %q, want %q (from %q)", name, vs, want[name], flat)
				}
			}
		}
		for name, vs := range want {
			if !reflect.DeepEqual(h[name], vs) {
				t.Fatalf("header %q = %q, want %q (from %q)", name, h[name], vs, flat)
			}
		}
		if w.Code != st || w.Body.String() != string(body) {
			t.Fatalf("answer %d %q, want %d %q", w.Code, w.Body.String(), st, body)
		}

		snap := x.rec.Snapshot()
		wantList = append(wantList, traffic.Header{Name: "content-length", Value: strconv.Itoa(len(body))})
		gotList := append([]traffic.Header(nil), snap.RespHeader...)
		for _, hd := range gotList {
			if hd.Name != strings.ToLower(hd.Name) {
				t.Fatalf("journal header name %q is not lower case", hd.Name)
			}
		}
		// The journal lists the headers by name; within a name, in order.
		sortHeaders := func(l []traffic.Header) {
			sort.SliceStable(l, func(i, j int) bool { return l[i].Name < l[j].Name })
		}
		sortHeaders(gotList)
		sortHeaders(wantList)
		if !reflect.DeepEqual(gotList, wantList) {
			t.Fatalf("journal headers:\n got %q\nwant %q", gotList, wantList)
		}
		if snap.Status != st {
			t.Fatalf("journal status %d, want %d", snap.Status, st)
		}
	})
}
