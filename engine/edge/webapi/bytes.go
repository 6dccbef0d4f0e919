package webapi

import (
	"github.com/dop251/goja"
)

// NewUint8Array returns a Uint8Array over a new ArrayBuffer that holds b
// (b is not copied: the caller hands it over). Loop-only.
func NewUint8Array(rt *goja.Runtime, b []byte) goja.Value {
	ctor, ok := goja.AssertConstructor(rt.Get("Uint8Array"))
	if !ok {
		panic(rt.NewTypeError("Uint8Array is not a constructor"))
	}
	v, err := ctor(nil, rt.ToValue(rt.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return v
}

// Bytes returns the bytes a BufferSource (ArrayBuffer, typed array or
// DataView) covers, sharing its memory, and whether v was one. Loop-only.
func Bytes(rt *goja.Runtime, v goja.Value) ([]byte, bool) {
	if ab, ok := v.Export().(goja.ArrayBuffer); ok {
		return ab.Bytes(), true
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	buf, ok := obj.Get("buffer").Export().(goja.ArrayBuffer)
	if !ok {
		return nil, false
	}
	off := int(obj.Get("byteOffset").ToInteger())
	n := int(obj.Get("byteLength").ToInteger())
	b := buf.Bytes()
	if off < 0 || n < 0 || off+n > len(b) {
		return nil, false
	}
	return b[off : off+n], true
}
