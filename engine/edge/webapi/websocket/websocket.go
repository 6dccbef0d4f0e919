// Package websocket installs the WebSocket client of the Edge Runtime
// (WHATWG WebSockets), with the protocol in Go (github.com/coder/websocket).
//
// Each socket has two goroutines, both started through Loop.Go so that a
// panic in them rejects nothing silently and never ends the process: one
// dials and then reads messages, one writes what send() queued, in order.
// Everything the route sees (open, message, error, close, and how many
// queued bytes were written, for bufferedAmount) arrives as loop jobs
// attributed to the request that opened the socket. When the isolate stops,
// its sockets are closed.
//
// [WebSockets]: https://websockets.spec.whatwg.org/
package websocket

import (
	"context"
	_ "embed"
	"errors"
	"net/http"
	"strings"
	"sync"

	"github.com/coder/websocket"
	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	"github.com/edgeplay/edgeplay/engine/edge/webapi/encoding"
)

//go:embed websocket.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:   "websocket",
		Order:  48, // after events, blob (45) and formdata; before fetch
		Spec:   "https://websockets.spec.whatwg.org/",
		JS:     source,
		Native: natives,
	})
}

// ReadLimit is the largest message a socket accepts (browsers have no
// fixed limit; this keeps a hostile server from filling the heap).
const ReadLimit = 64 << 20

// socket is one connection. The loop owns the JS side; conn, queue and
// closing are guarded by mu.
type socket struct {
	loop  *eventloop.Loop
	owner any
	event goja.Callable // (type, a, b, c): the JS side's event sink

	ctx    context.Context
	cancel context.CancelFunc

	mu      sync.Mutex
	conn    *websocket.Conn
	queue   []frame
	wake    chan struct{}
	closing *frame // the close() the route asked for, once connected
	done    bool
}

type frame struct {
	text   bool
	data   []byte
	code   int // close frames
	reason string
}

// post runs fn on the loop as a job of the request that opened s.
func (s *socket) post(fn func(rt *goja.Runtime)) {
	s.loop.EnqueueJob(eventloop.Job{Fn: fn, Owner: s.owner})
}

// emit hands the JS side one event.
func (s *socket) emit(args ...any) {
	s.post(func(rt *goja.Runtime) {
		vals := make([]goja.Value, len(args))
		for i, a := range args {
			if b, ok := a.([]byte); ok {
				vals[i] = webapi.NewUint8Array(rt, b)
			} else {
				vals[i] = rt.ToValue(a)
			}
		}
		_, _ = s.event(goja.Undefined(), vals...)
	})
}

// state is an isolate's open sockets, closed when its loop stops.
type state struct {
	mu       sync.Mutex
	sockets  map[*socket]struct{}
	stopped  bool
	watching bool
}

func (st *state) closeAllWhenDone(done <-chan struct{}) {
	<-done
	st.mu.Lock()
	st.stopped = true
	all := st.sockets
	st.sockets = nil
	st.mu.Unlock()
	for s := range all {
		s.cancel()
	}
}

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	st := &state{sockets: map[*socket]struct{}{}}
	handle := func(v goja.Value) *socket {
		s, ok := v.Export().(*socket)
		if !ok {
			panic(rt.NewTypeError("Illegal invocation"))
		}
		return s
	}
	return map[string]any{
		// connect(url, protocols, event) -> handle. The URL is already
		// parsed and checked (ws: or wss:, no fragment).
		"connect": func(call goja.FunctionCall) goja.Value {
			url := call.Argument(0).String()
			var protocols []string
			if err := rt.ExportTo(call.Argument(1), &protocols); err != nil {
				panic(rt.NewTypeError("protocols: " + err.Error()))
			}
			event, ok := goja.AssertFunction(call.Argument(2))
			if !ok {
				panic(rt.NewTypeError("event sink is not a function"))
			}
			ctx, cancel := context.WithCancel(context.Background())
			s := &socket{loop: h.Loop, owner: h.Loop.RunningOwner(), event: event, ctx: ctx, cancel: cancel, wake: make(chan struct{}, 1)}
			st.mu.Lock()
			if st.stopped {
				st.mu.Unlock()
				cancel()
				panic(rt.NewGoError(errors.New("the edge isolate is stopping")))
			}
			st.sockets[s] = struct{}{}
			if !st.watching {
				// The first socket starts the watcher that closes them all
				// when the isolate stops.
				st.watching = true
				go st.closeAllWhenDone(h.Loop.Done())
			}
			st.mu.Unlock()
			forget := func() {
				st.mu.Lock()
				delete(st.sockets, s)
				st.mu.Unlock()
			}
			// The socket's events go through post; the reserved callback
			// only carries a panic of run to the loop (Loop.Go), and is
			// spent with an empty job when run returns.
			h.Loop.Go(h.Loop.Reserve(), func(done eventloop.Callback) {
				defer forget()
				defer done(func(*goja.Runtime) {})
				s.run(url, protocols)
			})
			return rt.ToValue(s)
		},
		// send(handle, string | bufferSource): queued, written in order.
		"send": func(call goja.FunctionCall) goja.Value {
			s := handle(call.Argument(0))
			v := call.Argument(1)
			f := frame{}
			if b, ok := encoding.BufferSource(rt, v); ok {
				f.data = append([]byte(nil), b...)
			} else {
				f.text, f.data = true, []byte(v.String())
			}
			s.mu.Lock()
			if !s.done {
				s.queue = append(s.queue, f)
			}
			s.mu.Unlock()
			s.signal()
			return goja.Undefined()
		},
		// close(handle, code, reason): the closing handshake, after what
		// is queued; code 0 means none given.
		"close": func(call goja.FunctionCall) goja.Value {
			s := handle(call.Argument(0))
			code := int(call.Argument(1).ToInteger())
			if code == 0 {
				code = int(websocket.StatusNoStatusRcvd)
			}
			s.mu.Lock()
			if s.closing == nil {
				s.closing = &frame{code: code, reason: call.Argument(2).String()}
			}
			connected := s.conn != nil
			s.mu.Unlock()
			if !connected {
				s.cancel() // still connecting: fail the connection
			}
			s.signal()
			return goja.Undefined()
		},
	}
}

