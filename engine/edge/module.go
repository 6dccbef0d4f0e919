package edge

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/diag"
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
	// DynamicCode lists eval/new Function uses in the module, at their
	// source positions.
	DynamicCode diag.List

	program *program
}

// CompileModule parses and compiles one module's wrapped CommonJS code.
// Errors are diag messages at file.
func CompileModule(id, file string, code string) (*Module, error) {
	if !strings.HasPrefix(code, ModuleWrapperStart) {
		return nil, fmt.Errorf("edge: module %s is not wrapped in %q", id, ModuleWrapperStart)
	}
	prog, dyn, err := parseProgram(file, file, code)
	if err != nil {
		return nil, err
	}
	return &Module{ID: id, File: file, DynamicCode: dyn, program: prog}, nil
}

// NewModuleScript makes a route from modules: entry's exports are the
// route's (default: the handler, config). mods holds every module the
// entry can load, by ID; it is not copied and must not change afterwards.
func NewModuleScript(file, page string, buildID int, entry string, mods map[string]*Module) (*Script, error) {
	if mods[entry] == nil {
		return nil, fmt.Errorf("edge: the entry module %s of %s is not in its module set", entry, file)
	}
	sc := &Script{File: file, Page: page, BuildID: buildID, entry: entry, modules: mods}
	for _, m := range mods {
		sc.DynamicCode = diag.Union(sc.DynamicCode, m.DynamicCode)
	}
	sc.DynamicCode.Sort()
	return sc, nil
}

// loadModules runs the route's entry module in rt and returns its
// exports. Loop-only, during set-up.
func (iso *isolate) loadModules(rt *goja.Runtime, makeLoader goja.Callable) (goja.Value, error) {
	moduleFn := func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).String()
		// The modules of the generation the isolate serves now: after a
		// rebuild (Adopt), the new build's.
		m := iso.gen().script.modules[id]
		if m == nil {
			panic(rt.NewTypeError(fmt.Sprintf("Dynamic require of %q is not supported", id)))
		}
		prog, err := m.program.compiled()
		if err != nil {
			panic(rt.NewGoError(err))
		}
		fn, err := rt.RunProgram(prog)
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
	iso.load = load.(*goja.Object)
	return loadFn(goja.Undefined(), rt.ToValue(iso.gen().script.entry))
}

// Adopt takes over old's idle isolates, so that a rebuild of a route keeps
// the module instances that did not change: each adopted isolate drops
// the instances of the modules whose build changed, and of every module
// that loaded one of them, and evaluates them again before its next
// request. A save of a route that imports zod then costs the route's own
// module, not zod's set-up. (next dev keeps unchanged modules across a
// save the same way.) Isolates busy with a request or a stream stay with
// old and stop with it. Nothing is adopted when the environment or the
// limits changed. It returns how many isolates were adopted.
// Goroutine-safe; call it before g serves its first request.
func (g *Generation) Adopt(old *Generation) int {
	if old == nil || g.script.modules == nil || old.script.modules == nil || !sameOptions(&g.opts, &old.opts) {
		return 0
	}
	var changed []any
	for id, m := range old.script.modules {
		if g.script.modules[id] != m {
			changed = append(changed, id)
		}
	}
	old.mu.Lock()
	var take []*isolate
	keep := old.isolates[:0]
	for _, iso := range old.isolates {
		if iso.inflight.Load() == 0 && !iso.dead.Load() && isClosed(iso.ready) && iso.initErr == nil && iso.load != nil && iso.loadErr == nil {
			take = append(take, iso)
		} else {
			keep = append(keep, iso)
		}
	}
	clear(old.isolates[len(keep):]) // no stale references to the adopted ones
	old.isolates = keep
	old.mu.Unlock()
	if len(take) == 0 {
		return 0
	}
	for _, iso := range take {
		iso.genp.Store(g)
		// Enqueued before the isolate is in g's pool: it runs before any
		// request g hands it.
		iso.loop.Enqueue(func(rt *goja.Runtime) { iso.reload(rt, changed) })
	}
	g.mu.Lock()
	g.isolates = append(g.isolates, take...)
	g.mu.Unlock()
	return len(take)
}

// reload drops the changed modules' instances and loads the entry again.
// A module that throws now fails the isolate's requests with the error,
// as a fresh isolate's set-up would. Loop-only.
func (iso *isolate) reload(rt *goja.Runtime, changed []any) {
	g := iso.gen()
	fail := func(err error) {
		iso.handler = nil
		iso.loadErr = errorFromGo(rt, err, KindInit)
	}
	inv, ok := goja.AssertFunction(iso.load.Get("invalidate"))
	if !ok {
		fail(fmt.Errorf("edge: the module loader cannot invalidate"))
		return
	}
	if _, err := inv(goja.Undefined(), rt.NewArray(changed...)); err != nil {
		fail(err)
		return
	}
	load, _ := goja.AssertFunction(iso.load)
	mod, err := load(goja.Undefined(), rt.ToValue(g.script.entry))
	if err != nil {
		fail(err)
		return
	}
	var handler goja.Value
	if o, ok := mod.(*goja.Object); ok {
		handler = o.Get("default")
	}
	if _, ok := goja.AssertFunction(handler); !ok {
		iso.handler = nil
		iso.loadErr = &Error{Kind: KindNoHandler, Name: "Error",
			Message: fmt.Sprintf("The Edge Function %q must export a default function", g.script.pageName())}
		return
	}
	iso.handler = handler
	iso.page = rt.ToValue(g.script.Page)
}

func sameOptions(a, b *Options) bool {
	if a.Timeout != b.Timeout || a.MaxHeap != b.MaxHeap || a.WarnHeap != b.WarnHeap || a.MaxIsolates != b.MaxIsolates || len(a.Env) != len(b.Env) {
		return false
	}
	for k, v := range a.Env {
		if w, ok := b.Env[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
