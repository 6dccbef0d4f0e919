package server

import (
	"sync"
	"sync/atomic"

	"github.com/edgeplay/edgeplay/engine/edge"
	"github.com/edgeplay/edgeplay/engine/routes"
)

// Snapshot is what a route serves right now.
type Snapshot struct {
	Gen     *edge.Generation // nil when the route cannot run
	BuildID int
	// Status and Body answer the request instead of running the route
	// (a Node.js route: 501; a failed build or bad config: 500).
	Status int
	Body   string
	// Oversize marks a route over the size limit: served, flagged.
	Oversize bool
}

// RouteState is one route's slot. The engine swaps its snapshot after
// every build; requests read it without locks.
type RouteState struct {
	Route *routes.Route
	cur   atomic.Pointer[Snapshot]
	once  sync.Once
	ready chan struct{}
	// pending is closed by the next Set: a file the route loads changed
	// and its build is on the way, so a request waits for it rather than
	// run the code the save replaced.
	pending atomic.Pointer[chan struct{}]
	// OnWait, when set, is called (on the request's goroutine) when a
	// request has to wait for the route's first build: the engine builds
	// the requested route first.
	OnWait func()
}

// NewRouteState makes a slot with no build yet.
func NewRouteState(r *routes.Route) *RouteState {
	return &RouteState{Route: r, ready: make(chan struct{})}
}

// Set publishes a new snapshot (after a build) and marks the route ready.
func (s *RouteState) Set(snap *Snapshot) {
	s.cur.Store(snap)
	s.once.Do(func() { close(s.ready) })
	if p := s.pending.Swap(nil); p != nil {
		close(*p)
	}
}

// Replace swaps in a snapshot of the same build (its size flag changed):
// unlike Set, it does not end a pending rebuild's wait.
func (s *RouteState) Replace(snap *Snapshot) { s.cur.Store(snap) }

// Pending marks the route's snapshot stale until the next Set. Marking it
// again before then keeps the requests already waiting waiting.
func (s *RouteState) Pending() {
	ch := make(chan struct{})
	s.pending.CompareAndSwap(nil, &ch)
}

// Close releases requests waiting for a build that will not come (the
// route was removed).
func (s *RouteState) Close() {
	if p := s.pending.Swap(nil); p != nil {
		close(*p)
	}
}

// Wait returns a channel closed when the route has a snapshot that is not
// stale: at once, usually. Before the first build it is Ready's channel;
// after, the one the next Set closes when a change is pending.
func (s *RouteState) Wait() <-chan struct{} {
	select {
	case <-s.ready:
	default:
		if s.OnWait != nil {
			s.OnWait()
		}
		return s.ready
	}
	if p := s.pending.Load(); p != nil {
		return *p
	}
	return s.ready
}

// Current returns the snapshot, or nil before the first build.
func (s *RouteState) Current() *Snapshot { return s.cur.Load() }

// Ready is closed once the first build is published.
func (s *RouteState) Ready() <-chan struct{} { return s.ready }

// Table is the routes with their states; the engine replaces it when files
// are added or removed.
type Table struct {
	Routes *routes.Table
	States map[string]*RouteState // by route file
	// NotFound, when set, explains a path under /api that no route
	// matches (the escaped path); "" keeps the plain 404. A 404 alone
	// cannot tell "no such route" from "pages/api was deleted" or "the
	// route's name cannot be reached".
	NotFound func(path string) string
}
