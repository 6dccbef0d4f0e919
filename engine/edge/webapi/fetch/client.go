package fetch

// fetch() over net/http. Each call is a goroutine that runs the request
// with a context of its own; the context is cancelled when the route
// aborts (AbortSignal), when the configured timeout passes, when the body
// has been read to its end or cancelled, and — for every call still open —
// when the isolate's loop stops. Goroutines blocked in network reads and
// writes return once their context is cancelled, so a stopped isolate
// leaves none behind.
//
// [fetch]: https://fetch.spec.whatwg.org/#fetch-method

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

// Options configure fetch for one isolate; see Configure.
type Options struct {
	// Client sends the requests; nil means a client shared by every
	// isolate (pooled connections, HTTP/2, no proxy: like Node's fetch, it
	// ignores HTTP_PROXY). Its CheckRedirect and Timeout are not used:
	// each call sets its own redirect policy, and Timeout below applies.
	Client *http.Client
	// Timeout bounds a whole fetch, from sending to the body's end. Zero
	// means no limit beyond the route's own time limit.
	Timeout time.Duration
}

const valuesKey = "fetch"

// maxRedirects is the Fetch standard's limit (step 5 of HTTP-redirect fetch).
const maxRedirects = 20

// Configure sets the fetch options of the isolate h belongs to. Call it
// before or after webapi.Install, before the route's first fetch (options
// are read when a fetch starts). Loop-only, or before the loop runs.
func Configure(h *webapi.Host, o Options) {
	if h.Values == nil {
		h.Values = map[string]any{}
	}
	st, _ := h.Values[valuesKey].(*state)
	if st == nil {
		st = &state{calls: map[*call]struct{}{}}
		h.Values[valuesKey] = st
	}
	st.opts = o
}

// state is the per-isolate fetch state, in Host.Values.
type state struct {
	opts Options

	mu       sync.Mutex
	calls    map[*call]struct{}
	watching bool
	stopped  bool
}

func stateOf(h *webapi.Host) *state {
	st, _ := h.Values[valuesKey].(*state)
	if st == nil {
		Configure(h, Options{})
		st = h.Values[valuesKey].(*state)
	}
	return st
}

// add registers c; false when the isolate already stopped. The first call
// starts the watcher that cancels every open call when the loop stops.
func (st *state) add(h *webapi.Host, c *call) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.stopped {
		return false
	}
	st.calls[c] = struct{}{}
	if !st.watching {
		st.watching = true
		go func() {
			<-h.Loop.Done()
			st.mu.Lock()
			st.stopped = true
			calls := st.calls
			st.calls = map[*call]struct{}{}
			st.mu.Unlock()
			for c := range calls {
				c.finish(errIsolateStopped)
			}
		}()
	}
	return true
}

func (st *state) remove(c *call) {
	st.mu.Lock()
	delete(st.calls, c)
	st.mu.Unlock()
}

var errIsolateStopped = errors.New("the isolate running this fetch was stopped")

var sharedClient = sync.OnceValue(func() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = nil
	t.MaxIdleConnsPerHost = 16
	return &http.Client{Transport: t}
})

// call is one fetch in flight.
type call struct {
	st     *state
	ctx    context.Context
	cancel context.CancelCauseFunc
	stop   context.CancelFunc // the timeout's, or nil
	pw     *io.PipeWriter     // streamed request body, or nil

	mu       sync.Mutex
	body     io.ReadCloser // the response body once the head arrived
	done     bool
	redirect int // redirects followed; written by the client goroutine before the head is delivered
}

// finish ends c: its context is cancelled with cause, its body closed.
// Goroutine-safe, idempotent.
func (c *call) finish(cause error) {
	c.mu.Lock()
	if c.done {
		c.mu.Unlock()
		return
	}
	c.done = true
	body := c.body
	c.mu.Unlock()
	c.cancel(cause)
	if c.stop != nil {
		c.stop()
	}
	if c.pw != nil {
		c.pw.CloseWithError(cause)
	}
	if body != nil {
		body.Close()
	}
	c.st.remove(c)
}

