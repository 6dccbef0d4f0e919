package edge

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

// A test-only Web API whose Go natives panic the ways Go code can: each
// must become a JS Error the route sees, never a crash.
func init() {
	webapi.Register(webapi.API{
		Name:  "faulttest",
		Order: 1 << 20,
		JS:    "global.__faults = native;",
		Native: func(h *webapi.Host) map[string]any {
			rt := h.Loop.Runtime()
			nilMapWrite := func() {
				var m map[string]int
				m["x"] = 1
			}
			return map[string]any{
				// Sync: a nil map write in a func(goja.FunctionCall).
				"nilMap": func(goja.FunctionCall) goja.Value {
					nilMapWrite()
					return goja.Undefined()
				},
				// Sync: a plain Go func (goja calls it by reflection).
				"index": func(i int) int {
					a := []int{1, 2, 3}
					return a[i]
				},
				// A JS exception thrown from Go stays what it is.
				"typeError": func(goja.FunctionCall) goja.Value {
					webapi.Throw(rt, "TypeError", "not a thing")
					return nil
				},
				// Async: the completion, run on the loop, panics.
				"later": func(goja.FunctionCall) goja.Value {
					p, resolve, _ := rt.NewPromise()
					cb := h.Loop.Reserve()
					go func() {
						time.Sleep(time.Millisecond)
						cb(func(*goja.Runtime) {
							nilMapWrite()
							_ = resolve(1)
						})
					}()
					return rt.ToValue(p)
				},
				// Off the loop: the Go work itself (I/O, crypto) panics on
				// its goroutine, before or after it delivered its result.
				"worker": func(call goja.FunctionCall) goja.Value {
					after := call.Argument(0).ToBoolean()
					p, resolve, _ := rt.NewPromise()
					h.Loop.Go(h.Loop.Reserve(), func(done eventloop.Callback) {
						if after {
							done(func(*goja.Runtime) { _ = resolve("delivered") })
						}
						nilMapWrite()
						done(func(*goja.Runtime) { _ = resolve("no panic") })
					})
					return rt.ToValue(p)
				},
				// Async with no promise to reject: the loop's own recovery.
				"laterNoPromise": func(goja.FunctionCall) goja.Value {
					cb := h.Loop.Reserve()
					go cb(func(*goja.Runtime) { nilMapWrite() })
					return goja.Undefined()
				},
				// A Go function made at run time and never guarded: its
				// panic unwinds through the VM to the loop.
				"raw": func(goja.FunctionCall) goja.Value {
					return rt.ToValue(func(goja.FunctionCall) goja.Value {
						nilMapWrite()
						return goja.Undefined()
					})
				},
			}
		},
	})
}

// console collects what routes print, per request owner.
type console struct {
	mu    sync.Mutex
	lines []string
}

func (c *console) log(owner any, level, text string) {
	c.mu.Lock()
	c.lines = append(c.lines, fmt.Sprintf("%v %s: %s", owner, level, text))
	c.mu.Unlock()
}

func (c *console) text() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(c.lines, "\n")
}

// generation compiles handler (a JS expression) as a route's default
// export, the way the server tests do, and returns its generation.
func generation(t *testing.T, handler string, opts Options) *Generation {
	t.Helper()
	return generationOf(t, fmt.Sprintf("var %s = (() => ({ default: %s }))();\n", GlobalName, handler), opts)
}

func generationOf(t *testing.T, code string, opts Options) *Generation {
	t.Helper()
	sc, err := Compile("pages/api/x.ts", "/api/x", 1, code)
	if err != nil {
		t.Fatal(err)
	}
	g := NewGeneration(sc, opts)
	t.Cleanup(g.Close)
	return g
}

// call invokes the route at path and returns the status and body, or the
// error.
func call(t *testing.T, g *Generation, path string, owner any) (int, string, error) {
	t.Helper()
	// Only a guard against a hang: tests that want a timeout set
	// Options.Timeout; -race on two shared cores is slow.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := g.Invoke(ctx, &Request{Method: "GET", URL: "http://localhost:3000" + path, BodyLength: -1, Owner: owner})
	if err != nil {
		return 0, "", err
	}
	if res.Stream != nil {
		var b strings.Builder
		for {
			chunk, err := res.Stream.Next(ctx)
			if err != nil {
				if err.Error() != "EOF" {
					return res.Status, b.String(), err
				}
				break
			}
			b.Write(chunk)
		}
		return res.Status, b.String(), nil
	}
	return res.Status, string(res.Body), nil
}

