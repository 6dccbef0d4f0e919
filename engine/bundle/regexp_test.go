package bundle

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// TestUnicodeRegexps runs rewritten code in goja: each expression must give
// what V8 gives (the want column, from Node), or be reported.
func TestUnicodeRegexps(t *testing.T) {
	tests := []struct {
		code  string
		want  string // the value in goja after the rewrite
		diags []diag.Kind
	}{
		{`new RegExp("\\p{L}+", "u").test("é")`, "true", nil},
		{`new RegExp("^\\p{L}+$", "u").test("p{L}")`, "false", nil},
		{`JSON.stringify("a1é𝒜b".match(new RegExp("\\p{L}", "gu")))`, `["a","é","𝒜","b"]`, nil},
		{`new RegExp("\\P{L}", "u").exec("ab1").index`, "2", nil},
		{`new RegExp('\\p{Lu}', 'u').exec("ab𝒜C").index`, "2", nil},
		{`/[\p{L}\d_]+/giu.exec("--é_9--")[0]`, "é_9", nil},
		{`x = 1 / 2, /^[\p{Script=Greek}]$/u.test("α")`, "true", nil},
		{`/^\p{sc=Grek}+$/u.test("αβ") + "," + /^\p{sc=Grek}+$/u.test("ab")`, "true,false", nil},
		{`new RegExp("^\\p{gc=Lu}\\p{General_Category=Letter}$", "u").test("Ab")`, "true", nil},
		{`new RegExp("^\\p{Script=Han}$", "u").test("漢")`, "true", nil},
		// Valid only as Script=Greek: the platform throws, so the build fails.
		{`0 && /\p{Greek}/u`, "0", []diag.Kind{diag.Error}},
		{`new RegExp("\\p{Emoji_Presentation}", "u").test("😀")`, "true", nil},
		{`"x-é-y".replace(new RegExp("\\p{Letter}", "gu"), "*")`, "*-*-*", nil},
		// Without /u, \p is the letter p in JS too: left alone, not reported.
		{`/\p{L}/.test("p{L}")`, "true", nil},
		{`new RegExp("\\p{L}", "g").test("p{L}")`, "true", nil},
		// Unknown to the runtime: a build error.
		{`0 && new RegExp("\\p{Script_Extensions=Greek}", "u")`, "0", []diag.Kind{diag.Error}},
		{`0 && /[\p{Alphabetic}]/u`, "0", []diag.Kind{diag.Error}},
		// A string that may become a pattern later: a warning.
		{`var s = "\\p{L}"; s.length`, "5", nil}, // a string: the runtime RegExp constructor handles it (webapi/lang)
	}
	for _, tt := range tests {
		out, ds := unicodeRegexps([]byte(tt.code), nil, "r.js")
		var kinds []diag.Kind
		for _, d := range ds {
			kinds = append(kinds, d.Kind)
		}
		if len(kinds) != len(tt.diags) || (len(kinds) > 0 && kinds[0] != tt.diags[0]) {
			t.Errorf("%s: diagnostics %v, want %v", tt.code, kinds, tt.diags)
		}
		v, err := goja.New().RunString(string(out))
		if err != nil {
			t.Errorf("%s: rewritten to %s: %v", tt.code, out, err)
			continue
		}
		if v.String() != tt.want {
			t.Errorf("%s: rewritten to %s = %s, want %s", tt.code, out, v, tt.want)
		}
	}
}
