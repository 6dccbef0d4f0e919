package bundle

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge"
)

// Size limits of the platform's plans, gzip bytes.
const (
	MB           = 1024 * 1024
	DefaultLimit = 1 * MB
)

// Plans are the size presets users pick from.
var Plans = map[string]int{"hobby": 1 * MB, "pro": 2 * MB, "enterprise": 4 * MB}

// WarnRatio is where a size warning starts.
const WarnRatio = 0.8

// Options configure the bundler of one route.
type Options struct {
	Root  string // absolute project folder
	File  string // route file, project-relative, forward slashes
	Page  string // route pattern, "/api/hello", for messages
	Limit int    // gzip size limit in bytes; 0 means DefaultLimit
	// NodeEnv is process.env.NODE_ENV as code sees it at build time.
	NodeEnv string
}

// Input is one module of the bundle and the bytes it puts in the output.
type Input struct {
	Path  string `json:"path"`  // project-relative, or "edgeplay:next/server", "node:fs"
	Bytes int    `json:"bytes"` // bytes in the output
}

// Result is one build of a route.
type Result struct {
	ID       int                 `json:"id"`   // increasing per Bundler
	File     string              `json:"file"` // the route file
	Code     string              `json:"-"`    // runnable JS, with its source map inline
	Raw      int                 `json:"raw"`  // output bytes, without the source map
	Gzip     int                 `json:"gzip"`
	Limit    int                 `json:"limit"`
	Inputs   []Input             `json:"inputs"`  // heaviest first
	Imports  map[string][]string `json:"imports"` // importer -> imported, project-relative
	Files    []string            `json:"-"`       // absolute paths of every input file on disk
	Diags    diag.List           `json:"diagnostics"`
	Duration time.Duration       `json:"duration"`
	// NodeImports lists the Node.js built-ins the bundle imports.
	NodeImports []string `json:"nodeImports,omitempty"`
}

// Failed reports whether the build has errors (the route cannot run).
func (r *Result) Failed() bool {
	for _, d := range r.Diags {
		if d.Kind == diag.Error && d.ID != diag.IDSizeLimit {
			return true
		}
	}
	return false
}

// Bundler builds one route, incrementally.
type Bundler struct {
	opts     Options
	mu       sync.Mutex
	ctx      api.BuildContext
	released bool // ctx let go after a large build; the next Build makes a new one
	closed   bool
	next     int
	st       *pluginState
}

// LargeOutput is the output size past which a Bundler lets go of its
// esbuild context after each build: esbuild keeps every input's source
// and syntax tree for the next rebuild, several MB for such a route (a
// third of the engine's idle memory for the sample project's 1 MB one),
// while a route that large is rarely edited and rebuilds from scratch in
// about the time an incremental rebuild of it takes.
const LargeOutput = 512 << 10

// outName is the output file name esbuild is told about; nothing is
// written. Source paths in the map are relative to it, so they come out
// project-relative.
const outName = "__edgeplay_route.js"

// New prepares a bundler; it does not build yet.
func New(opts Options) (*Bundler, error) {
	if opts.Limit <= 0 {
		opts.Limit = DefaultLimit
	}
	if opts.NodeEnv == "" {
		opts.NodeEnv = "development"
	}
	b := &Bundler{opts: opts, st: &pluginState{}}
	if err := b.create(); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *Bundler) create() error {
	ctx, cerr := api.Context(api.BuildOptions{
		EntryPoints:   []string{filepath.Join(b.opts.Root, filepath.FromSlash(b.opts.File))},
		AbsWorkingDir: b.opts.Root,
		Outfile:       filepath.Join(b.opts.Root, outName),
		Bundle:        true,
		Write:         false,
		Metafile:      true,
		Format:        api.FormatIIFE,
		GlobalName:    edge.GlobalName,
		Platform:      api.PlatformNeutral,
		MainFields:    []string{"browser", "module", "main"},
		Conditions:    []string{"edge-light", "worker", "browser"},
		Target:        api.ESNext,
		// goja runs ES2022 but lacks these; esbuild lowers what it can and
		// reports what it cannot.
		Supported: map[string]bool{
			"async-generator":                 false,
			"for-await":                       false,
			"using":                           false,
			"decorators":                      false,
			"top-level-await":                 false,
			"regexp-match-indices":            false,
			"regexp-set-notation":             false,
			"regexp-unicode-property-escapes": false,
			"dynamic-import":                  false,
		},
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		Charset:        api.CharsetUTF8,
		LegalComments:  api.LegalCommentsNone,
		JSX:            api.JSXAutomatic,
		Loader:         map[string]api.Loader{".js": api.LoaderJSX, ".mjs": api.LoaderJS},
		Define:         map[string]string{"process.env.NODE_ENV": fmt.Sprintf("%q", b.opts.NodeEnv)},
		LogLevel:       api.LogLevelSilent,
		Plugins:        []api.Plugin{edgePlugin(b.opts.Root, b.st)},
	})
	if cerr != nil {
		return fmt.Errorf("esbuild: %v", cerr.Errors)
	}
	b.ctx = ctx
	return nil
}

