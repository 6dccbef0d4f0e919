package fetch_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edgeplay/edgeplay/engine/edge"
	"github.com/edgeplay/edgeplay/engine/routes"
	"github.com/edgeplay/edgeplay/engine/server"
	"github.com/edgeplay/edgeplay/engine/traffic"
)

// routeServer runs routes (file -> handler source) on a real edgeplay
// server on loopback, with the journal recording every exchange.
type routeServer struct {
	base    string
	journal *traffic.Journal
	gens    map[string]*edge.Generation

	mu        sync.Mutex
	waitUntil []string // "owner-seq: outcome", in the order reported
}

func serveRoutes(t *testing.T, timeout time.Duration, rs map[string]string) *routeServer {
	t.Helper()
	s := &routeServer{journal: traffic.NewJournal(traffic.Options{}), gens: map[string]*edge.Generation{}}
	var files []string
	for f := range rs {
		files = append(files, "pages/api/"+f)
	}
	table := routes.Build("pages/api", files)
	states := map[string]*server.RouteState{}
	for _, rt := range table.Routes {
		code := fmt.Sprintf("var %s = (() => ({ default: %s }))();\n", edge.GlobalName, rs[strings.TrimPrefix(rt.File, "pages/api/")])
		script, err := edge.Compile(rt.File, rt.Pattern, 1, code)
		if err != nil {
			t.Fatal(err)
		}
		gen := edge.NewGeneration(script, edge.Options{
			Timeout: timeout,
			Console: func(owner any, level, text string) {
				if rec, ok := owner.(*traffic.Recorder); ok {
					rec.Log(level, text)
				}
			},
			WaitUntil: func(owner any, err *edge.Error) {
				outcome := "ok"
				if err != nil {
					outcome = err.Error()
				}
				seq := uint64(0)
				if rec, ok := owner.(*traffic.Recorder); ok {
					seq = rec.Seq()
				}
				s.mu.Lock()
				s.waitUntil = append(s.waitUntil, fmt.Sprintf("%d: %s", seq, outcome))
				s.mu.Unlock()
			},
		})
		t.Cleanup(gen.Close)
		s.gens[rt.Pattern] = gen
		st := server.NewRouteState(rt)
		st.Set(&server.Snapshot{Gen: gen, BuildID: 1})
		states[rt.File] = st
	}
	srv := server.New(server.Options{Timeout: timeout, Journal: s.journal})
	srv.SetTable(&server.Table{Routes: table, States: states})
	ln, err := server.Listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	s.base = "http://" + ln.Addr().String()
	return s
}

