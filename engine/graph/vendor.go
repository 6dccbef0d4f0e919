package graph

import (
	"encoding/json"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgeplay/edgeplay/engine/bundle"
	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge"
)

// vendor bundles the package files project code imports: one esbuild
// context, every such file an entry point, code splitting so that entries
// of one package share its internals (one instance of hono's classes for
// 'hono' and 'hono/cors'), ESM chunks converted to wrapped CommonJS and
// compiled once each. A context's entry points are fixed, so a new package
// import makes a new context; a change to a package file (an npm install)
// rebuilds the current one.
type vendor struct {
	g *Graph

	mu      sync.Mutex // one build at a time; guards the fields below
	ctx     api.BuildContext
	entries []string // absolute, sorted: the context's entry points
	stale   bool
	built   bool
	// by entry file: the entry chunk's module ID, or the error that
	// keeps it from building
	entryIDs map[string]string
	mods     map[string]*edge.Module // every chunk, by ID
	imports  map[string][]string     // chunk ID -> chunk IDs it loads
	inputs   map[string]bool         // absolute paths of the files bundled
	diags    diag.List
	compiled map[string]*edge.Module // by output hash: a chunk that did not change is not compiled again
	builds   int
	dur      time.Duration
}

// outDir is where the vendor outputs would go (nothing is written); chunk
// names in the code are relative to it.
const vendorDir = "__edgeplay_vendor"

var debugVendor = false

// modulesFor returns the modules that entries need (their chunks and the
// chunks those load), building first when an entry is new or a package
// file changed. Goroutine-safe.
func (v *vendor) modulesFor(entries []string, into map[string]*edge.Module) (ids map[string]string, diags diag.List) {
	v.mu.Lock()
	defer v.mu.Unlock()
	missing := false
	for _, e := range entries {
		if _, ok := v.entryIDs[e]; !ok || !v.built {
			missing = true
			break
		}
	}
	if missing || v.stale {
		set := map[string]bool{}
		for _, e := range v.entries {
			set[e] = true
		}
		for _, e := range entries {
			set[e] = true
		}
		all := make([]string, 0, len(set))
		for e := range set {
			all = append(all, e)
		}
		sort.Strings(all)
		v.build(all)
	}
	ids = map[string]string{}
	var queue []string
	for _, e := range entries {
		id := v.entryIDs[e]
		if id == "" {
			continue
		}
		ids[e] = id
		queue = append(queue, id)
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if into[id] != nil {
			continue
		}
		if m := v.mods[id]; m != nil {
			into[id] = m
			queue = append(queue, v.imports[id]...)
		}
	}
	return ids, v.diags
}

// build (re)builds the context over entries. Called with v.mu.
func (v *vendor) build(entries []string) {
	start := time.Now()
	if v.ctx == nil || !equalStrings(entries, v.entries) {
		v.dispose()
		opts := bundle.BaseOptions(v.g.root, v.g.opts.NodeEnv, nil)
		opts.EntryPoints = entries
		opts.Outdir = filepath.Join(v.g.root, vendorDir)
		opts.Format = api.FormatESModule
		opts.Splitting = true
		opts.Metafile = true
		opts.Sourcemap = api.SourceMapNone
		opts.EntryNames = "[name]-[hash]"
		opts.ChunkNames = "chunk-[hash]"
		ctx, err := api.Context(opts)
		if err != nil {
			v.fail(entries, diag.Errorf(diag.IDBuild, "esbuild could not set up the package bundle: %v", err.Errors))
			return
		}
		openContexts.Add(1)
		v.ctx = ctx
		v.entries = entries
	}
	v.stale = false
	v.builds++
	t0 := time.Now()
	out := v.ctx.Rebuild()
	if debugVendor {
		fmt.Println("vendor esbuild", time.Since(t0))
		defer func() { fmt.Println("vendor total", time.Since(t0)) }()
	}
	var diags diag.List
	for _, m := range out.Errors {
		diags.Add(bundle.Convert(v.g.root, diag.Error, m))
	}
	for _, m := range out.Warnings {
		if m.ID == "direct-eval" {
			continue
		}
		diags.Add(bundle.Convert(v.g.root, diag.Warning, m))
	}
	if len(out.Errors) > 0 {
		v.fail(entries, diags...)
		return
	}
	var meta struct {
		Inputs map[string]struct {
			Format string `json:"format"`
		} `json:"inputs"`
		Outputs map[string]struct {
			EntryPoint string `json:"entryPoint"`
			Imports    []struct {
				Path string `json:"path"`
				Kind string `json:"kind"`
			} `json:"imports"`
		} `json:"outputs"`
	}
	if err := json.Unmarshal([]byte(out.Metafile), &meta); err != nil {
		v.fail(entries, diag.Errorf(diag.IDBuild, "edgeplay could not read esbuild's metafile of the package bundle: %v", err))
		return
	}
	mods := map[string]*edge.Module{}
	imports := map[string][]string{}
	entryIDs := map[string]string{}
	compiled := map[string]*edge.Module{}
	root := v.g.root
	for _, f := range out.OutputFiles {
		if !strings.HasSuffix(f.Path, ".js") {
			continue
		}
		relOut := filepath.ToSlash(mustRel(root, f.Path))
		om, ok := meta.Outputs[relOut]
		if !ok {
			continue
		}
		id := prefixChunk + path.Base(relOut)
		var deps []string
		for _, imp := range om.Imports {
			if imp.Kind == "import-statement" {
				deps = append(deps, prefixChunk+path.Base(imp.Path))
			}
		}
		imports[id] = deps
		unwrap := false
		if om.EntryPoint != "" {
			abs := filepath.Join(root, filepath.FromSlash(om.EntryPoint))
			entryIDs[abs] = id
			unwrap = meta.Inputs[om.EntryPoint].Format == "cjs"
		}
		key := f.Hash
		if m := v.compiled[key]; m != nil && m.Unwrap == unwrap && m.ID == id {
			mods[id], compiled[key] = m, m
			continue
		}
		m, err := v.convert(id, path.Base(relOut), string(f.Contents), om.Imports)
		if err != nil {
			diags.Add(toDiag(err, relOut))
			continue
		}
		m.Unwrap = unwrap
		mods[id], compiled[key] = m, m
	}
	inputs := map[string]bool{}
	for p := range meta.Inputs {
		if abs := bundle.AbsInput(root, p); abs != "" {
			inputs[abs] = true
		}
	}
	v.mods, v.imports, v.entryIDs, v.inputs, v.compiled, v.diags = mods, imports, entryIDs, inputs, compiled, diags
	v.built = true
	v.dur = time.Since(start)
}

