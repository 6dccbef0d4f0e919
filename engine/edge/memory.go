package edge

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// Memory limits. goja has no per-runtime accounting, and all isolates
// share the process's Go heap, so the engine watches the heap while
// requests run and counts, for each isolate running JS, what the heap grew
// by since its request began (or its set-up, for module code running at
// load): not the heap as a whole, which holds the engine's own caches (the
// build graph, compiled modules) and the other routes' isolates, and which
// grows with the size of the project, not with what a request does.
//
//   - WarnHeap (default 128 MB, what an Edge Function gets on the
//     platform): when a request has grown the heap by more than that, its
//     console (the traffic log and the terminal) gets a warning, once.
//   - MaxHeap (default 1 GiB): when a request has grown the heap by more
//     than that, the isolate running it (the one that has been running JS
//     the longest, when several are over) is interrupted and replaced, and
//     its request answers 500 EDGE_FUNCTION_INVOCATION_FAILED "Memory limit
//     exceeded" with its own figure. Other isolates, and so other routes,
//     go on.
//
// The heap is sampled every heapSampleEvery while any request is in
// flight (runtime/metrics: ~0.3 µs, no stop-the-world), so a runaway
// route is stopped within about one interval of passing the ceiling: the
// overshoot is what it allocates in that time, or one allocation bigger
// than that (the doubling a string doubling was in), which no sampling
// can prevent. The measure is the Go heap, garbage not yet collected
// included, and requests running side by side share it; so that garbage
// alone does not reach a ceiling whatever GOGC and GOMEMLIMIT say, the
// watchdog has the heap collected past 3/4 of it when the collector would
// not run before. After a stop, what the stopped isolate grew the heap by
// is not counted against others until it is collected.
const (
	DefaultMaxHeap  = 1 << 30
	DefaultWarnHeap = 128 << 20
	// ErrMemory is the Name of a KindMemory error: the platform's code for
	// an Edge Function that failed.
	ErrMemory = "EDGE_FUNCTION_INVOCATION_FAILED"

	heapSampleEvery = 10 * time.Millisecond
	// unwindWait bounds the wait for a stopped isolate's interrupted job
	// to return (it returns at its next instruction: after the allocation
	// under way), settleWait the collections after it.
	unwindWait = 10 * time.Second
	settleWait = 3 * time.Second
	heapMetric = "/memory/classes/heap/objects:bytes"
)

// heapWatch is the process's one heap watchdog.
var heapWatch = &watchdog{isolates: map[*isolate]struct{}{}}

type watchdog struct {
	mu       sync.Mutex
	isolates map[*isolate]struct{}
	running  bool          // the sampling goroutine runs (under mu)
	active   atomic.Int64  // requests, streams and waitUntil work in flight, all generations
	peak     atomic.Uint64 // highest heap sample (measurements, tests)
	// dead is what isolates stopped for memory grew the heap by, until
	// it was collected: not counted against the next one. unwinding
	// counts the stopped isolates whose interrupted job has not returned
	// yet (their growth is not known yet: meanwhile a stop needs twice the
	// ceiling); settling those whose memory is not collected yet.
	dead       atomic.Int64
	unwinding  atomic.Int32
	settling   atomic.Int32
	collecting atomic.Bool  // a collection the watchdog asked for runs
	evicted    atomic.Int64 // isolates given back for the budget (budget.go)
	lastGC     time.Time    // when it last asked; sampling goroutine only
}

// heapBytes is the Go heap in use: live objects and garbage not yet swept.
func heapBytes() uint64 {
	s := [1]metrics.Sample{{Name: heapMetric}}
	metrics.Read(s[:])
	return uint64Of(s[0])
}

func uint64Of(s metrics.Sample) uint64 {
	if s.Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s.Value.Uint64()
}

