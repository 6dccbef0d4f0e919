package graph

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgeplay/edgeplay/engine/bundle"
	"github.com/edgeplay/edgeplay/engine/diag"
)

// analyzer finds what each route would ship: one esbuild context over
// every edge route, with code splitting so that a module shared by 100
// routes is parsed and linked once. A route's size is that of the chunks
// it loads, tree-shaken as a deploy is (a module's exports that no route
// uses are dropped); gzip sizes are summed per chunk, each chunk
// compressed once per content.
//
// One broken file must not keep the other routes from their sizes: esbuild
// reports no outputs when any file fails, so a file that fails (in its
// module build, or here) is loaded as an empty CommonJS stub and the
// analysis runs again; the routes that load the stub carry its errors.
type analyzer struct {
	g *Graph

	mu         sync.Mutex // one analysis at a time; guards the fields below
	ctx        api.BuildContext
	entries    []string
	quarantine sync.Map // absolute path -> true: loaded as a stub
	gzip       map[string]int
	runs       int
}

func newAnalyzer(g *Graph) *analyzer {
	return &analyzer{g: g, gzip: map[string]int{}}
}

// stubSource is what a quarantined file is built as: CommonJS, so that
// the named imports of it do not fail the build.
const stubSource = "module.exports = {};\n"

// Route is one route to analyze.
type Route struct {
	File  string // project-relative
	Page  string // "/api/x", for messages
	Limit int    // gzip bytes
}

// Analyze builds every route at once and returns each one's result, by
// file. Goroutine-safe; analyses run one at a time.
func (g *Graph) Analyze(routes []Route) map[string]*bundle.Result {
	return g.an.run(routes)
}

func (a *analyzer) run(routes []Route) map[string]*bundle.Result {
	a.mu.Lock()
	defer a.mu.Unlock()
	start := time.Now()
	out := map[string]*bundle.Result{}
	if len(routes) == 0 {
		// No edge route is left: nothing needs the contexts' caches.
		a.dispose()
		a.g.vendor.close()
		return out
	}
	entries := make([]string, len(routes))
	for i, r := range routes {
		entries[i] = filepath.Join(a.g.root, filepath.FromSlash(r.File))
	}
	sort.Strings(entries)
	if a.ctx == nil || !equalStrings(entries, a.entries) {
		a.dispose()
		opts := bundle.BaseOptions(a.g.root, a.g.opts.NodeEnv)
		opts.EntryPoints = entries
		opts.Outdir = filepath.Join(a.g.root, "__edgeplay_analysis")
		opts.Format = api.FormatESModule
		opts.Splitting = true
		opts.Metafile = true
		opts.EntryNames = "[dir]/[name]-[hash]"
		opts.ChunkNames = "chunk-[hash]"
		opts.Plugins = append([]api.Plugin{a.stubPlugin()}, opts.Plugins...)
		ctx, err := api.Context(opts)
		if err != nil {
			for _, r := range routes {
				res := &bundle.Result{File: r.File, Limit: r.Limit}
				res.Diags.Add(diag.Errorf(diag.IDBuild, "esbuild could not set up the project's build: %v", err.Errors))
				out[r.File] = res
			}
			return out
		}
		openContexts.Add(1)
		a.ctx, a.entries = ctx, entries
	}
	// Files whose module build failed are stubs from the start.
	a.g.mu.Lock()
	for _, fm := range a.g.files {
		fm.mu.Lock()
		if fm.failed() {
			a.quarantine.Store(fm.abs, true)
		}
		fm.mu.Unlock()
	}
	a.g.mu.Unlock()
	a.runs++
	var errs diag.List // errors found here, attributed to their files below
	var result api.BuildResult
	for round := 0; ; round++ {
		result = a.ctx.Rebuild()
		if len(result.Errors) == 0 {
			break
		}
		added := false
		for _, m := range result.Errors {
			d := bundle.Convert(a.g.root, diag.Error, m)
			errs = append(errs, d)
			if m.Location != nil && m.Location.File != "" {
				abs := bundle.AbsInput(a.g.root, m.Location.File)
				if abs != "" {
					if _, dup := a.quarantine.LoadOrStore(abs, true); !dup {
						added = true
					}
				}
			}
		}
		if !added || round >= 4 {
			for _, r := range routes {
				res := &bundle.Result{File: r.File, Limit: r.Limit, Diags: errs, Duration: time.Since(start)}
				out[r.File] = res
			}
			return out
		}
	}
	warnings := bundle.Messages(a.g.root, nil, result.Warnings)
	var meta metafile
	if err := json.Unmarshal([]byte(result.Metafile), &meta); err != nil {
		for _, r := range routes {
			res := &bundle.Result{File: r.File, Limit: r.Limit}
			res.Diags.Add(diag.Warnf(diag.IDBuild, "edgeplay could not read esbuild's metafile: %v", err))
			out[r.File] = res
		}
		return out
	}
	sizes := map[string][2]int{} // output path -> raw, gzip
	gz := map[string]int{}
	for _, f := range result.OutputFiles {
		if !strings.HasSuffix(f.Path, ".js") {
			continue
		}
		rel := filepath.ToSlash(mustRel(a.g.root, f.Path))
		n, ok := a.gzip[f.Hash]
		if !ok {
			n = bundle.GzipSize(f.Contents)
		}
		gz[f.Hash] = n
		sizes[rel] = [2]int{len(f.Contents), n}
	}
	a.gzip = gz
	byEntry := map[string]string{}
	for p, o := range meta.Outputs {
		if o.EntryPoint != "" {
			byEntry[o.EntryPoint] = p
		}
	}
	dur := time.Since(start)
	for _, r := range routes {
		res := &bundle.Result{ID: a.runs, File: r.File, Limit: r.Limit, Duration: dur}
		out[r.File] = res
		entryOut, ok := byEntry[r.File]
		if !ok {
			res.Diags.Add(diag.Errorf(diag.IDBuild, "esbuild's output has no entry for %s", r.File).At(r.File, 0, 0))
			continue
		}
		// The chunks the route loads.
		bytesIn := map[string]int{}
		for q, seen := []string{entryOut}, map[string]bool{entryOut: true}; len(q) > 0; q = q[1:] {
			o := meta.Outputs[q[0]]
			res.Raw += sizes[q[0]][0]
			res.Gzip += sizes[q[0]][1]
			for p, in := range o.Inputs {
				bytesIn[p] += in.BytesInOutput
			}
			for _, imp := range o.Imports {
				if imp.Kind == "import-statement" && !seen[imp.Path] {
					seen[imp.Path] = true
					q = append(q, imp.Path)
				}
			}
		}
		// The modules it reaches, and how.
		res.Imports = map[string][]string{}
		reach := map[string]bool{r.File: true}
		for q := []string{r.File}; len(q) > 0; q = q[1:] {
			for _, imp := range meta.Inputs[q[0]].Imports {
				if imp.External {
					continue
				}
				res.Imports[bundle.MetaPath(q[0])] = append(res.Imports[bundle.MetaPath(q[0])], bundle.MetaPath(imp.Path))
				if !reach[imp.Path] {
					reach[imp.Path] = true
					q = append(q, imp.Path)
				}
			}
		}
		var nodes []string
		for p := range reach {
			if abs := bundle.AbsInput(a.g.root, p); abs != "" {
				res.Files = append(res.Files, abs)
			}
			if mp := bundle.MetaPath(p); strings.HasPrefix(mp, "node:") {
				nodes = append(nodes, strings.TrimPrefix(mp, "node:"))
			}
			if n, ok := bytesIn[p]; ok {
				res.Inputs = append(res.Inputs, bundle.Input{Path: bundle.MetaPath(p), Bytes: n})
			}
		}
		sort.Strings(res.Files)
		sort.Strings(nodes)
		sort.Slice(res.Inputs, func(i, j int) bool {
			if res.Inputs[i].Bytes != res.Inputs[j].Bytes {
				return res.Inputs[i].Bytes > res.Inputs[j].Bytes
			}
			return res.Inputs[i].Path < res.Inputs[j].Path
		})
		for _, list := range []diag.List{errs, warnings} {
			for _, d := range list {
				if d.Location == nil || d.Location.File == "" || reach[d.Location.File] {
					res.Diags = append(res.Diags, d)
				}
			}
		}
		bundle.AddImportTraces(res, nodes)
		res.Diags = append(res.Diags, bundle.SizeDiags(res, r.Page)...)
	}
	return out
}

