package bundle

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgeplay/edgeplay/engine/diag"
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

// Input is one module of the bundle and the bytes it puts in the output.
type Input struct {
	Path  string `json:"path"`  // project-relative, or "edgeplay:next/server", "node:fs"
	Bytes int    `json:"bytes"` // bytes in the output
}

// Result is one build of a route.
type Result struct {
	ID       int                 `json:"id"`   // increasing per analysis
	File     string              `json:"file"` // the route file
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

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Len()
}

// convert turns an esbuild message into a diag message with
// project-relative paths under root.
func convert(root string, kind diag.Kind, m api.Message) diag.Message {
	d := diag.Message{Kind: kind, ID: m.ID, Text: m.Text, Location: location(root, m.Location)}
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
		d.Notes = append(d.Notes, diag.Note{Text: n.Text, Location: location(root, n.Location)})
	}
	return d
}

func location(root string, l *api.Location) *diag.Location {
	if l == nil {
		return nil
	}
	return &diag.Location{File: rel(root, l.File), Line: l.Line, Column: l.Column, Length: l.Length, LineText: l.LineText, Suggestion: l.Suggestion}
}

// rel makes an esbuild path project-relative with forward slashes.
func rel(root, p string) string {
	if i := strings.Index(p, ":"); i > 1 && !filepath.IsAbs(p) {
		return p // a namespaced path such as edgeplay:next/server
	}
	if filepath.IsAbs(p) {
		if r, err := filepath.Rel(root, p); err == nil {
			p = r
		}
	}
	return filepath.ToSlash(p)
}

// metaPath turns a metafile path (relative to the working folder, or
// "namespace:path") into the form results use.
func metaPath(p string) string {
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
