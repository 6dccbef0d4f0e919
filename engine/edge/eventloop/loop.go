// Package eventloop owns a goja Runtime: exactly one goroutine runs JS on it,
// and everything else (HTTP handlers, timers, I/O goroutines) hands work to
// that goroutine through Enqueue.
//
// Async Web APIs follow one pattern: on the loop, create a promise and call
// Reserve to get a Callback; do the I/O in a goroutine; deliver the result
// with exactly one call of the Callback, which runs the settle function back
// on the loop. A callback that is never delivered keeps nothing alive beyond
// its own closure, so shutdown never hangs on it.
//
//	l := eventloop.New(goja.New())
//	go l.Run()
//	l.Enqueue(func(rt *goja.Runtime) { rt.RunString("1+1") })
//	l.Stop()
package eventloop

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// Job is work that runs on the loop goroutine. Owner is an opaque tag (the
// request a job belongs to) that the loop exposes while the job runs, so
// console output can be attributed to a request.
type Job struct {
	Fn    func(rt *goja.Runtime)
	Owner any
	// scope is the native call that reserved this job's callback.
	scope *NativeScope
}

// Loop runs jobs for one goja Runtime, in order, on one goroutine.
type Loop struct {
	rt *goja.Runtime

	mu      sync.Mutex
	queue   []Job
	wake    chan struct{}
	stopped bool
	done    chan struct{}

	busySince    atomic.Int64 // unix nanos when the running job started; 0 when idle
	owner        any          // loop-only: Owner of the running job
	runningOwner atomic.Value // ownerBox: Owner of the running job, for other goroutines

	timers   map[int64]*timer
	nextID   int64
	timersMu sync.Mutex

	// AfterJob, if set, runs on the loop after every job (and the
	// microtasks it queued). Set it before Run.
	AfterJob func()

	// OnPanic, if set, gets every Go panic a job raised that nothing
	// closer took (see Panic): the loop recovers it, so the loop goroutine
	// and the process survive, and goes on with the next job. owner is
	// the job's Owner. Runs on the loop; set it before Run.
	OnPanic func(owner any, p *Panic)

	inNative int          // loop-only: depth of native calls (EnterNative)
	scope    *NativeScope // loop-only: scope of the innermost native call, once it reserved

	limit      time.Duration
	onLimit    func(owner any)
	limitTimer *time.Timer
	jobSeq     atomic.Uint64
	armedSeq   atomic.Uint64
}

// SetJobLimit makes the loop call onLimit (from a timer goroutine) when a
// single job runs longer than d: JS that spins. onLimit gets the owner of
// that job and typically interrupts the runtime. Call it before Run.
func (l *Loop) SetJobLimit(d time.Duration, onLimit func(owner any)) {
	l.limit = d
	l.onLimit = onLimit
	l.limitTimer = time.AfterFunc(time.Hour, l.limitFired)
	l.limitTimer.Stop()
}

// ownerBox holds the running job's owner for the limit timer goroutine.
type ownerBox struct{ v any }

func (l *Loop) limitFired() {
	seq := l.armedSeq.Load()
	if seq == 0 || seq != l.jobSeq.Load() || l.BusyFor() < l.limit {
		return // a stale timer from a job that already finished
	}
	if b, ok := l.runningOwner.Load().(ownerBox); ok {
		l.onLimit(b.v)
	} else {
		l.onLimit(nil)
	}
}

// New makes a loop for rt. Call Run in a goroutine to start it.
func New(rt *goja.Runtime) *Loop {
	return &Loop{rt: rt, wake: make(chan struct{}, 1), done: make(chan struct{}), timers: map[int64]*timer{}}
}

// Runtime returns the runtime. Loop-only: touch it only from jobs.
func (l *Loop) Runtime() *goja.Runtime { return l.rt }

// Owner returns the Owner of the job that is running. Loop-only.
func (l *Loop) Owner() any { return l.owner }

// SetOwner changes the owner of the running job (for example when a job
// starts work on behalf of a request). Loop-only.
func (l *Loop) SetOwner(o any) { l.owner = o }

// Enqueue schedules fn on the loop. Goroutine-safe; never blocks. It reports
// false when the loop has stopped and fn will never run.
func (l *Loop) Enqueue(fn func(rt *goja.Runtime)) bool {
	return l.EnqueueJob(Job{Fn: fn})
}

// EnqueueJob is Enqueue with an owner tag. Goroutine-safe.
func (l *Loop) EnqueueJob(j Job) bool {
	l.mu.Lock()
	if l.stopped {
		l.mu.Unlock()
		return false
	}
	l.queue = append(l.queue, j)
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
	return true
}

