// Package webapitest runs JS against every registered Web API in a real
// isolate (goja runtime + event loop), for the API packages' tests.
//
//	func TestHeaders(t *testing.T) { webapitest.RunFile(t, "testdata/headers_test.js") }
//
// A test file calls test(name, fn) for each case; fn may be async. The
// helpers assert(cond, msg), assertEquals(actual, expected, msg) (deep),
// assertThrows(fn, Ctor, messagePart) and assertRejects(promiseOrFn, Ctor,
// messagePart) are globals. Every case becomes a Go subtest.
package webapitest

import (
	_ "embed"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
)

//go:embed assert.js
var assertJS string

// Isolate is a runtime with every Web API installed and its loop running.
type Isolate struct {
	Loop      *eventloop.Loop
	Host      *webapi.Host
	Internals *goja.Object

	mu      sync.Mutex
	console []string
}

// New starts an isolate; it stops when the test ends.
func New(t testing.TB, env map[string]string) *Isolate {
	t.Helper()
	iso := &Isolate{Loop: eventloop.New(goja.New())}
	iso.Host = &webapi.Host{Loop: iso.Loop, Env: env, Console: func(level, text string) {
		iso.mu.Lock()
		iso.console = append(iso.console, level+": "+text)
		iso.mu.Unlock()
	}}
	go iso.Loop.Run()
	t.Cleanup(func() { iso.Loop.Stop(); <-iso.Loop.Done() })
	errc := make(chan error, 1)
	iso.Loop.Enqueue(func(rt *goja.Runtime) {
		in, err := webapi.Install(iso.Host)
		iso.Internals = in
		if err == nil {
			_, err = rt.RunScript("edgeplay:test/assert.js", assertJS)
		}
		errc <- err
	})
	if err := <-errc; err != nil {
		t.Fatalf("install web APIs: %v", err)
	}
	return iso
}

// Console returns the console lines written so far, as "level: text".
func (iso *Isolate) Console() []string {
	iso.mu.Lock()
	defer iso.mu.Unlock()
	return append([]string(nil), iso.console...)
}

// Do runs fn on the loop and waits for it.
func (iso *Isolate) Do(fn func(rt *goja.Runtime)) {
	done := make(chan struct{})
	iso.Loop.Enqueue(func(rt *goja.Runtime) { defer close(done); fn(rt) })
	<-done
}

// Eval runs src on the loop; if it gives a promise, waits for it to settle
// (up to timeout). It returns the exported value or the JS error.
func (iso *Isolate) Eval(src string, timeout time.Duration) (any, error) {
	type result struct {
		v   any
		err error
	}
	res := make(chan result, 1)
	iso.Loop.Enqueue(func(rt *goja.Runtime) {
		v, err := rt.RunScript("test.js", src)
		if err != nil {
			res <- result{err: err}
			return
		}
		if _, ok := v.Export().(*goja.Promise); !ok {
			res <- result{v: v.Export()}
			return
		}
		then := func(fulfilled bool) func(goja.FunctionCall) goja.Value {
			return func(call goja.FunctionCall) goja.Value {
				if fulfilled {
					res <- result{v: call.Argument(0).Export()}
				} else {
					res <- result{err: fmt.Errorf("rejected: %s", describe(rt, call.Argument(0)))}
				}
				return goja.Undefined()
			}
		}
		thenFn, _ := goja.AssertFunction(rt.ToValue(v).ToObject(rt).Get("then"))
		_, _ = thenFn(v, rt.ToValue(then(true)), rt.ToValue(then(false)))
	})
	select {
	case r := <-res:
		return r.v, r.err
	case <-timeAfter(timeout):
		return nil, fmt.Errorf("timed out after %v (a promise never settled)", timeout)
	}
}

func timeAfter(d time.Duration) <-chan time.Time {
	if d <= 0 {
		d = 10 * time.Second
	}
	return time.After(d)
}

func describe(rt *goja.Runtime, v goja.Value) string {
	if o, ok := v.(*goja.Object); ok {
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			return st.String()
		}
	}
	return v.String()
}

// RunFile runs a JS test file of test(name, fn) cases, each as a subtest.
func RunFile(t *testing.T, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	RunSource(t, path, string(src))
}

// RunSource is RunFile for a source string.
func RunSource(t *testing.T, name, src string) {
	t.Helper()
	RunSourceWith(t, name, src, nil)
}

// RunSourceWith is RunSource with a set-up function that runs on the loop
// before the test file (to expose internals to a test, say).
func RunSourceWith(t *testing.T, name, src string, setup func(iso *Isolate, rt *goja.Runtime)) {
	t.Helper()
	iso := New(t, map[string]string{"NEXT_RUNTIME": "edge"})
	errc := make(chan error, 1)
	iso.Loop.Enqueue(func(rt *goja.Runtime) {
		if setup != nil {
			setup(iso, rt)
		}
		_, err := rt.RunScript(name, src)
		errc <- err
	})
	if err := <-errc; err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	v, err := iso.Eval("__runTests()", 60*time.Second)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	results, _ := v.([]any)
	if len(results) == 0 {
		t.Fatalf("%s: no test cases ran", name)
	}
	for _, r := range results {
		m := r.(map[string]any)
		name, _ := m["name"].(string)
		failure, _ := m["error"].(string)
		t.Run(name, func(t *testing.T) {
			if failure != "" {
				t.Error(failure)
			}
		})
	}
}

// Sorted returns the keys of a map in order; handy for golden output.
func Sorted[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Lines joins lines with newlines, for comparing console output.
func Lines(s []string) string { return strings.Join(s, "\n") }

// Installed builds a runtime with every registered Web API installed, as
// an isolate's set-up does, without starting its loop: Install runs on the
// calling goroutine, the only one touching the runtime. For set-up
// benchmarks; the package under test must import the APIs it needs
// (usually engine/edge/webapi/all).
func Installed(tb testing.TB) *goja.Runtime {
	tb.Helper()
	rt := goja.New()
	loop := eventloop.New(rt)
	if _, err := webapi.Install(&webapi.Host{Loop: loop, Env: map[string]string{}, Console: func(string, string) {}}); err != nil {
		tb.Fatal(err)
	}
	return rt
}