// gcState is the heap and the heap size at which the next collection
// starts.
func gcState() (heap, goal uint64) {
	s := [2]metrics.Sample{{Name: heapMetric}, {Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s[:])
	return uint64Of(s[0]), uint64Of(s[1])
}

func (w *watchdog) add(iso *isolate) {
	w.mu.Lock()
	w.isolates[iso] = struct{}{}
	w.mu.Unlock()
}

func (w *watchdog) remove(iso *isolate) {
	w.mu.Lock()
	delete(w.isolates, iso)
	w.mu.Unlock()
}

// begin and end bracket work in flight. The watchdog samples only while
// there is some: its goroutine exits one interval after the last ends.
func (w *watchdog) begin() {
	if w.active.Add(1) != 1 {
		return
	}
	w.mu.Lock()
	if !w.running {
		w.running = true
		go w.run()
	}
	w.mu.Unlock()
}

func (w *watchdog) end() { w.active.Add(-1) }

func (w *watchdog) run() {
	for {
		time.Sleep(heapSampleEvery)
		if w.active.Load() <= 0 {
			w.mu.Lock()
			if w.active.Load() <= 0 {
				w.running = false
				w.mu.Unlock()
				return
			}
			w.mu.Unlock()
		}
		w.check()
	}
}

// check takes one sample and acts on it.
func (w *watchdog) check() {
	heap, goal := gcState()
	for {
		p := w.peak.Load()
		if heap <= p || w.peak.CompareAndSwap(p, heap) {
			break
		}
	}
	dead := uint64(max(w.dead.Load(), 0))
	w.mu.Lock()
	isos := make([]*isolate, 0, len(w.isolates))
	for iso := range w.isolates {
		isos = append(isos, iso)
	}
	w.mu.Unlock()
	var victim *isolate
	var victimGrowth, counted uint64 // counted: the largest growth, for the collection below
	var longest time.Duration
	var soft uint64 // 3/4 of the lowest ceiling of the isolates running JS
	for _, iso := range isos {
		busy := iso.loop.BusyFor()
		if busy == 0 || iso.dead.Load() {
			continue
		}
		opts := &iso.gen().opts
		start := iso.setupHeap.Load()
		inv, isInv := iso.loop.RunningOwner().(*invocation)
		if isInv {
			start = inv.heapStart
		}
		growth := heap - min(start+dead, heap)
		counted = max(counted, growth)
		if isInv && opts.WarnHeap > 0 && growth > uint64(opts.WarnHeap) && inv.memWarned.CompareAndSwap(false, true) {
			inv.memoryWarning(growth)
		}
		if opts.MaxHeap <= 0 {
			continue
		}
		if s := uint64(opts.MaxHeap) / 4 * 3; soft == 0 || s < soft {
			soft = s
		}
		limit := uint64(opts.MaxHeap)
		if w.unwinding.Load() > 0 {
			limit *= 2
		}
		if growth > limit && busy > longest {
			victim, victimGrowth, longest = iso, growth, busy
		}
	}
	// The heap counts garbage not collected yet. So that garbage alone
	// does not reach a ceiling, whatever GOGC and GOMEMLIMIT say (with
	// GOGC=off the collector would not run before GOMEMLIMIT), the
	// watchdog has the heap collected once it passes 3/4 of a ceiling
	// that the collector's own goal is beyond; at most once a second.
	if soft > 0 && counted > soft && goal > heap-counted+soft*4/3 && !w.collecting.Load() && time.Since(w.lastGC) > time.Second {
		w.collecting.Store(true)
		w.lastGC = time.Now()
		go func() {
			runtime.GC()
			w.collecting.Store(false)
		}()
	}
	if victim != nil {
		w.stopForMemory(victim, heap, victimGrowth)
	}
}

// stopForMemory interrupts and replaces iso. Then, in the background, it
// waits for the interrupted job to unwind and collects the garbage (and
// gives it back to the system: a dev tool should not keep a 1 GB spike);
// sampling goes on meanwhile, not counting what the stopped isolate grew
// the heap by.
func (w *watchdog) stopForMemory(iso *isolate, heap, growth uint64) {
	owner := iso.loop.RunningOwner()
	limit := iso.gen().opts.MaxHeap
	iso.stop(&stopCause{
		owner: owner,
		err:   memoryError(growth, limit),
		other: &Error{Kind: KindStopped, Name: "Error",
			Message: fmt.Sprintf("the edge isolate running this request was stopped because another request on it passed the memory limit (%s)", formatMB(uint64(limit)))},
	})
	start := iso.setupHeap.Load()
	if inv, ok := owner.(*invocation); ok {
		start = inv.heapStart
	}
	grownBy := func(heap uint64) int64 {
		if heap < start {
			return 0
		}
		return int64(heap - start)
	}
	dead := grownBy(heap)
	w.dead.Add(dead)
	w.unwinding.Add(1)
	w.settling.Add(1)
	// Only the loop's done channel: holding iso here would keep the
	// stopped runtime, and all it allocated, alive through the collection.
	done := iso.loop.Done()
	go func() {
		defer w.settling.Add(-1)
		select {
		case <-done:
		case <-time.After(unwindWait):
		}
		// The interrupted job may have finished one more allocation.
		if d := grownBy(heapBytes()); d > dead {
			w.dead.Add(d - dead)
			dead = d
		}
		w.unwinding.Add(-1)
		// The stopped runtime is garbage once Invoke (or the stream)
		// let go of it, a moment after the stop: collect until its
		// growth is gone. What is still above the heap the request began
		// with stays uncounted meanwhile: a heap that only dropped by the
		// garbage of the last doublings still holds the stopped runtime's
		// live data, and counting it would blame the next isolate (one
		// being set up for the next request, say) for it.
		for deadline := time.Now().Add(settleWait); dead > 0 && time.Now().Before(deadline); {
			runtime.GC()
			if left := grownBy(heapBytes()); left < dead {
				w.dead.Add(left - dead)
				dead = left
			}
			if dead < limit/8 {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		w.dead.Add(-dead)
		if heap := heapBytes(); heap > uint64(limit) {
			// Still over: the memory is held elsewhere, such as data a
			// route keeps in module scope across requests. Isolates are
			// cheap to make again: replace the idle ones.
			w.stopIdle()
		}
		debug.FreeOSMemory()
	}()
}

// stopIdle replaces every isolate that holds no request.
func (w *watchdog) stopIdle() {
	w.mu.Lock()
	all := make([]*isolate, 0, len(w.isolates))
	for iso := range w.isolates {
		all = append(all, iso)
	}
	w.mu.Unlock()
	var idle []*isolate
	for _, iso := range all {
		// Marked dead under the generation's lock, so that pick does
		// not hand it a request between the check and the kill.
		g := iso.gen()
		g.mu.Lock()
		if iso.inflight.Load() == 0 && !iso.dead.Load() {
			iso.dead.Store(true)
			idle = append(idle, iso)
		}
		g.mu.Unlock()
	}
	for _, iso := range idle {
		iso.kill("the engine's heap is over its ceiling")
	}
	if len(idle) > 0 {
		runtime.GC()
	}
}

// memoryError is what the request that passed the ceiling gets: what it
// grew the heap by.
func memoryError(growth uint64, limit int64) *Error {
	msg := fmt.Sprintf("Memory limit exceeded: this request grew the engine's heap by %s while it ran, past edgeplay's ceiling of %s (MaxHeap)",
		formatMB(growth), formatMB(uint64(limit)))
	return &Error{Kind: KindMemory, Name: ErrMemory, Message: msg,
		Stack: ErrMemory + ": " + msg + "; the route's isolate was stopped and replaced.\n" +
			fmt.Sprintf("An Edge Function has %s of memory on the platform.", formatMB(DefaultWarnHeap))}
}

// memoryWarning tells the request's console that it passed the
// platform's memory. Called on the watchdog goroutine.
func (inv *invocation) memoryWarning(growth uint64) {
	g := inv.gen
	if g.opts.Console == nil {
		return
	}
	stop := ""
	if g.opts.MaxHeap > 0 {
		stop = "; edgeplay stops it when it has grown the heap by " + formatMB(uint64(g.opts.MaxHeap))
	}
	g.opts.Console(inv.req.Owner, "warn", fmt.Sprintf(
		"edgeplay: %s has grown the heap by %s during this request, past the %s an Edge Function has on the platform (deployed, it would fail with %s)%s",
		g.script.Page, formatMB(growth), formatMB(uint64(g.opts.WarnHeap)), ErrMemory, stop))
}

func formatMB(n uint64) string {
	if n >= 10<<30 {
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	}
	if n >= 1<<30 {
		return fmt.Sprintf("%.2f GB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%d MB", (n+(1<<19))>>20)
}

// heapPeak returns the highest heap sample the watchdog took, and resets
// it to the current heap.
func heapPeak() uint64 {
	return heapWatch.peak.Swap(heapBytes())
}
