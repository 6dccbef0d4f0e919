// Package clone installs structuredClone: the HTML Standard's structured
// serialize and deserialize, run as one pass (nothing the route can observe
// happens between the two), for the types the runtime has.
//
// The type tests that need internal slots — is this a Map, a Boolean
// wrapper, a Proxy, a typed array? — are made in Go, where goja knows; the
// walk itself is JS. Transferred ArrayBuffers move their bytes to the clone
// and are detached once the whole value has been cloned.
//
// [Structured clone]: https://html.spec.whatwg.org/multipage/structured-data.html#safe-passing-of-structured-data
package clone

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed clone.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:   "clone",
		Order:  12,
		Spec:   "https://html.spec.whatwg.org/multipage/structured-data.html#structured-cloning",
		JS:     source,
		Native: natives,
	})
}

// Kinds of object, by internal slots; clone.js mirrors them.
const (
	kindObject      = iota // ordinary (or a DataView, or a platform object: clone.js tells)
	kindArray              // [[ArrayLength]] exotic
	kindBoolean            // [[BooleanData]]
	kindNumber             // [[NumberData]]
	kindBigInt             // [[BigIntData]]
	kindString             // [[StringData]]
	kindDate               // [[DateValue]]
	kindRegExp             // [[RegExpMatcher]]
	kindArrayBuffer        // [[ArrayBufferData]]
	kindTypedArray         // [[TypedArrayName]]
	kindMap                // [[MapData]]
	kindSet                // [[SetData]]
	kindError              // [[ErrorData]]
	kindUncloneable        // functions, symbols wrappers, proxies, promises…
)

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	return map[string]any{
		// kind(object) -> one of the kinds above.
		"kind": func(call goja.FunctionCall) goja.Value {
			o, ok := call.Argument(0).(*goja.Object)
			if !ok {
				return rt.ToValue(kindUncloneable)
			}
			return rt.ToValue(kind(o))
		},
		// transfer(arrayBuffer) -> a new ArrayBuffer over the same bytes
		// (the caller detaches the original when the clone is done).
		"transfer": func(call goja.FunctionCall) goja.Value {
			ab, ok := call.Argument(0).Export().(goja.ArrayBuffer)
			if !ok || ab.Detached() {
				webapi.Throw(rt, "TypeError", "not a transferable ArrayBuffer")
			}
			return rt.ToValue(rt.NewArrayBuffer(ab.Bytes()))
		},
		"detach": func(call goja.FunctionCall) goja.Value {
			if ab, ok := call.Argument(0).Export().(goja.ArrayBuffer); ok {
				ab.Detach()
			}
			return goja.Undefined()
		},
		"isDetached": func(call goja.FunctionCall) goja.Value {
			ab, ok := call.Argument(0).Export().(goja.ArrayBuffer)
			return rt.ToValue(ok && ab.Detached())
		},
	}
}

// kind classifies o by what goja knows of it: its class and the Go type it
// exports as (ExportType does not export, so it is cheap).
func kind(o *goja.Object) int {
	switch o.ClassName() {
	case "Array":
		return kindArray
	case "Boolean":
		return kindBoolean
	case "Number":
		return kindNumber
	case "String":
		return kindString
	case "Date":
		return kindDate
	case "RegExp":
		return kindRegExp
	case "Error":
		return kindError
	case "Function", "AsyncFunction", "GeneratorFunction", "AsyncGeneratorFunction":
		return kindUncloneable
	}
	t := o.ExportType()
	if t == nil {
		return kindObject
	}
	switch t {
	case typeArrayBuffer:
		return kindArrayBuffer
	case typeBigInt:
		return kindBigInt
	case typeMapData:
		return kindMap
	case typeSetData:
		return kindSet
	case typeProxy, typePromise, typeString: // a Symbol wrapper exports as a string
		return kindUncloneable
	}
	for _, ta := range typedArrayTypes {
		if t == ta {
			return kindTypedArray
		}
	}
	return kindObject
}
