package edge

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all" // every Web API
)

// isolate is one goja runtime with its loop, the Web APIs and the route
// module loaded.
type isolate struct {
	// genp is the generation the isolate serves: the one that made it,
	// or a later build of the route that adopted it (Generation.Adopt).
	genp atomic.Pointer[Generation]
	loop *eventloop.Loop
	rt   *goja.Runtime

	ready   chan struct{} // closed when set-up finished (initErr tells how)
	initErr *Error

	// Loop-only after set-up.
	handler   goja.Value
	page      goja.Value
	dispatch  goja.Callable
	getReader goja.Callable
	readChunk goja.Callable
	cancelRdr goja.Callable
	rejected  map[*goja.Promise]any // unhandled rejections of the running job
	// load is the module loader of a route built as modules (nil for a
	// bundle); loadErr is why the route's modules failed to load again
	// after a rebuild: requests answer with it.
	load    *goja.Object
	loadErr *Error

	host      *webapi.Host
	rejectedQ []*goja.Promise // rejected, in order (rejected holds the owners)

	inflight atomic.Int32 // invocations and open streams
	cost     atomic.Int64 // estimated memory (budget.go)
	// setupHeap is the heap when set-up began: module code running at
	// load is counted from it (memory.go).
	setupHeap atomic.Uint64
	used      atomic.Int64 // when last picked, unix ns
	dead      atomic.Bool
	deadCh    chan struct{}
	killOnce  sync.Once
	// cause says why the isolate was stopped, when it was for something a
	// request did (spinning, memory, an internal error).
	cause atomic.Pointer[stopCause]
}

// stopCause is why an isolate was stopped: owner (a job's Owner, usually
// the *invocation) caused it and gets err; the isolate's other requests
// get other.
type stopCause struct {
	owner any
	err   *Error
	other *Error
}

// gen returns the generation the isolate serves now. Goroutine-safe.
func (iso *isolate) gen() *Generation { return iso.genp.Load() }

func newIsolate(g *Generation) *isolate {
	rt := goja.New()
	iso := &isolate{rt: rt, loop: eventloop.New(rt), ready: make(chan struct{}), deadCh: make(chan struct{})}
	iso.loop.SetJobLimit(g.opts.Timeout, func(owner any) {
		iso.stop(&stopCause{owner: owner, err: timeoutError(g.opts.Timeout), other: &Error{Kind: KindStopped, Name: "Error",
			Message: "the edge isolate running this request was stopped because code on it ran longer than " + g.opts.Timeout.String()}})
	})
	iso.genp.Store(g)
	iso.rejected = map[*goja.Promise]any{}
	rt.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) {
		if op == goja.PromiseRejectionReject {
			if _, ok := iso.rejected[p]; !ok {
				iso.rejectedQ = append(iso.rejectedQ, p)
			}
			iso.rejected[p] = iso.loop.Owner()
		} else {
			delete(iso.rejected, p)
		}
	})
	iso.loop.AfterJob = iso.reportRejections
	iso.loop.OnPanic = iso.panicked
	heapWatch.add(iso)
	go iso.loop.Run()
	iso.loop.Enqueue(iso.setup)
	return iso
}

