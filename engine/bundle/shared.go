package bundle

import (
	"fmt"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// What the project's build graph (engine/graph) shares with the one-route
// Bundler: the options every esbuild build of edge code uses, the edge
// plugin, and the conversions of esbuild's output into edgeplay's terms.

// BaseOptions are the esbuild options of every build of edge code under
// root: edge resolution (main fields, conditions), the syntax goja runs,
// the loaders, NODE_ENV, and the edge plugin (next/server, Node.js
// built-ins). Callers set entry points, format and output.
func BaseOptions(root, nodeEnv string) api.BuildOptions {
	if nodeEnv == "" {
		nodeEnv = "development"
	}
	return api.BuildOptions{
		AbsWorkingDir: root,
		Bundle:        true,
		Write:         false,
		Platform:      api.PlatformNeutral,
		MainFields:    []string{"browser", "module", "main"},
		Conditions:    []string{"edge-light", "worker", "browser"},
		Target:        api.ESNext,
		// goja runs ES2022 but lacks these; esbuild lowers what it can and
		// reports what it cannot.
		Supported:      Unsupported(),
		SourcesContent: api.SourcesContentExclude,
		Charset:        api.CharsetUTF8,
		LegalComments:  api.LegalCommentsNone,
		JSX:            api.JSXAutomatic,
		Loader:         map[string]api.Loader{".js": api.LoaderJSX, ".mjs": api.LoaderJS},
		Define:         map[string]string{"process.env.NODE_ENV": fmt.Sprintf("%q", nodeEnv)},
		LogLevel:       api.LogLevelSilent,
		Plugins:        []api.Plugin{edgePlugin()},
	}
}

// Unsupported is the syntax goja lacks, as esbuild's Supported map.
func Unsupported() map[string]bool {
	return map[string]bool{
		"async-generator":                 false,
		"for-await":                       false,
		"using":                           false,
		"decorators":                      false,
		"top-level-await":                 false,
		"regexp-match-indices":            false,
		"regexp-set-notation":             false,
		"regexp-unicode-property-escapes": false,
		"dynamic-import":                  false,
	}
}

// NodeNamespace and ShimNamespace are the esbuild namespaces of Node.js
// built-in stubs and of the next/server shim.
const (
	NodeNamespace = nodeNamespace
	ShimNamespace = shimNamespace
)

// ShimSource is the next/server shim module, as ESM.
func ShimSource() string { return shimSource }

// NodeStubSource is the module a Node.js built-in becomes, as ESM.
func NodeStubSource(module string) string { return nodeStub(module) }

// Convert turns an esbuild message into a diag message with
// project-relative paths under root (Node.js built-in imports in Next's
// words).
func Convert(root string, kind diag.Kind, m api.Message) diag.Message {
	return convert(root, kind, m)
}

// Messages converts a build's errors and warnings. eval's warning is
// left out: the runtime reports eval in Next's words, with every other
// form of dynamic code.
func Messages(root string, errs, warnings []api.Message) diag.List {
	var out diag.List
	for _, m := range errs {
		out.Add(convert(root, diag.Error, m))
	}
	for _, m := range warnings {
		if m.ID == "direct-eval" {
			continue
		}
		out.Add(convert(root, diag.Warning, m))
	}
	return out
}

// UnicodeRegexps makes \p{…} patterns work in goja or reports them (see
// regexp.go); srcMap maps code to its sources.
func UnicodeRegexps(code, srcMap []byte, file string) ([]byte, diag.List) {
	return unicodeRegexps(code, srcMap, file)
}

// GzipSize is the gzip size of b at the default level.
func GzipSize(b []byte) int { return gzipSize(b) }

// SizeDiags checks res's gzip size against its limit.
func SizeDiags(res *Result, page string) diag.List { return sizeDiags(res, page) }

// AddImportTraces adds Next's import trace to res's Node.js built-in
// diagnostics and fills res.NodeImports from nodes.
func AddImportTraces(res *Result, nodes []string) {
	res.NodeImports = nodes
	for i := range res.Diags {
		d := &res.Diags[i]
		if (d.ID != diag.IDNodeModule && d.ID != diag.IDNodePolyfill) || d.Location == nil {
			continue
		}
		trace := importTrace(res.Imports, res.File, d.Location.File)
		d.Notes = append(d.Notes, diag.Note{Text: "Import trace for requested module:\n    " + joinLines(trace)})
	}
}

func joinLines(l []string) string {
	s := ""
	for i, x := range l {
		if i > 0 {
			s += "\n    "
		}
		s += x
	}
	return s
}

// MetaPath turns a metafile path into the form results use
// ("node:fs" for a built-in stub).
func MetaPath(p string) string { return metaPath(p) }

// AbsInput is the absolute path of a metafile input on disk, or "" for a
// namespaced one (the shim, built-in stubs).
func AbsInput(root, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	for i := 0; i < len(p); i++ {
		if p[i] == ':' {
			return ""
		}
		if p[i] == '/' {
			break
		}
	}
	return filepath.Join(root, filepath.FromSlash(p))
}
