package edge

import (
	"context"
	"io"
	"sync"

	"github.com/dop251/goja"
)

// prefetch is how many chunks a stream reads ahead of the client. Small,
// so that backpressure reaches the route's stream quickly.
const prefetch = 4

// Stream is a response body that the route is still producing. The server
// calls Next until io.EOF, writing and flushing each chunk as it comes.
type Stream struct {
	inv    *invocation
	reader goja.Value // loop-only
	done   goja.Value // loop-only: the Go callback readChunk reports to

	mu      sync.Mutex
	queue   [][]byte
	err     error // io.EOF or *Error once the stream ended
	pending bool  // a read is outstanding on the loop
	closed  bool  // cancelled by the server
	signal  chan struct{}
}

func newStream(inv *invocation, reader goja.Value) *Stream {
	s := &Stream{inv: inv, reader: reader, signal: make(chan struct{}, 1)}
	rt := inv.iso.rt
	s.done = rt.ToValue(inv.iso.host.Guard("edgeplay.streamChunk", func(call goja.FunctionCall) goja.Value {
		s.delivered(rt, int(call.Argument(0).ToInteger()), call.Argument(1))
		return goja.Undefined()
	}, inv.panicked))
	// Start reading right away: the first chunk is usually already queued.
	s.pending = true
	s.read(rt)
	return s
}

// read asks the JS reader for the next chunk. Loop-only; s.pending is set.
func (s *Stream) read(rt *goja.Runtime) {
	if _, err := s.inv.iso.readChunk(goja.Undefined(), s.reader, s.done); err != nil {
		s.delivered(rt, 2, nil)
	}
}

// delivered takes the result of one read. Loop-only.
func (s *Stream) delivered(rt *goja.Runtime, kind int, v goja.Value) {
	s.mu.Lock()
	s.pending = false
	if s.err != nil {
		s.mu.Unlock()
		return // already failed (see fail)
	}
	ended := false
	switch kind {
	case 0:
		b, _ := webapiBytes(rt, v)
		s.queue = append(s.queue, append([]byte(nil), b...))
	case 1:
		s.err, ended = io.EOF, true
	default:
		var e *Error
		if v == nil {
			e = &Error{Kind: KindStream, Name: "Error", Message: "reading the response body failed"}
		} else {
			e = errorFromValue(rt, v, KindStream)
		}
		s.err, ended = e, true
	}
	again := !ended && !s.closed && len(s.queue) < prefetch
	if again {
		s.pending = true
	}
	s.mu.Unlock()
	select {
	case s.signal <- struct{}{}:
	default:
	}
	if ended {
		s.inv.release()
	}
	if again {
		s.read(rt)
	}
}

// Next returns the next chunk; io.EOF when the stream is done; an *Error
// when the route's stream failed or its isolate was stopped; ctx.Err()
// when ctx ends first. Goroutine-safe, but one reader at a time.
func (s *Stream) Next(ctx context.Context) ([]byte, error) {
	for {
		s.mu.Lock()
		if len(s.queue) > 0 {
			b := s.queue[0]
			s.queue[0] = nil
			s.queue = s.queue[1:]
			s.mu.Unlock()
			return b, nil
		}
		if s.err != nil {
			err := s.err
			s.mu.Unlock()
			return nil, err
		}
		if !s.pending && !s.closed {
			s.pending = true
			s.inv.iso.loop.EnqueueJob(jobFor(s.inv, s.read))
		}
		s.mu.Unlock()
		select {
		case <-s.signal:
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-s.inv.iso.deadCh:
			s.mu.Lock()
			if s.err == nil {
				s.err = s.inv.iso.stoppedError(s.inv, "the isolate running this stream was stopped")
			}
			s.mu.Unlock()
			s.inv.release()
		}
	}
}

// fail ends the stream with e (an internal error while it was being
// read): Next returns the chunks already queued, then e. Loop-only.
func (s *Stream) fail(e *Error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = e
	}
	s.mu.Unlock()
	select {
	case s.signal <- struct{}{}:
	default:
	}
	s.inv.release()
}

// Cancel tells the route's stream that nobody reads it any more (the client
// went away): its cancel() runs and the isolate is free for other work.
// Safe to call after the end and more than once.
func (s *Stream) Cancel(reason string) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	ended := s.err != nil
	s.mu.Unlock()
	if !ended {
		s.inv.iso.loop.EnqueueJob(jobFor(s.inv, func(rt *goja.Runtime) {
			_, _ = s.inv.iso.cancelRdr(goja.Undefined(), s.reader, rt.ToValue(reason))
		}))
	}
	s.inv.release()
}