func (iso *isolate) setup(rt *goja.Runtime) {
	before := heapBytes()
	iso.setupHeap.Store(before)
	iso.touch()
	defer func() {
		iso.cost.Store(iso.gen().script.observeCost(int64(heapBytes()) - int64(before)))
		close(iso.ready)
		heapWatch.fitBudget(iso.gen().opts.IsolateMemory, iso)
	}()
	defer func() {
		// A Go panic while installing the Web APIs: a bug in edgeplay,
		// answered like a module that throws at load.
		if x := recover(); x != nil {
			p := eventloop.CapturePanic(x)
			msg := "edgeplay could not set up the edge runtime: " + p.Error()
			iso.initErr = &Error{Kind: KindInit, Name: "Error", Message: msg, Stack: "Error: " + msg + "\n" + p.Trace()}
		}
	}()
	g := iso.gen()
	host := &webapi.Host{Loop: iso.loop, Env: g.opts.Env, Console: func(level, text string) {
		if c := iso.gen().opts.Console; c != nil {
			c(ownerOf(iso.loop.Owner()), level, text)
		}
	}}
	iso.host = host
	internals, err := webapi.Install(host)
	if err != nil {
		iso.initErr = &Error{Kind: KindInit, Name: "Error", Message: "edgeplay could not set up the edge runtime: " + err.Error()}
		return
	}
	fn := func(name string) goja.Callable {
		f, _ := goja.AssertFunction(internals.Get(name))
		return f
	}
	iso.dispatch, iso.getReader, iso.readChunk, iso.cancelRdr = fn("dispatch"), fn("getReader"), fn("readChunk"), fn("cancelReader")
	var mod goja.Value
	if g.script.modules != nil {
		mod, err = iso.loadModules(rt, fn("makeLoader"))
		if err != nil {
			iso.initErr = errorFromGo(rt, err, KindInit)
			return
		}
	} else {
		prog, err := g.script.program.compiled()
		if err != nil {
			iso.initErr = &Error{Kind: KindInit, Name: "Error", Message: err.Error(), Stack: "Error: " + err.Error()}
			return
		}
		if _, err := rt.RunProgram(prog); err != nil {
			iso.initErr = errorFromGo(rt, err, KindInit)
			return
		}
		mod, err = fn("takeRouteExports")(goja.Undefined(), rt.ToValue(GlobalName))
		if err != nil {
			iso.initErr = errorFromGo(rt, err, KindInit)
			return
		}
	}
	var handler goja.Value
	if o, ok := mod.(*goja.Object); ok {
		handler = o.Get("default")
	}
	if _, ok := goja.AssertFunction(handler); !ok {
		iso.initErr = &Error{Kind: KindNoHandler, Name: "Error",
			Message: fmt.Sprintf("The Edge Function %q must export a default function", g.script.pageName())}
		return
	}
	iso.handler = handler
	iso.page = rt.ToValue(g.script.Page)
}

// kill stops the isolate: used after an interrupt (goja's job queue is not
// reliable after one) and when the generation closes. Goroutine-safe.
func (iso *isolate) kill(reason string) {
	iso.killOnce.Do(func() {
		iso.dead.Store(true)
		close(iso.deadCh)
		iso.rt.Interrupt(reason)
		iso.loop.Stop()
		iso.gen().remove(iso)
		heapWatch.remove(iso)
	})
}

// stop kills the isolate for something a request did: the job running
// now is interrupted with c.err, and Invoke and streams answer from c.
// Only the first cause counts. Goroutine-safe.
func (iso *isolate) stop(c *stopCause) {
	if iso.dead.Load() || !iso.cause.CompareAndSwap(nil, c) {
		return
	}
	iso.killOnce.Do(func() {
		iso.dead.Store(true)
		close(iso.deadCh)
		iso.rt.Interrupt(c.err)
		iso.loop.Stop()
		iso.gen().remove(iso)
		heapWatch.remove(iso)
	})
}

// stoppedError is what inv gets when its isolate stopped under it;
// fallback when the isolate was stopped for no request's doing.
func (iso *isolate) stoppedError(inv *invocation, fallback string) *Error {
	if c := iso.cause.Load(); c != nil {
		if c.owner == any(inv) {
			return c.err
		}
		if c.other != nil {
			return c.other
		}
	}
	return &Error{Kind: KindStopped, Name: "Error", Message: fallback}
}

