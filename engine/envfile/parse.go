package envfile

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// IDs of the messages Parse and Load produce, so tools can match or
// silence them.
const (
	IDSyntax    = "env-syntax"    // a line dotenv ignores
	IDQuote     = "env-quote"     // a value opens a quote it never closes
	IDMultiline = "env-multiline" // a quoted value runs over lines that look like assignments
	IDDuplicate = "env-duplicate" // a key is set twice in one file
	IDExpand    = "env-expand"    // expansion never ends: Next drops the whole file
	IDRead      = "env-read"      // an env file exists but cannot be read
)

// Var is one variable of an env file.
type Var struct {
	Key   string
	Value string // unquoted, \n turned into a line break in "…"; not yet expanded
	Line  int    // 1-based line of the assignment that set Value
	// Quote is the quote character that surrounded the value (' " or `),
	// or 0 for an unquoted value.
	Quote byte
}

// jsSpace is JavaScript's \s: dotenv's expression uses it, and it is wider
// than Go's (it has U+00A0, U+FEFF — a byte order mark at the top of a file
// reads as space — and the other Unicode spaces).
const jsSpace = `[\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]`

// lineRe is dotenv 16's LINE expression (lib/main.js) with \s spelled out
// as jsSpace. It has no look-around or back-reference, and Go's regexp
// picks the same leftmost-first match as a backtracking engine, so it
// matches exactly what dotenv matches — also its surprises: the quoted
// alternatives may run over several lines, and `KEY=` followed by a line
// starting with a quote takes that line as its value.
var lineRe = regexp.MustCompile(strings.NewReplacer(`\s`, jsSpace).Replace(
	`(?m)^\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*` +
		"`(?:\\\\`|[^`])*`" + `|[^#\r\n]+)?\s*(?:#.*)?$`))

// assignRe recognises a line that looks like an assignment, to tell a user
// that a quoted value above it has swallowed it.
var assignRe = regexp.MustCompile(`^` + jsSpace + `*(?:export` + jsSpace + `+)?[\w.-]+` + jsSpace + `*=`)

func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// Parse reads one env file as dotenv.parse does. name is the file's name
// as it should appear in messages (project-relative, forward slashes).
//
// The variables come in the order a JavaScript object lists dotenv's
// result, which is the order dotenv-expand expands them in: keys that are
// array indices ("0", "17") first, ascending, then the others in the order
// they first appear. A key set twice keeps its first place and its last
// value. Lines dotenv ignores come back as warnings.
func Parse(name, src string) ([]Var, diag.List) {
	src = normalize(src)
	p := parser{name: name, src: src, lineStart: lineStarts(src)}
	return p.run()
}

// normalize does what happens to a file before dotenv's expression sees
// it. Node decodes it as UTF-8, replacing invalid bytes (which also keeps
// values valid strings for the JavaScript runtime), and dotenv turns CRLF
// and lone CR into LF (lines.replace(/\r\n?/mg, '\n')), which keeps line
// numbers as an editor counts them.
func normalize(src string) string {
	src = strings.ToValidUTF8(src, "\uFFFD")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	return strings.ReplaceAll(src, "\r", "\n")
}

type parser struct {
	name      string
	src       string
	lineStart []int // byte offset of each line's start
	diags     diag.List
}