func (s *socket) signal() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// run dials, then reads until the connection ends, and reports the end.
func (s *socket) run(url string, protocols []string) {
	defer s.cancel()
	conn, resp, err := websocket.Dial(s.ctx, url, &websocket.DialOptions{
		Subprotocols: protocols,
		HTTPHeader:   http.Header{"User-Agent": {"Next.js Middleware"}},
	})
	if err != nil {
		s.finish()
		// The spec gives the route no detail (an error event, then a
		// close with 1006); the console line says what happened.
		msg := err.Error()
		if resp != nil {
			msg = "the server answered " + resp.Status + " instead of switching protocols"
		}
		if s.ctx.Err() != nil {
			msg = "the connection was closed before it was established"
		}
		s.emit("error", "WebSocket connection to '"+url+"' failed: "+msg)
		s.emit("close", int(websocket.StatusAbnormalClosure), "", false)
		return
	}
	conn.SetReadLimit(ReadLimit)
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	s.emit("open", conn.Subprotocol(), extensions(resp))
	writerDone := make(chan struct{})
	go s.write(conn, writerDone)
	for {
		typ, data, err := conn.Read(s.ctx)
		if err != nil {
			s.finish()
			<-writerDone
			code, reason, clean := int(websocket.StatusAbnormalClosure), "", false
			var ce websocket.CloseError
			if errors.As(err, &ce) {
				code, reason, clean = int(ce.Code), ce.Reason, true
			}
			if !clean {
				conn.CloseNow()
				if s.ctx.Err() == nil {
					s.emit("error", "WebSocket connection to '"+url+"' failed: "+err.Error())
				}
			}
			s.emit("close", code, reason, clean)
			return
		}
		if typ == websocket.MessageText {
			s.emit("message", string(data), nil, nil)
		} else {
			s.emit("message", nil, data, nil)
		}
	}
}

// finish marks s ended: nothing more is queued.
func (s *socket) finish() {
	s.mu.Lock()
	s.done = true
	s.queue = nil
	s.mu.Unlock()
	s.signal()
}

// write sends the queue in order, then the close frame the route asked
// for; it reports each frame written (bufferedAmount).
func (s *socket) write(conn *websocket.Conn, done chan<- struct{}) {
	defer close(done)
	defer func() {
		// A panic here must not end the process: the connection ends,
		// and the panic is raised on the loop (OnPanic reports it).
		if x := recover(); x != nil {
			p := eventloop.CapturePanic(x)
			s.cancel()
			s.post(func(*goja.Runtime) { panic(p) })
		}
	}()
	for {
		s.mu.Lock()
		q := s.queue
		s.queue = nil
		closing, ended := s.closing, s.done
		s.mu.Unlock()
		for _, f := range q {
			typ := websocket.MessageBinary
			if f.text {
				typ = websocket.MessageText
			}
			if err := conn.Write(s.ctx, typ, f.data); err != nil {
				return // the reader sees the connection end and reports it
			}
			s.emit("written", len(f.data), nil, nil)
		}
		if len(q) > 0 {
			continue
		}
		if closing != nil {
			// Close sends the frame and waits for the server's; the
			// reader receives it and reports the close.
			go conn.Close(websocket.StatusCode(closing.code), closing.reason)
			return
		}
		if ended {
			return
		}
		select {
		case <-s.wake:
		case <-s.ctx.Done():
			return
		}
	}
}

// extensions is the Sec-WebSocket-Extensions the server chose.
func extensions(resp *http.Response) string {
	if resp == nil {
		return ""
	}
	return strings.Join(resp.Header.Values("Sec-WebSocket-Extensions"), ", ")
}
