package engine

import (
	"sync"

	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/traffic"
)

// Event names, namespaced; the UI mirrors them.
const (
	EventRoutes      = "routes"      // the route table changed: Routes holds all routes
	EventBuild       = "build:done"  // one route was built: Route
	EventBuildStart  = "build:start" // one route started building: Route
	EventDiagnostics = "diagnostics" // project-level diagnostics (conflicts, env files): Diags
	EventLog         = "log"         // a console line outside any exchange, or an engine message: Log
	EventReady       = "ready"       // every route was built once: URL
)

// Event is one thing that happened. Exchange events carry the traffic
// event kinds (traffic.EventStart, …) in Type.
type Event struct {
	Type    string         `json:"type"`
	Routes  []RouteInfo    `json:"routes,omitempty"`
	Route   *RouteInfo     `json:"route,omitempty"`
	Diags   diag.List      `json:"diagnostics,omitempty"`
	Traffic *traffic.Event `json:"traffic,omitempty"`
	Log     *traffic.Log   `json:"log,omitempty"`
	URL     string         `json:"url,omitempty"`
}

// bus delivers events to subscribers in order, each on its own goroutine
// with an unbounded queue: a slow subscriber never blocks the engine.
type bus struct {
	mu   sync.Mutex
	subs map[int]*subscriber
	next int
}

type subscriber struct {
	fn     func(Event)
	mu     sync.Mutex
	queue  []Event
	wake   chan struct{}
	closed bool
	done   chan struct{}
}

func (b *bus) subscribe(fn func(Event)) func() {
	s := &subscriber{fn: fn, wake: make(chan struct{}, 1), done: make(chan struct{})}
	b.mu.Lock()
	if b.subs == nil {
		b.subs = map[int]*subscriber{}
	}
	id := b.next
	b.next++
	b.subs[id] = s
	b.mu.Unlock()
	go s.run()
	return func() {
		b.mu.Lock()
		delete(b.subs, id)
		b.mu.Unlock()
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
		select {
		case s.wake <- struct{}{}:
		default:
		}
		<-s.done
	}
}

func (b *bus) publish(e Event) {
	b.mu.Lock()
	for _, s := range b.subs {
		s.mu.Lock()
		s.queue = append(s.queue, e)
		s.mu.Unlock()
		select {
		case s.wake <- struct{}{}:
		default:
		}
	}
	b.mu.Unlock()
}

func (s *subscriber) run() {
	defer close(s.done)
	for {
		s.mu.Lock()
		q := s.queue
		s.queue = nil
		closed := s.closed
		s.mu.Unlock()
		for _, e := range q {
			s.fn(e)
		}
		if closed {
			return
		}
		if len(q) == 0 {
			<-s.wake
		}
	}
}

func (b *bus) close() {
	b.mu.Lock()
	subs := b.subs
	b.subs = nil
	b.mu.Unlock()
	for _, s := range subs {
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
		select {
		case s.wake <- struct{}{}:
		default:
		}
		<-s.done
	}
}
