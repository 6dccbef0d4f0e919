package bundle

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// Runtime is where a route runs.
type Runtime string

const (
	RuntimeEdge   Runtime = "edge"
	RuntimeNodeJS Runtime = "nodejs"
)

// ValidRuntimes are the values Next accepts for a route's runtime.
var ValidRuntimes = []string{"experimental-edge", "edge", "nodejs"}

var (
	configRe  = regexp.MustCompile(`\bexport\s+(?:const|let|var)\s+config\s*(?::[^=]+)?=\s*\{`)
	runtimeRe = regexp.MustCompile(`\bexport\s+(?:const|let|var)\s+runtime\s*(?::[^=]+)?=\s*`)
	keyRe     = regexp.MustCompile(`(?:^|[,{\s])(?:runtime|' {7}'|" {7}")\s*:\s*`)
	stringRe  = regexp.MustCompile("^(?:'([^'\\n]*)'|\"([^\"\\n]*)\"|`([^`$]*)`)")
)

// DetectRuntime reads a route's runtime the way Next does: statically,
// from `export const config = { runtime: '…' }` or
// `export const runtime = '…'`, without running the code. Without either,
// a pages/api route runs on Node.js.
func DetectRuntime(file, page string, src []byte) (Runtime, diag.List) {
	var diags diag.List
	code := blankComments(src)
	value, at, found, literal := "", -1, false, true
	if m := runtimeRe.FindIndex(code); m != nil {
		found = true
		value, literal = readString(src[m[1]:])
		at = m[1]
	}
	if m := configRe.FindIndex(code); m != nil && !found {
		body := code[m[1]:]
		if end := matchBrace(body); end >= 0 {
			body = body[:end]
		}
		for _, k := range keyRe.FindAllIndex(body, -1) {
			key := bytes.TrimLeft(src[m[1]+k[0]:m[1]+k[1]], ",{ \t\r\n")
			if !bytes.HasPrefix(key, []byte("runtime")) && !bytes.HasPrefix(key[min(1, len(key)):], []byte("runtime")) {
				continue
			}
			found = true
			at = m[1] + k[1]
			value, literal = readString(src[at:])
			break
		}
	}
	if !found {
		return RuntimeNodeJS, nil
	}
	loc := locate(src, file, at)
	switch {
	case !literal:
		diags.Add(diag.Message{Kind: diag.Error, ID: diag.IDRuntimeConfig, Location: loc,
			Text:  fmt.Sprintf("The runtime of %s must be a string literal: Next.js reads it without running the code.", file),
			Notes: []diag.Note{{Text: "Write runtime: 'edge' (or 'nodejs')."}}})
		return RuntimeNodeJS, diags
	case value == "edge":
		return RuntimeEdge, nil
	case value == "experimental-edge":
		loc.Length = len(value) + 2
		loc.Suggestion = "'edge'"
		diags.Add(diag.Message{Kind: diag.Warning, ID: diag.IDExperimental, Location: loc,
			Text: fmt.Sprintf("Page %s provided runtime 'experimental-edge'. It can be updated to 'edge' instead.", page)})
		return RuntimeEdge, diags
	case value == "nodejs":
		return RuntimeNodeJS, nil
	default:
		loc.Length = len(value) + 2
		diags.Add(diag.Message{Kind: diag.Error, ID: diag.IDRuntimeConfig, Location: loc,
			Text: fmt.Sprintf("Provided runtime %q is not supported. Please leave it empty or choose one of: experimental-edge, edge, nodejs", value)})
		return RuntimeNodeJS, diags
	}
}

func readString(b []byte) (string, bool) {
	m := stringRe.FindSubmatch(b)
	if m == nil {
		return "", false
	}
	for _, g := range m[1:] {
		if g != nil {
			return string(g), true
		}
	}
	return "", true
}

// matchBrace returns the index of the brace closing an object whose
// opening brace was just consumed, or -1.
func matchBrace(b []byte) int {
	depth := 1
	var quote byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		if quote != 0 {
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		}
		switch c {
		case '\'', '"', '`':
			quote = c
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// blankComments replaces comments and the insides of string literals with
// spaces (keeping quotes, newlines and byte offsets), so that config in a
// comment or a string is not read. Values are then read from the source.
func blankComments(src []byte) []byte {
	out := bytes.Clone(src)
	var quote byte
	for i := 0; i < len(out); i++ {
		c := out[i]
		if quote != 0 {
			if c == '\\' {
				out[i] = ' '
				if i+1 < len(out) && out[i+1] != '\n' {
					out[i+1] = ' '
				}
				i++
			} else if c == quote || (c == '\n' && quote != '`') {
				quote = 0
			} else if c != '\n' {
				out[i] = ' '
			}
			continue
		}
		switch {
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '/' && i+1 < len(out) && out[i+1] == '/':
			for ; i < len(out) && out[i] != '\n'; i++ {
				out[i] = ' '
			}
		case c == '/' && i+1 < len(out) && out[i+1] == '*':
			j := i
			for ; j < len(out) && !(out[j] == '*' && j+1 < len(out) && out[j+1] == '/' && j > i+1); j++ {
				if out[j] != '\n' {
					out[j] = ' '
				}
			}
			for k := j; k < len(out) && k < j+2; k++ {
				out[k] = ' '
			}
			i = j + 1
		}
	}
	return out
}

// locate turns a byte offset into a location with its line text.
func locate(src []byte, file string, off int) *diag.Location {
	if off < 0 || off > len(src) {
		return &diag.Location{File: file}
	}
	line := bytes.Count(src[:off], []byte("\n")) + 1
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += off
	}
	return &diag.Location{File: file, Line: line, Column: off - start, LineText: string(bytes.TrimRight(src[start:end], "\r"))}
}