// Reset drops esbuild's caches (after tsconfig.json or package.json
// changed, which an incremental rebuild may not re-read).
func (b *Bundler) Reset() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ctx != nil {
		b.ctx.Dispose()
		b.ctx = nil
	}
	if b.closed {
		return nil
	}
	b.released = false
	return b.create()
}

// Close releases the esbuild context. Safe to call twice.
func (b *Bundler) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	if b.ctx != nil {
		b.ctx.Dispose()
		b.ctx = nil
	}
}

// SetLimit changes the size limit for later builds.
func (b *Bundler) SetLimit(n int) {
	b.mu.Lock()
	b.opts.Limit = n
	b.mu.Unlock()
}

// Build builds (or rebuilds) the route.
func (b *Bundler) Build() *Result {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.next++
	res := &Result{ID: b.next, File: b.opts.File, Limit: b.opts.Limit}
	start := time.Now()
	if b.ctx == nil && b.released && !b.closed {
		if err := b.create(); err != nil {
			res.Diags.Add(diag.Errorf(diag.IDBuild, "%v", err))
			return res
		}
		b.released = false
	}
	if b.ctx == nil {
		res.Diags.Add(diag.Errorf(diag.IDBuild, "the bundler of %s is closed", b.opts.File))
		return res
	}
	b.st.reset()
	out := b.ctx.Rebuild()
	res.Duration = time.Since(start)
	for _, m := range out.Errors {
		res.Diags.Add(b.message(diag.Error, m))
	}
	for _, m := range out.Warnings {
		if m.ID == "direct-eval" {
			continue // the runtime reports eval in Next's words, with every other form of dynamic code
		}
		res.Diags.Add(b.message(diag.Warning, m))
	}
	if len(out.Errors) > 0 {
		return res
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
	res.Raw = len(code)
	res.Gzip = gzipSize(code)
	b.readMetafile(out.Metafile, res)
	b.nodeDiagnostics(res)
	code, rxDiags := unicodeRegexps(code, srcMap, b.opts.File) // \p{…} made to work, or reported
	res.Diags = append(res.Diags, rxDiags...)
	res.Diags = append(res.Diags, sizeDiags(res, b.opts.Page)...)
	res.Code = string(code) + "\n//# sourceMappingURL=data:application/json;base64," + base64.StdEncoding.EncodeToString(srcMap) + "\n"
	if res.Raw > LargeOutput {
		b.ctx.Dispose()
		b.ctx, b.released = nil, true
	}
	res.Duration = time.Since(start)
	return res
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Len()
}

// message converts an esbuild message.
func (b *Bundler) message(kind diag.Kind, m api.Message) diag.Message {
	d := diag.Message{Kind: kind, ID: m.ID, Text: m.Text, Location: b.location(m.Location)}
	if kind == diag.Error {
		d.ID = diag.IDBuild
	}
	if nd, ok := m.Detail.(nodeDetail); ok {
		d.ID = diag.IDNodeModule
		line := 0
		if d.Location != nil {
			line = d.Location.Line
		}
		d.Text = fmt.Sprintf("A Node.js module is loaded ('%s' at line %d) which is not supported in the Edge Runtime.", nd.Specifier, line)
		if nextPolyfilled[nd.Module] {
			d.ID = diag.IDNodePolyfill
			d.Text = fmt.Sprintf("Node.js module '%s' is imported: the platform polyfills it, edgeplay does not yet, so using it throws here.", nd.Specifier)
		}
		d.Notes = append(d.Notes, diag.Note{Text: "Learn More: https://nextjs.org/docs/messages/node-module-in-edge-runtime"})
	}
	for _, n := range m.Notes {
		d.Notes = append(d.Notes, diag.Note{Text: n.Text, Location: b.location(n.Location)})
	}
	return d
}

func (b *Bundler) location(l *api.Location) *diag.Location {
	if l == nil {
		return nil
	}
	return &diag.Location{File: b.rel(l.File), Line: l.Line, Column: l.Column, Length: l.Length, LineText: l.LineText, Suggestion: l.Suggestion}
}

// rel makes an esbuild path project-relative with forward slashes.
func (b *Bundler) rel(p string) string {
	if i := strings.Index(p, ":"); i > 1 && !filepath.IsAbs(p) {
		return p // a namespaced path such as edgeplay:next/server
	}
	if filepath.IsAbs(p) {
		if r, err := filepath.Rel(b.opts.Root, p); err == nil {
			p = r
		}
	}
	return filepath.ToSlash(p)
}

type metafile struct {
	Inputs map[string]struct {
		Imports []struct {
			Path     string `json:"path"`
			External bool   `json:"external"`
		} `json:"imports"`
	} `json:"inputs"`
	Outputs map[string]struct {
		Inputs map[string]struct {
			BytesInOutput int `json:"bytesInOutput"`
		} `json:"inputs"`
	} `json:"outputs"`
}

func (b *Bundler) readMetafile(raw string, res *Result) {
	var m metafile
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		res.Diags.Add(diag.Warnf(diag.IDBuild, "edgeplay could not read esbuild's metafile: %v", err))
		return
	}
	res.Imports = map[string][]string{}
	for path, in := range m.Inputs {
		rp := b.metaPath(path)
		if !strings.Contains(path, ":") || filepath.IsAbs(path) {
			res.Files = append(res.Files, filepath.Join(b.opts.Root, filepath.FromSlash(path)))
		}
		for _, imp := range in.Imports {
			if imp.External {
				continue
			}
			res.Imports[rp] = append(res.Imports[rp], b.metaPath(imp.Path))
		}
	}
	sort.Strings(res.Files)
	for _, out := range m.Outputs {
		for path, in := range out.Inputs {
			res.Inputs = append(res.Inputs, Input{Path: b.metaPath(path), Bytes: in.BytesInOutput})
		}
	}
	sort.Slice(res.Inputs, func(i, j int) bool {
		if res.Inputs[i].Bytes != res.Inputs[j].Bytes {
			return res.Inputs[i].Bytes > res.Inputs[j].Bytes
		}
		return res.Inputs[i].Path < res.Inputs[j].Path
	})
}

