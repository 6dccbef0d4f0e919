package engine

import (
	"errors"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	"github.com/edgeplay/edgeplay/engine/traffic"
)

// A test-only Web API with a Go native that panics (a nil map write).
func init() {
	webapi.Register(webapi.API{
		Name:  "faultlive",
		Order: 1 << 20,
		JS:    "global.__panics = native;",
		Native: func(*webapi.Host) map[string]any {
			return map[string]any{"nilMap": func(goja.FunctionCall) goja.Value {
				var m map[string]int
				m["x"] = 1
				return goja.Undefined()
			}}
		},
	})
}

// exchangeOf waits for the journal's last exchange of path to end.
func exchangeOf(t *testing.T, e *Engine, path string) traffic.Exchange {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		xs := e.Journal().Exchanges()
		for i := len(xs) - 1; i >= 0; i-- {
			if xs[i].Path == path && xs[i].Done {
				return xs[i]
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no finished exchange for %s", path)
	return traffic.Exchange{}
}

func logsOf(x traffic.Exchange) string {
	var b strings.Builder
	for _, l := range x.Logs {
		b.WriteString(l.Level + ": " + l.Text + "\n")
	}
	return b.String()
}

// Faults answered as the platform would, each in the traffic log and the
// terminal, the server serving on.
func TestLiveFaultsAnswered(t *testing.T) {
	var log syncBuffer
	e, _ := liveProject(t, map[string]string{
		"pages/api/ok.ts": edgeHead + "export default () => new Response('ok')\n",
		// A panic in Go code behind a Web API.
		"pages/api/panic.ts": edgeHead + `export default (req: Request) => {
  if (new URL(req.url).searchParams.has('catch')) {
    try { (globalThis as any).__panics.nilMap() } catch (e) { return new Response('caught: ' + (e as Error).message) }
  }
  (globalThis as any).__panics.nilMap()
  return new Response('unreachable')
}
`,
		// A rejection nobody handles.
		"pages/api/reject.ts": edgeHead + `export default async () => {
  const late: Promise<never> = Promise.reject(new Error('nobody listens'))
  return new Response('answered')
}
`,
		// A stream that fails half-way.
		"pages/api/broken.ts": edgeHead + `export default () => new Response(new ReadableStream({
  async start(c) {
    for (let i = 0; i < 3; i++) { c.enqueue(new TextEncoder().encode('chunk' + i + '\n')); await new Promise(r => setTimeout(r, 20)) }
    c.error(new Error('upstream went away'))
  },
}))
`,
	}, Options{Log: &log})
	u := e.URL()

	t.Run("Go panic in a Web API", func(t *testing.T) {
		eventually(t, u+"/api/panic?catch", 200, "caught: edgeplay internal error in faultlive.nilMap: assignment to entry in nil map (at engine/faults_live_test.go:")
		code, body := get(t, u+"/api/panic")
		if code != 500 || !strings.Contains(body, "Error: edgeplay internal error in faultlive.nilMap: assignment to entry in nil map") ||
			!strings.Contains(body, "\n    at panic_default (pages/api/panic.ts:6:") {
			t.Errorf("uncaught: %d %q", code, body)
		}
		x := exchangeOf(t, e, "/api/panic")
		if x.Error == nil || x.Error.File != "pages/api/panic.ts" || x.Error.Line != 6 || !strings.Contains(logsOf(x), "error: edgeplay: Go panic in the Web API function faultlive.nilMap") {
			t.Errorf("journal: %+v\n%s", x.Error, logsOf(x))
		}
		t.Logf("500 body:\n%s\ntraffic log:\n%s", body, logsOf(x))
		for i := 0; i < 3; i++ {
			if code, body := get(t, u+"/api/ok"); code != 200 || body != "ok" {
				t.Errorf("after the panic: %d %q", code, body)
			}
		}
	})

	t.Run("unhandled rejection", func(t *testing.T) {
		if code, body := get(t, u+"/api/reject"); code != 200 || body != "answered" {
			t.Fatalf("got %d %q", code, body)
		}
		// The rejection is reported when the job that made it ends, which
		// may be just after the response went out.
		want := "error: Unhandled Rejection: Error: nobody listens\n    at reject_default (pages/api/reject.ts:3:"
		x := exchangeOf(t, e, "/api/reject")
		for deadline := time.Now().Add(3 * time.Second); !strings.Contains(logsOf(x), want) && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
			x = exchangeOf(t, e, "/api/reject")
		}
		if !strings.Contains(logsOf(x), want) {
			t.Errorf("traffic log of the request:\n%s\nwant %q", logsOf(x), want)
		}
		if !strings.Contains(log.String(), "Unhandled Rejection: Error: nobody listens\n    at reject_default (pages/api/reject.ts:3:") {
			t.Errorf("terminal:\n%s", log.String())
		}
	})

	t.Run("stream fails half-way", func(t *testing.T) {
		start := time.Now()
		res, err := http.Get(u + "/api/broken")
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || string(b) != "chunk0\nchunk1\nchunk2\n" || !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("got %d %q, %v: want the three chunks, then an unexpected EOF (no terminating chunk)", res.StatusCode, b, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("the failed stream ended after %v", d)
		}
		x := exchangeOf(t, e, "/api/broken")
		if x.Error == nil || x.Error.Message != "upstream went away" || x.Error.File != "pages/api/broken.ts" || x.Error.Line != 5 || x.ChunkCount != 3 {
			t.Errorf("journal: %+v, %d chunks", x.Error, x.ChunkCount)
		}
		if !strings.Contains(log.String(), " ⨯ Error: upstream went away\n    at ") {
			t.Errorf("terminal:\n%s", log.String())
		}
		t.Logf("client: %d, %q, then %v; journal: %s: %s at %s:%d, %d chunks", res.StatusCode, b, err, x.Error.Name, x.Error.Message, x.Error.File, x.Error.Line, x.ChunkCount)
		if code, body := get(t, u+"/api/ok"); code != 200 || body != "ok" {
			t.Errorf("after the stream: %d %q", code, body)
		}
	})
}

// A route that allocates without bound is stopped at the engine's heap
// ceiling; the other routes answer all along.
func TestLiveMemoryCeiling(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MB")
	}
	var log syncBuffer
	e, _ := liveProject(t, map[string]string{
		"pages/api/ok.ts": edgeHead + "export default () => new Response('ok')\n",
		"pages/api/hog.ts": edgeHead + `let served = 0
export default (req: Request) => {
  served++
  if (new URL(req.url).searchParams.has('small')) return new Response('small #' + served)
  const a: number[][] = []
  for (;;) a.push(new Array(1e6).fill(1))
}
`,
	}, Options{Log: &log, MaxHeap: 200 << 20, WarnHeap: 32 << 20,
		// The ceiling counts what the request grew the heap by: under
		// -race, beside other packages' tests on two cores, the hog takes
		// tens of seconds to grow it by 200 MB, which the default time
		// limit would end first.
		Timeout: 3 * time.Minute})
	runtime.GC()
	u := e.URL()
	eventually(t, u+"/api/hog?small", 200, "small #1")

	stop := make(chan struct{})
	done := make(chan int)
	go func() {
		n := 0
		defer func() { done <- n }()
		for {
			select {
			case <-stop:
				return
			default:
			}
			res, err := http.Get(u + "/api/ok")
			if err != nil {
				t.Error(err)
				return
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || string(b) != "ok" {
				t.Errorf("other route while one hogs memory: %d %q", res.StatusCode, b)
				return
			}
			n++
			time.Sleep(5 * time.Millisecond)
		}
	}()
	start := time.Now()
	code, body := get(t, u+"/api/hog")
	took := time.Since(start)
	close(stop)
	served := <-done
	if code != 500 || !strings.Contains(body, "EDGE_FUNCTION_INVOCATION_FAILED: Memory limit exceeded: this request grew the engine's heap by ") ||
		!strings.Contains(body, "past edgeplay's ceiling of 200 MB (MaxHeap); the route's isolate was stopped and replaced.") {
		t.Errorf("got %d %q", code, body)
	}
	x := exchangeOf(t, e, "/api/hog")
	if x.Error == nil || x.Error.Name != "EDGE_FUNCTION_INVOCATION_FAILED" || !strings.HasPrefix(x.Error.Message, "Memory limit exceeded") {
		t.Errorf("journal error: %+v", x.Error)
	}
	if !strings.Contains(logsOf(x), "warn: edgeplay: /api/hog has grown the heap by ") {
		t.Errorf("no warning past WarnHeap in the traffic log:\n%s", logsOf(x))
	}
	if !strings.Contains(log.String(), " ⨯ EDGE_FUNCTION_INVOCATION_FAILED: Memory limit exceeded") {
		t.Errorf("terminal:\n%s", log.String())
	}
	// A new isolate: module state starts again.
	eventually(t, u+"/api/hog?small", 200, "small #1")
	t.Logf("stopped after %v; /api/ok answered %d times meanwhile\n500 body:\n%s\ntraffic log:\n%s", took.Round(time.Millisecond), served, body, logsOf(x))
}
