package engine

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// liveProject writes files into a temporary project, starts an engine on
// it with the watcher on, and returns the engine and a write helper.
func liveProject(t *testing.T, files map[string]string, opts Options) (*Engine, func(name, src string)) {
	t.Helper()
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, src := range files {
		write(name, src)
	}
	opts.Dir = dir
	return startEngine(t, opts, 30*time.Second), write
}

// startEngine starts an engine on a free loopback port (and without the
// shell's environment unless opts.Env says otherwise), closes it when the
// test ends (a failed Close fails the test), and waits until its first
// builds are done.
func startEngine(t testing.TB, opts Options, ready time.Duration) *Engine {
	t.Helper()
	opts.Port = -1
	if opts.Env == nil {
		opts.Env = []string{}
	}
	e, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := e.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	select {
	case <-e.Ready():
	case <-time.After(ready):
		t.Fatalf("not ready after %v", ready)
	}
	return e
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// eventually polls url until its answer has status and contains want.
func eventually(t *testing.T, url string, status int, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var code int
	var body string
	for time.Now().Before(deadline) {
		code, body = get(t, url)
		if code == status && strings.Contains(body, want) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s: last answer %d %q, want %d containing %q", url, code, body, status, want)
}

const edgeHead = "export const config = { runtime: 'edge' }\n"

func TestLiveRebuilds(t *testing.T) {
	e, write := liveProject(t, map[string]string{
		"pages/api/hello.ts": edgeHead + "export default () => new Response('v1')\n",
		"pages/api/greet.ts": edgeHead + "import { greet } from '../../lib/greet'\nexport default () => new Response(greet())\n",
		"lib/greet.ts":       "export const greet = () => 'hi v1'\n",
		"pages/api/env.ts":   edgeHead + "export default () => new Response(process.env.WORD)\n",
		".env":               "WORD=one\n",
	}, Options{})
	u := e.URL()
	eventually(t, u+"/api/hello", 200, "v1")

	// A save answers with the new code.
	write("pages/api/hello.ts", edgeHead+"export default () => new Response('v2')\n")
	eventually(t, u+"/api/hello", 200, "v2")

	// A broken save answers 500 with the error at its place; a fix heals it.
	write("pages/api/hello.ts", edgeHead+"export default () => new Response('v3'\n")
	eventually(t, u+"/api/hello", 500, "pages/api/hello.ts:3:1: error: Expected \")\"")
	write("pages/api/hello.ts", edgeHead+"export default () => new Response('v4')\n")
	eventually(t, u+"/api/hello", 200, "v4")

	// A syntax error in a file without edge config is a build error too,
	// not a healthy Node.js route.
	write("pages/api/hello.ts", "export default function (\n")
	eventually(t, u+"/api/hello", 500, "Failed to compile pages/api/hello.ts")

	// A helper outside pages/ rebuilds the routes that import it.
	write("lib/greet.ts", "export const greet = () => 'hi v2'\n")
	eventually(t, u+"/api/greet", 200, "hi v2")

	// .env feeds process.env and is read again on save.
	eventually(t, u+"/api/env", 200, "one")
	write(".env", "WORD=two\n")
	eventually(t, u+"/api/env", 200, "two")

	// New files become routes; deleted ones go away.
	write("pages/api/new/[id].ts", edgeHead+"export default (req: Request) => new Response(new URL(req.url).searchParams.get('id'))\n")
	eventually(t, u+"/api/new/7", 200, "7")
	if err := os.Remove(filepath.Join(e.Root(), "pages", "api", "new", "[id].ts")); err != nil {
		t.Fatal(err)
	}
	eventually(t, u+"/api/new/7", 404, "")
}

func TestLiveFaults(t *testing.T) {
	e, _ := liveProject(t, map[string]string{
		"pages/api/ok.ts":        edgeHead + "export default () => new Response('ok')\n",
		"pages/api/spin.ts":      edgeHead + "export default () => { for (;;) {} }\n",
		"pages/api/never.ts":     edgeHead + "export default () => new Promise(() => {})\n",
		"pages/api/nodefault.ts": edgeHead + "export const x = 1\n",
		"pages/api/number.ts":    edgeHead + "export default () => 42\n",
		"pages/api/throws.ts":    edgeHead + "\nfunction inner(): never {\n  throw new TypeError('bad thing')\n}\nexport default () => inner()\n",
		"pages/api/rejects.ts":   edgeHead + "export default async () => { await null; throw new Error('later') }\n",
		"pages/api/echo.ts":      edgeHead + "export default async (req: Request) => new Response(String((await req.text()).length))\n",
		"pages/api/stream.ts": edgeHead + `export default () => new Response(new ReadableStream({
  async start(c) {
    for (let i = 0; i < 3; i++) { c.enqueue(new TextEncoder().encode('chunk' + i + '\n')); await new Promise(r => setTimeout(r, 100)) }
    c.close()
  },
}))
`,
	}, Options{Timeout: 500 * time.Millisecond, MaxBody: 1 << 20})
	u := e.URL()
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/api/spin", 504, "EDGE_FUNCTION_INVOCATION_TIMEOUT"},
		{"/api/never", 504, "EDGE_FUNCTION_INVOCATION_TIMEOUT"},
		{"/api/nodefault", 500, `The Edge Function "pages/api/nodefault" must export a default function`},
		{"/api/number", 500, "Expected an instance of Response to be returned"},
		{"/api/throws", 500, "TypeError: bad thing\n    at inner (pages/api/throws.ts:4:9)"},
		{"/api/rejects", 500, "Error: later"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			// Every other route keeps answering while one spins.
			done := make(chan struct{})
			go func() {
				defer close(done)
				if code, body := get(t, u+"/api/ok"); code != 200 || body != "ok" {
					t.Errorf("ok during %s: %d %q", tt.path, code, body)
				}
			}()
			code, body := get(t, u+tt.path)
			<-done
			if code != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("got %d %q, want %d containing %q", code, body, tt.status, tt.want)
			}
		})
	}

	// The spinning isolate was replaced: the route still answers (504 again),
	// and so does everything else.
	if code, _ := get(t, u+"/api/spin"); code != 504 {
		t.Errorf("spin again: %d", code)
	}

	// Bodies over the limit are refused with 413; under it they arrive whole.
	res, err := http.Post(u+"/api/echo", "text/plain", strings.NewReader(strings.Repeat("x", 2<<20)))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 413 {
		t.Errorf("2 MB body: %d, want 413", res.StatusCode)
	}
	res, err = http.Post(u+"/api/echo", "text/plain", strings.NewReader(strings.Repeat("x", 500_000)))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if string(b) != "500000" {
		t.Errorf("500 KB body: %q", b)
	}

	// Each chunk reaches the client when it is enqueued, not at the end.
	res, err = http.Get(u + "/api/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	r := bufio.NewReader(res.Body)
	start := time.Now()
	var at []time.Duration
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			break
		}
		at = append(at, time.Since(start))
		_ = line
	}
	if len(at) != 3 {
		t.Fatalf("chunks: %d, want 3", len(at))
	}
	if at[0] > time.Second || at[2]-at[0] < 150*time.Millisecond {
		t.Errorf("chunks arrived at %v: want the first at once and the rest ~100 ms apart", at)
	}
}