// The route: /api/x?f=NAME runs one case; every answer carries a counter
// that lives in the isolate, so a test sees whether it is still the same.
const faultRoute = `async (req) => {
	globalThis.served = (globalThis.served || 0) + 1
	const f = new URL(req.url).searchParams.get('f')
	const cases = {
		ok: () => 'ok',
		nilMap: () => { try { __faults.nilMap(); return 'no error' } catch (e) { return 'caught ' + (e instanceof Error) + ': ' + e.message } },
		index: () => { try { return __faults.index(7) } catch (e) { return 'caught ' + e.message } },
		typeError: () => { try { __faults.typeError() } catch (e) { return 'caught ' + e.name + ': ' + e.message } },
		later: async () => { try { await __faults.later(); return 'no error' } catch (e) { return 'caught ' + e.message } },
		uncaught: () => { __faults.index(9) },
		uncaughtLater: async () => { await __faults.later() },
		worker: async () => { try { await __faults.worker(false); return 'no error' } catch (e) { return 'caught ' + e.message } },
		workerAfter: async () => { const v = await __faults.worker(true); await new Promise(r => setTimeout(r, 20)); return v },
		noPromise: async () => { __faults.laterNoPromise(); await new Promise(r => setTimeout(r, 2000)); return 'late' },
		raw: () => { __faults.raw()() },
	}
	return new Response(await cases[f]() + ' #' + globalThis.served)
}`

func TestNativePanics(t *testing.T) {
	var con console
	g := generation(t, faultRoute, Options{Timeout: 5 * time.Second, Console: con.log})
	served := 0
	expect := func(f string, wantStatus int, want ...string) string {
		t.Helper()
		status, body, err := call(t, g, "/api/x?f="+f, f)
		text := body
		if err != nil {
			status, text = 500, err.(*Error).Text()
		}
		if status != wantStatus {
			t.Errorf("%s: status %d (%s), want %d", f, status, text, wantStatus)
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q does not contain %q", f, text, w)
			}
		}
		return text
	}
	same := func(f string) {
		t.Helper()
		served++
		expect("ok", 200, fmt.Sprintf("ok #%d", served+1))
		served++
	}

	// Sync: the route's try/catch gets an Error naming the API, the panic
	// and the Go line; the isolate (its counter) goes on.
	expect("nilMap", 200, "caught true: edgeplay internal error in faulttest.nilMap: assignment to entry in nil map (at edge/faults_test.go:")
	same("nilMap")
	expect("index", 200, "caught edgeplay internal error in faulttest.index: runtime error: index out of range [7] with length 3 (at edge/faults_test.go:")
	same("index")
	expect("typeError", 200, "caught TypeError: not a thing")
	same("typeError")

	// Uncaught, it is the handler's error: 500 with the route's stack.
	text := expect("uncaught", 500, "Error: edgeplay internal error in faulttest.index: runtime error: index out of range [9] with length 3", "\n    at ")
	t.Logf("uncaught sync panic answers:\n%s", text)
	same("uncaught")

	// Async: the completion panics on the loop; the promise the API
	// returned rejects with the Error.
	expect("later", 200, "caught edgeplay internal error in faulttest.later: assignment to entry in nil map")
	same("later")
	text = expect("uncaughtLater", 500, "Error: edgeplay internal error in faulttest.later: assignment to entry in nil map", "\n    at ")
	t.Logf("uncaught async panic answers:\n%s", text)
	same("uncaughtLater")

	// Go work off the loop panics on its own goroutine: raised again on
	// the loop, the promise rejects with it; after it delivered its
	// result, it is only reported (as a panic on the loop, which fails
	// the request: the work's state is unknown).
	expect("worker", 200, "caught edgeplay internal error in faulttest.worker: assignment to entry in nil map (at edge/faults_test.go:")
	same("worker")
	expect("workerAfter", 500, "edgeplay internal error in the edge runtime: assignment to entry in nil map (at edge/faults_test.go:")
	same("workerAfter")

	// An async completion with no promise to reject: the loop recovers it
	// and the request fails at once (not after its 2 s timer), 500.
	start := time.Now()
	expect("noPromise", 500, "edgeplay internal error in the edge runtime: assignment to entry in nil map (at edge/faults_test.go:")
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("noPromise answered after %v: want at once", d)
	}
	same("noPromise")

	// A panic that unwound through goja's VM (an unguarded Go function):
	// 500, and the isolate is replaced (goja may have lost queued jobs).
	expect("raw", 500, "edgeplay internal error in the edge runtime: assignment to entry in nil map")
	expect("ok", 200, "ok #1") // a fresh isolate
	if n := g.Isolates(); n != 1 {
		t.Errorf("isolates: %d", n)
	}

	// Every panic left its Go frames in the console of its request.
	log := con.text()
	for _, f := range []string{"nilMap", "index", "uncaught", "later", "uncaughtLater", "worker", "workerAfter", "noPromise", "raw"} {
		if !strings.Contains(log, f+" error: edgeplay: Go panic") {
			t.Errorf("no Go panic line in the console of %s:\n%s", f, log)
		}
	}
	if strings.Contains(log, "typeError error:") {
		t.Errorf("a JS exception from Go was logged as a panic:\n%s", log)
	}
	t.Logf("console line of a panic: %s", log[:strings.Index(log, "\n    at ")+strings.Index(log[strings.Index(log, "\n    at ")+1:], "\n")+1])
}