// panicked handles a Go panic that reached the loop (eventloop.OnPanic):
// not one in a native called from JS (those become JS Errors where they
// were called), but one in Go code a job runs, such as an async
// completion. The request whose job it was fails with the error; the
// isolate goes on serving, unless the panic unwound through the VM, after
// which goja may have lost queued promise jobs: then it is replaced.
// Loop-only.
func (iso *isolate) panicked(owner any, p *eventloop.Panic) {
	msg := webapi.PanicMessage("the edge runtime", p)
	e := &Error{Kind: KindThrown, Name: "Error", Message: msg, Frames: framesFromStack(p.JSStack)}
	e.Stack = "Error: " + msg
	if len(e.Frames) > 0 {
		e.Stack += "\n" + formatFrames(e.Frames)
	}
	if c := iso.gen().opts.Console; c != nil {
		c(ownerOf(owner), "error", "edgeplay: Go panic on the event loop (a bug in edgeplay, not in the route): "+p.Error()+"\n"+p.Trace())
	}
	// Stopped before the request fails: once its answer is out, the
	// client's next request must not be handed to this isolate.
	if p.InVM {
		iso.stop(&stopCause{owner: owner, err: e, other: &Error{Kind: KindStopped, Name: "Error",
			Message: "the edge isolate running this request was stopped after an internal error in edgeplay: " + p.Error()}})
	}
	if inv, ok := owner.(*invocation); ok {
		inv.fail(e)
	}
}

// reportRejections logs promise rejections that no handler took by the
// end of a job, in the order they happened, attributed to the request
// that caused them, with the stack mapped to the original source.
func (iso *isolate) reportRejections() {
	if len(iso.rejectedQ) == 0 {
		return
	}
	q := iso.rejectedQ
	iso.rejectedQ = nil
	for _, p := range q {
		owner, ok := iso.rejected[p]
		if !ok {
			continue // handled later in the same job
		}
		delete(iso.rejected, p)
		if iso.gen().opts.Console != nil {
			e := errorFromValue(iso.rt, p.Result(), KindThrown)
			iso.gen().opts.Console(ownerOf(owner), "error", "Unhandled Rejection: "+e.Stack)
		}
	}
}

// invocation is one request on one isolate.
type invocation struct {
	iso  *isolate
	gen  *Generation // the generation that handed it the isolate: its accounting
	req  *Request
	head chan headResult
	// settled is set once the invocation no longer needs the isolate:
	// after a non-stream head, an error, or when abandoned.
	settled atomic.Bool
	// bg is the work passed to event.waitUntil, once there is some.
	// Loop-only.
	bg *background
	// headSent: the head (or an error) went to Invoke. Loop-only.
	headSent bool
	// stream is the response body being read, once there is one.
	// Loop-only.
	stream *Stream
	// heapStart is the Go heap when the request began; memWarned is set
	// once it was told that it passed Options.WarnHeap.
	heapStart uint64
	memWarned atomic.Bool
}

// panicked handles a Go panic in one of the engine's own callbacks of
// inv. Loop-only.
func (inv *invocation) panicked(p *eventloop.Panic) { inv.iso.panicked(inv, p) }

// fail ends inv with e, whatever it was doing: its head when none was
// sent, else its stream, else its waitUntil work. Loop-only.
func (inv *invocation) fail(e *Error) {
	switch {
	case !inv.headSent:
		inv.send(headResult{err: e})
	case inv.stream != nil:
		inv.stream.fail(e)
	case inv.bg != nil:
		inv.bg.end(e)
	}
}

// background is an invocation's event.waitUntil work. It holds the
// isolate like an invocation does (the generation does not stop it, the
// pool counts it as busy) until the promises settle, the route's time
// limit passes, or the isolate stops, whichever comes first.
type background struct {
	inv  *invocation
	once sync.Once
	done chan struct{}
}

// holdBackground starts following inv's waitUntil work. Loop-only; runs
// before the response head is sent, while inv still holds the isolate.
func (inv *invocation) holdBackground() {
	if inv.bg != nil {
		return
	}
	iso, g := inv.iso, inv.gen
	iso.inflight.Add(1)
	g.mu.Lock()
	g.active++
	g.mu.Unlock()
	heapWatch.begin()
	b := &background{inv: inv, done: make(chan struct{})}
	inv.bg = b
	go func() {
		t := time.NewTimer(g.opts.Timeout)
		defer t.Stop()
		select {
		case <-b.done:
		case <-t.C:
			b.end(&Error{Kind: KindTimeout, Name: "Error", Message: ErrTimeout,
				Stack: fmt.Sprintf("%s: the work passed to event.waitUntil did not settle within %v; it was abandoned", ErrTimeout, g.opts.Timeout)})
		case <-iso.deadCh:
			b.end(iso.stoppedError(inv, "the isolate running the work passed to event.waitUntil was stopped"))
		}
	}()
}

