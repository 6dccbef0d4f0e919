package bundle

import (
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// CheckSyntax parses one route file without bundling it. A Node.js route
// is never bundled, but a syntax error in it still breaks `next dev`'s
// compile, so edgeplay reports it rather than listing the file as a
// healthy Node.js route. file is project-relative with forward slashes.
func CheckSyntax(file string, src []byte) diag.List {
	loader := api.LoaderTS
	switch strings.ToLower(filepath.Ext(file)) {
	case ".tsx":
		loader = api.LoaderTSX
	case ".js", ".jsx":
		loader = api.LoaderJSX
	case ".mjs":
		loader = api.LoaderJS
	}
	out := api.Transform(string(src), api.TransformOptions{
		Loader:     loader,
		Sourcefile: file,
		Format:     api.FormatESModule,
		Target:     api.ESNext,
		JSX:        api.JSXPreserve,
		LogLevel:   api.LogLevelSilent,
	})
	var diags diag.List
	for _, m := range out.Errors {
		d := diag.Message{Kind: diag.Error, ID: diag.IDBuild, Text: m.Text}
		if l := m.Location; l != nil {
			d.Location = &diag.Location{File: file, Line: l.Line, Column: l.Column, Length: l.Length, LineText: l.LineText, Suggestion: l.Suggestion}
		}
		for _, n := range m.Notes {
			dn := diag.Note{Text: n.Text}
			if l := n.Location; l != nil {
				dn.Location = &diag.Location{File: file, Line: l.Line, Column: l.Column, Length: l.Length, LineText: l.LineText}
			}
			d.Notes = append(d.Notes, dn)
		}
		diags.Add(d)
	}
	return diags
}
