package graph

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/edgeplay/edgeplay/engine/bundle"
	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge"
)

// Options configure a Graph.
type Options struct {
	Root string // absolute project folder
	// NodeEnv is process.env.NODE_ENV as code sees it at build time
	// (default "development").
	NodeEnv string
}

// Graph is one project's modules. Goroutine-safe.
type Graph struct {
	opts Options
	root string

	mu      sync.Mutex
	files   map[string]*fileModule // by module ID
	virtual map[string]*edge.Module
	closed  bool

	vendor *vendor
	an     *analyzer
	cache  *diskCache

	moduleBuilds atomic.Int64 // project-file module builds so far (tests)
}

// openContexts counts the esbuild contexts graphs hold open, over the
// process. Tests read it: a context left open keeps esbuild's caches of
// every module it read.
var openContexts atomic.Int64

// OpenContexts returns how many esbuild contexts graphs hold open.
func OpenContexts() int64 { return openContexts.Load() }

// New makes an empty graph; modules are built as routes ask for them.
func New(opts Options) *Graph {
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		root = opts.Root
	}
	opts.Root = root
	g := &Graph{opts: opts, root: root, files: map[string]*fileModule{}, virtual: map[string]*edge.Module{}, cache: newDiskCache()}
	g.vendor = &vendor{g: g, entryIDs: map[string]string{}, compiled: map[string]*edge.Module{}}
	g.an = newAnalyzer(g)
	return g
}

// Unit is a route as the runtime loads it: its entry module and every
// module it can load, with what the module builds reported.
type Unit struct {
	File    string // the route file, project-relative
	Entry   string // the entry module's ID
	Modules map[string]*edge.Module
	// Files are the absolute paths of the project files the route loads
	// (a save of one of them rebuilds it), the ones that failed included.
	Files []string
	// Diags are the module builds' errors and warnings, each once, in the
	// files the route loads.
	Diags    diag.List
	Duration time.Duration
}

// Failed reports whether the route cannot run.
func (u *Unit) Failed() bool { return u.Diags.HasErrors() }

// Load builds what the route file needs that is not built yet (or went
// stale) and returns its unit. file is project-relative. Goroutine-safe;
// loads of routes sharing modules build each module once.
func (g *Graph) Load(file string) (*Unit, error) {
	start := time.Now()
	abs := filepath.Join(g.root, filepath.FromSlash(file))
	u := &Unit{File: file, Entry: g.fileID(abs, ""), Modules: map[string]*edge.Module{}}
	seen := map[string]bool{}
	var vendorEntries []string
	queue := []*fileModule{}
	add := func(id, abs, with string) error {
		if seen[id] {
			return nil
		}
		seen[id] = true
		fm, err := g.file(id, abs, with)
		if err != nil {
			return err
		}
		queue = append(queue, fm)
		return nil
	}
	if err := add(u.Entry, abs, ""); err != nil {
		return nil, err
	}
	for len(queue) > 0 {
		fm := queue[0]
		queue = queue[1:]
		g.ensure(fm)
		fm.mu.Lock()
		mod, deps, diags := fm.mod, fm.deps, fm.diags
		fm.mu.Unlock()
		u.Files = append(u.Files, fm.abs)
		u.Diags = diag.Union(u.Diags, diags)
		if mod != nil {
			u.Modules[fm.id] = mod
		}
		for _, d := range deps {
			switch d.kind {
			case 'f':
				if err := add(d.id, d.abs, withOf(d.id)); err != nil {
					return nil, err
				}
			case 'v':
				if !seen[d.id] {
					seen[d.id] = true
					vendorEntries = append(vendorEntries, d.abs)
				}
			case 's', 'n':
				if !seen[d.id] {
					seen[d.id] = true
					m, err := g.virtualModule(d)
					if err != nil {
						return nil, err
					}
					u.Modules[d.id] = m
				}
			}
		}
	}
	if len(vendorEntries) > 0 {
		ids, diags := g.vendor.modulesFor(vendorEntries, u.Modules)
		for _, e := range vendorEntries {
			vid := prefixVendor + g.rel(e)
			if cid, ok := ids[e]; ok {
				// The vendor entry's ID is what project code requires:
				// alias it to its chunk.
				u.Modules[vid] = u.Modules[cid]
			}
		}
		u.Diags = diag.Union(u.Diags, diags.Errors())
		for _, e := range vendorEntries {
			if _, ok := ids[e]; !ok && !diags.HasErrors() {
				u.Diags.Add(diag.Errorf(diag.IDBuild, "edgeplay could not bundle the package file %s", g.rel(e)).At(file, 0, 0))
			}
		}
	}
	sort.Strings(u.Files)
	u.Duration = time.Since(start)
	return u, nil
}

