// Package fetch installs the Fetch standard's Headers, Request, Response
// and fetch() (client.go: over net/http, with streamed bodies both ways).
// The host may set a client and a timeout per isolate:
//
//	fetch.Configure(host, fetch.Options{Timeout: 10 * time.Second})
//
// Request bodies from the server stay in Go until JS reads them: a body is
// an io.Reader handed to the Request, read in a goroutine chunk by chunk
// (pull) or whole (readAll), and each result is delivered to the loop once.
//
// [Fetch]: https://fetch.spec.whatwg.org/
package fetch

import (
	_ "embed"
	"errors"
	"io"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	// Bodies are made from and read into Blobs and FormData: fetch needs
	// both installed (before it, by their Order).
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/blob"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/formdata"
)

var (
	//go:embed headers.js
	headersJS string
	//go:embed body.js
	bodyJS string
	//go:embed request.js
	requestJS string
	//go:embed response.js
	responseJS string
	//go:embed fetch.js
	fetchJS string
	//go:embed native.js
	nativeJS string
)

func init() {
	webapi.Register(webapi.API{
		Name:   "fetch",
		Order:  50,
		Spec:   "https://fetch.spec.whatwg.org/",
		JS:     headersJS + "\n" + bodyJS + "\n" + requestJS + "\n" + responseJS + "\n" + fetchJS + "\n" + nativeJS,
		Native: natives,
	})
}

// ChunkSize is the most a single pull reads from a request body.
const ChunkSize = 64 << 10

// BodyError is returned by a body reader to make JS see a TypeError with
// its text (for example "request body too large").
type BodyError struct{ Msg string }

func (e *BodyError) Error() string { return e.Msg }

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	reader := func(v goja.Value) io.Reader {
		r, _ := v.Export().(io.Reader)
		if r == nil {
			webapi.Throw(rt, "TypeError", "not a request body")
		}
		return r
	}
	settle := func(b []byte, err error, eof bool, resolve, reject func(any) error) {
		switch {
		case err != nil:
			msg := err.Error()
			var be *BodyError
			if errors.As(err, &be) {
				msg = be.Msg
			}
			_ = reject(rt.NewTypeError(msg))
		case eof:
			_ = resolve(goja.Null())
		default:
			_ = resolve(webapi.NewUint8Array(rt, b))
		}
	}
	m := fetchNatives(h)
	for k, v := range map[string]any{
		"pull": func(call goja.FunctionCall) goja.Value {
			r := reader(call.Argument(0))
			p, resolve, reject := rt.NewPromise()
			h.Loop.Go(h.Loop.Reserve(), func(cb eventloop.Callback) {
				buf := make([]byte, ChunkSize)
				n, err := r.Read(buf)
				eof := false
				if err == io.EOF {
					err, eof = nil, n == 0
				}
				cb(func(*goja.Runtime) { settle(buf[:n], err, eof, resolve, reject) })
			})
			return rt.ToValue(p)
		},
		"readAll": func(call goja.FunctionCall) goja.Value {
			r := reader(call.Argument(0))
			p, resolve, reject := rt.NewPromise()
			h.Loop.Go(h.Loop.Reserve(), func(cb eventloop.Callback) {
				b, err := io.ReadAll(r)
				cb(func(*goja.Runtime) { settle(b, err, false, resolve, reject) })
			})
			return rt.ToValue(p)
		},
		"cancel": func(call goja.FunctionCall) goja.Value {
			if c, ok := call.Argument(0).Export().(io.Closer); ok {
				go c.Close()
			}
			return goja.Undefined()
		},
	} {
		m[k] = v
	}
	return m
}