// error kinds the JS turns into exceptions (see networkError in fetch.js).
const (
	errNetwork    = "network"    // TypeError("fetch failed", {cause})
	errTerminated = "terminated" // TypeError("terminated", {cause}): the body broke off
	errWrite      = "write"      // a streamed request body could not be sent
)

// jsError is what a rejected native promise carries: [kind, message, code].
func jsError(rt *goja.Runtime, kind string, err error) goja.Value {
	return rt.ToValue([]any{kind, describeErr(err), errCode(err)})
}

func describeErr(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}

// errCode gives Node's error code for the errors routes test for.
func errCode(err error) string {
	var dnsErr *net.DNSError
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "ECONNREFUSED"
	case errors.Is(err, syscall.ECONNRESET):
		return "ECONNRESET"
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return "ENOTFOUND"
	case errors.Is(err, context.DeadlineExceeded):
		return "ETIMEDOUT"
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "ETIMEDOUT"
	}
	return ""
}

// nullBodyStatus: responses to these have no body (and HEAD responses).
func nullBodyStatus(s int) bool { return s == 101 || s == 103 || s == 204 || s == 205 || s == 304 }

func fetchNatives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	handle := func(v goja.Value) *call {
		c, _ := v.Export().(*call)
		if c == nil {
			webapi.Throw(rt, "TypeError", "not a fetch handle")
		}
		return c
	}
	return map[string]any{
		// fetch(method, url, headerList, body, redirect) -> [handle, promise of head]
		// body: null, bytes, a Go reader (a route's own request body) or
		// true for a stream the JS writes with bodyWrite/bodyClose.
		// The head is [status, statusText, headerList, url|"", hasBody].
		"fetch": func(call goja.FunctionCall) goja.Value {
			return startFetch(h, rt, call)
		},
		// read(handle) -> promise of a Uint8Array, or null at the end.
		"read": func(call goja.FunctionCall) goja.Value {
			c := handle(call.Argument(0))
			p, resolve, reject := rt.NewPromise()
			c.mu.Lock()
			body := c.body
			c.mu.Unlock()
			if body == nil {
				_ = resolve(goja.Null())
				return rt.ToValue(p)
			}
			h.Loop.Go(h.Loop.Reserve(), func(cb eventloop.Callback) {
				buf := make([]byte, ChunkSize)
				n, err := body.Read(buf)
				if err == io.EOF {
					err = nil
					if n == 0 {
						c.finish(context.Canceled)
						cb(func(*goja.Runtime) { _ = resolve(goja.Null()) })
						return
					}
				}
				if err != nil {
					if cause := context.Cause(c.ctx); cause != nil {
						err = cause
					}
					c.finish(err)
					cb(func(rt *goja.Runtime) { _ = reject(jsError(rt, errTerminated, err)) })
					return
				}
				cb(func(rt *goja.Runtime) { _ = resolve(webapi.NewUint8Array(rt, buf[:n])) })
			})
			return rt.ToValue(p)
		},
		// abort(handle): the route's signal aborted, or the body stream was
		// cancelled: the request and its body stop.
		"abort": func(call goja.FunctionCall) goja.Value {
			c := handle(call.Argument(0))
			go c.finish(context.Canceled)
			return goja.Undefined()
		},
		// bodyWrite(handle, bytes) -> promise settled once the network
		// took the chunk: backpressure for streamed request bodies.
		"bodyWrite": func(call goja.FunctionCall) goja.Value {
			c := handle(call.Argument(0))
			b, ok := webapi.Bytes(rt, call.Argument(1))
			if !ok {
				webapi.Throw(rt, "TypeError", "Received non-Uint8Array chunk")
			}
			b = append([]byte(nil), b...)
			p, resolve, reject := rt.NewPromise()
			h.Loop.Go(h.Loop.Reserve(), func(cb eventloop.Callback) {
				_, err := c.pw.Write(b)
				cb(func(rt *goja.Runtime) {
					if err != nil {
						_ = reject(jsError(rt, errWrite, err))
					} else {
						_ = resolve(goja.Undefined())
					}
				})
			})
			return rt.ToValue(p)
		},
		// bodyClose(handle, message|null): the request body stream ended,
		// or failed with message.
		"bodyClose": func(call goja.FunctionCall) goja.Value {
			c := handle(call.Argument(0))
			if m := call.Argument(1); goja.IsNull(m) || goja.IsUndefined(m) {
				c.pw.Close()
			} else {
				c.pw.CloseWithError(errors.New(m.String()))
			}
			return goja.Undefined()
		},
	}
}

