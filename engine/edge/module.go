package edge

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

// Modules: a route made of separately compiled modules.
//
// A bundle per route (Compile) makes every route parse and compile its own
// copy of every library it imports, and a save of a shared file compile
// them all again. A route built as modules instead (NewModuleScript) is a
// set of *Module values, each compiled once however many routes and
// isolates load it: the project's build graph (engine/graph) hands the same
// *Module to every route whose closure contains it and makes a new one only
// when its file changes. Each isolate still evaluates its own instance of
// every module, so module state stays per route and per isolate, as on the
// platform.
//
// A module's code is CommonJS wrapped in a function expression,
// `(function (exports, require, module) { … })`, with its inline source
// map. require is called with module IDs (the build graph writes resolved
// IDs into the code, never specifiers), so one loader per isolate serves
// every module of the route: an ID the route's set does not hold throws,
// as esbuild's bundles do for a dynamic require.

// ModuleWrapperStart and ModuleWrapperEnd enclose a module's code.
const (
	ModuleWrapperStart = "(function (exports, require, module) {"
	ModuleWrapperEnd   = "\n})"
)

// Module is one compiled module. Immutable and shared: goroutine-safe.
type Module struct {
	ID   string // what require() is called with
	File string // project-relative source ("lib/shared.ts"), or the vendor chunk's name
	// Unwrap: require returns exports.default, the module.exports of a
	// CommonJS package that reached the runtime through an ESM chunk.
	Unwrap bool
	// Size is the code's length in bytes, for the engine's memory account.
	Size int
	// DynamicCode lists eval/new Function uses in the module, at their
	// source positions.
	DynamicCode diag.List

	prog *goja.Program
}

// CompileModule parses and compiles one module's wrapped CommonJS code.
// Errors are diag messages at file.
func CompileModule(id, file string, code string) (*Module, error) {
	if !strings.HasPrefix(code, ModuleWrapperStart) {
		return nil, fmt.Errorf("edge: module %s is not wrapped in %q", id, ModuleWrapperStart)
	}
	ast, err := goja.Parse(bundleFileName, code, webapi.NoFileSourceMaps)
	if err != nil {
		if fixed, ok := quoteClassFieldKeywords(code); ok {
			code = fixed
			ast, err = goja.Parse(bundleFileName, code, webapi.NoFileSourceMaps)
		}
	}
	if err != nil {
		return nil, diag.Errorf(diag.IDBuild, "the edge runtime cannot parse %s: %s", file, firstLine(err.Error())).At(file, 0, 0)
	}
	prog, err := goja.CompileAST(ast, true)
	if err != nil {
		return nil, diag.Errorf(diag.IDBuild, "the edge runtime cannot compile %s: %s", file, firstLine(err.Error())).At(file, 0, 0)
	}
	return &Module{ID: id, File: file, Size: len(code), DynamicCode: dynamicCode(ast, code), prog: prog}, nil
}

// NewModuleScript makes a route from modules: entry's exports are the
// route's (default: the handler, config). mods holds every module the
// entry can load, by ID; it is not copied and must not change afterwards.
func NewModuleScript(file, page string, buildID int, entry string, mods map[string]*Module) (*Script, error) {
	if mods[entry] == nil {
		return nil, fmt.Errorf("edge: the entry module %s of %s is not in its module set", entry, file)
	}
	sc := &Script{File: file, Page: page, BuildID: buildID, entry: entry, modules: mods}
	seen := map[string]bool{}
	for _, m := range mods {
		for _, d := range m.DynamicCode {
			if k := d.String(); !seen[k] {
				seen[k] = true
				sc.DynamicCode = append(sc.DynamicCode, d)
			}
		}
	}
	sc.DynamicCode.Sort()
	return sc, nil
}

// Modules returns the route's modules by ID (nil for a bundled route).
func (s *Script) Modules() map[string]*Module { return s.modules }

// loadModules runs the route's entry module in rt and returns its
// exports. Loop-only, during set-up.
func (iso *isolate) loadModules(rt *goja.Runtime, makeLoader goja.Callable) (goja.Value, error) {
	sc := iso.gen.script
	moduleFn := func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).String()
		m := sc.modules[id]
		if m == nil {
			panic(rt.NewTypeError(fmt.Sprintf("Dynamic require of %q is not supported", id)))
		}
		fn, err := rt.RunProgram(m.prog)
		if err != nil {
			panic(err) // an interrupt: goja carries it on up
		}
		return rt.NewArray(fn, m.Unwrap)
	}
	load, err := makeLoader(goja.Undefined(), rt.ToValue(moduleFn))
	if err != nil {
		return nil, err
	}
	loadFn, ok := goja.AssertFunction(load)
	if !ok {
		return nil, fmt.Errorf("edge: the module loader is not a function")
	}
	return loadFn(goja.Undefined(), rt.ToValue(sc.entry))
}