// Callback delivers the result of async work back to the loop. Call it
// exactly once, from any goroutine; later calls do nothing.
type Callback func(fn func(rt *goja.Runtime))

// Reserve returns a Callback bound to the owner of the running job, so that
// the continuation of a request's async work is attributed to that request.
// Loop-only.
func (l *Loop) Reserve() Callback {
	owner := l.owner
	var sc *NativeScope
	if l.inNative > 0 {
		if l.scope == nil {
			l.scope = &NativeScope{Stack: l.rt.CaptureCallStack(0, nil)}
		}
		sc = l.scope
	}
	var once atomic.Bool
	return func(fn func(rt *goja.Runtime)) {
		if once.CompareAndSwap(false, true) {
			l.EnqueueJob(Job{Fn: fn, Owner: owner, scope: sc})
		}
	}
}

// Go runs work on a goroutine of its own: the Go half of an async Web API
// (network I/O, crypto, decompression), which hands its result to the
// loop through done, cb wrapped. A Go panic in work would end the
// process. Go recovers it and raises it again on the loop, through cb,
// where it is a panic in the completion: the promise the native returned
// rejects with it (NativeScope.Fail), or else OnPanic fails the request.
// If work had already called done, the panic is raised in a job of its
// own, for the owner of the job that called Go. Loop-only.
func (l *Loop) Go(cb Callback, work func(done Callback)) {
	owner := l.owner
	var used atomic.Bool
	done := func(fn func(rt *goja.Runtime)) {
		used.Store(true)
		cb(fn)
	}
	go l.worker(cb, &used, owner, work, done)
}

func (l *Loop) worker(cb Callback, used *atomic.Bool, owner any, work func(Callback), done Callback) {
	defer l.recoverWorker(cb, used, owner)
	work(done)
}

func (l *Loop) recoverWorker(cb Callback, used *atomic.Bool, owner any) {
	x := recover()
	if x == nil {
		return
	}
	p := CapturePanic(x)
	raise := func(*goja.Runtime) { panic(p) }
	if used.Load() {
		l.EnqueueJob(Job{Fn: raise, Owner: owner})
		return
	}
	cb(raise)
}

// EnterNative marks the start of a native (Go) function called from JS;
// LeaveNative(saved) its end, returning the call's scope if it reserved
// a callback (nil otherwise). The caller may then set the scope's Fail,
// so that a panic in a completion becomes the rejection of the promise
// the call returned. Loop-only; webapi wraps every native in these.
func (l *Loop) EnterNative() (saved *NativeScope) {
	saved = l.scope
	l.scope = nil
	l.inNative++
	return saved
}

// LeaveNative ends what EnterNative started. Loop-only.
func (l *Loop) LeaveNative(saved *NativeScope) *NativeScope {
	sc := l.scope
	l.scope = saved
	l.inNative--
	return sc
}

// BusyFor reports how long the running job has been running, or 0 when the
// loop is idle. Goroutine-safe. A long value means JS is spinning.
func (l *Loop) BusyFor() time.Duration {
	s := l.busySince.Load()
	if s == 0 {
		return 0
	}
	return time.Duration(time.Now().UnixNano() - s)
}

// Run processes jobs until Stop. It must be called exactly once.
func (l *Loop) Run() {
	defer close(l.done)
	for {
		l.mu.Lock()
		if l.stopped {
			l.mu.Unlock()
			return
		}
		jobs := l.queue
		l.queue = nil
		l.mu.Unlock()
		if len(jobs) == 0 {
			<-l.wake
			continue
		}
		for i := range jobs {
			l.run(jobs[i])
			jobs[i] = Job{}
			if l.isStopped() {
				return
			}
		}
	}
}

func (l *Loop) run(j Job) {
	l.owner = j.Owner
	seq := l.jobSeq.Add(1)
	if l.limitTimer != nil {
		l.runningOwner.Store(ownerBox{j.Owner})
		l.armedSeq.Store(seq)
		l.limitTimer.Reset(l.limit)
	}
	l.busySince.Store(time.Now().UnixNano())
	defer func() {
		l.busySince.Store(0)
		if l.limitTimer != nil {
			l.armedSeq.Store(0)
			l.limitTimer.Stop()
		}
		l.owner = nil
		l.inNative, l.scope = 0, nil
	}()
	l.protect(j, j.Fn)
	if l.AfterJob != nil {
		l.protect(j, l.afterJob)
	}
}

func (l *Loop) afterJob(*goja.Runtime) { l.AfterJob() }

