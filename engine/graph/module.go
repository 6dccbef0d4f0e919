package graph

import (
	"encoding/base64"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgeplay/edgeplay/engine/bundle"
	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge"
)

// Module IDs, as written into the code for require():
//
//	f:lib/shared.ts           a project file (project-relative; files
//	                          outside the project keep their ../ path)
//	f:data/readme.txt?text    the same file with another loader (import attributes)
//	v:node_modules/zod/index.js   a package file project code imports (vendor.go)
//	c:chunk-ABCD.js           a vendor chunk
//	edgeplay:next/server      the next/server shim
//	node:fs                   a Node.js built-in's stub
const (
	prefixFile   = "f:"
	prefixVendor = "v:"
	prefixChunk  = "c:"
	idShim       = "edgeplay:next/server"
	prefixNode   = "node:"
)

// outName is the output file name a module build is told about (nothing
// is written): source paths in its map come out project-relative.
const outName = "__edgeplay_module.js"

// skipResolve marks the graph plugin's own resolve calls, so that it does
// not see them again.
type skipResolve struct{}

// dep is one import of a module, resolved.
type dep struct {
	id   string
	abs  string // the file on disk (project files and vendor entries)
	kind byte   // 'f', 'v', 's' (shim), 'n' (node built-in)
	node string // the built-in's name
}

// fileModule is one project file as a module: its current build.
type fileModule struct {
	id   string
	abs  string
	rel  string
	with string // the import attributes' type ("text", "json"), or ""

	mu    sync.Mutex // one build at a time
	stale bool       // a change was seen since the build
	built bool
	hash  uint64
	mod   *edge.Module
	deps  []dep
	diags diag.List // the build's errors and warnings
}

func (fm *fileModule) failed() bool { return fm.built && fm.diags.HasErrors() }

// fileID is the module ID of a project file.
func (g *Graph) fileID(abs, with string) string {
	id := prefixFile + g.rel(abs)
	if with != "" {
		id += "?" + with
	}
	return id
}