func withOf(id string) string {
	for i := len(id) - 1; i >= 0 && id[i] != '/'; i-- {
		if id[i] == '?' {
			return id[i+1:]
		}
	}
	return ""
}

// file returns the module of a project file, made on first use.
func (g *Graph) file(id, abs, with string) (*fileModule, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return nil, fmt.Errorf("the build graph of %s is closed", g.root)
	}
	fm := g.files[id]
	if fm == nil {
		fm = &fileModule{id: id, abs: abs, rel: g.rel(abs), with: with}
		g.files[id] = fm
	}
	return fm, nil
}

// virtualModule is the next/server shim or a Node.js built-in's stub,
// built once per graph.
func (g *Graph) virtualModule(d dep) (*edge.Module, error) {
	g.mu.Lock()
	m := g.virtual[d.id]
	g.mu.Unlock()
	if m != nil {
		return m, nil
	}
	src, name := bundle.ShimSource(), d.id
	if d.kind == 'n' {
		// Named as the bundle names it, so that stack frames in it are
		// known as the runtime's own.
		src, name = bundle.NodeStubSource(d.node), bundle.NodeNamespace+":"+d.node
	}
	m, err := transformVirtual(d.id, name, src)
	if err != nil {
		return nil, err
	}
	g.mu.Lock()
	g.virtual[d.id] = m
	g.mu.Unlock()
	return m, nil
}

// Changed tells the graph that files changed (saved, created, removed):
// their modules build again when a route next loads them. It returns
// whether any module or the package bundle uses one of them.
func (g *Graph) Changed(paths map[string]bool) bool {
	g.an.changed(paths)
	hit := g.vendor.changed(paths)
	// A file that is gone makes its importers build again: their import
	// of it no longer resolves, and that error, at the import, is the
	// one to show.
	gone := map[string]bool{}
	for p := range paths {
		if _, err := os.Stat(p); err != nil {
			gone[p] = true
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, fm := range g.files {
		fm.mu.Lock()
		importsGone := false
		for _, d := range fm.deps {
			importsGone = importsGone || gone[d.abs]
		}
		if paths[fm.abs] || importsGone {
			fm.stale = true
			hit = true
		}
		if importsGone {
			fm.built = false // built again even though its own text is the same
		}
		fm.mu.Unlock()
	}
	return hit
}

// Reset forgets every build (tsconfig.json or package.json changed: how
// every import resolves may have changed).
func (g *Graph) Reset() {
	g.mu.Lock()
	for _, fm := range g.files {
		fm.mu.Lock()
		fm.stale = true
		fm.built = false
		fm.mu.Unlock()
	}
	g.mu.Unlock()
	g.vendor.mu.Lock()
	g.vendor.stale = true
	g.vendor.mu.Unlock()
	g.an.reset()
}

// Retry marks failed modules stale: a file created since may be the
// import that did not resolve.
func (g *Graph) Retry() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, fm := range g.files {
		fm.mu.Lock()
		if fm.failed() {
			fm.stale, fm.built = true, false
		}
		fm.mu.Unlock()
	}
}

// PackageFiles returns the package files the vendor bundle read, to be
// watched (the project's watcher skips node_modules).
func (g *Graph) PackageFiles() []string { return g.vendor.files() }

// Stats counts the graph's work and what it holds.
type Stats struct {
	Modules      int   `json:"modules"`      // project-file modules held
	ModuleBuilds int64 `json:"moduleBuilds"` // project-file module builds so far
	Chunks       int   `json:"chunks"`       // package chunks held
	VendorBuilds int   `json:"vendorBuilds"`
	Analyses     int   `json:"analyses"`
	Contexts     int   `json:"contexts"` // open esbuild contexts
}

// Stats returns the graph's counts. Goroutine-safe.
func (g *Graph) Stats() Stats {
	g.mu.Lock()
	st := Stats{Modules: len(g.files), ModuleBuilds: g.moduleBuilds.Load()}
	g.mu.Unlock()
	g.vendor.mu.Lock()
	st.Chunks, st.VendorBuilds = len(g.vendor.mods), g.vendor.builds
	g.vendor.mu.Unlock()
	n, open := g.an.stats()
	st.Analyses = n
	if open {
		st.Contexts++
	}
	return st
}

// Close releases the esbuild contexts. Loads after Close fail.
func (g *Graph) Close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
	g.vendor.close()
	g.an.close()
}
