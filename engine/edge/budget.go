package edge

import (
	"sort"
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
// memory is estimated from what the heap grew by during its set-up. Other
// goroutines allocate meanwhile (other isolates setting up, builds), which
// only ever inflates the figure, so a route's isolates are all counted at
// the smallest set-up any of them measured (a route that loads zod and
// hono: about 6.5 MB), and no isolate at more than maxIsolateCost.

// DefaultIsolateMemory is the default budget of the isolates.
const DefaultIsolateMemory = 64 << 20

// minIsolateCost is the least an isolate is counted for: the Web APIs'
// objects alone take about this much. maxIsolateCost is the most: a
// set-up that measures more counted other goroutines' allocations too.
const (
	minIsolateCost = 512 << 10
	maxIsolateCost = 16 << 20
)

// observeCost records one set-up's measure and returns the route's
// estimate: the smallest measure so far, within the bounds.
func (s *Script) observeCost(measured int64) int64 {
	measured = min(max(measured, minIsolateCost), maxIsolateCost)
	for {
		cur := s.minCost.Load()
		if cur != 0 && cur <= measured {
			return cur
		}
		if s.minCost.CompareAndSwap(cur, measured) {
			return measured
		}
	}
}

// costBytes returns the isolate's estimated memory: its route's estimate.
func (iso *isolate) costBytes() int64 {
	if c := iso.gen().script.minCost.Load(); c > 0 {
		return c
	}
	return iso.cost.Load()
}

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
