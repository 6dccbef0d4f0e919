// Package crypto installs the global `crypto` (a Crypto) with
// getRandomValues and randomUUID, whose randomness comes from Go's
// crypto/rand, and crypto.subtle (a SubtleCrypto) whose algorithms are
// Go's crypto packages. CryptoKey and SubtleCrypto are interfaces with no
// constructor.
//
// subtle.js converts arguments and normalizes algorithms as WebIDL and
// the spec's generic method steps say; subtle.go and the per-family files
// (hmac.go, aes.go, rsa.go, ec.go, okp.go, kdf.go, jwk.go) run the
// algorithm-specific steps.
//
// [Web Crypto]: https://w3c.github.io/webcrypto/
package crypto

import (
	"crypto/rand"
	_ "embed"
	"reflect"
	"unsafe"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed crypto.js
var cryptoJS string

//go:embed subtle.js
var subtleJS string

func init() {
	webapi.Register(webapi.API{
		Name:   "crypto",
		Order:  30,
		Spec:   "https://w3c.github.io/webcrypto/#crypto-interface",
		JS:     cryptoJS + "\n" + subtleJS,
		Native: natives,
	})
}

// maxRandomBytes is the most getRandomValues fills in one call.
const maxRandomBytes = 65536

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	m := map[string]any{
		// getRandomValues(view) fills an integer typed array in place and
		// returns it. The JS side has checked ArrayBuffer.isView.
		// https://w3c.github.io/webcrypto/#Crypto-method-getRandomValues
		"getRandomValues": func(call goja.FunctionCall) goja.Value {
			arr := call.Argument(0)
			// 1. If array is not an integer typed array, throw a
			// TypeMismatchError.
			b, ok := integerArrayBytes(arr)
			if !ok {
				throwDOM(rt, "The provided ArrayBufferView is of type '"+viewName(rt, arr)+"', which is not an integer array type.", "TypeMismatchError")
			}
			// 2. If its byteLength is greater than 65536, throw a
			// QuotaExceededError.
			if len(b) > maxRandomBytes {
				throwDOM(rt, "The ArrayBufferView's byte length ("+itoa(len(b))+") exceeds the number of bytes of entropy available via this API (65536).", "QuotaExceededError")
			}
			// 3. Overwrite all elements with random values.
			_, _ = rand.Read(b)
			// 4. Return array.
			return arr
		},
		// randomUUID() -> a version 4 UUID, lowercase.
		// https://w3c.github.io/webcrypto/#Crypto-method-randomUUID
		"randomUUID": func(goja.FunctionCall) goja.Value {
			return rt.ToValue(randomUUID())
		},
	}
	subtleNatives(h, m)
	return m
}

// integerArrayBytes returns the bytes of an integer typed array, sharing
// its memory (goja exports a typed array as a slice over its buffer).
func integerArrayBytes(v goja.Value) ([]byte, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	switch x := obj.Export().(type) {
	case []byte: // Uint8Array, Uint8ClampedArray
		return x, true
	case []int8, []int16, []uint16, []int32, []uint32, []int64, []uint64:
		rv := reflect.ValueOf(x)
		if rv.Len() == 0 {
			return []byte{}, true
		}
		return unsafe.Slice((*byte)(rv.UnsafePointer()), rv.Len()*int(rv.Type().Elem().Size())), true
	}
	return nil, false
}

// viewName is the view's type name for messages (its constructor's name).
func viewName(rt *goja.Runtime, v goja.Value) string {
	if obj, ok := v.(*goja.Object); ok {
		if c, ok := obj.Get("constructor").(*goja.Object); ok {
			if n := c.Get("name"); n != nil && !goja.IsUndefined(n) {
				return n.String()
			}
		}
	}
	return "ArrayBufferView"
}

// randomUUID generates a random UUID (RFC 9562 version 4).
// https://w3c.github.io/webcrypto/#dfn-generate-a-random-uuid
func randomUUID() string {
	// 1–2. 16 random bytes.
	var b [16]byte
	_, _ = rand.Read(b[:])
	// 3. Version 4: the high nibble of byte 6 is 0100.
	b[6] = b[6]&0x0F | 0x40
	// 4. Variant: the two high bits of byte 8 are 10.
	b[8] = b[8]&0x3F | 0x80
	// 5. Lowercase hex, dashed 8-4-4-4-12.
	const hex = "0123456789abcdef"
	var out [36]byte
	j := 0
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out[j] = '-'
			j++
		}
		out[j] = hex[c>>4]
		out[j+1] = hex[c&15]
		j += 2
	}
	return string(out[:])
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
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