func (s *routeServer) get(t *testing.T, path string) (int, string) {
	t.Helper()
	c := &http.Client{Transport: &http.Transport{}}
	defer c.CloseIdleConnections()
	res, err := c.Get(s.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func (s *routeServer) exchange(t *testing.T, path string) traffic.Exchange {
	t.Helper()
	for _, x := range s.journal.Exchanges() {
		if x.Path == path {
			return x
		}
	}
	t.Fatalf("no exchange for %s", path)
	return traffic.Exchange{}
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestFetchOwnRoutes: a route fetches another route of the same server
// over 127.0.0.1, whole and streamed.
func TestFetchOwnRoutes(t *testing.T) {
	s := serveRoutes(t, 5*time.Second, map[string]string{
		"inner.ts": `(req) => new Response('inner ' + new URL(req.url).searchParams.get('q') + ' ' + req.headers.get('user-agent'))`,
		"chunks.ts": `() => {
		  let n = 0;
		  return new Response(new ReadableStream({
		    async pull(c) {
		      await new Promise((r) => setTimeout(r, 5));
		      c.enqueue(new TextEncoder().encode('c' + ++n + ';'));
		      if (n === 3) c.close();
		    },
		  }));
		}`,
		"outer.ts": `async (req) => {
		  const origin = new URL(req.url).origin.replace('localhost', '127.0.0.1');
		  const r = await fetch(origin + '/api/inner?q=1');
		  return new Response('outer(' + r.status + ' ' + await r.text() + ')');
		}`,
		"proxy.ts": `async (req) => {
		  const origin = new URL(req.url).origin.replace('localhost', '127.0.0.1');
		  const r = await fetch(origin + '/api/chunks');
		  return new Response(r.body, { headers: { 'x-proxied': r.headers.get('content-type') || 'none' } });
		}`,
		"echo.ts": `async (req) => new Response(req.method + ':' + await req.text(), { headers: { 'x-echo': '1' } })`,
		"forward.ts": `(req) => {
		  const origin = new URL(req.url).origin.replace('localhost', '127.0.0.1');
		  return fetch(origin + '/api/echo', { method: 'POST', body: req.body, duplex: 'half' });
		}`,
		"self.ts": `async (req) => {
		  const u = new URL(req.url);
		  const depth = Number(u.searchParams.get('d') || 0);
		  if (depth >= 2) return new Response('bottom');
		  const r = await fetch(u.origin.replace('localhost', '127.0.0.1') + '/api/self?d=' + (depth + 1));
		  return new Response(depth + '>' + await r.text());
		}`,
	})
	if code, body := s.get(t, "/api/outer"); code != 200 || body != "outer(200 inner 1 Next.js Middleware)" {
		t.Errorf("outer: %d %q", code, body)
	}
	if code, body := s.get(t, "/api/proxy"); code != 200 || body != "c1;c2;c3;" {
		t.Errorf("proxy: %d %q", code, body)
	}
	// The request body streamed on to another route, and the fetched
	// Response returned as it is.
	res, err := http.Post(s.base+"/api/forward", "text/plain", strings.NewReader("payload"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(b) != "POST:payload" || res.Header.Get("x-echo") != "1" {
		t.Errorf("forward: %d %q %v", res.StatusCode, b, res.Header)
	}
	http.DefaultClient.CloseIdleConnections()
	if code, body := s.get(t, "/api/self"); code != 200 || body != "0>1>bottom" {
		t.Errorf("self: %d %q", code, body)
	}
}

// TestWaitUntil: work passed to event.waitUntil runs after the response
// is sent, keeps the isolate held until it settles, logs into the
// exchange, and is reported through Options.WaitUntil.
func TestWaitUntil(t *testing.T) {
	s := serveRoutes(t, 2*time.Second, map[string]string{
		"bg.ts": `(req, event) => {
		  event.waitUntil(new Promise((r) => setTimeout(r, 1000)).then(() => console.log('background done')));
		  return new Response('sent');
		}`,
		"bgfail.ts": `async (req, event) => {
		  event.waitUntil(Promise.reject(new Error('bg boom')));
		  event.waitUntil(new Promise((r) => setTimeout(r, 10)));
		  return new Response('sent');
		}`,
		"bgthrow.ts": `(req, event) => {
		  event.waitUntil(new Promise((r) => setTimeout(r, 20)).then(() => console.log('after a throw')));
		  throw new Error('handler boom');
		}`,
		"bgfetch.ts": `(req, event) => {
		  const origin = new URL(req.url).origin.replace('localhost', '127.0.0.1');
		  event.waitUntil(fetch(origin + '/api/bg').then((r) => r.text()).then((t) => console.log('fetched ' + t)));
		  return new Response('sent');
		}`,
		"bgnested.ts": `(req, event) => {
		  event.waitUntil(new Promise((r) => setTimeout(r, 10)).then(() => {
		    event.waitUntil(new Promise((r) => setTimeout(r, 30)).then(() => console.log('nested')));
		  }));
		  return new Response('sent');
		}`,
		"bgforever.ts": `(req, event) => {
		  event.waitUntil(new Promise(() => {}));
		  return new Response('sent');
		}`,
	})
	gen := s.gens["/api/bg"]
	start := time.Now()
	if code, body := s.get(t, "/api/bg"); code != 200 || body != "sent" {
		t.Fatalf("bg: %d %q", code, body)
	}
	if d := time.Since(start); d > 800*time.Millisecond {
		t.Errorf("the response waited for the background work (%v)", d)
	}
	if gen.Active() != 1 {
		t.Errorf("while the work runs the isolate is held: Active() = %d, want 1", gen.Active())
	}
	eventually(t, "background work to finish", func() bool { return gen.Active() == 0 })
	x := s.exchange(t, "/api/bg")
	if len(x.Logs) != 1 || x.Logs[0].Text != "background done" {
		t.Errorf("logs of the exchange: %+v", x.Logs)
	}

	s.get(t, "/api/bgfail")
	s.get(t, "/api/bgthrow")
	s.get(t, "/api/bgnested")
	for _, p := range []string{"/api/bgfail", "/api/bgthrow", "/api/bgnested"} {
		g := s.gens[p]
		eventually(t, p+" to settle", func() bool { return g.Active() == 0 })
	}
	if logs := s.exchange(t, "/api/bgfail").Logs; len(logs) != 1 || !strings.Contains(logs[0].Text, "Unhandled rejection in event.waitUntil: Error: bg boom") {
		t.Errorf("bgfail logs: %+v", logs)
	}
	if logs := s.exchange(t, "/api/bgthrow").Logs; len(logs) != 1 || logs[0].Text != "after a throw" {
		t.Errorf("bgthrow logs: %+v", logs)
	}
	if logs := s.exchange(t, "/api/bgnested").Logs; len(logs) != 1 || logs[0].Text != "nested" {
		t.Errorf("bgnested logs (waitUntil called from waitUntil work): %+v", logs)
	}

	s.get(t, "/api/bgfetch")
	eventually(t, "bgfetch", func() bool { return s.gens["/api/bgfetch"].Active() == 0 })
	if logs := s.exchange(t, "/api/bgfetch").Logs; len(logs) != 1 || logs[0].Text != "fetched sent" {
		t.Errorf("bgfetch logs: %+v", logs)
	}

	s.get(t, "/api/bgforever")
	eventually(t, "the time limit to abandon the work", func() bool { return s.gens["/api/bgforever"].Active() == 0 })
	if logs := s.exchange(t, "/api/bgforever").Logs; len(logs) != 1 || !strings.Contains(logs[0].Text, "did not settle within 2s") {
		t.Errorf("bgforever logs: %+v", logs)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	got := strings.Join(s.waitUntil, "\n")
	for _, want := range []string{": ok", "Error: bg boom", "EDGE_FUNCTION_INVOCATION_TIMEOUT"} {
		if !strings.Contains(got, want) {
			t.Errorf("WaitUntil reports lack %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 7 { // bg twice (once via bgfetch), bgfail, bgthrow, bgnested, bgfetch, bgforever
		t.Errorf("%d WaitUntil reports, want 7:\n%s", n, got)
	}
}
