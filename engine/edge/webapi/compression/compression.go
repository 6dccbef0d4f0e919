// Package compression installs CompressionStream and DecompressionStream
// for the "gzip", "deflate" (zlib) and "deflate-raw" formats, with the byte
// work in Go (compress/gzip, compress/zlib, compress/flate). "brotli", which
// the standard also lists, is unsupported: its constructor throws the
// TypeError the standard prescribes for an unsupported format, naming it.
//
// Both work chunk by chunk, never buffering the whole stream:
//
//   - Compression writes each chunk into the format's writer and flushes it
//     (a sync flush, as zlib's Z_SYNC_FLUSH), so every written chunk yields
//     output at once and a compressed Response body streams to the client as
//     the route produces it. The cost is a few bytes per chunk.
//   - Decompression runs Go's pull-style reader on a goroutine of its own
//     that is fed chunk by chunk (inflate.go); the loop hands it a chunk and
//     waits for the output that chunk makes available.
//
// [Compression]: https://compression.spec.whatwg.org/
package compression

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	_ "embed"
	"io"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	"github.com/edgeplay/edgeplay/engine/edge/webapi/encoding"
)

//go:embed compression.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:   "compression",
		Order:  45, // after streams (40): its classes build TransformStreams
		Spec:   "https://compression.spec.whatwg.org/",
		JS:     source,
		Native: natives,
	})
}

// Formats, as compression.js numbers them.
const (
	formatDeflate    = 0 // RFC 1950 (zlib)
	formatDeflateRaw = 1 // RFC 1951
	formatGzip       = 2 // RFC 1952
)

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	bytesOf := func(v goja.Value) []byte {
		b, ok := encoding.BufferSource(rt, v)
		if !ok {
			webapi.Throw(rt, "TypeError", "The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.")
		}
		return b
	}
	out := func(b []byte) goja.Value {
		if len(b) == 0 {
			return goja.Null()
		}
		return webapi.NewUint8Array(rt, b)
	}
	return map[string]any{
		// compressor(format) -> a handle for compress/compressFinish.
		"compressor": func(call goja.FunctionCall) goja.Value {
			return rt.ToValue(newDeflater(int(call.Argument(0).ToInteger())))
		},
		// compress(handle, bufferSource) -> Uint8Array | null
		"compress": func(call goja.FunctionCall) goja.Value {
			d := deflaterOf(rt, call.Argument(0))
			b, err := d.write(bytesOf(call.Argument(1)))
			if err != nil {
				webapi.Throw(rt, "TypeError", "Compression failed: "+err.Error())
			}
			return out(b)
		},
		// compressFinish(handle) -> Uint8Array | null: the end of the
		// compressed data (final block, trailer).
		"compressFinish": func(call goja.FunctionCall) goja.Value {
			b, err := deflaterOf(rt, call.Argument(0)).finish()
			if err != nil {
				webapi.Throw(rt, "TypeError", "Compression failed: "+err.Error())
			}
			return out(b)
		},
		// decompressor(format) -> a handle for decompress/decompressFinish.
		"decompressor": func(call goja.FunctionCall) goja.Value {
			return rt.ToValue(newInflater(int(call.Argument(0).ToInteger())))
		},
		// decompress(handle, bufferSource) -> Uint8Array | null. Corrupt
		// input throws; input after the end is reported by checkTrailing,
		// after the output has been enqueued, as the standard orders it.
		"decompress": func(call goja.FunctionCall) goja.Value {
			f := inflaterOf(rt, call.Argument(0))
			b, err := f.write(bytesOf(call.Argument(1)))
			if err != nil {
				webapi.Throw(rt, "TypeError", err.Error())
			}
			return out(b)
		},
		// checkTrailing(handle) throws a TypeError if input came after the
		// end of the compressed data.
		"checkTrailing": func(call goja.FunctionCall) goja.Value {
			if inflaterOf(rt, call.Argument(0)).trailing {
				webapi.Throw(rt, "TypeError", errTrailing)
			}
			return goja.Undefined()
		},
		// decompressFinish(handle) -> Uint8Array | null: what is left once
		// the input has ended; checkEnd then throws if it was truncated.
		"decompressFinish": func(call goja.FunctionCall) goja.Value {
			b, err := inflaterOf(rt, call.Argument(0)).finish()
			if err != nil {
				webapi.Throw(rt, "TypeError", err.Error())
			}
			return out(b)
		},
		"checkEnd": func(call goja.FunctionCall) goja.Value {
			if !inflaterOf(rt, call.Argument(0)).ended {
				webapi.Throw(rt, "TypeError", errTruncated)
			}
			return goja.Undefined()
		},
		// release(handle) frees a stream's Go state early (cancel, abort).
		"release": func(call goja.FunctionCall) goja.Value {
			switch x := call.Argument(0).Export().(type) {
			case *deflater:
				x.release()
			case *inflater:
				x.release()
			}
			return goja.Undefined()
		},
	}
}

func deflaterOf(rt *goja.Runtime, v goja.Value) *deflater {
	d, ok := v.Export().(*deflater)
	if !ok {
		webapi.Throw(rt, "TypeError", "Illegal invocation")
	}
	return d
}

func inflaterOf(rt *goja.Runtime, v goja.Value) *inflater {
	f, ok := v.Export().(*inflater)
	if !ok {
		webapi.Throw(rt, "TypeError", "Illegal invocation")
	}
	return f
}

// compressWriter is what the three formats' writers have in common.
type compressWriter interface {
	io.WriteCloser
	Flush() error
	Reset(w io.Writer)
}

// Writers are pooled per format: a flate compressor holds about 1 MB of
// tables, too much to allocate for every stream.
var writerPools [3]sync.Pool

// deflater is a CompressionStream's context. Loop-only.
type deflater struct {
	format int
	buf    bytes.Buffer
	w      compressWriter // nil once finished or released
	done   bool
}

func newDeflater(format int) *deflater {
	d := &deflater{format: format}
	if w, ok := writerPools[format].Get().(compressWriter); ok {
		w.Reset(&d.buf)
		d.w = w
		return d
	}
	switch format {
	case formatDeflate:
		d.w = zlib.NewWriter(&d.buf)
	case formatDeflateRaw:
		w, _ := flate.NewWriter(&d.buf, flate.DefaultCompression)
		d.w = w
	default:
		d.w = gzip.NewWriter(&d.buf)
	}
	return d
}

// write compresses p and returns the output it makes available (sync
// flushed). An empty chunk adds nothing, not even a flush marker.
func (d *deflater) write(p []byte) ([]byte, error) {
	if d.w == nil {
		return nil, errFinished
	}
	if len(p) == 0 {
		return nil, nil
	}
	if _, err := d.w.Write(p); err != nil {
		return nil, err
	}
	if err := d.w.Flush(); err != nil {
		return nil, err
	}
	return d.take(), nil
}

// finish writes the final block and the format's trailer.
func (d *deflater) finish() ([]byte, error) {
	if d.w == nil {
		return nil, errFinished
	}
	if err := d.w.Close(); err != nil {
		return nil, err
	}
	out := d.take()
	d.release()
	return out, nil
}

// take returns the output so far in a slice of its own (a Uint8Array will
// own it) and empties the buffer.
func (d *deflater) take() []byte {
	if d.buf.Len() == 0 {
		return nil
	}
	out := bytes.Clone(d.buf.Bytes())
	d.buf.Reset()
	return out
}

// release returns the writer to its pool.
func (d *deflater) release() {
	if d.w == nil {
		return
	}
	d.w.Reset(io.Discard)
	writerPools[d.format].Put(d.w)
	d.w = nil
}
