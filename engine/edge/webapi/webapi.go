package webapi

import (
	"fmt"
	"sort"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
)

// API is one Web API (or a small group that shares internals).
type API struct {
	Name  string // folder name, used in stack traces as edgeplay:webapi/<name>.js
	Order int    // set-up order: lower first; an API may use what lower ones defined
	Spec  string // the specification it follows
	JS    string // body of function (native, internals, global)
	// Native returns the Go functions this API's JS sees as `native.*`.
	// It runs once per isolate, on the loop.
	Native func(h *Host) map[string]any
}

// Host is what an isolate offers its Web APIs. Fields are read on the loop.
type Host struct {
	Loop *eventloop.Loop
	// Env is process.env as the route sees it.
	Env map[string]string
	// Console receives each console call, formatted. Called on the loop.
	Console func(level, text string)
	// Internals is the shared internals object, set by Install.
	Internals *goja.Object
	// Values is free for APIs to keep per-isolate Go state by name.
	Values map[string]any

	guard *guard // set by Install
}

var (
	mu         sync.Mutex
	registry   []API
	compiled   []compiledAPI
	once       sync.Once
	errCompile error
)

type compiledAPI struct {
	api  API
	prog *goja.Program
}

// Register adds an API. Call it from init.
func Register(a API) {
	mu.Lock()
	defer mu.Unlock()
	if compiled != nil {
		panic("webapi: Register after Install: " + a.Name)
	}
	registry = append(registry, a)
}

// APIs returns the registered APIs in set-up order.
func APIs() []API {
	mu.Lock()
	defer mu.Unlock()
	out := append([]API(nil), registry...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

// NoFileSourceMaps is the parser option for every program edgeplay runs:
// source maps come only from inline data URLs (handled by the parser
// itself); anything else would read a host file.
var NoFileSourceMaps = parser.WithSourceMapLoader(func(path string) ([]byte, error) {
	return nil, fmt.Errorf("source map %q refused: only inline data: URLs are read", path)
})

// Compile compiles every registered API once per process.
func Compile() error {
	once.Do(func() {
		apis := APIs()
		out := make([]compiledAPI, 0, len(apis))
		for _, a := range apis {
			name := "edgeplay:webapi/" + a.Name + ".js"
			src := "(function (native, internals, global) {\"use strict\";\n" + a.JS + "\n})"
			ast, err := goja.Parse(name, src, NoFileSourceMaps)
			if err != nil {
				errCompile = fmt.Errorf("webapi %s: %w", a.Name, err)
				return
			}
			prog, err := goja.CompileAST(ast, true)
			if err != nil {
				errCompile = fmt.Errorf("webapi %s: %w", a.Name, err)
				return
			}
			out = append(out, compiledAPI{api: a, prog: prog})
		}
		mu.Lock()
		compiled = out
		mu.Unlock()
	})
	return errCompile
}

// Install runs every API's set-up in h.Loop's runtime. Loop-only. It
// returns the internals object, where APIs leave the functions the engine
// calls (dispatch, …).
func Install(h *Host) (*goja.Object, error) {
	if err := Compile(); err != nil {
		return nil, err
	}
	rt := h.Loop.Runtime()
	rt.SetParserOptions(NoFileSourceMaps)
	if h.Values == nil {
		h.Values = map[string]any{}
	}
	g, err := newGuard(h)
	if err != nil {
		return nil, fmt.Errorf("webapi: %w", err)
	}
	h.guard = g
	internals := rt.NewObject()
	h.Internals = internals
	global := rt.GlobalObject()
	for _, c := range compiled {
		fnv, err := rt.RunProgram(c.prog)
		if err != nil {
			return nil, fmt.Errorf("webapi %s: %w", c.api.Name, err)
		}
		fn, ok := goja.AssertFunction(fnv)
		if !ok {
			return nil, fmt.Errorf("webapi %s: set-up is not a function", c.api.Name)
		}
		native := rt.NewObject()
		if c.api.Native != nil {
			for k, v := range c.api.Native(h) {
				// Every native is guarded: a Go panic in it becomes a JS
				// Error at the call site (see guard.go).
				if err := native.Set(k, g.wrap(c.api.Name+"."+k, v)); err != nil {
					return nil, fmt.Errorf("webapi %s: native %s: %w", c.api.Name, k, err)
				}
			}
		}
		if _, err := fn(goja.Undefined(), native, internals, global); err != nil {
			return nil, fmt.Errorf("webapi %s: %w", c.api.Name, err)
		}
	}
	return internals, nil
}

// Throw panics with a JS error of the given constructor (TypeError, …) so
// that a Go native called from JS throws it. The constructor is looked up on
// the global object, so it is the one routes see.
func Throw(rt *goja.Runtime, ctor, msg string) {
	c, ok := goja.AssertConstructor(rt.Get(ctor))
	if !ok {
		panic(rt.NewGoError(fmt.Errorf("%s: %s", ctor, msg)))
	}
	obj, err := c(nil, rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(obj)
}
