package routes

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func patterns(t *Table) []string {
	var out []string
	for _, r := range t.Routes {
		out = append(out, r.Pattern)
	}
	return out
}

func TestIsRouteFile(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"pages/api/a.ts", true}, {"a.tsx", true}, {"a.js", true}, {"a.jsx", true}, {"a.mjs", true},
		{"_x.ts", true}, {"types.d.ts", false}, {"a.cjs", false}, {"a.json", false}, {"README.md", false},
		{".hidden.ts", false}, {"pages\\api\\win.ts", true},
	}
	for _, tt := range tests {
		if got := IsRouteFile(tt.in); got != tt.want {
			t.Errorf("%q: got %v want %v", tt.in, got, tt.want)
		}
	}
}

func TestPrecedence(t *testing.T) {
	files := []string{
		"pages/api/opt/[[...all]].ts", "pages/api/index.ts", "pages/api/[slug].ts", "pages/api/users/[id].ts", "pages/api/users/me.ts",
		"pages/api/users/index.ts", "pages/api/files/[...path].ts", "pages/api/_x.ts", "pages/api/b.ts", "pages/api/a.ts",
	}
	for _, style := range []string{"/", "\\"} {
		in := make([]string, len(files))
		for i, f := range files {
			in[i] = strings.ReplaceAll(f, "/", style)
		}
		tb := Build("pages/api", in)
		want := []string{"/api", "/api/_x", "/api/a", "/api/b", "/api/files/[...path]", "/api/opt/[[...all]]", "/api/users", "/api/users/me", "/api/users/[id]", "/api/[slug]"}
		if got := patterns(tb); !reflect.DeepEqual(got, want) {
			t.Errorf("style %q:\ngot  %q\nwant %q", style, got, want)
		}
		if len(tb.Diags) != 0 {
			t.Errorf("style %q: unexpected %v", style, tb.Diags)
		}
	}
}

func TestConflicts(t *testing.T) {
	tests := []struct {
		files []string
		want  string
	}{
		{[]string{"pages/api/u/[id].ts", "pages/api/u/[slug]/x.ts"}, "You cannot use different slug names for the same dynamic path ('id' !== 'slug')."},
		{[]string{"pages/api/[...a]/b.ts"}, "Catch-all must be the last part of the URL."},
		{[]string{"pages/api/d.ts", "pages/api/d/[[...s]].ts"}, `You cannot define a route with the same specificity as a optional catch-all route ("/api/d" and "/api/d/[[...s]]").`},
		{[]string{"pages/api/c/[...a].ts", "pages/api/c/[[...a]].ts"}, `You cannot use both an required and optional catch-all route at the same level ("[...a]" and "[[...a]]" ).`},
		{[]string{"pages/api/[id]/[id].ts"}, `You cannot have the same slug name "id" repeat within a single dynamic path`},
		{[]string{"pages/api/[[id]].ts"}, `Optional route parameters are not yet supported ("[[id]]").`},
		{[]string{"pages/api/[..id].ts"}, `Segment names may not start with erroneous periods ('..id').`},
		{[]string{"pages/api/a.ts", "pages/api/a.js"}, "Duplicate page detected. pages/api/a.js and pages/api/a.ts resolve to /api/a."},
		{[]string{"pages/api/u.ts", "pages/api/u/index.ts"}, "Duplicate page detected. pages/api/u.ts and pages/api/u/index.ts resolve to /api/u."},
	}
	for _, tt := range tests {
		tb := Build("pages/api", tt.files)
		if len(tb.Diags) != 1 || tb.Diags[0].Text != tt.want {
			t.Errorf("%q:\ngot  %v\nwant %q", tt.files, tb.Diags, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tb := Build("pages/api", []string{"pages/api/users/[id].ts", "pages/api/users/me.ts", "pages/api/files/[...path].ts", "pages/api/docs/[[...slug]].ts", "pages/api/index.ts"})
	tests := []struct {
		path    string
		pattern string
		params  []Param
	}{
		{"/api", "/api", nil},
		{"/api/users/me", "/api/users/me", nil},
		{"/api/users/42", "/api/users/[id]", []Param{{Name: "id", Values: []string{"42"}}}},
		{"/api/users/a%20b", "/api/users/[id]", []Param{{Name: "id", Values: []string{"a b"}}}},
		{"/api/users/42/x", "", nil},
		{"/api/files/a/b%2Fc", "/api/files/[...path]", []Param{{Name: "path", Values: []string{"a", "b/c"}, CatchAll: true}}},
		{"/api/files", "", nil},
		{"/api/docs", "/api/docs/[[...slug]]", nil},
		{"/api/docs/x/y", "/api/docs/[[...slug]]", []Param{{Name: "slug", Values: []string{"x", "y"}, CatchAll: true}}},
		{"/api/nope", "", nil},
	}
	for _, tt := range tests {
		r, params, ok := tb.Match(tt.path)
		if tt.pattern == "" {
			if ok {
				t.Errorf("%q: matched %s", tt.path, r.Pattern)
			}
			continue
		}
		if !ok || r.Pattern != tt.pattern || !reflect.DeepEqual(params, tt.params) {
			t.Errorf("%q: got %v %+v want %s %+v", tt.path, ok, params, tt.pattern, tt.params)
		}
	}
	if _, _, err := tb.MatchErr("/api/users/%zz"); err == nil {
		t.Error("bad escape must be an error")
	}
}

func TestInjectParams(t *testing.T) {
	tests := []struct {
		q      string
		params []Param
		want   string
	}{
		{"x=1", []Param{{Name: "id", Values: []string{"42"}}}, "x=1&id=42"},
		{"", []Param{{Name: "id", Values: []string{"42"}}}, "id=42"},
		{"id=7&x=1&id=8", []Param{{Name: "id", Values: []string{"42"}}}, "id=42&x=1"},
		{"a=%20b", []Param{{Name: "path", Values: []string{"a", "b c/é"}, CatchAll: true}}, "a=%20b&path=a&path=b+c%2F%C3%A9"},
		{"x=1", []Param{{Name: "slug", CatchAll: true}}, "x=1"},
	}
	for _, tt := range tests {
		if got := InjectParams(tt.q, tt.params); got != tt.want {
			t.Errorf("%q %+v: got %q want %q", tt.q, tt.params, got, tt.want)
		}
	}
}

func TestScan(t *testing.T) {
	fsys := fstest.MapFS{
		"src/pages/api/hello.ts":   {Data: []byte("x")},
		"src/pages/api/types.d.ts": {Data: []byte("x")},
		"src/pages/api/lib.json":   {Data: []byte("x")},
	}
	tb, err := Scan(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if tb.Dir != "src/pages/api" || !reflect.DeepEqual(patterns(tb), []string{"/api/hello"}) {
		t.Fatalf("got %s %v", tb.Dir, patterns(tb))
	}
	if _, err := Scan(fstest.MapFS{"app/page.tsx": {}}); err == nil || !strings.Contains(err.Error(), "pages/api") {
		t.Fatalf("want a clear error, got %v", err)
	}
}

func BenchmarkMatch(b *testing.B) {
	tb := Build("pages/api", []string{"pages/api/hello.ts", "pages/api/json.ts", "pages/api/users/[id].ts", "pages/api/files/[...path].ts"})
	for i := 0; i < b.N; i++ {
		tb.Match("/api/hello")
	}
}
