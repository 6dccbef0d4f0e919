// Package encoding installs TextEncoder, TextDecoder, atob and btoa, with the
// byte work in Go: strings cross as JS strings, bytes as Uint8Arrays over
// ArrayBuffers (shared, not copied, on the way in).
//
// TextDecoder decodes UTF-8, UTF-16LE, UTF-16BE and windows-1252 (which the
// "latin1", "ascii" and "iso-8859-1" labels name). The decoders are the
// Encoding Standard's state machines, written out here: they keep their
// state across stream: true calls, and emit one U+FFFD per maximal subpart
// of an invalid sequence. Other encodings throw a RangeError that says so.
//
// DecodeUTF8 and EncodeUTF8 are also the Go API of "UTF-8 decode" for the
// packages that need it (url, fetch bodies through internals.utf8Decode).
//
// [Encoding]: https://encoding.spec.whatwg.org/
// [Forgiving base64]: https://infra.spec.whatwg.org/#forgiving-base64-decode
package encoding

import (
	_ "embed"
	"encoding/base64"
	"reflect"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed encoding.js
var source string

func init() {
	webapi.Register(webapi.API{Name: "encoding", Order: 15, Spec: "https://encoding.spec.whatwg.org/", JS: source, Native: natives})
}

// Encodings a TextDecoder supports; encoding.js maps labels to these.
const (
	encUTF8 = iota
	encUTF16LE
	encUTF16BE
	encWindows1252
)

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	return map[string]any{
		// encode(string) -> Uint8Array: UTF-8, lone surrogates as U+FFFD.
		"encode": func(call goja.FunctionCall) goja.Value {
			return webapi.NewUint8Array(rt, EncodeUTF8(call.Argument(0)))
		},
		// encodeInto(string, Uint8Array) -> {read, written}
		"encodeInto": func(call goja.FunctionCall) goja.Value {
			dst, _ := call.Argument(1).Export().([]byte)
			read, written := encodeInto(jsString(call.Argument(0)), dst)
			res := rt.NewObject()
			_ = res.Set("read", read)
			_ = res.Set("written", written)
			return res
		},
		// decoder(encoding, fatal, ignoreBOM) -> a handle for decode.
		"decoder": func(call goja.FunctionCall) goja.Value {
			d := &decoder{rt: rt, enc: int(call.Argument(0).ToInteger()), fatal: call.Argument(1).ToBoolean(), ignoreBOM: call.Argument(2).ToBoolean()}
			return rt.ToValue(d)
		},
		// decode(handle, bufferSource | undefined, stream) -> string.
		// https://encoding.spec.whatwg.org/#dom-textdecoder-decode
		"decode": func(call goja.FunctionCall) goja.Value {
			d, ok := call.Argument(0).Export().(*decoder)
			if !ok {
				webapi.Throw(rt, "TypeError", "Illegal invocation")
			}
			var in []byte
			if v := call.Argument(1); !goja.IsUndefined(v) {
				if in, ok = BufferSource(rt, v); !ok {
					webapi.Throw(rt, "TypeError", "Failed to execute 'decode' on 'TextDecoder': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.")
				}
			}
			out, ok := d.decode(in, call.Argument(2).ToBoolean())
			if !ok {
				webapi.Throw(rt, "TypeError", "Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid for encoding "+encodingNames[d.enc]+".")
			}
			return out
		},
		// utf8Decode(bufferSource) -> string: the Encoding Standard's
		// "UTF-8 decode" (BOM removed, errors replaced).
		"utf8Decode": func(call goja.FunctionCall) goja.Value {
			in, ok := BufferSource(rt, call.Argument(0))
			if !ok {
				webapi.Throw(rt, "TypeError", "The provided value is not of type '(ArrayBuffer or ArrayBufferView)'")
			}
			return rt.ToValue(DecodeUTF8(in))
		},
		"atob": func(call goja.FunctionCall) goja.Value {
			out, ok := forgivingBase64Decode(call.Argument(0).String())
			if !ok {
				throwDOM(rt, "The string to be decoded is not correctly encoded.", "InvalidCharacterError")
			}
			return isomorphicDecode(out)
		},
		"btoa": func(call goja.FunctionCall) goja.Value {
			s := jsString(call.Argument(0))
			n := s.Length()
			b := make([]byte, n)
			for i := 0; i < n; i++ {
				c := s.CharAt(i)
				if c > 0xFF {
					throwDOM(rt, "The string to be encoded contains characters outside of the Latin1 range.", "InvalidCharacterError")
				}
				b[i] = byte(c)
			}
			return rt.ToValue(base64.StdEncoding.EncodeToString(b))
		},
	}
}

