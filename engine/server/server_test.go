package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/edgeplay/edgeplay/engine/edge"
	"github.com/edgeplay/edgeplay/engine/routes"
	"github.com/edgeplay/edgeplay/engine/traffic"

	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
)

// route is a route file and the handler its bundle exports, written as
// the IIFE esbuild would produce (the server tests need no bundler).
type route struct {
	file, handler string
}

// consoleLines receives the routes' console output.
var consoleLines = make(chan string, 100)

// serve starts a Server on loopback with the routes compiled into real
// goja generations, and returns its base URL.
func serve(t *testing.T, opts Options, rs ...route) (string, *traffic.Journal) {
	t.Helper()
	var files []string
	for _, r := range rs {
		files = append(files, "pages/api/"+r.file)
	}
	table := routes.Build("pages/api", files)
	states := map[string]*RouteState{}
	for _, r := range rs {
		var rt *routes.Route
		for _, x := range table.Routes {
			if x.File == "pages/api/"+r.file {
				rt = x
			}
		}
		if rt == nil {
			t.Fatalf("no route for %s", r.file)
		}
		code := fmt.Sprintf("var %s = (() => ({ default: %s }))();\n", edge.GlobalName, r.handler)
		script, err := edge.Compile(rt.File, rt.Pattern, 1, code)
		if err != nil {
			t.Fatal(err)
		}
		gen := edge.NewGeneration(script, edge.Options{Timeout: opts.Timeout, Console: func(_ any, _, text string) {
			select {
			case consoleLines <- text:
			default:
			}
		}})
		t.Cleanup(func() { gen.Close() })
		st := NewRouteState(rt)
		st.Set(&Snapshot{Gen: gen, BuildID: 1})
		states[rt.File] = st
	}
	if opts.Journal == nil {
		opts.Journal = traffic.NewJournal(traffic.Options{})
	}
	s := New(opts)
	s.SetTable(&Table{Routes: table, States: states})
	ln, err := Listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ln)
	t.Cleanup(func() { s.Close() })
	return "http://" + ln.Addr().String(), opts.Journal
}

// rawRequest writes req as bytes and returns the status line and the rest.
func rawRequest(t *testing.T, base, req string) string {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, req); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(c).ReadString('\n')
	return strings.TrimSpace(line)
}

func TestServerAnswers(t *testing.T) {
	base, journal := serve(t, Options{Timeout: 2 * time.Second, MaxBody: 1000, MaxURL: 200, MaxHeader: 2000},
		route{"hello.ts", `() => new Response('Hello world!')`},
		route{"null.ts", `() => new Response(null, { status: 204 })`},
		route{"json.ts", `() => Response.json({ a: 1 }, { headers: { 'X-Custom': 'yes', 'set-cookie': 'a=1' } })`},
		route{"cookies.ts", `() => { const h = new Headers(); h.append('set-cookie', 'a=1'); h.append('set-cookie', 'b=2'); return new Response('c', { headers: h }) }`},
		route{"users/[id].ts", `(req) => new Response(req.url)`},
		route{"echo.ts", `async (req) => new Response(req.method + ' ' + (await req.text()))`},
		route{"headers.ts", `(req) => new Response(req.headers.get('x-in') + '|' + req.headers.get('host'))`},
	)
	port := base[strings.LastIndex(base, ":")+1:]
	tests := []struct {
		name, method, path, body string
		header                   map[string]string
		status                   int
		want                     string
		wantHeader               map[string]string
	}{
		{name: "string body", path: "/api/hello", status: 200, want: "Hello world!",
			wantHeader: map[string]string{"Content-Type": "text/plain;charset=UTF-8"}},
		{name: "null body: no content-type", path: "/api/null", status: 204, want: "",
			wantHeader: map[string]string{"Content-Type": ""}},
		{name: "handler headers pass through", path: "/api/json", status: 200, want: `{"a":1}`,
			wantHeader: map[string]string{"Content-Type": "application/json", "X-Custom": "yes", "Set-Cookie": "a=1"}},
		{name: "params merged into req.url", path: "/api/users/42?x=1", status: 200, want: "http://localhost:" + port + "/api/users/42?x=1&id=42"},
		{name: "param replaces a query key in place", path: "/api/users/42?id=7&x=1", status: 200, want: "http://localhost:" + port + "/api/users/42?id=42&x=1"},
		{name: "bad escape in a param", path: "/api/users/%C3", status: 400, want: "Bad Request"},
		{name: "POST body", method: "POST", path: "/api/echo", body: "hi", status: 200, want: "POST hi"},
		{name: "request headers", path: "/api/headers", header: map[string]string{"X-In": "v"}, status: 200, want: "v|127.0.0.1:" + port},
		{name: "unknown api path", path: "/api/nope", status: 404, want: "could not be found"},
		{name: "outside /api", path: "/index.html", status: 404, want: "could not be found"},
		{name: "trailing slash redirects", path: "/api/hello/", status: 308, want: "/api/hello"},
		{name: "URL too long", path: "/api/hello?" + strings.Repeat("q", 300), status: 414, want: "URL_TOO_LONG"},
		{name: "headers too large", path: "/api/hello", header: map[string]string{"X-Big": strings.Repeat("h", 3000)}, status: 431, want: "REQUEST_HEADER_TOO_LARGE"},
		{name: "body too large", method: "POST", path: "/api/echo", body: strings.Repeat("b", 2000), status: 413, want: "FUNCTION_PAYLOAD_TOO_LARGE"},
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "GET"
			}
			req, err := http.NewRequest(method, base+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tt.status || !strings.Contains(string(b), tt.want) {
				t.Errorf("got %d %q\nwant %d containing %q", res.StatusCode, b, tt.status, tt.want)
			}
			for k, v := range tt.wantHeader {
				if got := res.Header.Get(k); got != v {
					t.Errorf("header %s: got %q want %q", k, got, v)
				}
			}
		})
	}
	t.Run("set-cookie stays unjoined", func(t *testing.T) {
		res, err := http.Get(base + "/api/cookies")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if got := res.Header.Values("Set-Cookie"); strings.Join(got, " ") != "a=1 b=2" {
			t.Errorf("set-cookie: %q", got)
		}
	})
	t.Run("HEAD has no body", func(t *testing.T) {
		res, err := http.Head(base + "/api/hello")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || len(b) != 0 {
			t.Errorf("HEAD: %d %q", res.StatusCode, b)
		}
	})
	if n := len(journal.Exchanges()); n < len(tests) {
		t.Errorf("journal: %d exchanges, want ≥ %d", n, len(tests))
	}
}