// metaPath turns a metafile path (relative to AbsWorkingDir, or
// "namespace:path") into the form used in results.
func (b *Bundler) metaPath(p string) string {
	if strings.HasPrefix(p, nodeNamespace+":") {
		return "node:" + strings.TrimPrefix(p, nodeNamespace+":")
	}
	return filepath.ToSlash(p)
}

// FormatBytes prints a size the way Vercel's messages do: "1.21 MB", "420 kB".
func FormatBytes(n int) string {
	switch {
	case n >= MB:
		return fmt.Sprintf("%.2f MB", float64(n)/MB)
	case n >= 1024:
		return fmt.Sprintf("%.1f kB", float64(n)/1024)
	default:
		return fmt.Sprintf("%d B", n)
	}
}

// sizeDiags checks the gzip size against the limit.
func sizeDiags(res *Result, page string) diag.List {
	var out diag.List
	if res.Limit <= 0 {
		return out
	}
	ratio := float64(res.Gzip) / float64(res.Limit)
	switch {
	case res.Gzip > res.Limit:
		d := diag.Message{Kind: diag.Error, ID: diag.IDSizeLimit,
			Text:     fmt.Sprintf("The Edge Function %q size is %s and your plan size limit is %s (gzip).", "pages"+page, FormatBytes(res.Gzip), FormatBytes(res.Limit)),
			Location: &diag.Location{File: res.File}}
		d.Notes = append(d.Notes, diag.Note{Text: "The heaviest modules: " + heaviest(res.Inputs, 3)})
		d.Notes = append(d.Notes, diag.Note{Text: "edgeplay still serves the route; the platform rejects it at deploy. Remove or lazy-load heavy imports, or raise --max-size if your plan allows."})
		out.Add(d)
	case ratio > WarnRatio:
		out.Add(diag.Message{Kind: diag.Warning, ID: diag.IDSizeWarning,
			Text:     fmt.Sprintf("The Edge Function %q is %s, %.0f%% of the %s size limit (gzip).", "pages"+page, FormatBytes(res.Gzip), ratio*100, FormatBytes(res.Limit)),
			Location: &diag.Location{File: res.File},
			Notes:    []diag.Note{{Text: "The heaviest modules: " + heaviest(res.Inputs, 3)}}})
	}
	return out
}

func heaviest(in []Input, n int) string {
	var parts []string
	for i := 0; i < len(in) && i < n; i++ {
		parts = append(parts, fmt.Sprintf("%s (%s)", in[i].Path, FormatBytes(in[i].Bytes)))
	}
	return strings.Join(parts, ", ")
}
