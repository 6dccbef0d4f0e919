package bundle

import (
	"bytes"
	"fmt"

	"github.com/edgeplay/edgeplay/engine/internal/uprops"
	"github.com/go-sourcemap/sourcemap"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// Unicode property escapes (\p{…}, \P{…}) in regular expressions with the
// u flag.
//
// goja translates a pattern to Go's regexp syntax when it can and drops the
// backslash of \p there, so /\p{L}/u silently matches the text "p{L}".
// When the translation is impossible (a lookahead, a backreference) goja
// hands the original pattern to regexp2, which implements \p{…} for the
// general categories (L, Lu, Letter, …), the scripts (by their bare names:
// Greek, Latin, …) and the emoji properties, with full code-point matching
// under /u. So each such expression is made to take that path: an empty
// lookahead `(?=)`, which matches everywhere and changes nothing else, is put
// at the start of its pattern, and JS's Script=X / sc=X / gc=X names are
// written as regexp2 spells them (the visible difference: `.source`).
//
// esbuild writes most such literals as `new RegExp("…", "u")` (its target
// says the feature is unsupported) but keeps the literal form when the
// escape is inside a class (/[\p{L}\d]/u); both are rewritten. A property
// that regexp2 does not know (Script_Extensions=…, Alphabetic, ASCII, …)
// would throw a SyntaxError when the route runs, and a bare script name
// (\p{Greek}) is a SyntaxError on the platform: both are build errors, at
// their original source position. Inserted text shifts the columns after it
// on that line of the bundle by 4 bytes. A \p{ found anywhere else (a string that may
// become a pattern at run time) is a warning.

type regexpEdit struct {
	at        int // insert `(?=)` here; -1: none
	pos       int // the \p's offset, for the diagnostic
	nameStart int
	name      string
	regexp    bool // a regular expression with the u flag
}

// unicodeRegexps rewrites code as above and reports what cannot run.
func unicodeRegexps(code, srcMap []byte, route string) ([]byte, diag.List) {
	var edits []regexpEdit
	for _, form := range []struct {
		needle []byte
		str    bool
	}{{[]byte(`\\p{`), true}, {[]byte(`\\P{`), true}, {[]byte(`\p{`), false}, {[]byte(`\P{`), false}} {
		off := 0
		for {
			i := bytes.Index(code[off:], form.needle)
			if i < 0 {
				break
			}
			pos := off + i
			off = pos + len(form.needle)
			if !form.str && pos > 0 && code[pos-1] == '\\' {
				continue // the string form, found by the first needles
			}
			nameStart := pos + len(form.needle)
			e := regexpEdit{at: -1, pos: pos, nameStart: nameStart}
			if end := bytes.IndexByte(code[nameStart:], '}'); end >= 0 && end < 64 {
				e.name = string(code[nameStart : nameStart+end])
			}
			var start int
			var flags string
			var ok bool
			if form.str {
				start, flags, ok = enclosingNewRegExp(code, pos)
			} else {
				start, flags, ok = enclosingLiteral(code, pos)
			}
			if ok {
				if !bytes.ContainsRune([]byte(flags), 'u') && !bytes.ContainsRune([]byte(flags), 'v') {
					continue // without /u, \p is the letter p: goja is right
				}
				e.regexp = true
				e.at = start
			}
			edits = append(edits, e)
		}
	}
	if len(edits) == 0 {
		return code, nil
	}

	var out diag.List
	var sm *sourcemap.Consumer
	seen := map[string]bool{}
	insert := map[int]string{}  // offset -> text inserted there
	replace := map[int]string{} // name offset -> the name regexp2 knows
	for _, e := range edits {
		var msg diag.Message
		mapped, status := runtimeProperty(e.name)
		switch {
		case e.regexp && status == propOK:
			if e.at >= 0 {
				insert[e.at] = "(?=)"
			}
			if mapped != e.name {
				replace[e.nameStart] = mapped
			}
			continue
		case e.regexp && status == propInvalid:
			msg = diag.Message{Kind: diag.Error, ID: diag.IDUnicodeRegexp,
				Text:  fmt.Sprintf("\\p{%s} is not a valid unicode property escape: the platform throws a SyntaxError for this regular expression.", e.name),
				Notes: []diag.Note{{Text: fmt.Sprintf("A script is written \\p{Script=%s}.", e.name)}}}
		case e.regexp:
			msg = diag.Message{Kind: diag.Error, ID: diag.IDUnicodeRegexp,
				Text:  fmt.Sprintf("This regular expression uses the unicode property escape \\p{%s}, which edgeplay's runtime does not support: it would throw a SyntaxError when the route runs.", e.name),
				Notes: []diag.Note{{Text: "General categories (\\p{L}, \\p{Lu}, \\p{Letter}, \\p{gc=Nd}), scripts (\\p{Script=Greek}, \\p{sc=Latn}), White_Space and the emoji properties work; Script_Extensions and most other binary properties (Alphabetic, ASCII, Any, …) do not. Use an explicit character range instead."}}}
		default:
			// A \p{…} in a string: if it becomes a u-flag RegExp at run
			// time, the runtime's RegExp constructor rewrites it the same
			// way (webapi/lang), or throws for a property it cannot run.
			continue
		}
		line := bytes.Count(code[:e.pos], []byte("\n")) + 1
		col := e.pos - (bytes.LastIndexByte(code[:e.pos], '\n') + 1)
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
		msg.Location = loc
		out.Add(msg)
	}
	if len(insert) == 0 && len(replace) == 0 {
		return code, out
	}
	var b bytes.Buffer
	b.Grow(len(code) + 4*len(insert))
	for i := 0; i < len(code); i++ {
		if s, ok := insert[i]; ok {
			b.WriteString(s)
		}
		if s, ok := replace[i]; ok {
			b.WriteString(s)
			i += bytes.IndexByte(code[i:], '}') - 1
			continue
		}
		b.WriteByte(code[i])
	}
	return b.Bytes(), out
}

const (
	propOK          = uprops.OK
	propUnsupported = uprops.Unsupported // valid in JS, unknown to regexp2
	propInvalid     = uprops.Invalid     // a SyntaxError on the platform too
)

// runtimeProperty maps a JS property name (\p{name}) to the name regexp2
// knows for the same set.
func runtimeProperty(name string) (string, int) { return uprops.Property(name) }

// enclosingNewRegExp finds `new RegExp("…pos…", "flags")` around pos (a
// backslash in a double-quoted string literal, as esbuild prints them) and
// returns the offset just after the opening quote and the flags.
func enclosingNewRegExp(code []byte, pos int) (int, string, bool) {
	lineStart := bytes.LastIndexByte(code[:pos], '\n') + 1
	prefix := []byte(`new RegExp(`)
	for from := pos; ; {
		k := bytes.LastIndex(code[lineStart:from], prefix)
		if k < 0 {
			return 0, "", false
		}
		from = lineStart + k
		quote := from + len(prefix)
		if c := code[quote]; c != '"' && c != '\'' && c != '`' {
			continue
		}
		end, ok := stringEnd(code, quote)
		if !ok || end < pos {
			continue
		}
		// The flags: `, "…")` or `,"…")`.
		rest := bytes.TrimLeft(code[end+1:], " ")
		if len(rest) == 0 || rest[0] != ',' {
			return 0, "", false
		}
		rest = bytes.TrimLeft(rest[1:], " ")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return 0, "", false
		}
		fe := bytes.IndexByte(rest[1:], rest[0])
		if fe < 0 || fe > 8 || len(rest) < fe+3 || rest[fe+2] != ')' {
			return 0, "", false
		}
		return quote + 1, string(rest[1 : 1+fe]), true
	}
}