var encodingNames = [...]string{encUTF8: "utf-8", encUTF16LE: "utf-16le", encUTF16BE: "utf-16be", encWindows1252: "windows-1252"}

// jsString returns v as a goja String (v is a string already: the JS side
// converted it).
func jsString(v goja.Value) goja.String {
	if s, ok := v.(goja.String); ok {
		return s
	}
	return goja.StringFromUTF16(nil)
}

func throwDOM(rt *goja.Runtime, msg, name string) {
	ctor, ok := goja.AssertConstructor(rt.Get("DOMException"))
	if !ok {
		panic(rt.NewTypeError(msg))
	}
	obj, err := ctor(nil, rt.ToValue(msg), rt.ToValue(name))
	if err != nil {
		panic(err)
	}
	panic(obj)
}

// BufferSource returns the bytes an ArrayBuffer, typed array or DataView
// covers, sharing its memory, and whether v was one. Callers check
// ArrayBuffer.isView(v) or that v is an ArrayBuffer first (a plain array
// would be copied, not shared). Loop-only.
func BufferSource(rt *goja.Runtime, v goja.Value) ([]byte, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	switch x := obj.Export().(type) {
	case goja.ArrayBuffer:
		return x.Bytes(), true
	case []byte: // Uint8Array, Uint8ClampedArray
		return x, true
	case []int8, []uint16, []int16, []uint32, []int32, []float32, []float64, []int64, []uint64:
		rv := reflect.ValueOf(x)
		if rv.Len() == 0 {
			return []byte{}, true
		}
		return unsafe.Slice((*byte)(rv.UnsafePointer()), rv.Len()*int(rv.Type().Elem().Size())), true
	}
	// A DataView exports as an object; ExportTo shares its bytes. (The JS
	// side has checked ArrayBuffer.isView: only DataViews get here.)
	var b []byte
	if err := rt.ExportTo(obj, &b); err == nil {
		return b, true
	}
	return nil, false
}

// EncodeUTF8 is UTF-8 encode of a JS value converted to a string, with lone
// surrogates as U+FFFD (goja's conversion to a Go string does that).
func EncodeUTF8(v goja.Value) []byte {
	return []byte(v.String())
}

// encodeInto runs the encodeInto() loop: whole scalar values while they
// fit, counting UTF-16 code units read and bytes written.
// https://encoding.spec.whatwg.org/#dom-textencoder-encodeinto
func encodeInto(s goja.String, dst []byte) (read, written int) {
	n := s.Length()
	for read < n {
		// 5.1–5.2. Read a scalar value (a lone surrogate is U+FFFD).
		c := rune(s.CharAt(read))
		units := 1
		if c >= 0xD800 && c <= 0xDBFF && read+1 < n {
			if d := rune(s.CharAt(read + 1)); d >= 0xDC00 && d <= 0xDFFF {
				c = 0x10000 + (c-0xD800)<<10 + (d - 0xDC00)
				units = 2
			}
		}
		if c >= 0xD800 && c <= 0xDFFF {
			c = utf8.RuneError
		}
		// 5.3. Write it only if all its bytes fit.
		size := utf8.RuneLen(c)
		if len(dst)-written < size {
			break
		}
		utf8.EncodeRune(dst[written:], c)
		written += size
		read += units
	}
	return read, written
}

// DecodeUTF8 is the Encoding Standard's "UTF-8 decode": a leading BOM is
// removed, then errors become U+FFFD (one per maximal subpart).
// https://encoding.spec.whatwg.org/#utf-8-decode
func DecodeUTF8(b []byte) string {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	return DecodeUTF8NoBOM(b)
}

// DecodeUTF8NoBOM is "UTF-8 decode without BOM".
func DecodeUTF8NoBOM(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var d utf8Decoder
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	d.decode(&sb, b, true, false)
	return sb.String()
}

// utf8Decoder is the UTF-8 decoder's state: what it has seen of the
// sequence in progress. https://encoding.spec.whatwg.org/#utf-8-decoder
type utf8Decoder struct {
	codePoint           rune
	bytesSeen, needed   int
	lowerBound, upperBd byte
}