func startFetch(h *webapi.Host, rt *goja.Runtime, fc goja.FunctionCall) goja.Value {
	st := stateOf(h)
	method := fc.Argument(0).String()
	rawURL := fc.Argument(1).String()
	var hdr []any
	if err := rt.ExportTo(fc.Argument(2), &hdr); err != nil {
		webapi.Throw(rt, "TypeError", "fetch: bad header list")
	}
	redirect := fc.Argument(4).String()

	ctx, cancel := context.WithCancelCause(context.Background())
	c := &call{st: st, cancel: cancel}
	if st.opts.Timeout > 0 {
		ctx, c.stop = context.WithTimeoutCause(ctx, st.opts.Timeout,
			fmt.Errorf("fetch timed out after %v: %w", st.opts.Timeout, context.DeadlineExceeded))
	}
	c.ctx = ctx
	p, resolve, reject := rt.NewPromise()
	result := rt.ToValue([]any{c, p})
	fail := func(kind string, err error) goja.Value {
		c.finish(err)
		_ = reject(jsError(rt, kind, err))
		return result
	}

	// The body: bytes are replayable (GetBody, for 307/308 redirects);
	// a stream is a pipe the JS writes into.
	var body io.Reader
	length := int64(-1)
	switch b := fc.Argument(3); {
	case goja.IsNull(b) || goja.IsUndefined(b):
	case b.Export() == true:
		pr, pw := io.Pipe()
		c.pw = pw
		body = pr
	default:
		if bs, ok := webapi.Bytes(rt, b); ok {
			// Copied: the route may change its buffer while this runs.
			bs = append([]byte(nil), bs...)
			body, length = bytes.NewReader(bs), int64(len(bs))
		} else if r, ok := b.Export().(io.Reader); ok {
			body = r
			if n := fc.Argument(5); !goja.IsUndefined(n) {
				length = n.ToInteger()
			}
		} else {
			webapi.Throw(rt, "TypeError", "fetch: unsupported body")
		}
	}

	if !st.add(h, c) {
		return fail(errNetwork, errIsolateStopped)
	}
	if strings.HasPrefix(rawURL, "data:") {
		// [data: URL processor]: answered without the network.
		res, err := dataURL(rawURL)
		if err != nil {
			return fail(errNetwork, err)
		}
		c.mu.Lock()
		c.body = io.NopCloser(bytes.NewReader(res.body))
		c.mu.Unlock()
		_ = resolve(rt.ToValue([]any{200, "OK", []any{"content-type", res.mime}, "", true}))
		return result
	}

	req, err := http.NewRequestWithContext(ctx, method, rawURL, body)
	if err != nil {
		return fail(errNetwork, err)
	}
	if length >= 0 {
		req.ContentLength = length
		if length == 0 {
			req.Body = http.NoBody
		}
	} else if body != nil {
		req.ContentLength = -1 // chunked
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		name, _ := hdr[i].(string)
		value, _ := hdr[i+1].(string)
		if name == "host" {
			req.Host = value
			continue
		}
		req.Header.Add(name, value)
	}

	client := sharedClient()
	if st.opts.Client != nil {
		client = st.opts.Client
	}
	cl := *client
	cl.Timeout = 0
	cl.Jar = nil
	cl.CheckRedirect = func(_ *http.Request, via []*http.Request) error {
		switch redirect {
		case "manual":
			return http.ErrUseLastResponse
		case "error":
			return errors.New("unexpected redirect")
		}
		if len(via) > maxRedirects {
			return errors.New("redirect count exceeded")
		}
		c.redirect = len(via)
		return nil
	}
	h.Loop.Go(h.Loop.Reserve(), func(cb eventloop.Callback) {
		resp, err := cl.Do(req)
		if err == nil {
			c.mu.Lock()
			if c.done {
				err = context.Cause(ctx)
				resp.Body.Close()
			} else {
				c.body = resp.Body
			}
			c.mu.Unlock()
		}
		if err != nil {
			if cause := context.Cause(ctx); cause != nil {
				err = cause
			}
			c.finish(err)
			cb(func(rt *goja.Runtime) { _ = reject(jsError(rt, errNetwork, err)) })
			return
		}
		hasBody := method != http.MethodHead && !nullBodyStatus(resp.StatusCode)
		if !hasBody {
			c.finish(context.Canceled)
		}
		finalURL := ""
		if c.redirect > 0 {
			u := *resp.Request.URL
			u.Fragment, u.RawFragment = "", ""
			finalURL = u.String()
		}
		list := headerList(resp.Header)
		status := resp.StatusCode
		text := statusText(resp)
		cb(func(rt *goja.Runtime) {
			_ = resolve(rt.ToValue([]any{status, text, list, finalURL, hasBody}))
		})
	})
	return result
}