// rel makes abs project-relative with forward slashes.
func (g *Graph) rel(abs string) string {
	r, err := filepath.Rel(g.root, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}

// ensure builds fm if it was never built or went stale. Goroutine-safe.
func (g *Graph) ensure(fm *fileModule) {
	fm.mu.Lock()
	defer fm.mu.Unlock()
	if fm.built && !fm.stale {
		return
	}
	src, err := os.ReadFile(fm.abs)
	if err != nil {
		fm.built, fm.stale, fm.hash, fm.mod, fm.deps = true, false, 0, nil, nil
		why := "it cannot be read"
		switch {
		case errors.Is(err, fs.ErrNotExist):
			why = "it was deleted or moved"
		case errors.Is(err, fs.ErrPermission):
			why = "edgeplay is not allowed to read it (permission denied)"
		}
		fm.diags = diag.List{diag.Errorf(diag.IDBuild, "Could not read %s: %s. Restore it, or change the imports of it.", fm.rel, why).At(fm.rel, 0, 0)}
		return
	}
	h := hashOf(src, fm.with)
	if fm.built && fm.hash == h && !fm.failed() {
		fm.stale = false // saved without a change: the module stays as it was
		return
	}
	g.moduleBuilds.Add(1)
	fm.mod, fm.deps, fm.diags = g.buildFile(fm)
	fm.built, fm.stale, fm.hash = true, false, h
}

func hashOf(src []byte, with string) uint64 {
	h := fnv.New64a()
	h.Write(src)
	h.Write([]byte{0})
	h.Write([]byte(with))
	return h.Sum64()
}

// buildFile builds one project file to a wrapped CommonJS module: esbuild
// bundles the file alone, every import external and resolved by esbuild's
// resolver through the graph plugin, which writes the import's module ID
// into the code. Errors (syntax, an import that does not resolve) come
// with esbuild's file:line:col.
func (g *Graph) buildFile(fm *fileModule) (*edge.Module, []dep, diag.List) {
	var (
		mu   sync.Mutex
		deps []dep
	)
	opts := bundle.BaseOptions(g.root, g.opts.NodeEnv)
	opts.EntryPoints = []string{fm.abs}
	opts.Outfile = filepath.Join(g.root, outName)
	opts.Format = api.FormatCommonJS
	opts.Sourcemap = api.SourceMapExternal
	opts.Banner = map[string]string{"js": edge.ModuleWrapperStart}
	opts.Footer = map[string]string{"js": edge.ModuleWrapperEnd}
	if fm.with != "" {
		opts.Loader = map[string]api.Loader{filepath.Ext(fm.abs): loaderFor(fm.with)}
		if filepath.Ext(fm.abs) == "" {
			opts.Loader = map[string]api.Loader{"": loaderFor(fm.with)}
		}
	}
	graphPlugin := api.Plugin{Name: "edgeplay-graph", Setup: func(pb api.PluginBuild) {
		pb.OnResolve(api.OnResolveOptions{Filter: `.*`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			if a.Kind == api.ResolveEntryPoint {
				return api.OnResolveResult{}, nil
			}
			if _, ok := a.PluginData.(skipResolve); ok {
				return api.OnResolveResult{}, nil
			}
			r := pb.Resolve(a.Path, api.ResolveOptions{Importer: a.Importer, Namespace: a.Namespace, ResolveDir: a.ResolveDir,
				Kind: a.Kind, With: a.With, PluginData: skipResolve{}})
			if len(r.Errors) > 0 {
				return api.OnResolveResult{Errors: resolveErrors(r.Errors, a.Path)}, nil
			}
			d, ok := g.depFor(r, a.With["type"])
			if !ok {
				return api.OnResolveResult{}, nil // external or unknown namespace: as esbuild would
			}
			mu.Lock()
			deps = append(deps, d)
			mu.Unlock()
			return api.OnResolveResult{Path: d.id, External: true}, nil
		})
	}}
	opts.Plugins = append([]api.Plugin{graphPlugin}, opts.Plugins...)
	out := api.Build(opts)
	diags := bundle.Messages(g.root, out.Errors, out.Warnings)
	if len(out.Errors) > 0 {
		return nil, deps, diags
	}
	var code, srcMap []byte
	for _, f := range out.OutputFiles {
		switch {
		case strings.HasSuffix(f.Path, ".map"):
			srcMap = f.Contents
		case strings.HasSuffix(f.Path, ".js"):
			code = f.Contents
		}
	}
	code, rx := bundle.UnicodeRegexps(code, srcMap, fm.rel)
	diags = append(diags, rx...)
	if rx.HasErrors() {
		return nil, deps, diags
	}
	mod, err := edge.CompileModule(fm.id, fm.rel, withInlineMap(code, srcMap))
	if err != nil {
		diags.Add(toDiag(err, fm.rel))
		return nil, deps, diags
	}
	return mod, deps, diags
}

func withInlineMap(code, srcMap []byte) string {
	var b strings.Builder
	b.Grow(len(code) + len(srcMap)*4/3 + 64)
	b.Write(code)
	b.WriteString("\n//# sourceMappingURL=data:application/json;base64,")
	b.WriteString(base64.StdEncoding.EncodeToString(srcMap))
	b.WriteString("\n")
	return b.String()
}

func loaderFor(with string) api.Loader {
	switch with {
	case "json":
		return api.LoaderJSON
	case "text":
		return api.LoaderText
	case "bytes":
		return api.LoaderBinary
	}
	return api.LoaderDefault
}

// depFor turns a resolve result into a dependency: false for what stays
// external (esbuild's own rules, such as a data: URL).
func (g *Graph) depFor(r api.ResolveResult, with string) (dep, bool) {
	if r.External {
		return dep{}, false
	}
	switch r.Namespace {
	case bundle.ShimNamespace:
		return dep{id: idShim, kind: 's'}, true
	case bundle.NodeNamespace:
		return dep{id: prefixNode + r.Path, kind: 'n', node: r.Path}, true
	case "file", "":
	default:
		return dep{}, false
	}
	if isPackageFile(r.Path) {
		return dep{id: prefixVendor + g.rel(r.Path), abs: r.Path, kind: 'v'}, true
	}
	return dep{id: g.fileID(r.Path, with), abs: r.Path, kind: 'f'}, true
}

// isPackageFile: a file under a node_modules folder is a package's, built
// by the vendor bundle. (A workspace package linked into node_modules
// resolves to its real path outside it: project code, built per module.)
func isPackageFile(abs string) bool {
	return strings.Contains(filepath.ToSlash(abs), "/node_modules/")
}

func toDiag(err error, file string) diag.Message {
	if m, ok := err.(diag.Message); ok {
		return m
	}
	return diag.Errorf(diag.IDBuild, "%v", err).At(file, 0, 0)
}

// transformVirtual compiles a module edgeplay provides (the next/server
// shim, a Node.js built-in's stub) from its ESM source, named sourcefile
// in its source map.
func transformVirtual(id, sourcefile, src string) (*edge.Module, error) {
	code, err := toCommonJS(src, sourcefile)
	if err != nil {
		return nil, fmt.Errorf("edgeplay's module %s does not build: %v", id, err)
	}
	return edge.CompileModule(id, id, code)
}

// toCommonJS turns ESM into a wrapped CommonJS module with esbuild's
// transform, with an inline source map naming sourcefile when it is not
// "". Imports become require calls with the same paths.
func toCommonJS(code, sourcefile string) (string, error) {
	opts := api.TransformOptions{
		Loader:        api.LoaderJS,
		Format:        api.FormatCommonJS,
		Target:        api.ESNext,
		Supported:     bundle.Unsupported(),
		Charset:       api.CharsetUTF8,
		LegalComments: api.LegalCommentsNone,
		Banner:        edge.ModuleWrapperStart,
		Footer:        edge.ModuleWrapperEnd,
		LogLevel:      api.LogLevelSilent,
	}
	if sourcefile != "" {
		opts.Sourcemap, opts.Sourcefile = api.SourceMapInline, sourcefile
	}
	res := api.Transform(code, opts)
	if len(res.Errors) > 0 {
		return "", fmt.Errorf("%s", res.Errors[0].Text)
	}
	return string(res.Code), nil
}

// resolveErrors words esbuild's "Could not resolve" for edgeplay: its note
// about marking the path external is an esbuild option edgeplay has no
// use for; a package that is not there is most likely not installed.
func resolveErrors(errs []api.Message, spec string) []api.Message {
	bare := spec != "" && !strings.HasPrefix(spec, ".") && !strings.HasPrefix(spec, "/") && !strings.Contains(spec, ":")
	out := make([]api.Message, len(errs))
	for i, m := range errs {
		var notes []api.Note
		for _, n := range m.Notes {
			if !strings.Contains(n.Text, "as external") {
				notes = append(notes, n)
			}
		}
		if bare {
			pkg := spec
			if parts := strings.SplitN(spec, "/", 3); strings.HasPrefix(spec, "@") && len(parts) >= 2 {
				pkg = parts[0] + "/" + parts[1]
			} else {
				pkg = parts[0]
			}
			notes = append(notes, api.Note{Text: fmt.Sprintf("Is %q installed? Run npm install %s in the project (edgeplay resolves packages from node_modules, as Next.js does); the route rebuilds once it is there.", pkg, pkg)})
		}
		m.Notes = notes
		out[i] = m
	}
	return out
}