// end releases the isolate and reports the outcome: err is nil when every
// promise fulfilled. Goroutine-safe; only the first call counts.
func (b *background) end(err *Error) {
	b.once.Do(func() {
		close(b.done)
		g := b.inv.gen
		owner := b.inv.req.Owner
		if err != nil && g.opts.Console != nil {
			if err.Kind == KindThrown {
				g.opts.Console(owner, "error", "Unhandled rejection in event.waitUntil: "+err.Text())
			} else {
				g.opts.Console(owner, "warn", err.Text())
			}
		}
		if g.opts.WaitUntil != nil {
			g.opts.WaitUntil(owner, err)
		}
		g.done(b.inv.iso)
	})
}

type headResult struct {
	res *Response
	err *Error
}

func (inv *invocation) release() {
	if inv.settled.CompareAndSwap(false, true) {
		inv.gen.done(inv.iso)
	}
}

// start runs the handler for inv. Loop-only.
func (inv *invocation) start(rt *goja.Runtime) {
	iso := inv.iso
	req := inv.req
	hdr := make([]any, len(req.Header))
	for i, h := range req.Header {
		hdr[i] = h
	}
	var body goja.Value = goja.Null()
	if req.Body != nil {
		body = rt.ToValue(req.Body)
	}
	done := rt.ToValue(iso.host.Guard("edgeplay.respond", func(call goja.FunctionCall) goja.Value {
		inv.finish(rt, int(call.Argument(0).ToInteger()), call.Argument(1))
		return goja.Undefined()
	}, inv.panicked))
	background := rt.ToValue(iso.host.Guard("edgeplay.waitUntil", func(call goja.FunctionCall) goja.Value {
		if call.Argument(0).ToInteger() == 0 {
			inv.holdBackground()
		} else if inv.bg != nil {
			var e *Error
			if call.Argument(1).ToBoolean() {
				e = errorFromValue(rt, call.Argument(2), KindThrown)
			}
			inv.bg.end(e)
		}
		return goja.Undefined()
	}, inv.panicked))
	if iso.loadErr != nil {
		inv.send(headResult{err: iso.loadErr})
		return
	}
	_, err := iso.dispatch(goja.Undefined(), iso.handler, iso.page, rt.ToValue(req.Method), rt.ToValue(req.URL),
		rt.NewArray(hdr...), body, rt.ToValue(req.BodyLength), done, background)
	if err != nil {
		inv.send(headResult{err: errorFromGo(rt, err, KindThrown)})
	}
}

const (
	resultResponse    = 0
	resultThrown      = 1
	resultNotResponse = 2
)

// finish converts the handler's result. Loop-only.
func (inv *invocation) finish(rt *goja.Runtime, kind int, v goja.Value) {
	switch kind {
	case resultThrown:
		inv.send(headResult{err: errorFromValue(rt, v, KindThrown)})
		return
	case resultNotResponse:
		inv.send(headResult{err: errorFromValue(rt, v, KindNotResponse)})
		return
	}
	parts := v.(*goja.Object)
	res := &Response{
		Status:     int(parts.Get("0").ToInteger()),
		StatusText: parts.Get("1").String(),
	}
	if hl, ok := parts.Get("2").Export().([]any); ok {
		res.Header = make([]string, len(hl))
		for i, h := range hl {
			res.Header[i], _ = h.(string)
		}
	}
	switch parts.Get("3").ToInteger() {
	case 0: // none
	case 1: // string
		res.HasBody = true
		res.Body = []byte(parts.Get("4").String())
	case 2: // bytes
		res.HasBody = true
		b, _ := webapi.Bytes(rt, parts.Get("4"))
		res.Body = b
	case 3: // stream
		res.HasBody = true
		reader, err := inv.iso.getReader(goja.Undefined(), parts.Get("4"))
		if err != nil {
			inv.send(headResult{err: errorFromGo(rt, err, KindThrown)})
			return
		}
		res.Stream = newStream(inv, reader)
		inv.stream = res.Stream
	}
	inv.send(headResult{res: res})
}