// statusText is the reason phrase the server sent ("200 OK" -> "OK").
func statusText(resp *http.Response) string {
	code := strconv.Itoa(resp.StatusCode)
	if t, ok := strings.CutPrefix(resp.Status, code); ok {
		return strings.TrimSpace(t)
	}
	return resp.Status
}

// headerList flattens a response's headers, names lower-cased and sorted
// (the order Headers iterates in anyway), values in the order received.
func headerList(h http.Header) []any {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	out := make([]any, 0, 2*len(h))
	for _, k := range names {
		lk := strings.ToLower(k)
		for _, v := range h[k] {
			out = append(out, lk, v)
		}
	}
	return out
}

type dataResult struct {
	mime string
	body []byte
}

// dataURL is the [data: URL processor]: https://fetch.spec.whatwg.org/#data-url-processor
func dataURL(raw string) (dataResult, error) {
	bad := errors.New("invalid data: URL")
	// 3–4. Strip "data:", and the fragment.
	s := strings.TrimPrefix(raw, "data:")
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	// 5–7. The MIME type is everything up to the first comma.
	comma := strings.IndexByte(s, ',')
	if comma < 0 {
		return dataResult{}, bad
	}
	mimeType := strings.Trim(s[:comma], " \t\n\r\f")
	// 8–9. The body is the percent-decoded rest.
	body, err := percentDecode(s[comma+1:])
	if err != nil {
		return dataResult{}, bad
	}
	// 11. ";base64" at the end of the MIME type (ASCII case-insensitively).
	if n := len(mimeType); n >= 7 {
		tail := strings.TrimRight(mimeType[:n-6], " ")
		if strings.EqualFold(mimeType[n-6:], "base64") && strings.HasSuffix(tail, ";") {
			// Forgiving-base64 decode: ASCII whitespace removed, padding optional.
			clean := strings.Map(func(r rune) rune {
				if r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' {
					return -1
				}
				return r
			}, string(body))
			clean = strings.TrimRight(clean, "=")
			if len(clean)%4 == 1 {
				return dataResult{}, bad
			}
			body, err = base64.RawStdEncoding.DecodeString(clean)
			if err != nil {
				return dataResult{}, bad
			}
			mimeType = strings.TrimSpace(tail[:len(tail)-1])
		}
	}
	// 12–15. ";charset…" alone means text/plain with it; nothing means US-ASCII text.
	if strings.HasPrefix(mimeType, ";") {
		mimeType = "text/plain" + mimeType
	}
	if mimeType == "" {
		mimeType = "text/plain;charset=US-ASCII"
	}
	return dataResult{mime: mimeType, body: body}, nil
}

// percentDecode decodes %XX bytes; a '%' not followed by two hex digits is
// kept, as the URL standard's percent-decode does.
func percentDecode(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, s[i])
	}
	return out, nil
}
