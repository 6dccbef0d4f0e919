package edge

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja/parser"
)

// goja's parser rejects class fields named get, set or async
// (`class Context { set = (k, v) => … }`, which Hono's Context has): after
// those words it only expects a method name or `(`, where the language
// also allows `=`, `;`, `}` or a line break (goja's parser/statement.go
// handles `static` so, but not these three). V8 parses them, so a bundle
// that the platform runs must run here.
//
// quoteClassFieldKeywords works around it without touching goja: it
// parses the bundle (without its source map, so that positions are in the
// bundle), and while the first error sits just after one of those words,
// quotes the word — `"set" = …` is the same public field — and parses
// again. It returns the code unchanged when the error is anything else.
// The quotes shift later columns on that line by two, which only source
// positions on the same line after the field can notice.
func quoteClassFieldKeywords(code string) (string, bool) {
	changed := false
	for i := 0; i < 256; i++ {
		_, err := parser.ParseFile(nil, "", code, 0, parser.WithDisableSourceMaps)
		if err == nil {
			return code, changed
		}
		var list parser.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			return code, changed
		}
		off, ok := byteOffset(code, list[0].Position.Line, list[0].Position.Column)
		if !ok {
			return code, changed
		}
		start, end, ok := keywordBefore(code, off)
		if !ok {
			return code, changed
		}
		code = code[:start] + `"` + code[start:end] + `"` + code[end:]
		changed = true
	}
	return code, changed
}

// byteOffset converts goja's 1-based line and character column to a byte
// offset.
func byteOffset(code string, line, col int) (int, bool) {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(code[off:], '\n')
		if i < 0 {
			return 0, false
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(code); c++ {
		_, n := utf8.DecodeRuneInString(code[off:])
		off += n
	}
	return off, off <= len(code)
}

// keywordBefore finds the last `get`, `set` or `async` that ends a class
// field (the word, spaces, then `=`, `;`, `}` or a line break) within a
// short distance before off: goja reports the error a token or two after
// the word.
func keywordBefore(code string, off int) (start, end int, ok bool) {
	from := max(0, off-64)
	found := false
	for i := min(off, len(code)-1); i >= from; i-- {
		if !strings.ContainsRune("=;}\n", rune(code[i])) {
			continue
		}
		e := i
		for e > from && (code[e-1] == ' ' || code[e-1] == '\t' || (code[e-1] == '\n' && code[i] != '\n') || code[e-1] == '\r') {
			e--
		}
		s := e
		for s > 0 && isIdentByte(code[s-1]) {
			s--
		}
		switch code[s:e] {
		case "get", "set", "async":
		default:
			continue
		}
		if s > 0 && (code[s-1] == '.' || code[s-1] == '#' || code[s-1] == '"' || code[s-1] == '\'') {
			continue
		}
		if code[i] == '=' && i+1 < len(code) && (code[i+1] == '=' || code[i+1] == '>') {
			continue // a comparison or an arrow, not a field initialiser
		}
		start, end, found = s, e, true
		break
	}
	return start, end, found
}

func isIdentByte(b byte) bool {
	return b == '_' || b == '$' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
