package edge

import (
	"context"
	"time"

	"sync"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

// busyThreshold: an isolate whose current job has run this long is not
// given new requests while another isolate can take them.
const busyThreshold = 50 * time.Millisecond

// Generation is one build of a route with its pool of isolates. Invoke is
// goroutine-safe.
type Generation struct {
	script *Script
	opts   Options

	mu       sync.Mutex
	isolates []*isolate
	active   int // invocations and streams not yet released
	closed   bool
}

// NewGeneration makes a generation for a compiled route. No isolate is
// created until the first request or Warm.
func NewGeneration(s *Script, opts Options) *Generation {
	opts.defaults()
	return &Generation{script: s, opts: opts}
}

// Script returns the compiled route this generation runs.
func (g *Generation) Script() *Script { return g.script }

// Warm creates one isolate in the background if there is none, so that the
// first request after a rebuild does not pay for set-up.
func (g *Generation) Warm() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.closed && len(g.isolates) == 0 {
		g.isolates = append(g.isolates, newIsolate(g))
	}
}

// Ready waits until the first isolate is set up (after Warm) and returns
// its set-up error, if any: a module that throws at load, or no handler.
func (g *Generation) Ready(ctx context.Context) error {
	g.mu.Lock()
	var iso *isolate
	if len(g.isolates) > 0 {
		iso = g.isolates[0]
	}
	g.mu.Unlock()
	if iso == nil {
		return nil
	}
	select {
	case <-iso.ready:
		if iso.initErr != nil {
			return iso.initErr
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Isolates returns how many isolates are alive.
func (g *Generation) Isolates() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.isolates)
}

// Active returns how many invocations and streams are in flight.
func (g *Generation) Active() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.active
}

func (g *Generation) pick() (*isolate, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return nil, ErrClosed
	}
	var best *isolate
	for _, iso := range g.isolates {
		if iso.dead.Load() || iso.loop.BusyFor() > busyThreshold {
			continue
		}
		if best == nil || iso.inflight.Load() < best.inflight.Load() {
			best = iso
		}
	}
	if best == nil || (best.inflight.Load() > 0 && len(g.isolates) < g.opts.MaxIsolates) {
		best = newIsolate(g)
		g.isolates = append(g.isolates, best)
	}
	best.inflight.Add(1)
	best.touch()
	g.active++
	heapWatch.begin()
	return best, nil
}

// done releases one invocation's hold on iso.
func (g *Generation) done(iso *isolate) {
	heapWatch.end()
	iso.inflight.Add(-1)
	g.mu.Lock()
	g.active--
	var stop []*isolate
	if g.closed && g.active == 0 {
		stop = append(stop, g.isolates...)
	}
	g.mu.Unlock()
	for _, iso := range stop {
		iso.kill("generation closed")
	}
}

func (g *Generation) remove(iso *isolate) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for i, x := range g.isolates {
		if x == iso {
			// The slot the shift leaves behind is cleared: it would keep the
			// stopped runtime, and all it allocated, alive.
			n := len(g.isolates) - 1
			copy(g.isolates[i:], g.isolates[i+1:])
			g.isolates[n] = nil
			g.isolates = g.isolates[:n]
			return
		}
	}
}

// Close stops the generation: new requests fail, in-flight ones (and their
// streams) finish, then every isolate stops. Safe to call twice.
func (g *Generation) Close() {
	g.mu.Lock()
	g.closed = true
	var stop []*isolate
	if g.active == 0 {
		stop = append(stop, g.isolates...)
	}
	g.mu.Unlock()
	for _, iso := range stop {
		iso.kill("generation closed")
	}
}

// Invoke runs the route for req and returns its response head (and body or
// stream). Errors are *Error for everything the route did wrong, or
// ctx.Err() when the caller went away.
func (g *Generation) Invoke(ctx context.Context, req *Request) (*Response, error) {
	iso, err := g.pick()
	if err != nil {
		return nil, err
	}
	inv := &invocation{iso: iso, gen: g, req: req, head: make(chan headResult, 1), heapStart: heapBytes()}
	timer := time.NewTimer(g.opts.Timeout)
	defer timer.Stop()
	select {
	case <-iso.ready:
	case <-ctx.Done():
		inv.release()
		return nil, ctx.Err()
	case <-timer.C:
		inv.release()
		return nil, timeoutError(g.opts.Timeout)
	}
	if iso.initErr != nil {
		inv.release()
		return nil, iso.initErr
	}
	iso.loop.EnqueueJob(jobFor(inv, inv.start))
	select {
	case h := <-inv.head:
		if h.err != nil {
			inv.release()
			return nil, h.err
		}
		if h.res.Stream == nil {
			inv.release()
		}
		return h.res, nil
	case <-timer.C:
		inv.release()
		return nil, timeoutError(g.opts.Timeout)
	case <-ctx.Done():
		inv.release()
		return nil, ctx.Err()
	case <-iso.deadCh:
		inv.release()
		return nil, iso.stoppedError(inv, "the edge isolate running this request was stopped")
	}
}

// jobFor makes a loop job owned by inv, so that console output and
// rejections during it are attributed to inv's request.
func jobFor(inv *invocation, fn func(rt *goja.Runtime)) eventloop.Job {
	return eventloop.Job{Owner: inv, Fn: fn}
}

// ownerOf maps a loop job owner back to the request's Owner.
func ownerOf(o any) any {
	if inv, ok := o.(*invocation); ok {
		return inv.req.Owner
	}
	return o
}

func webapiBytes(rt *goja.Runtime, v goja.Value) ([]byte, bool) { return webapi.Bytes(rt, v) }