// decode runs the decoder over b, writing to sb. With flush, an unfinished
// sequence at the end is an error. It reports false at the first error when
// fatal (sb then holds partial output).
func (d *utf8Decoder) decode(sb *strings.Builder, b []byte, flush, fatal bool) bool {
	if d.lowerBound == 0 {
		d.lowerBound, d.upperBd = 0x80, 0xBF
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		// 3. If bytes needed is 0, start a sequence:
		if d.needed == 0 {
			switch {
			case c <= 0x7F:
				sb.WriteByte(c)
			case c >= 0xC2 && c <= 0xDF:
				d.needed = 1
				d.codePoint = rune(c & 0x1F)
			case c >= 0xE0 && c <= 0xEF:
				if c == 0xE0 {
					d.lowerBound = 0xA0
				}
				if c == 0xED {
					d.upperBd = 0x9F
				}
				d.needed = 2
				d.codePoint = rune(c & 0xF)
			case c >= 0xF0 && c <= 0xF4:
				if c == 0xF0 {
					d.lowerBound = 0x90
				}
				if c == 0xF4 {
					d.upperBd = 0x8F
				}
				d.needed = 3
				d.codePoint = rune(c & 0x7)
			default:
				if fatal {
					return false
				}
				sb.WriteRune(utf8.RuneError)
			}
			continue
		}
		// 4. A byte outside the bounds ends the sequence in an error; the
		// byte is read again as the start of the next one.
		if c < d.lowerBound || c > d.upperBd {
			d.reset()
			if fatal {
				return false
			}
			sb.WriteRune(utf8.RuneError)
			i--
			continue
		}
		// 5–8. Accumulate; emit the code point when complete.
		d.lowerBound, d.upperBd = 0x80, 0xBF
		d.codePoint = d.codePoint<<6 | rune(c&0x3F)
		d.bytesSeen++
		if d.bytesSeen == d.needed {
			sb.WriteRune(d.codePoint)
			d.reset()
		}
	}
	// 1. At the end of the stream, an unfinished sequence is one error.
	if flush && d.needed != 0 {
		d.reset()
		if fatal {
			return false
		}
		sb.WriteRune(utf8.RuneError)
	}
	return true
}

func (d *utf8Decoder) reset() {
	*d = utf8Decoder{lowerBound: 0x80, upperBd: 0xBF}
}

// decoder is a TextDecoder's state: the encoding's decoder, and whether the
// BOM has been dealt with. https://encoding.spec.whatwg.org/#textdecoder
type decoder struct {
	rt        *goja.Runtime
	enc       int
	fatal     bool
	ignoreBOM bool

	doNotFlush bool
	bomSeen    bool
	u8         utf8Decoder
	// UTF-16: a lead byte and a lead surrogate in waiting (-1: none).
	leadByte, leadSurrogate int
}

// decode is TextDecoder.decode(input, {stream}). It returns false when
// fatal and the input is malformed.
func (d *decoder) decode(in []byte, stream bool) (goja.Value, bool) {
	// 1. If do not flush is false, set the decoder to a new instance and
	// BOM seen to false.
	if !d.doNotFlush {
		d.u8.reset()
		d.leadByte, d.leadSurrogate = -1, -1
		d.bomSeen = false
	}
	// 2. Set do not flush to options["stream"].
	d.doNotFlush = stream
	flush := !stream
	// 3–5. Process the input; at the end of the stream (not streaming),
	// flush the decoder.
	var out goja.Value
	ok := true
	switch d.enc {
	case encUTF8:
		if d.u8.needed == 0 && utf8.Valid(in) {
			out = d.serialize(string(in))
			break
		}
		var sb strings.Builder
		sb.Grow(len(in) + 4)
		ok = d.u8.decode(&sb, in, flush, d.fatal)
		out = d.serialize(sb.String())
	case encUTF16LE, encUTF16BE:
		var units []uint16
		units, ok = d.utf16(in, flush)
		out = d.serializeUTF16(units)
	case encWindows1252:
		out = goja.StringFromUTF16(decodeWindows1252(in))
	}
	if !ok {
		// A fatal error ends the stream: the next call starts afresh.
		d.doNotFlush = false
		return nil, false
	}
	return out, true
}

// serialize is "serialize I/O queue": the first U+FEFF of the stream goes,
// unless ignoreBOM. https://encoding.spec.whatwg.org/#concept-td-serialize
func (d *decoder) serialize(s string) goja.Value {
	if !d.ignoreBOM && !d.bomSeen && s != "" {
		d.bomSeen = true
		s = strings.TrimPrefix(s, "\uFEFF")
	}
	return d.rt.ToValue(s)
}

