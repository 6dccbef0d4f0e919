package app

import (
	"sync"
	"time"

	"github.com/edgeplay/edgeplay/engine"
)

// Emitter delivers a named event to the UI. Implementations must be
// goroutine-safe and must not block for long.
type Emitter interface {
	Emit(name string, data any)
}

// Event names, mirrored in frontend/src/events.ts.
const (
	EventBatch   = "edgeplay:batch"   // []engine.Event
	EventProject = "edgeplay:project" // Info: another project was opened
	EventHistory = "edgeplay:history" // nil: the composer history changed
)

// Batching: one UI event per flush, never one per chunk or log line. A
// flush happens flushInterval after the first event of a batch, or at once
// when maxBatch events are waiting. 40 ms keeps a streamed chunk well
// inside the 100 ms budget from server write to screen, with a frame to
// render it.
const (
	flushInterval = 40 * time.Millisecond
	maxBatch      = 256
)

// batcher collects engine events and hands them to an Emitter in batches.
// Within a batch, snapshots of the same exchange are coalesced: an
// exchange:end makes its exchange:start and exchange:head redundant, so
// a load test does not ship three copies of every exchange to the UI.
type batcher struct {
	mu      sync.Mutex
	emit    func([]engine.Event)
	pending []engine.Event
	timer   *time.Timer
	closed  bool
}

func newBatcher(emit func([]engine.Event)) *batcher {
	return &batcher{emit: emit}
}

// add queues an event. Goroutine-safe.
func (b *batcher) add(ev engine.Event) {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	if ev.Traffic != nil && ev.Traffic.Exchange != nil {
		// The newest snapshot of an exchange takes the place of the first
		// one already queued, so the exchange keeps its position ahead of
		// its chunk events; the older snapshots are dropped.
		first := -1
		kept := b.pending[:0]
		for _, p := range b.pending {
			if p.Traffic != nil && p.Traffic.Exchange != nil && p.Traffic.Seq == ev.Traffic.Seq {
				if first < 0 {
					first = len(kept)
					kept = append(kept, ev)
				}
				continue
			}
			kept = append(kept, p)
		}
		b.pending = kept
		if first >= 0 {
			b.mu.Unlock()
			return
		}
	}
	b.pending = append(b.pending, ev)
	if len(b.pending) >= maxBatch {
		batch := b.take()
		b.mu.Unlock()
		b.emit(batch)
		return
	}
	if b.timer == nil {
		b.timer = time.AfterFunc(flushInterval, b.flush)
	}
	b.mu.Unlock()
}

// take empties the queue. b.mu must be held.
func (b *batcher) take() []engine.Event {
	batch := b.pending
	b.pending = nil
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	return batch
}

func (b *batcher) flush() {
	b.mu.Lock()
	batch := b.take()
	b.mu.Unlock()
	if len(batch) > 0 {
		b.emit(batch)
	}
}

// close flushes what is queued and drops later events.
func (b *batcher) close() {
	b.flush()
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
}
