package edge

import (
	"errors"
	"fmt"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	"io"
	"strings"
	"time"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// Request is a request as the engine hands it to a route.
type Request struct {
	Method string
	URL    string    // absolute, with the route's params merged into the query
	Header []string  // flat [name, value, …], names lower-cased
	Body   io.Reader // nil when there is no body
	// BodyLength is the body's length in bytes, or -1 when unknown.
	BodyLength int64
	// Owner tags console output and errors of this request (the traffic
	// exchange). It is passed back in Options.Console.
	Owner any
}

// Response is a route's answer. Exactly one of Body and Stream is used:
// Body for string and byte bodies (already complete), Stream for
// ReadableStream bodies, read chunk by chunk.
type Response struct {
	Status     int
	StatusText string
	Header     []string // flat [name, value, …], names lower-cased, set-cookie unjoined
	Body       []byte
	Stream     *Stream
	// HasBody is false for a null body (no content-type is added then).
	HasBody bool
}

// The platform runs edge functions in UTC, whatever the developer's time
// zone: new Date(2024, 6, 1).getTimezoneOffset() is 0 on Vercel. goja's
// Date reads the process-wide time.Local, so the runtime sets it to UTC
// once, before any isolate exists; a route then gives the same dates here
// as deployed, and a time-zone bug shows up on the developer's machine
// rather than after deploy. (Times edgeplay itself prints are UTC too.)
func init() { time.Local = time.UTC }

// Prepare compiles the Web APIs' JS (once per process; ~25 ms). The
// engine calls it at start, beside the first builds, so that the first
// request does not pay for it. Goroutine-safe.
func Prepare() error { return webapi.Compile() }

// Error is an exception a route threw, with its stack mapped to the
// original source files through the bundle's source map.
type Error struct {
	Name    string
	Message string
	Stack   string  // as JS shows it: "Error: boom\n    at handler (pages/api/x.ts:4:9)"
	Frames  []Frame // innermost first; runtime-internal frames removed
	// Kind tells the server which status to answer with.
	Kind ErrorKind
}

// Frame is one stack frame.
type Frame struct {
	Func   string `json:"func"`
	File   string `json:"file"`   // as named in the source map: project-relative
	Line   int    `json:"line"`   // 1-based
	Column int    `json:"column"` // 1-based
}

// ErrorKind classifies failures of an invocation.
type ErrorKind int

const (
	KindThrown      ErrorKind = iota // the handler threw or rejected: 500
	KindNotResponse                  // the handler returned something else: 500
	KindNoHandler                    // no default export function: 500
	KindInit                         // the module threw while loading: 500
	KindTimeout                      // no response head in time: 504
	KindStopped                      // the isolate was stopped under it: 500
	KindStream                       // the response body stream failed
	KindMemory                       // the request grew the heap past Options.MaxHeap: 500
)

func (e *Error) Error() string {
	if e.Name == "" {
		return e.Message
	}
	return e.Name + ": " + e.Message
}

// Text is the error as the terminal and a 500 body show it: the mapped
// stack, or the name and message when there is no stack.
func (e *Error) Text() string {
	if e.Stack != "" {
		return e.Stack
	}
	return e.Error()
}

// Location returns the innermost frame that is in the project, as a diag
// location, or nil.
func (e *Error) Location() *diag.Location {
	for _, f := range e.Frames {
		if f.File != "" && !strings.HasPrefix(f.File, "edgeplay:") {
			return &diag.Location{File: f.File, Line: f.Line, Column: max(f.Column-1, 0)}
		}
	}
	return nil
}

// ErrTimeout is the Message of a KindTimeout error.
const ErrTimeout = "EDGE_FUNCTION_INVOCATION_TIMEOUT"

// Options configure a Generation.
type Options struct {
	Env map[string]string // process.env
	// Timeout is the limit for a response head (the platform's 25 s), and
	// for any single run of JS without a break (a spinning loop).
	Timeout time.Duration
	// MaxIsolates caps the pool; 0 means 4.
	MaxIsolates int
	// Console receives console output. owner is Request.Owner of the
	// request that was running, or nil. Called on a loop goroutine: it
	// must not block.
	Console func(owner any, level, text string)
	// WaitUntil, if set, is told when the work a request passed to
	// event.waitUntil is over: err is nil when every promise fulfilled,
	// the first rejection (KindThrown), or why it was abandoned (KindTimeout
	// after Timeout, KindStopped when the isolate stopped). owner is the
	// request's Owner. Called on a loop or timer goroutine, possibly after
	// the response was sent: it must not block. Not called for requests
	// that used no waitUntil.
	WaitUntil func(owner any, err *Error)
	// MaxHeap is what a request may grow the Go heap by, in bytes: past
	// it, the isolate running it is stopped and the request answers 500
	// (KindMemory). 0 means DefaultMaxHeap (1 GiB); negative disables it.
	// The engine's caches and other routes' data are not counted (see
	// memory.go).
	MaxHeap int64
	// WarnHeap: a request during which the heap grows by more than this
	// gets a warning in its console, once. 0 means DefaultWarnHeap (128
	// MB, the platform's memory per Edge Function); negative disables it.
	WarnHeap int64
	// IsolateMemory is the memory the idle isolates of every route may
	// hold together, estimated from each one's set-up: past it, the
	// least recently used idle ones are given back (their routes set up
	// a new one on their next request). 0 means DefaultIsolateMemory;
	// negative: no limit. See budget.go.
	IsolateMemory int64
}

func (o *Options) defaults() {
	if o.Timeout <= 0 {
		o.Timeout = 25 * time.Second
	}
	if o.MaxIsolates <= 0 {
		o.MaxIsolates = 4
	}
	if o.MaxHeap == 0 {
		o.MaxHeap = DefaultMaxHeap
	}
	if o.WarnHeap == 0 {
		o.WarnHeap = DefaultWarnHeap
	}
	if o.IsolateMemory == 0 {
		o.IsolateMemory = DefaultIsolateMemory
	}
}

// ErrClosed is returned by Invoke on a closed generation, before it has
// touched the request: a caller that read the generation just before a
// rebuild replaced it can invoke the new one instead.
var ErrClosed = errors.New("edge: generation closed")

func timeoutError(limit time.Duration) *Error {
	return &Error{Kind: KindTimeout, Name: "Error", Message: ErrTimeout,
		Stack: fmt.Sprintf("%s: the route did not answer within %v (the edge limit for the first byte)", ErrTimeout, limit)}
}