func (d *decoder) serializeUTF16(units []uint16) goja.Value {
	if !d.ignoreBOM && !d.bomSeen && len(units) > 0 {
		d.bomSeen = true
		if units[0] == 0xFEFF {
			units = units[1:]
		}
	}
	return goja.StringFromUTF16(units)
}

// utf16 is the shared UTF-16 decoder over in.
// https://encoding.spec.whatwg.org/#shared-utf-16-decoder
func (d *decoder) utf16(in []byte, flush bool) ([]uint16, bool) {
	out := make([]uint16, 0, len(in)/2+1)
	for _, c := range in {
		// 3. Keep a lead byte.
		if d.leadByte < 0 {
			d.leadByte = int(c)
			continue
		}
		// 4. Combine it with this byte into a code unit.
		var unit int
		if d.enc == encUTF16BE {
			unit = d.leadByte<<8 | int(c)
		} else {
			unit = int(c)<<8 | d.leadByte
		}
		d.leadByte = -1
		// 5. After a lead surrogate, a trail completes the pair; anything
		// else is an error and is read again.
		if d.leadSurrogate >= 0 {
			lead := d.leadSurrogate
			d.leadSurrogate = -1
			if unit >= 0xDC00 && unit <= 0xDFFF {
				out = append(out, uint16(lead), uint16(unit))
				continue
			}
			if d.fatal {
				return out, false
			}
			out = append(out, 0xFFFD)
		}
		switch {
		case unit >= 0xD800 && unit <= 0xDBFF: // 6. a lead surrogate waits
			d.leadSurrogate = unit
		case unit >= 0xDC00 && unit <= 0xDFFF: // 7. a lone trail is an error
			if d.fatal {
				return out, false
			}
			out = append(out, 0xFFFD)
		default: // 8.
			out = append(out, uint16(unit))
		}
	}
	// 1. At the end of the stream, a byte or surrogate in waiting is an error.
	if flush && (d.leadByte >= 0 || d.leadSurrogate >= 0) {
		d.leadByte, d.leadSurrogate = -1, -1
		if d.fatal {
			return out, false
		}
		out = append(out, 0xFFFD)
	}
	return out, true
}

// windows1252 is index-windows-1252 for 0x80–0x9F; every other byte is its
// own code point. https://encoding.spec.whatwg.org/index-windows-1252.txt
var windows1252 = [32]uint16{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}

// decodeWindows1252 is the single-byte decoder for windows-1252, which maps
// every byte, so it has no errors.
// https://encoding.spec.whatwg.org/#single-byte-decoder
func decodeWindows1252(in []byte) []uint16 {
	out := make([]uint16, len(in))
	for i, c := range in {
		if c >= 0x80 && c <= 0x9F {
			out[i] = windows1252[c-0x80]
		} else {
			out[i] = uint16(c)
		}
	}
	return out
}

// forgivingBase64Decode: https://infra.spec.whatwg.org/#forgiving-base64-decode
func forgivingBase64Decode(s string) ([]byte, bool) {
	// 1. Remove all ASCII whitespace from data.
	if strings.ContainsAny(s, " \t\n\f\r") {
		s = strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\t', '\n', '\f', '\r':
				return -1
			}
			return r
		}, s)
	}
	// 2. If data's length divides by 4 leaving no remainder: if data ends
	// with one or two '=', remove them.
	if len(s)%4 == 0 {
		if strings.HasSuffix(s, "==") {
			s = s[:len(s)-2]
		} else if strings.HasSuffix(s, "=") {
			s = s[:len(s)-1]
		}
	}
	// 3. If data's length divides by 4 leaving a remainder of 1, failure.
	if len(s)%4 == 1 {
		return nil, false
	}
	// 4. If data contains a code point that is not '+', '/' or ASCII
	// alphanumeric, failure.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '+' || c == '/' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return nil, false
		}
	}
	// 5–9. Decode; leftover bits of a final partial group are discarded,
	// whatever their value (hence no Strict()).
	out, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		return nil, false
	}
	return out, true
}

// isomorphicDecode makes each byte a code unit.
// https://infra.spec.whatwg.org/#isomorphic-decode
func isomorphicDecode(b []byte) goja.Value {
	u := make([]uint16, len(b))
	for i, c := range b {
		u[i] = uint16(c)
	}
	return goja.StringFromUTF16(u)
}
