package edge

import (
	"strings"
	"testing"

	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
)

// bundleWithMap runs src through esbuild as pages/api/x.ts, with the
// inline source map a route bundle has.
func bundleWithMap(t *testing.T, src string) string {
	t.Helper()
	out := api.Transform(src, api.TransformOptions{Sourcefile: "pages/api/x.ts", Loader: api.LoaderTS, Sourcemap: api.SourceMapInline})
	if len(out.Errors) > 0 {
		t.Fatalf("%q: %v", src, out.Errors[0].Text)
	}
	return strings.TrimRight(string(out.Code), "\n")
}

func TestDynamicCode(t *testing.T) {
	tests := []struct {
		src  string
		want []string // "line: what"
	}{
		{"eval('1')", []string{"1: eval()"}},
		{"const f = new Function('return 1')", []string{"1: new Function()"}},
		{"x = 1\nFunction('return this')()", []string{"2: Function()"}},
		{"WebAssembly.instantiate(buf)", []string{"1: WebAssembly.instantiate()"}},
		{"async function f() { await WebAssembly.compile(b) }", []string{"1: WebAssembly.compile()"}},
		{"class A { m() { return () => eval(s) } }", []string{"1: eval()"}},
		{"obj.eval('1'); const Function2 = 1; notEval(1)", nil},
		{"const e = 'eval(1)' // eval(2)", nil},
	}
	for _, tt := range tests {
		code := bundleWithMap(t, tt.src)
		prog, err := parser.ParseFile(nil, bundleFileName, code, 0)
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		var got []string
		for _, d := range dynamicCode(prog, code) {
			if d.Location.File != "pages/api/x.ts" {
				t.Errorf("%q: file %q", tt.src, d.Location.File)
			}
			what := strings.TrimSuffix(d.Text[strings.Index(d.Text, "Runtime (")+9:], ")")
			got = append(got, strings.TrimSpace(strings.Split(d.Location.Position(), ":")[1])+": "+what)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%q:\ngot  %q\nwant %q", tt.src, got, tt.want)
		}
	}
}