// Bundling as the edge resolves it: tsconfig paths, the edge-light
// condition over node/default, the browser field, JSX, next/server
// without node_modules/next, lowering of what goja lacks.
func TestLiveBundling(t *testing.T) {
	e, _ := liveProject(t, map[string]string{
		"tsconfig.json":                  `{"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["src/*"]}, "jsx": "react-jsx"}}`,
		"src/util.ts":                    "export const fromPaths = 'paths ok'\n",
		"node_modules/cond/package.json": `{"name":"cond","exports":{".":{"edge-light":"./edge.js","node":"./node.js","default":"./default.js"}}}`,
		"node_modules/cond/edge.js":      "export const which = 'edge-light'\n",
		"node_modules/cond/node.js":      "export const which = 'node'\n",
		"node_modules/cond/default.js":   "export const which = 'default'\n",
		"node_modules/brow/package.json": `{"name":"brow","main":"main.js","browser":"browser.js"}`,
		"node_modules/brow/main.js":      "module.exports = 'main'\n",
		"node_modules/brow/browser.js":   "module.exports = 'browser'\n",
		"pages/api/resolve.ts": edgeHead + `import { fromPaths } from '@/util'
import { which } from 'cond'
import brow from 'brow'
import { NextResponse, type NextRequest } from 'next/server'
async function* gen() { yield 1; yield 2 }
class Res { [Symbol.dispose]() { disposed = true } }
let disposed = false
export default async function handler(req: NextRequest) {
  let sum = 0
  for await (const n of gen()) sum += n
  { using r = new Res() }
  return NextResponse.json({ fromPaths, which, brow, sum, disposed, q: req.nextUrl.searchParams.get('q') })
}
`,
		"pages/api/jsx.tsx": edgeHead + "const el = <div id='x'>hi</div>\nexport default () => new Response(typeof el)\n",
	}, Options{})
	code, body := get(t, e.URL()+"/api/resolve?q=1")
	want := `{"fromPaths":"paths ok","which":"edge-light","brow":"browser","sum":3,"disposed":true,"q":"1"}`
	if code != 200 || body != want {
		t.Errorf("got %d %s\nwant %s", code, body, want)
	}
	// JSX compiles (react/jsx-runtime is not installed: the import fails
	// at build time with esbuild's message, at the import's line).
	code, body = get(t, e.URL()+"/api/jsx")
	if code != 500 || !strings.Contains(body, `Could not resolve "react/jsx-runtime"`) {
		t.Errorf("jsx: %d %s", code, body)
	}
}