// Hostile bytes on the socket get a 4xx and leave the server serving.
func TestServerBadInput(t *testing.T) {
	base, _ := serve(t, Options{}, route{"hello.ts", `() => new Response('ok')`})
	tests := []struct{ name, raw, want string }{
		{"garbage", "\x00\x01\x02 nonsense\r\n\r\n", "HTTP/1.1 400"},
		{"invalid method", "G@T /api/hello HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400"},
		{"NUL in path", "GET /api/\x00hello HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400"},
		{"path traversal", "GET /api/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404"},
		{"encoded traversal", "GET /api/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404"},
		{"encoded NUL", "GET /api/hello%00 HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400"},
		{"invalid UTF-8 path", "GET /api/hello%ff HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400"},
		{"invalid UTF-8 header", "GET /api/hello HTTP/1.1\r\nHost: x\r\nX-A: \xff\xfe\r\n\r\n", "HTTP/1.1 400"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rawRequest(t, base, tt.raw); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if res, err := http.Get(base + "/api/hello"); err != nil || res.StatusCode != 200 {
		t.Fatalf("server stopped serving: %v", err)
	}
}

// Each enqueued chunk is flushed when it is enqueued, and a client that
// goes away mid-stream cancels the route's stream.
func TestServerStreams(t *testing.T) {
	base, journal := serve(t, Options{},
		route{"stream.ts", `() => {
			let i = 0, timer
			return new Response(new ReadableStream({
				pull(c) { return new Promise(r => { timer = setTimeout(() => { c.enqueue(new TextEncoder().encode('chunk ' + (i++) + '\n')); r() }, 50) }) },
				cancel() { clearTimeout(timer); console.log('cancelled') },
			}), { headers: { 'content-type': 'text/event-stream' } })
		}`},
	)
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/api/stream", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(res.Body)
	start := time.Now()
	var at []time.Duration
	for i := 0; i < 3; i++ {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("chunk %d\n", i); line != want {
			t.Fatalf("chunk %d: %q", i, line)
		}
		at = append(at, time.Since(start))
	}
	cancel()
	res.Body.Close()
	if at[2]-at[0] < 60*time.Millisecond {
		t.Errorf("chunks arrived together (%v): not flushed one by one", at)
	}
	// The route's stream was cancelled (its cancel ran).
	select {
	case line := <-consoleLines:
		if line != "cancelled" {
			t.Errorf("console: %q", line)
		}
	case <-time.After(5 * time.Second):
		t.Error("the stream's cancel never ran after the client went away")
	}
	// The journal shows the exchange ended with the disconnect.
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		xs := journal.Exchanges()
		if len(xs) == 1 && xs[0].Done {
			if xs[0].Error == nil || !strings.Contains(xs[0].Error.Message, "disconnected") {
				t.Errorf("exchange error: %+v", xs[0].Error)
			}
			if xs[0].ChunkCount < 3 {
				t.Errorf("chunks recorded: %d", xs[0].ChunkCount)
			}
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the exchange never ended after the client went away")
}