// stubPlugin loads quarantined files as stubs.
func (a *analyzer) stubPlugin() api.Plugin {
	return api.Plugin{Name: "edgeplay-stubs", Setup: func(pb api.PluginBuild) {
		pb.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: "file"}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
			if _, ok := a.quarantine.Load(args.Path); !ok {
				return api.OnLoadResult{}, nil
			}
			src := stubSource
			return api.OnLoadResult{Contents: &src, Loader: api.LoaderJS}, nil
		})
	}}
}

// changed lets quarantined files that changed be built for real again.
func (a *analyzer) changed(paths map[string]bool) {
	for p := range paths {
		a.quarantine.Delete(p)
	}
}

func (a *analyzer) reset() {
	a.quarantine.Range(func(k, _ any) bool { a.quarantine.Delete(k); return true })
	a.mu.Lock()
	a.dispose()
	a.mu.Unlock()
}

// dispose lets go of the context. Called with a.mu.
func (a *analyzer) dispose() {
	if a.ctx != nil {
		a.ctx.Dispose()
		a.ctx = nil
		openContexts.Add(-1)
	}
}

// Release lets go of the analysis's esbuild context: it keeps every
// module's syntax tree for the next analysis (tens of MB with a package
// like zod, or a large data file), which a project nobody is editing does
// not need; the next analysis then builds from scratch (a few hundred ms
// in the background). Goroutine-safe.
func (g *Graph) ReleaseAnalysis() {
	g.an.mu.Lock()
	defer g.an.mu.Unlock()
	g.an.dispose()
}

func (a *analyzer) stats() (int, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.runs, a.ctx != nil
}

func (a *analyzer) close() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.dispose()
}

type metafile struct {
	Inputs map[string]struct {
		Imports []struct {
			Path     string `json:"path"`
			Kind     string `json:"kind"`
			External bool   `json:"external"`
		} `json:"imports"`
	} `json:"inputs"`
	Outputs map[string]struct {
		EntryPoint string `json:"entryPoint"`
		Imports    []struct {
			Path string `json:"path"`
			Kind string `json:"kind"`
		} `json:"imports"`
		Inputs map[string]struct {
			BytesInOutput int `json:"bytesInOutput"`
		} `json:"inputs"`
	} `json:"outputs"`
}
