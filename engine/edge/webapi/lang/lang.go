// Package lang fills the gaps between goja and the V8 the edge platform
// runs: ECMAScript built-ins that goja lacks (Promise.withResolvers,
// Promise.try, Object.groupBy, Map.groupBy, Array.fromAsync,
// String.prototype.isWellFormed/toWellFormed, the Iterator helpers) and V8's
// Error.captureStackTrace and Error.stackTraceLimit, which many libraries
// call. Each is defined only when goja does not have it, non-enumerable
// like the built-ins; probe_test.go lists what goja has itself.
//
// [ECMAScript]: https://tc39.es/ecma262/
// [V8 stack trace API]: https://v8.dev/docs/stack-trace-api
package lang

import (
	_ "embed"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	"github.com/edgeplay/edgeplay/engine/internal/uprops"
)

//go:embed lang.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:   "lang",
		Order:  -10, // before everything: other APIs may use what it defines
		Spec:   "https://tc39.es/ecma262/",
		JS:     source,
		Native: natives,
	})
}

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	return map[string]any{
		// rewriteUnicodeProps(source) -> [source, badProperty, kind]: see
		// uprops.Rewrite and the RegExp wrapper in lang.js.
		"rewriteUnicodeProps": func(src string) []any {
			out, bad, kind := uprops.Rewrite(src)
			return []any{out, bad, kind}
		},
		// stackFrames(limit, fn, fnName) -> the V8-style "\n    at …" lines
		// of the current JS stack, below the caller of
		// Error.captureStackTrace (and below fn's topmost call, if given).
		"stackFrames": func(call goja.FunctionCall) goja.Value {
			limit := 10
			if l := call.Argument(0); !goja.IsUndefined(l) {
				f := l.ToFloat()
				switch {
				case math.IsNaN(f) || f < 0:
					limit = 0
				case f > 1e6:
					limit = 1 << 30
				default:
					limit = int(f)
				}
			}
			var skip *skipFunc
			if fn := call.Argument(1); !goja.IsUndefined(fn) {
				skip = &skipFunc{prg: funcProgram(fn), name: call.Argument(2).String()}
			}
			return rt.ToValue(formatFrames(rt.CaptureCallStack(0, nil), limit, skip))
		},
	}
}

// skipFunc is the constructorOpt of Error.captureStackTrace: its compiled
// program when goja's internals could be read, else its name.
type skipFunc struct {
	prg  uintptr
	name string
}

// funcProgram returns the identity of a JS function's compiled body (the
// *goja.Program every frame of a call to it carries), or 0 for natives,
// bound functions and anything else. goja does not export it, so it is read
// by reflection; TestFuncProgram fails if a goja upgrade moves it.
func funcProgram(v goja.Value) uintptr {
	o, ok := v.(*goja.Object)
	if !ok || o == nil {
		return 0
	}
	self := reflect.ValueOf(o).Elem().FieldByName("self")
	if !self.IsValid() || self.Kind() != reflect.Interface || self.IsNil() {
		return 0
	}
	impl := self.Elem()
	if impl.Kind() != reflect.Pointer || impl.IsNil() || impl.Elem().Kind() != reflect.Struct {
		return 0
	}
	prg := impl.Elem().FieldByName("prg")
	if !prg.IsValid() || prg.Kind() != reflect.Pointer {
		return 0
	}
	return prg.Pointer()
}

// frameProgram is funcProgram for a stack frame.
func frameProgram(f *goja.StackFrame) uintptr {
	prg := reflect.ValueOf(f).Elem().FieldByName("prg")
	if !prg.IsValid() || prg.Kind() != reflect.Pointer {
		return 0
	}
	return prg.Pointer()
}

// formatFrames writes frames as V8 does ("\n    at name (file:line:col)",
// "\n    at file:line:col" for anonymous code). The first frames are the
// native stackFrames and the JS Error.captureStackTrace that calls it; they
// are dropped. With skip, every frame up to and including the topmost call
// of that function is dropped too, and no frame at all is written when
// there is no such call (as V8 does when fn is not on the stack).
func formatFrames(frames []goja.StackFrame, limit int, skip *skipFunc) string {
	// frames[0] is stackFrames, frames[1] the JS captureStackTrace.
	start := 0
	for start < len(frames) && start < 2 {
		start++
	}
	if skip != nil {
		found := -1
		for i := start; i < len(frames); i++ {
			if skip.prg != 0 && frameProgram(&frames[i]) == skip.prg || skip.prg == 0 && frames[i].FuncName() == skip.name {
				found = i
				break
			}
		}
		if found < 0 {
			if skip.prg != 0 {
				return "" // fn is surely not on the stack
			}
			// fn's identity is unknown (a class with an implicit
			// constructor, a bound function): keep the frames rather
			// than lose them all.
			found = start - 1
		}
		start = found + 1
	}
	var b strings.Builder
	n := 0
	for i := start; i < len(frames) && n < limit; i++ {
		f := &frames[i]
		name := f.FuncName()
		b.WriteString("\n    at ")
		if f.SrcName() == "<native>" {
			if name == "<native>" {
				name = "<anonymous>"
			}
			b.WriteString(name)
			b.WriteString(" (<anonymous>)")
			n++
			continue
		}
		p := f.Position()
		file := p.Filename
		if file == "" {
			file = f.SrcName()
		}
		loc := file + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
		if name == "<anonymous>" || name == "" {
			b.WriteString(loc)
		} else {
			b.WriteString(name)
			b.WriteString(" (")
			b.WriteString(loc)
			b.WriteString(")")
		}
		n++
	}
	return b.String()
}