// bundleTS bundles one TypeScript route the way the engine does: an IIFE
// with an inline source map.
func bundleTS(t *testing.T, src string) string {
	t.Helper()
	out := api.Transform(src, api.TransformOptions{
		Sourcefile: "pages/api/x.ts", Loader: api.LoaderTS, Sourcemap: api.SourceMapInline,
		Format: api.FormatIIFE, GlobalName: GlobalName, Target: api.ESNext,
	})
	if len(out.Errors) > 0 {
		t.Fatal(out.Errors[0].Text)
	}
	return string(out.Code)
}

// Unhandled rejections are logged, with the stack at the original
// TypeScript lines, to the console of the request that caused them.
func TestUnhandledRejections(t *testing.T) {
	var con console
	code := bundleTS(t, `type N = number
export default async function handler(req: Request): Promise<Response> {
  const n: N = 1
  Promise.reject(new Error('lost ' + n))
  setTimeout(() => {
    Promise.reject(new TypeError('lost in a timer'))
  }, 1)
  const p = Promise.reject(new Error('handled later'))
  await null
  p.catch(() => {})
  return new Response('ok')
}
`)
	g := generationOf(t, code, Options{Console: con.log})
	if status, body, err := call(t, g, "/api/x", "req-1"); err != nil || status != 200 || body != "ok" {
		t.Fatalf("got %d %q %v", status, body, err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(con.text(), "lost in a timer") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	log := con.text()
	t.Logf("console:\n%s", log)
	for _, want := range []string{
		"req-1 error: Unhandled Rejection: Error: lost 1\n    at handler (pages/api/x.ts:4:",
		"req-1 error: Unhandled Rejection: TypeError: lost in a timer\n    at <anonymous> (pages/api/x.ts:6:",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("console lacks %q", want)
		}
	}
	if strings.Contains(log, "handled later") {
		t.Error("a rejection handled later in the same job was reported")
	}
}

// A route that allocates without bound is stopped when the engine's heap
// passes MaxHeap: 500 with the platform's code, the isolate replaced,
// other routes served all along; past the platform's 128 MB its request
// is warned first.
func TestHeapCeiling(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MB")
	}
	const ceiling = 200 << 20
	var con console
	g := generation(t, `async (req) => {
		globalThis.served = (globalThis.served || 0) + 1
		switch (new URL(req.url).searchParams.get('f')) {
		case 'arrays': { const a = []; for (;;) a.push(new Array(1e6).fill(1)) }
		case 'strings': { let s = 'x'; for (;;) s += s }
		case 'async': { const a = []; for (;;) { a.push(new Array(1e6).fill(1)); await new Promise(r => setTimeout(r, 0)) } }
		}
		return new Response('ok #' + globalThis.served)
	}`, Options{Timeout: 50 * time.Second, MaxHeap: ceiling, Console: con.log})
	other := generation(t, `() => new Response('other')`, Options{MaxHeap: ceiling})

	settled := func() {
		deadline := time.Now().Add(30 * time.Second)
		for heapWatch.settling.Load() > 0 && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		debug.FreeOSMemory()
	}
	// Strings last: a doubling string overshoots by one doubling, the
	// one under way when the interrupt comes (up to 4× the ceiling), and
	// on a loaded machine (-race, two shared cores) the watchdog can miss
	// the whole of one doubling: the live string and the garbage of the
	// last ones then reach about 9× the ceiling. Two missed doublings
	// (18×) would be a watchdog that does not keep up.
	for _, f := range []string{"arrays", "async", "strings"} {
		t.Run(f, func(t *testing.T) {
			settled()
			// Another route keeps answering while this one allocates.
			stop := make(chan struct{})
			var wg sync.WaitGroup
			wg.Add(1)
			answered := 0
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					if status, body, err := call(t, other, "/api/other", "other"); err != nil || status != 200 || body != "other" {
						t.Errorf("other route during %s: %d %q %v", f, status, body, err)
						return
					}
					answered++
					time.Sleep(5 * time.Millisecond)
				}
			}()
			before := heapBytes()
			heapPeak()
			start := time.Now()
			_, _, err := call(t, g, "/api/x?f="+f, f)
			took := time.Since(start)
			peak := heapPeak()
			close(stop)
			wg.Wait()
			e, ok := err.(*Error)
			if !ok || e.Kind != KindMemory {
				t.Fatalf("got %v, want a KindMemory error", err)
			}
			for _, want := range []string{"EDGE_FUNCTION_INVOCATION_FAILED: Memory limit exceeded: this request grew the engine's heap by ", "past edgeplay's ceiling of 200 MB (MaxHeap)", "An Edge Function has 128 MB"} {
				if !strings.Contains(e.Text(), want) {
					t.Errorf("error %q lacks %q", e.Text(), want)
				}
			}
			if limit := uint64(3 * ceiling); f == "strings" && peak > 10*ceiling || f != "strings" && peak > limit {
				t.Errorf("peak heap %s: the ceiling is %s", formatMB(peak), formatMB(ceiling))
			}
			// The isolate was replaced: the route answers from a new one.
			if status, body, err := call(t, g, "/api/x?f=ok", "ok"); err != nil || status != 200 || body != "ok #1" {
				t.Errorf("after the stop: %d %q %v", status, body, err)
			}
			if !strings.Contains(con.text(), f+" warn: edgeplay: /api/x has grown the heap by ") {
				t.Errorf("no warning past 128 MB in the console of %s:\n%s", f, con.text())
			}
			t.Logf("%s: stopped after %v; heap %s before, peak sample %s, %s after; other route answered %d times meanwhile\n%s",
				f, took.Round(time.Millisecond), formatMB(before), formatMB(peak), formatMB(heapBytes()), answered, e.Text())
		})
	}
	t.Logf("console:\n%s", con.text())
}