// stringEnd returns the offset of the closing quote of the string literal
// that opens at code[open].
func stringEnd(code []byte, open int) (int, bool) {
	q := code[open]
	for i := open + 1; i < len(code); i++ {
		switch code[i] {
		case '\\':
			i++
		case q:
			return i, true
		case '$':
			if q == '`' && i+1 < len(code) && code[i+1] == '{' {
				return 0, false // a template with substitutions
			}
		case '\n':
			return 0, false
		}
	}
	return 0, false
}

// enclosingLiteral finds the regular expression literal around pos (the
// backslash of \p) and returns the offset just after its opening slash and
// its flags. Candidates are the slashes before pos on its line; one is the
// literal's start when the text before it allows a regular expression and
// scanning from it as a pattern (escapes, classes) reaches a closing slash
// after pos.
func enclosingLiteral(code []byte, pos int) (int, string, bool) {
	lineStart := bytes.LastIndexByte(code[:pos], '\n') + 1
	for s := pos - 1; s >= lineStart; s-- {
		if code[s] != '/' || !regexpMayStart(code[lineStart:s]) {
			continue
		}
		end, ok := literalEnd(code, s)
		if !ok || end < pos {
			continue
		}
		// The body must contain pos as an escape, not as a char after one.
		f := end + 1
		for f < len(code) && (code[f] >= 'a' && code[f] <= 'z') {
			f++
		}
		return s + 1, string(code[end+1 : f]), true
	}
	return 0, "", false
}

// literalEnd scans a regular expression body from the slash at code[open]
// and returns the offset of its closing slash.
func literalEnd(code []byte, open int) (int, bool) {
	inClass := false
	for i := open + 1; i < len(code); i++ {
		switch c := code[i]; {
		case c == '\\':
			i++
		case c == '\n':
			return 0, false
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			return i, i > open+1
		}
	}
	return 0, false
}

// regexpMayStart tells whether a regular expression literal (rather than a
// division) may follow before, the text of the line up to a slash.
func regexpMayStart(before []byte) bool {
	t := bytes.TrimRight(before, " \t")
	if len(t) == 0 {
		return true
	}
	switch t[len(t)-1] {
	case '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^':
		return true
	}
	for _, kw := range []string{"return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await"} {
		if bytes.HasSuffix(t, []byte(kw)) {
			k := len(t) - len(kw)
			if k == 0 || !isIdentByte(t[k-1]) {
				return true
			}
		}
	}
	return false
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
