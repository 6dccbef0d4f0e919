package clone

import (
	"math/big"
	"reflect"

	"github.com/dop251/goja"
)

// The Go types goja objects export as, for kind.
var (
	typeArrayBuffer = reflect.TypeOf(goja.ArrayBuffer{})
	typeBigInt      = reflect.TypeOf((*big.Int)(nil))
	typeMapData     = reflect.TypeOf([][2]any(nil))
	typeSetData     = reflect.TypeOf([]any(nil))
	typeProxy       = reflect.TypeOf(goja.Proxy{})
	typePromise     = reflect.TypeOf((*goja.Promise)(nil))
	typeString      = reflect.TypeOf("")

	typedArrayTypes = []reflect.Type{
		reflect.TypeOf([]byte(nil)), reflect.TypeOf([]int8(nil)), reflect.TypeOf([]uint16(nil)), reflect.TypeOf([]int16(nil)),
		reflect.TypeOf([]uint32(nil)), reflect.TypeOf([]int32(nil)), reflect.TypeOf([]float32(nil)), reflect.TypeOf([]float64(nil)),
		reflect.TypeOf([]int64(nil)), reflect.TypeOf([]uint64(nil)),
	}
)
