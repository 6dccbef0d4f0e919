package bundle

import (
	"bytes"
	"fmt"

	"github.com/go-sourcemap/sourcemap"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// unicodeRegexpDiags finds regular expressions with unicode property
// escapes (\p{…}, \P{…}) in the output. goja silently treats them as
// literal text (/\p{L}/u matches "p{L}", not a letter), so each one is
// reported at its original source position instead of misbehaving at run
// time. esbuild turns such literals into `new RegExp("\\p{…}", "u")`
// (its target says the feature is unsupported), so both spellings are
// searched.
func unicodeRegexpDiags(code, srcMap []byte, route string) diag.List {
	var out diag.List
	var sm *sourcemap.Consumer
	seen := map[string]bool{}
	for _, needle := range [][]byte{[]byte(`\\p{`), []byte(`\\P{`), []byte(`\p{`), []byte(`\P{`)} {
		off := 0
		for {
			i := bytes.Index(code[off:], needle)
			if i < 0 {
				break
			}
			pos := off + i
			off = pos + len(needle)
			if len(needle) == 3 && pos > 0 && code[pos-1] == '\\' {
				continue // the string form, found by the first needles
			}
			line := bytes.Count(code[:pos], []byte("\n")) + 1
			col := pos - (bytes.LastIndexByte(code[:pos], '\n') + 1)
			loc := &diag.Location{File: route}
			if sm == nil && len(srcMap) > 0 {
				sm, _ = sourcemap.Parse("", srcMap)
			}
			if sm != nil {
				if file, _, l, c, ok := sm.Source(line, col); ok {
					loc = &diag.Location{File: file, Line: l, Column: c}
				}
			}
			key := fmt.Sprintf("%s:%d:%d", loc.File, loc.Line, loc.Column)
			if seen[key] {
				continue
			}
			seen[key] = true
			out.Add(diag.Message{Kind: diag.Warning, ID: diag.IDUnicodeRegexp, Location: loc,
				Text:  "This regular expression uses a unicode property escape (\\p{…}), which edgeplay's runtime cannot run: it would match the wrong text.",
				Notes: []diag.Note{{Text: "The edge platform supports it; under edgeplay, calls using this expression give wrong results. Use explicit character ranges to test the route here."}}})
		}
	}
	return out
}
