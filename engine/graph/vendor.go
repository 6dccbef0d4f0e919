package graph

import (
	"encoding/json"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

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
	entries []string   // absolute, sorted: the bundle's entry points
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
}

// outDir is where the vendor outputs would go (nothing is written); chunk
// names in the code are relative to it.
const vendorDir = "__edgeplay_vendor"

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

// chunk is one output of the package bundle, converted to wrapped
// CommonJS: what the disk cache keeps.
type chunk struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Hash    string   `json:"hash"` // esbuild's hash of the ESM output
	Code    string   `json:"code"`
	Imports []string `json:"imports"` // chunk IDs
	Entry   string   `json:"entry,omitempty"`
	Unwrap  bool     `json:"unwrap,omitempty"`
}

// build (re)builds the bundle over entries: from the disk cache when a
// bundle of the same package files is there (a second start, or another
// copy of the project), else with esbuild. Called with v.mu.
func (v *vendor) build(entries []string) {
	v.stale = false
	v.builds++
	chunks, inputs, diags, ok := v.g.cache.load(v.g, entries)
	if !ok {
		chunks, inputs, diags, ok = v.bundle(entries)
		if !ok {
			v.fail(entries, diags...)
			return
		}
		v.g.cache.store(v.g, entries, chunks, inputs)
	}
	v.entries = entries
	mods := map[string]*edge.Module{}
	imports := map[string][]string{}
	entryIDs := map[string]string{}
	compiled := map[string]*edge.Module{}
	// Compiled in parallel: zod's chunk alone takes a hundred ms.
	results := make([]*edge.Module, len(chunks))
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		if m := v.compiled[c.Hash]; m != nil && m.ID == c.ID && m.Unwrap == c.Unwrap {
			results[i] = m
			continue
		}
		wg.Add(1)
		go func(i int, c chunk) {
			defer wg.Done()
			m, err := edge.CompileModule(c.ID, "node_modules ("+c.Name+")", c.Code)
			if err == nil {
				m.Unwrap = c.Unwrap
			}
			results[i], errs[i] = m, err
		}(i, c)
	}
	wg.Wait()
	for i, c := range chunks {
		if errs[i] != nil {
			diags.Add(toDiag(errs[i], vendorDir+"/"+c.Name))
			continue
		}
		mods[c.ID], compiled[c.Hash] = results[i], results[i]
		imports[c.ID] = c.Imports
		if c.Entry != "" {
			entryIDs[filepath.Join(v.g.root, filepath.FromSlash(c.Entry))] = c.ID
		}
	}
	v.mods, v.imports, v.entryIDs, v.inputs, v.compiled, v.diags = mods, imports, entryIDs, inputs, compiled, diags
	v.built = true
}

// bundle runs esbuild over entries and converts its outputs. The context
// is let go of afterwards: packages change rarely, and its caches (every
// package file's syntax tree) would stay in memory all day for the next
// rebuild. Called with v.mu.
func (v *vendor) bundle(entries []string) ([]chunk, map[string]bool, diag.List, bool) {
	root := v.g.root
	opts := bundle.BaseOptions(root, v.g.opts.NodeEnv)
	opts.EntryPoints = entries
	opts.Outdir = filepath.Join(root, vendorDir)
	opts.Format = api.FormatESModule
	opts.Splitting = true
	opts.Metafile = true
	opts.EntryNames = "[name]-[hash]"
	opts.ChunkNames = "chunk-[hash]"
	out := api.Build(opts)
	diags := bundle.Messages(root, out.Errors, out.Warnings)
	if len(out.Errors) > 0 {
		return nil, nil, diags, false
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
		diags.Add(diag.Errorf(diag.IDBuild, "edgeplay could not read esbuild's metafile of the package bundle: %v", err))
		return nil, nil, diags, false
	}
	var (
		chunks []chunk
		mu     sync.Mutex
		wg     sync.WaitGroup
	)
	for _, f := range out.OutputFiles {
		if !strings.HasSuffix(f.Path, ".js") {
			continue
		}
		relOut := filepath.ToSlash(mustRel(root, f.Path))
		om, ok := meta.Outputs[relOut]
		if !ok {
			continue
		}
		c := chunk{ID: prefixChunk + path.Base(relOut), Name: path.Base(relOut), Hash: f.Hash}
		var imps []string
		for _, imp := range om.Imports {
			if imp.Kind == "import-statement" {
				c.Imports = append(c.Imports, prefixChunk+path.Base(imp.Path))
				imps = append(imps, path.Base(imp.Path))
			}
		}
		if om.EntryPoint != "" {
			c.Entry = om.EntryPoint
			c.Unwrap = meta.Inputs[om.EntryPoint].Format == "cjs"
		}
		wg.Add(1)
		go func(c chunk, code string) {
			defer wg.Done()
			conv, err := convertChunk(c.Name, code, imps)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				diags.Add(toDiag(err, relOut))
				return
			}
			c.Code = conv
			chunks = append(chunks, c)
		}(c, string(f.Contents))
	}
	wg.Wait()
	if diags.HasErrors() {
		return nil, nil, diags, false
	}
	sort.Slice(chunks, func(i, j int) bool { return chunks[i].ID < chunks[j].ID })
	inputs := map[string]bool{}
	for p := range meta.Inputs {
		if abs := bundle.AbsInput(root, p); abs != "" {
			inputs[abs] = true
		}
	}
	return chunks, inputs, diags, true
}

// fail records a package bundle that did not build: every entry's routes
// get the errors.
func (v *vendor) fail(entries []string, diags ...diag.Message) {
	v.entries = entries
	v.built = true
	v.mods, v.imports, v.entryIDs = map[string]*edge.Module{}, map[string][]string{}, map[string]string{}
	v.diags = diags
}

// convertChunk turns one ESM output of the package bundle into wrapped
// CommonJS: esbuild's transform rewrites the chunk's imports and exports,
// and the relative paths of the chunks it imports become chunk IDs.
func convertChunk(name, code string, imports []string) (string, error) {
	out, err := toCommonJS(code, "")
	if err != nil {
		return "", fmt.Errorf("converting the package chunk %s: %v", name, err)
	}
	for _, base := range imports {
		out = strings.ReplaceAll(out, `require("./`+base+`")`, `require("`+prefixChunk+base+`")`)
	}
	return out, nil
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