// fail records a package bundle that did not build: every entry's routes
// get the errors.
func (v *vendor) fail(entries []string, diags ...diag.Message) {
	v.entries = entries
	v.built = true
	v.mods, v.imports, v.entryIDs = map[string]*edge.Module{}, map[string][]string{}, map[string]string{}
	v.diags = diags
	v.dispose()
}

// dispose lets go of the context. Called with v.mu.
func (v *vendor) dispose() {
	if v.ctx != nil {
		v.ctx.Dispose()
		v.ctx = nil
		openContexts.Add(-1)
	}
}

// convert turns one ESM output of the package bundle into a wrapped
// CommonJS module: esbuild's transform rewrites the chunk's imports and
// exports (and carries its inline source map through), and the relative
// chunk paths become chunk IDs.
func (v *vendor) convert(id, name, code string, imports []struct {
	Path string `json:"path"`
	Kind string `json:"kind"`
}) (*edge.Module, error) {
	res := api.Transform(code, api.TransformOptions{
		Loader:         api.LoaderJS,
		Format:         api.FormatCommonJS,
		Target:         api.ESNext,
		Supported:      bundle.Unsupported(),
		Sourcemap:      api.SourceMapNone,
		SourcesContent: api.SourcesContentExclude,
		Sourcefile:     vendorDir + "/" + name,
		Charset:        api.CharsetUTF8,
		LegalComments:  api.LegalCommentsNone,
		Banner:         edge.ModuleWrapperStart,
		Footer:         edge.ModuleWrapperEnd,
		LogLevel:       api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return nil, fmt.Errorf("converting the package chunk %s: %s", name, res.Errors[0].Text)
	}
	out := string(res.Code)
	for _, imp := range imports {
		if imp.Kind != "import-statement" {
			continue
		}
		base := path.Base(imp.Path)
		out = strings.ReplaceAll(out, `require("./`+base+`")`, `require("`+prefixChunk+base+`")`)
	}
	return edge.CompileModule(id, "node_modules ("+name+")", out)
}

// changed marks the bundle stale when a file it bundled changed.
func (v *vendor) changed(paths map[string]bool) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	for p := range paths {
		if v.inputs[p] {
			v.stale = true
			return true
		}
	}
	return false
}

// files returns the files the bundle read.
func (v *vendor) files() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	out := make([]string, 0, len(v.inputs))
	for f := range v.inputs {
		out = append(out, f)
	}
	return out
}

// close forgets the bundle: the next route that needs a package builds
// it again.
func (v *vendor) close() {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.dispose()
	v.entries, v.built = nil, false
	v.mods, v.imports, v.entryIDs, v.inputs = map[string]*edge.Module{}, map[string][]string{}, map[string]string{}, map[string]bool{}
	v.compiled = map[string]*edge.Module{}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func mustRel(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil {
		return p
	}
	return r
}
