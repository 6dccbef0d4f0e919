// Package encoding installs TextEncoder, TextDecoder (UTF-8), atob and btoa,
// with the byte work in Go.
//
// [Encoding]: https://encoding.spec.whatwg.org/
// [Forgiving base64]: https://infra.spec.whatwg.org/#forgiving-base64-decode
package encoding

import (
	_ "embed"
	"encoding/base64"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed encoding.js
var source string

func init() {
	webapi.Register(webapi.API{Name: "encoding", Order: 15, Spec: "https://encoding.spec.whatwg.org/", JS: source, Native: natives})
}

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	return map[string]any{
		// encode: a JS string to UTF-8 bytes (lone surrogates become U+FFFD).
		"encode": func(call goja.FunctionCall) goja.Value {
			return webapi.NewUint8Array(rt, []byte(call.Argument(0).String()))
		},
		// decode(bytes, fatal, ignoreBOM, stream) -> [text, consumed]
		"decode": func(call goja.FunctionCall) goja.Value {
			b, ok := webapi.Bytes(rt, call.Argument(0))
			if !ok {
				webapi.Throw(rt, "TypeError", "The provided value is not of type '(ArrayBuffer or ArrayBufferView)'")
			}
			fatal, ignoreBOM, stream := call.Argument(1).ToBoolean(), call.Argument(2).ToBoolean(), call.Argument(3).ToBoolean()
			n := len(b)
			if stream {
				n = completePrefix(b)
			}
			in := b[:n]
			if !ignoreBOM && len(in) >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF {
				in = in[3:]
			}
			if fatal && !utf8.Valid(in) {
				webapi.Throw(rt, "TypeError", "The encoded data was not valid for encoding utf-8")
			}
			return rt.NewArray(decodeUTF8(in), n)
		},
		"atob": func(call goja.FunctionCall) goja.Value {
			s := strings.Map(func(r rune) rune {
				if r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' {
					return -1
				}
				return r
			}, call.Argument(0).String())
			if len(s)%4 == 0 {
				s = strings.TrimSuffix(strings.TrimSuffix(s, "="), "=")
			}
			if len(s)%4 == 1 || strings.ContainsAny(s, "=") {
				throwDOM(rt, "The string to be decoded is not correctly encoded.", "InvalidCharacterError")
			}
			out, err := base64.RawStdEncoding.Strict().DecodeString(s)
			if err != nil {
				// Non-zero trailing bits are allowed by forgiving base64.
				out, err = base64.RawStdEncoding.DecodeString(s)
				if err != nil {
					throwDOM(rt, "The string to be decoded is not correctly encoded.", "InvalidCharacterError")
				}
			}
			u := make([]uint16, len(out))
			for i, c := range out {
				u[i] = uint16(c)
			}
			return rt.ToValue(string(utf16.Decode(u)))
		},
		"btoa": func(call goja.FunctionCall) goja.Value {
			s := call.Argument(0).String()
			b := make([]byte, 0, len(s))
			for _, r := range s {
				if r > 0xFF {
					throwDOM(rt, "The string to be encoded contains characters outside of the Latin1 range.", "InvalidCharacterError")
				}
				b = append(b, byte(r))
			}
			return rt.ToValue(base64.StdEncoding.EncodeToString(b))
		},
	}
}

func throwDOM(rt *goja.Runtime, msg, name string) {
	ctor, _ := goja.AssertConstructor(rt.Get("DOMException"))
	obj, err := ctor(nil, rt.ToValue(msg), rt.ToValue(name))
	if err != nil {
		panic(err)
	}
	panic(obj)
}

// completePrefix returns how many bytes end on a complete UTF-8 sequence
// (or on an invalid byte, which decodes now), keeping a trailing partial
// sequence for the next call.
func completePrefix(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		c := b[i]
		if c < 0x80 {
			return len(b)
		}
		if c >= 0xC0 {
			need := 2
			if c >= 0xF0 {
				need = 4
			} else if c >= 0xE0 {
				need = 3
			}
			if len(b)-i < need && utf8.FullRune(b[i:]) == false {
				return i
			}
			return len(b)
		}
	}
	return len(b)
}

// decodeUTF8 decodes with U+FFFD for each maximal invalid subpart, as the
// Encoding Standard's UTF-8 decoder does.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			sb.WriteRune(utf8.RuneError)
			b = b[max(n, 1):]
			continue
		}
		sb.WriteRune(r)
		b = b[n:]
	}
	return sb.String()
}