// protect runs fn, recovering a Go panic: the loop goroutine must outlive
// any bug in the Go code a job runs.
func (l *Loop) protect(j Job, fn func(rt *goja.Runtime)) {
	defer func() {
		if x := recover(); x != nil {
			if _, ok := x.(*goja.InterruptedError); ok {
				return // the runtime was interrupted to be stopped: done
			}
			l.panicked(j, CapturePanic(x))
		}
	}()
	fn(l.rt)
}

// panicked hands a recovered panic to the native call that reserved the
// job, else to OnPanic.
func (l *Loop) panicked(j Job, p *Panic) {
	l.inNative, l.scope = 0, nil
	if sc := j.scope; sc != nil {
		p.JSStack = sc.Stack
		if sc.Fail != nil && !p.InVM && l.tryFail(sc, p) {
			return
		}
	}
	if l.OnPanic != nil {
		func() {
			defer func() {
				if x := recover(); x != nil {
					fmt.Fprintf(os.Stderr, "edgeplay: panic in the loop's panic handler: %v (after: %s)\n", x, p.Error())
				}
			}()
			l.OnPanic(j.Owner, p)
		}()
		return
	}
	fmt.Fprintf(os.Stderr, "edgeplay: Go panic on an event loop: %s\n%s\n", p.Error(), p.Trace())
}

func (l *Loop) tryFail(sc *NativeScope, p *Panic) (ok bool) {
	defer func() {
		if x := recover(); x != nil {
			ok = false
		}
	}()
	return sc.Fail(l.rt, p)
}

// RunningOwner returns the Owner of the job that runs or ran last (see
// BusyFor to tell which), when a job limit is set. Goroutine-safe.
func (l *Loop) RunningOwner() any {
	if b, ok := l.runningOwner.Load().(ownerBox); ok {
		return b.v
	}
	return nil
}

func (l *Loop) isStopped() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.stopped
}

// Stop ends the loop after the running job; queued jobs are dropped and
// timers cancelled. If JS is spinning, Stop interrupts it. Goroutine-safe,
// idempotent; it waits for Run to return if Run was started.
func (l *Loop) Stop() {
	l.mu.Lock()
	already := l.stopped
	l.stopped = true
	l.queue = nil
	l.mu.Unlock()
	if !already {
		if l.limitTimer != nil {
			l.limitTimer.Stop()
		}
		l.timersMu.Lock()
		for id, t := range l.timers {
			t.t.Stop()
			delete(l.timers, id)
		}
		l.timersMu.Unlock()
		select {
		case l.wake <- struct{}{}:
		default:
		}
	}
}

// Done is closed when Run has returned.
func (l *Loop) Done() <-chan struct{} { return l.done }

// Stopped reports whether Stop was called. Goroutine-safe.
func (l *Loop) Stopped() bool { return l.isStopped() }

type timer struct {
	t        *time.Timer
	interval bool
}

// SetTimer runs fn on the loop after d (and every d after that when
// interval is true) and returns an integer id for ClearTimer. Loop-only.
func (l *Loop) SetTimer(d time.Duration, interval bool, fn func(rt *goja.Runtime)) int64 {
	if d < 0 {
		d = 0
	}
	l.timersMu.Lock()
	l.nextID++
	id := l.nextID
	owner := l.owner
	t := &timer{interval: interval}
	var fire func()
	fire = func() {
		l.EnqueueJob(Job{Owner: owner, Fn: func(rt *goja.Runtime) {
			l.timersMu.Lock()
			cur, ok := l.timers[id]
			if ok && !interval {
				delete(l.timers, id)
			}
			l.timersMu.Unlock()
			if !ok || cur != t {
				return
			}
			fn(rt)
			if interval {
				l.timersMu.Lock()
				if l.timers[id] == t {
					t.t = time.AfterFunc(d, fire)
				}
				l.timersMu.Unlock()
			}
		}})
	}
	t.t = time.AfterFunc(d, fire)
	l.timers[id] = t
	l.timersMu.Unlock()
	return id
}

// ClearTimer cancels a timer; unknown ids are ignored. Loop-only.
func (l *Loop) ClearTimer(id int64) {
	l.timersMu.Lock()
	if t, ok := l.timers[id]; ok {
		t.t.Stop()
		delete(l.timers, id)
	}
	l.timersMu.Unlock()
}

// PendingTimers returns the number of live timers. Goroutine-safe.
func (l *Loop) PendingTimers() int {
	l.timersMu.Lock()
	defer l.timersMu.Unlock()
	return len(l.timers)
}