// Request bodies reach the route as a stream, chunk by chunk, while the
// client is still sending.
func TestLiveRequestStream(t *testing.T) {
	e, _ := liveProject(t, map[string]string{
		"pages/api/up.ts": edgeHead + `export default async (req: Request) => {
  const reader = req.body!.getReader()
  const sizes: number[] = []
  for (;;) { const { done, value } = await reader.read(); if (done) break; sizes.push(value.length) }
  return Response.json({ chunks: sizes.length, total: sizes.reduce((a, b) => a + b, 0) })
}
`,
	}, Options{})
	pr, pw := io.Pipe()
	go func() {
		for i := 0; i < 5; i++ {
			pw.Write([]byte(strings.Repeat("x", 1000)))
			time.Sleep(30 * time.Millisecond)
		}
		pw.Close()
	}()
	res, err := http.Post(e.URL()+"/api/up", "application/octet-stream", pr)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(b), `"total":5000`) || strings.Contains(string(b), `"chunks":1,`) {
		t.Errorf("got %s: want 5000 bytes in several chunks", b)
	}
}

// The engine publishes what the UI subscribes to: routes, builds,
// exchanges with their chunks, console lines.
func TestLiveEvents(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "pages", "api"), 0o755)
	os.WriteFile(filepath.Join(dir, "pages", "api", "s.ts"), []byte(edgeHead+`export default () => {
  console.log('hello from the route')
  return new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('a')); c.enqueue(new TextEncoder().encode('b')); c.close() } }))
}
`), 0o644)
	e, err := New(Options{Dir: dir, Port: -1, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	got := make(chan Event, 100)
	unsub := e.Subscribe(func(ev Event) { got <- ev })
	defer unsub()
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-e.Ready()
	get(t, e.URL()+"/api/s")
	// The route's build comes first; its size follows from the analysis
	// of every route, as a second build event, once it ran.
	want := []string{EventRoutes, EventBuildStart, EventBuild, EventReady, "exchange:start", "exchange:log", "exchange:head", "exchange:chunk", "exchange:chunk", "exchange:end"}
	var seen []string
	sized := false
	timeout := time.After(5 * time.Second)
	for len(seen) < len(want) || !sized {
		select {
		case ev := <-got:
			if ev.Type == EventDiagnostics {
				continue
			}
			if ev.Type == EventBuild && len(seen) > 0 && seen[len(seen)-1] != EventBuildStart {
				// The analysis: the same route, now with its size.
				if ev.Route == nil || ev.Route.Build == nil || ev.Route.Build.Gzip == 0 {
					t.Errorf("analysis build event: %+v", ev.Route)
				}
				sized = true
				continue
			}
			seen = append(seen, ev.Type)
			switch ev.Type {
			case EventBuild:
				if ev.Route == nil || ev.Route.State != StateOK {
					t.Errorf("build event: %+v", ev.Route)
				}
				if ev.Route != nil && ev.Route.Build != nil && ev.Route.Build.Gzip > 0 {
					sized = true
				}
			case "exchange:log":
				if ev.Traffic.Log == nil || ev.Traffic.Log.Text != "hello from the route" {
					t.Errorf("log event: %+v", ev.Traffic)
				}
			case "exchange:end":
				x := ev.Traffic.Exchange
				if x == nil || x.Status != 200 || x.ChunkCount != 2 || x.Route != "/api/s" || x.BuildID == 0 {
					t.Errorf("end event: %+v", x)
				}
			}
		case <-timeout:
			t.Fatalf("events: got %q (a sized build event: %v), want %q", seen, sized, want)
		}
	}
	if strings.Join(seen, " ") != strings.Join(want, " ") {
		t.Errorf("events:\ngot  %q\nwant %q", seen, want)
	}
}

// event.waitUntil work runs on after the response and shows in the journal.
func TestLiveWaitUntil(t *testing.T) {
	e, _ := liveProject(t, map[string]string{
		"pages/api/bg.ts": edgeHead + `export default (req: Request, event: any) => {
  event.waitUntil(new Promise<void>((r) => setTimeout(() => { console.log('background done'); r() }, 2000)))
  return new Response('sent')
}
`,
	}, Options{})
	start := time.Now()
	code, body := get(t, e.URL()+"/api/bg")
	if code != 200 || body != "sent" || time.Since(start) > 1500*time.Millisecond {
		t.Fatalf("answer %d %q after %v: the response must not wait for waitUntil", code, body, time.Since(start))
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		xs := e.Journal().Exchanges()
		if len(xs) == 1 && xs[0].Background != nil {
			x := xs[0]
			if !x.Background.Done || x.Background.Error != "" || x.Background.At < 1990*time.Millisecond {
				t.Errorf("background: %+v", x.Background)
			}
			if len(x.Logs) != 1 || x.Logs[0].Text != "background done" {
				t.Errorf("logs: %+v", x.Logs)
			}
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the journal never showed the waitUntil work settle")
}
