package edge

import (
	"sort"
	"sync/atomic"
	"time"
)

// Isolates on demand, under a memory budget.
//
// An isolate holds its route's module instances: a few hundred KB for a
// route that imports nothing, 5–7 MB for one that loads zod and hono. A
// project of 300 such routes, each called once, would keep 2 GB of them,
// and every collection of the Go heap would walk it all. So no isolate is
// made before a request needs one (Warm aside), and the isolates of every
// route together are held to Options.IsolateMemory: when a new one takes
// the total past it, the idle ones used least recently are stopped until it
// fits. A route whose isolate was given back sets up a new one on its next
// request (milliseconds; the compiled modules are kept). An isolate's
// memory is estimated as what the heap grew by during its set-up: rough
// (other goroutines allocate meanwhile) but of the right size, and cheap.

// DefaultIsolateMemory is the default budget of the isolates.
const DefaultIsolateMemory = 64 << 20

// minIsolateCost is the least an isolate is counted for: the Web APIs'
// objects alone take about this much.
const minIsolateCost = 512 << 10

// cost returns the isolate's estimated memory.
func (iso *isolate) costBytes() int64 { return iso.cost.Load() }

// touch marks the isolate used now.
func (iso *isolate) touch() { iso.used.Store(time.Now().UnixNano()) }

// fitBudget stops the least recently used idle isolates while the
// estimated memory of all isolates is over budget. keep (the isolate just
// set up) is never stopped. Goroutine-safe.
func (w *watchdog) fitBudget(budget int64, keep *isolate) {
	if budget <= 0 {
		return
	}
	w.mu.Lock()
	all := make([]*isolate, 0, len(w.isolates))
	var total int64
	for iso := range w.isolates {
		all = append(all, iso)
		total += iso.costBytes()
	}
	w.mu.Unlock()
	if total <= budget {
		return
	}
	sort.Slice(all, func(i, j int) bool { return all[i].used.Load() < all[j].used.Load() })
	for _, iso := range all {
		if total <= budget {
			break
		}
		if iso == keep || !isClosed(iso.ready) {
			continue
		}
		// Marked dead under its generation's lock, so that pick does not
		// hand it a request between the check and the stop.
		g := iso.gen()
		g.mu.Lock()
		idle := iso.inflight.Load() == 0 && !iso.dead.Load()
		if idle {
			iso.dead.Store(true)
		}
		g.mu.Unlock()
		if !idle {
			continue
		}
		total -= iso.costBytes()
		w.evicted.Add(1)
		iso.kill("given back: the isolates are over their memory budget")
	}
}

// Evicted returns how many isolates were given back for the budget, over
// the process (tests, stats).
func Evicted() int64 { return heapWatch.evicted.Load() }

var _ = atomic.Int64{}