// A timer callback that spins is interrupted: the interrupt unwinds out
// of the timer's job (timers re-panic it), which the loop takes as the
// isolate stopping, not as a crash.
func TestSpinningTimer(t *testing.T) {
	var con console
	g := generation(t, `(req) => {
		if (new URL(req.url).searchParams.has('spin')) setTimeout(() => { for (;;) {} }, 0)
		return new Response('ok')
	}`, Options{Timeout: time.Second, Console: con.log})
	if status, body, err := call(t, g, "/api/x?spin", "spin"); err != nil || status != 200 || body != "ok" {
		t.Fatalf("got %d %q %v", status, body, err)
	}
	// The job limit stops the isolate. A request that comes while it
	// still spins waits for it, and on a loaded machine can pass its own
	// second and answer 504, as on the platform; the route must recover.
	time.Sleep(1200 * time.Millisecond)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		status, body, err := call(t, g, "/api/x", "after")
		if err == nil && status == 200 && body == "ok" {
			break
		}
		if e, ok := err.(*Error); !ok || e.Kind != KindTimeout || time.Now().After(deadline) {
			t.Fatalf("after the spinning timer: %d %q %v", status, body, err)
		}
	}
	if strings.Contains(con.text(), "Go panic") {
		t.Errorf("the interrupt was reported as a panic:\n%s", con.text())
	}
}