func lineStarts(src string) []int {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// pos turns a byte offset into a 1-based line and 0-based byte column.
func (p *parser) pos(off int) (line, col int) {
	i := sort.Search(len(p.lineStart), func(i int) bool { return p.lineStart[i] > off }) - 1
	return i + 1, off - p.lineStart[i]
}

func (p *parser) lineText(line int) string {
	start := p.lineStart[line-1]
	end := len(p.src)
	if line < len(p.lineStart) {
		end = p.lineStart[line] - 1
	}
	return p.src[start:end]
}

func (p *parser) loc(off, length int) *diag.Location {
	line, col := p.pos(off)
	return &diag.Location{File: p.name, Line: line, Column: col, Length: length, LineText: p.lineText(line)}
}

func (p *parser) warn(id string, off, length int, format string, args ...any) *diag.Message {
	p.diags.Add(diag.Message{Kind: diag.Warning, ID: id, Text: fmt.Sprintf(format, args...), Location: p.loc(off, length)})
	return &p.diags[len(p.diags)-1]
}

func (p *parser) run() ([]Var, diag.List) {
	matches := lineRe.FindAllStringSubmatchIndex(p.src, -1)
	vars := map[string]*Var{}
	var order []string
	for _, m := range matches {
		key := p.src[m[2]:m[3]]
		raw := ""
		if m[4] >= 0 {
			raw = p.src[m[4]:m[5]]
		}
		v := Var{Key: key, Line: p.lineOf(m[2])}
		v.Value, v.Quote = p.value(key, raw, m[4])
		if key == "__proto__" {
			// obj["__proto__"] = "…" sets nothing in JavaScript.
			p.warn(IDSyntax, m[2], len(key), "dotenv cannot set a variable named __proto__; it is ignored.")
			continue
		}
		if old, ok := vars[key]; ok {
			m := diag.Message{Kind: diag.Info, ID: IDDuplicate, Location: p.loc(m[2], len(key)),
				Text: fmt.Sprintf("%s is set again here; this value replaces the one on line %d.", key, old.Line)}
			p.diags.Add(m.WithNote("The earlier value is set here:", p.loc(p.lineStart[old.Line-1], 0)))
			*old = v
			continue
		}
		vars[key] = &v
		order = append(order, key)
	}
	p.unreadLines(matches)
	out := make([]Var, 0, len(order))
	for _, k := range jsKeyOrder(order) {
		out = append(out, *vars[k])
	}
	return out, p.diags
}

func (p *parser) lineOf(off int) int {
	l, _ := p.pos(off)
	return l
}

// value applies dotenv's clean-up to the matched value: trim, strip one
// pair of matching outer quotes, and expand \n and \r when the value
// started with a double quote.
func (p *parser) value(key, raw string, off int) (string, byte) {
	v := strings.TrimFunc(raw, isJSSpace)
	if v == "" {
		return "", 0
	}
	lead := strings.IndexFunc(raw, func(r rune) bool { return !isJSSpace(r) })
	first := v[0]
	var quote byte
	if first == '\'' || first == '"' || first == '`' {
		if len(v) >= 2 && v[len(v)-1] == first {
			quote = first
			v = v[1 : len(v)-1]
			if strings.Contains(v, "\n") {
				p.checkMultiline(key, off+lead, v)
			}
		} else {
			p.warn(IDQuote, off+lead, 1,
				"The value of %s starts with %c but does not end with it, so the quote is part of the value.", key, first).
				Notes = []diag.Note{{Text: fmt.Sprintf("Close the quote, or remove it if %s should not start with %c.", key, first)}}
		}
	}
	// dotenv checks the first character before stripping quotes, so an
	// unclosed " still turns \n into line breaks.
	if first == '"' {
		v = strings.ReplaceAll(v, `\n`, "\n")
		v = strings.ReplaceAll(v, `\r`, "\r")
	}
	return v, quote
}

// checkMultiline warns when a quoted value runs over lines that look like
// assignments of their own: the usual sign of a closing quote left out.
func (p *parser) checkMultiline(key string, off int, inner string) {
	lines := strings.Split(inner, "\n")[1:]
	start := off + 1 + len(strings.SplitN(inner, "\n", 2)[0]) + 1
	for _, l := range lines {
		if assignRe.MatchString(l) {
			first, _ := p.pos(off)
			line, _ := p.pos(start)
			p.warn(IDMultiline, off, 1,
				"The quoted value of %s runs from line %d over line %d, which looks like an assignment of its own; dotenv keeps it as part of the value.",
				key, first, line).Notes = []diag.Note{{Text: "If the value should end on its first line, add the closing quote there.", Location: p.loc(start, len(l))}}
			return
		}
		start += len(l) + 1
	}
}

// unreadLines warns about every line that holds something other than
// space or a comment and that no match of lineRe covers: dotenv skips it.
func (p *parser) unreadLines(matches [][]int) {
	mi := 0
	for line := 1; line <= len(p.lineStart); line++ {
		text := p.lineText(line)
		col := strings.IndexFunc(text, func(r rune) bool { return !isJSSpace(r) })
		if col < 0 || text[col] == '#' {
			continue
		}
		off := p.lineStart[line-1] + col
		for mi < len(matches) && matches[mi][1] <= off {
			mi++
		}
		if mi < len(matches) && matches[mi][0] <= off {
			continue
		}
		rest := strings.TrimRightFunc(text[col:], isJSSpace)
		m := p.warn(IDSyntax, off, len(rest), "This line is not a variable assignment; dotenv ignores it.")
		m.Notes = []diag.Note{{Text: syntaxHint(rest)}}
	}
}

var keyRe = regexp.MustCompile(`^(?:export` + jsSpace + `+)?([\w.-]+)`)

// syntaxHint guesses what the author meant.
func syntaxHint(line string) string {
	k := keyRe.FindStringSubmatch(line)
	switch {
	case k == nil && strings.Contains(line, "="):
		return "A variable name may contain only letters, digits, '_', '.' and '-'."
	case k == nil:
		return "Write KEY=value."
	}
	rest := line[len(k[0]):]
	switch {
	case strings.HasPrefix(rest, ":"):
		return fmt.Sprintf("dotenv reads 'KEY: value' only with a space after the colon: write %s=%s or %s: %s.",
			k[1], rest[1:], k[1], rest[1:])
	case strings.Contains(rest, "="):
		return "A variable name may contain only letters, digits, '_', '.' and '-'."
	}
	return fmt.Sprintf("Write %s=value (an empty value is %s=).", k[1], k[1])
}

// jsKeyOrder orders keys as a JavaScript object lists them: array indices
// (canonical integers below 2³²-1) first, ascending, then the rest in
// insertion order.
func jsKeyOrder(keys []string) []string {
	var idx, rest []string
	for _, k := range keys {
		if isArrayIndex(k) {
			idx = append(idx, k)
		} else {
			rest = append(rest, k)
		}
	}
	sort.Slice(idx, func(i, j int) bool {
		a, _ := strconv.ParseUint(idx[i], 10, 32)
		b, _ := strconv.ParseUint(idx[j], 10, 32)
		return a < b
	})
	return append(idx, rest...)
}

func isArrayIndex(k string) bool {
	if k == "" || (len(k) > 1 && k[0] == '0') || !utf8.ValidString(k) {
		return false
	}
	n, err := strconv.ParseUint(k, 10, 32)
	return err == nil && n < 1<<32-1 && strconv.FormatUint(n, 10) == k
}
