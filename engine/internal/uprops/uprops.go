// Package uprops maps the Unicode property names of JS regular expressions
// (\p{L}, \p{Script=Greek}, \p{sc=Latn}, \p{gc=Lu}, …) to the names
// regexp2 — the engine goja uses for patterns its Go-regexp translation
// cannot take — knows for the same sets. The bundler rewrites regex
// literals with it; the runtime's RegExp constructor rewrites patterns
// built from strings.
package uprops

import (
	"strings"
	"unicode"

	"github.com/dlclark/regexp2/v2"
)

// Results of Property.
const (
	OK          = iota
	Unsupported // valid in JS, unknown to regexp2
	Invalid     // a SyntaxError on the platform too
)

// scriptCodes are the ISO 15924 codes of common scripts (Script=Latn),
// by the long names Go's unicode tables use.
var scriptCodes = map[string]string{
	"Arab": "Arabic", "Armn": "Armenian", "Beng": "Bengali", "Cyrl": "Cyrillic", "Deva": "Devanagari",
	"Geor": "Georgian", "Grek": "Greek", "Gujr": "Gujarati", "Guru": "Gurmukhi", "Hang": "Hangul",
	"Hani": "Han", "Hebr": "Hebrew", "Hira": "Hiragana", "Kana": "Katakana", "Khmr": "Khmer",
	"Knda": "Kannada", "Latn": "Latin", "Mlym": "Malayalam", "Mong": "Mongolian", "Mymr": "Myanmar",
	"Taml": "Tamil", "Telu": "Telugu", "Thaa": "Thaana", "Thai": "Thai", "Tibt": "Tibetan",
	"Zyyy": "Common", "Zinh": "Inherited",
}

// Property maps a JS property name (what stands in \p{name}) to the name
// regexp2 knows, with OK, Unsupported or Invalid.
func Property(name string) (string, int) {
	if k, v, ok := strings.Cut(name, "="); ok {
		switch k {
		case "Script", "sc":
			if long, ok := scriptCodes[v]; ok {
				v = long
			}
			if unicode.Scripts[v] != nil && supported(v) {
				return v, OK
			}
		case "General_Category", "gc":
			if unicode.Scripts[v] == nil && supported(v) {
				return v, OK
			}
		}
		return "", Unsupported
	}
	if unicode.Scripts[name] != nil {
		return "", Invalid // JS wants Script=…
	}
	if supported(name) {
		return name, OK
	}
	return "", Unsupported
}

// supported tells whether regexp2 knows \p{name}.
func supported(name string) (ok bool) {
	if name == "" {
		return false
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_, err := regexp2.Compile(`\p{`+name+`}`, regexp2.ECMAScript|regexp2.Unicode)
	return err == nil
}

// Rewrite rewrites every \p{…} and \P{…} of a u-flag pattern source for
// regexp2 and prepends the empty lookahead that makes goja hand the
// pattern to regexp2. It returns the property that cannot run, if any.
func Rewrite(src string) (out string, bad string, kind int) {
	var b strings.Builder
	b.WriteString("(?=)")
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\\' && i+1 < len(src) {
			n := src[i+1]
			if (n == 'p' || n == 'P') && i+2 < len(src) && src[i+2] == '{' {
				end := strings.IndexByte(src[i+3:], '}')
				if end < 0 {
					return src, src[i:], Invalid
				}
				name := src[i+3 : i+3+end]
				mapped, k := Property(name)
				if k != OK {
					return src, name, k
				}
				b.WriteString(`\` + string(n) + "{" + mapped + "}")
				i += 3 + end
				continue
			}
			b.WriteByte(c)
			b.WriteByte(n)
			i++
			continue
		}
		b.WriteByte(c)
	}
	return b.String(), "", OK
}
