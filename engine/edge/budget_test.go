package edge

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Memory the engine holds outside any request (its build graph, compiled
// modules, other routes' isolates: here a ballast twice the ceiling) does
// not count against a request: one that allocates a little is served, and
// one that allocates without bound is stopped, told its own growth.
func TestHeapCeilingCountsTheRequest(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MB")
	}
	const ceiling = 96 << 20
	ballast := make([]byte, 2*ceiling)
	for i := range ballast {
		ballast[i] = byte(i)
	}
	g := generation(t, `(req) => {
		const n = +new URL(req.url).searchParams.get('arrays')
		const a = []
		for (let i = 0; i < n; i++) a.push(new Array(1e4).fill(i))
		return new Response('ok ' + a.length)
	}`, Options{MaxHeap: ceiling, Timeout: time.Minute})
	for i := 0; i < 3; i++ {
		if status, body, err := call(t, g, "/api/x?arrays=4", "small"); err != nil || status != 200 || body != "ok 4" {
			t.Fatalf("a request that grows the heap by a few MB, with the engine holding %s: %d %q %v", formatMB(uint64(len(ballast))), status, body, err)
		}
	}
	_, _, err := call(t, g, "/api/x?arrays=1e9", "big")
	e, ok := err.(*Error)
	if !ok || e.Kind != KindMemory || !strings.Contains(e.Message, "this request grew the engine's heap by ") {
		t.Fatalf("got %v, want a KindMemory error with the request's growth", err)
	}
	// Its own figure: past the ceiling, not the heap with the ballast.
	var grew int
	if _, err := fmt.Sscanf(e.Message[strings.Index(e.Message, "heap by ")+len("heap by "):], "%d MB", &grew); err != nil || grew < ceiling>>20 || grew >= len(ballast)>>20+ceiling>>20 {
		t.Errorf("the request was told it grew the heap by %d MB (ballast %s, ceiling %s): %s", grew, formatMB(uint64(len(ballast))), formatMB(ceiling), e.Message)
	}
	runtime.KeepAlive(ballast)
}

// Isolates are held to Options.IsolateMemory: with a budget of about two
// isolates, serving six routes gives the least recently used ones back,
// and a route whose isolate was given back answers from a new one.
func TestIsolateBudget(t *testing.T) {
	const budget = 3 << 20
	var gens []*Generation
	for i := 0; i < 6; i++ {
		gens = append(gens, generation(t, fmt.Sprintf(`() => new Response('route %d')`, i), Options{IsolateMemory: budget}))
	}
	before := Evicted()
	for round := 0; round < 2; round++ {
		for i, g := range gens {
			if status, body, err := call(t, g, "/api/x", "r"); err != nil || status != 200 || body != fmt.Sprintf("route %d", i) {
				t.Fatalf("round %d, route %d: %d %q %v", round, i, status, body, err)
			}
		}
	}
	live, held := 0, int64(0)
	for _, g := range gens {
		g.mu.Lock()
		for _, iso := range g.isolates {
			live++
			held += iso.costBytes()
		}
		g.mu.Unlock()
	}
	evicted := Evicted() - before
	t.Logf("%d isolates live holding ~%s, %d given back", live, formatMB(uint64(held)), evicted)
	if evicted == 0 || live >= len(gens) {
		t.Errorf("%d isolates live for %d routes with a budget of %s, %d given back: the budget is not kept", live, len(gens), formatMB(budget), evicted)
	}
	if held > budget+4<<20 {
		t.Errorf("the live isolates hold ~%s, over the budget of %s by more than one isolate", formatMB(uint64(held)), formatMB(budget))
	}
}