// send hands the head (or the error) to Invoke; only the first counts.
// Loop-only.
func (inv *invocation) send(h headResult) {
	if inv.headSent {
		return
	}
	inv.headSent = true
	select {
	case inv.head <- h:
	default:
	}
}

// errorFromGo converts an error from a goja call.
func errorFromGo(rt *goja.Runtime, err error, kind ErrorKind) *Error {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		e := errorFromValue(rt, ex.Value(), kind)
		if len(e.Frames) == 0 {
			e.Frames = framesFromStack(ex.Stack())
			e.Stack = e.Name + ": " + e.Message + "\n" + formatFrames(e.Frames)
		}
		return e
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		if e, ok := ie.Value().(*Error); ok {
			return e // the isolate was stopped for this (see stop)
		}
		return &Error{Kind: KindStopped, Name: "Error", Message: fmt.Sprint(ie.Value())}
	}
	return &Error{Kind: kind, Name: "Error", Message: err.Error(), Stack: "Error: " + err.Error()}
}

// errorFromValue converts a thrown JS value.
func errorFromValue(rt *goja.Runtime, v goja.Value, kind ErrorKind) *Error {
	e := &Error{Kind: kind}
	obj, ok := v.(*goja.Object)
	if !ok || goja.IsUndefined(obj.Get("message")) && goja.IsUndefined(obj.Get("stack")) {
		// A thrown non-error: Next shows it as "Uncaught 'text'".
		e.Message = describeValue(v)
		e.Stack = "Uncaught " + e.Message
		return e
	}
	e.Name = valueString(obj.Get("name"))
	e.Message = valueString(obj.Get("message"))
	stack := valueString(obj.Get("stack"))
	e.Frames = parseStack(stack)
	e.Stack = headOf(e.Name, e.Message) + "\n" + formatFrames(e.Frames)
	if len(e.Frames) == 0 {
		e.Stack = headOf(e.Name, e.Message)
	}
	return e
}

func headOf(name, msg string) string {
	if msg == "" {
		return name
	}
	if name == "" {
		return msg
	}
	return name + ": " + msg
}

func valueString(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}

func describeValue(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if s, ok := v.Export().(string); ok {
		return strconv.Quote(s)
	}
	return v.String()
}

// goja prints frames as "at fn (file:line:col(pc))" or "at file:line:col(pc)".
var frameRe = regexp.MustCompile(`^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)(?:\(\d+\))?\)?$`)

func parseStack(stack string) []Frame {
	var out []Frame
	for _, line := range strings.Split(stack, "\n") {
		m := frameRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		out = appendFrame(out, m[1], m[2], atoi(m[3]), atoi(m[4]))
	}
	return out
}

func framesFromStack(st []goja.StackFrame) []Frame {
	var out []Frame
	for _, f := range st {
		p := f.Position()
		out = appendFrame(out, f.FuncName(), p.Filename, p.Line, p.Column)
	}
	return out
}

// appendFrame keeps project frames and drops the runtime's own. Columns
// of positions mapped through a source map are 0-based in goja, unmapped
// ones 1-based; Frame columns are 1-based.
func appendFrame(out []Frame, fn, file string, line, col int) []Frame {
	switch {
	case file == "" || strings.HasPrefix(file, "edgeplay:") || strings.HasPrefix(file, "edgeplay-node:"):
		// The runtime's own code (Web APIs, the next/server shim, Node
		// built-in stubs): the user's frames are what they can act on.
		return out
	case file == bundleFileName:
		file = "edgeplay:bundle" // generated code the source map does not cover
	case strings.HasPrefix(file, "/"):
		file = file[1:] // a project-relative source of the map
		col++
	default:
		col++
	}
	if fn == "" {
		fn = "<anonymous>"
	}
	return append(out, Frame{Func: fn, File: file, Line: line, Column: col})
}

func formatFrames(fs []Frame) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "    at %s (%s:%d:%d)", f.Func, f.File, f.Line, f.Column)
	}
	return b.String()
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
