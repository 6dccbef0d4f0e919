package routes

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/edgeplay/edgeplay/engine/diag"
)

var update = flag.Bool("update", false, "update the golden files in testdata/")

// styles are the two slash styles every Build input is tried with.
var styles = []string{"/", "\\"}

// build runs Build on files written in the given slash style.
func build(t *testing.T, style, dir string, files ...string) *Table {
	t.Helper()
	in := make([]string, len(files))
	for i, f := range files {
		in[i] = strings.ReplaceAll(f, "/", style)
	}
	return Build(strings.ReplaceAll(dir, "/", style), in)
}

func patterns(tb *Table) []string {
	out := []string{}
	for _, r := range tb.Routes {
		out = append(out, r.Pattern)
	}
	return out
}

func TestIsRouteFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		want bool
	}{
		{"a.ts", true},
		{"a.tsx", true},
		{"a.js", true},
		{"a.jsx", true},
		{"a.mjs", true},
		{"pages/api/users/[id].ts", true},
		{"pages\\api\\users\\[id].ts", true},
		{"_x.ts", true},       // only pages/_app, _document and _error are special
		{".hidden.js", true},  // next dev serves it as /api/.hidden
		{"index.ts", true},    // maps to its folder
		{"types.d.ts", false}, // a declaration file
		{"pages/api/types.d.ts", false},
		{"a.cjs", false},
		{"a.json", false},
		{"a.ts.map", false},
		{"README.md", false},
		{".ts", false}, // no name before the extension
		{"pages/api/", false},
	}
	for _, tt := range tests {
		if got := IsRouteFile(tt.name); got != tt.want {
			t.Errorf("%q: got %v want %v", tt.name, got, tt.want)
		}
	}
}

func TestPatterns(t *testing.T) {
	t.Parallel()
	tests := []struct {
		dir, file string
		pattern   string
		segs      []Segment
	}{
		{"pages/api", "pages/api/index.ts", "/api", []Segment{{Kind: Static, Value: "api"}}},
		{"pages/api", "pages/api/hello.ts", "/api/hello", []Segment{{Kind: Static, Value: "api"}, {Kind: Static, Value: "hello"}}},
		{"pages/api", "pages/api/users/index.ts", "/api/users", []Segment{{Kind: Static, Value: "api"}, {Kind: Static, Value: "users"}}},
		{"pages/api", "pages/api/users/[id].ts", "/api/users/[id]", []Segment{{Kind: Static, Value: "api"}, {Kind: Static, Value: "users"}, {Kind: Dynamic, Value: "id"}}},
		{"pages/api", "pages/api/files/[...path].js", "/api/files/[...path]", []Segment{{Kind: Static, Value: "api"}, {Kind: Static, Value: "files"}, {Kind: CatchAll, Value: "path"}}},
		{"pages/api", "pages/api/docs/[[...slug]].tsx", "/api/docs/[[...slug]]", []Segment{{Kind: Static, Value: "api"}, {Kind: Static, Value: "docs"}, {Kind: OptionalCatchAll, Value: "slug"}}},
		{"pages/api", "pages/api/index/index.ts", "/api/index", []Segment{{Kind: Static, Value: "api"}, {Kind: Static, Value: "index"}}},
		{"pages/api", "pages/api/[id]/index.mjs", "/api/[id]", []Segment{{Kind: Static, Value: "api"}, {Kind: Dynamic, Value: "id"}}},
		{"pages/api", "pages/api/m/user-[id].ts", "/api/m/user-[id]", []Segment{{Kind: Static, Value: "api"}, {Kind: Static, Value: "m"}, {Kind: Dynamic, Value: "id", Prefix: "user-"}}},
		{"pages/api", "pages/api/feed/[name].json.ts", "/api/feed/[name].json", []Segment{{Kind: Static, Value: "api"}, {Kind: Static, Value: "feed"}, {Kind: Dynamic, Value: "name", Suffix: ".json"}}},
		{"pages/api", "pages/api/[].ts", "/api/[]", []Segment{{Kind: Static, Value: "api"}, {Kind: Static, Value: "[]"}}}, // Next's matcher needs a name
		{"src/pages/api", "src/pages/api/hello.ts", "/api/hello", []Segment{{Kind: Static, Value: "api"}, {Kind: Static, Value: "hello"}}},
	}
	for _, tt := range tests {
		for _, style := range styles {
			tb := build(t, style, tt.dir, tt.file)
			if len(tb.Routes) != 1 {
				t.Errorf("%q (%s): got %d routes (%v) want 1", tt.file, style, len(tb.Routes), tb.Diags)
				continue
			}
			r := tb.Routes[0]
			if r.Pattern != tt.pattern || r.File != tt.file || !reflect.DeepEqual(r.Segments, tt.segs) {
				t.Errorf("%q (%s): got %q %q %+v want %q %q %+v", tt.file, style, r.Pattern, r.File, r.Segments, tt.pattern, tt.file, tt.segs)
			}
			if tb.Dir != tt.dir {
				t.Errorf("%q (%s): got dir %q want %q", tt.file, style, tb.Dir, tt.dir)
			}
		}
	}
}

func TestBuildFilters(t *testing.T) {
	t.Parallel()
	files := []string{
		"pages/api/a.ts", "pages/api/b.d.ts", "pages/api/c.json", "pages/api/README.md",
		"pages/index.tsx", "pages/api.ts", "app/api/route.ts", "src/pages/api/x.ts", "./pages/api/d.js",
		"pages/api/a.ts", // listed twice
	}
	for _, style := range styles {
		tb := build(t, style, "pages/api", files...)
		if got, want := patterns(tb), []string{"/api/a", "/api/d"}; !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %q want %q", style, got, want)
		}
		if len(tb.Diags) != 0 {
			t.Errorf("%q: got diags %v want none", style, tb.Diags)
		}
	}
}

// nextOrder is getSortedRoutes' answer for these pages, computed with
// next 16.4.6's own sorted-routes.js.
var nextOrder = []string{
	"/api", "/api/-", "/api/.hidden", "/api/0", "/api/10", "/api/9", "/api/Z", "/api/_x", "/api/a", "/api/a/b/c",
	"/api/a/[b]/c", "/api/a/[...p]", "/api/docs/[[...slug]]", "/api/files/[...path]", "/api/user-[id]", "/api/users",
	"/api/users/me", "/api/users/[id]", "/api/users/[id]/posts", "/api/users/[id]/[...rest]", "/api/z", "/api/é",
	"/api/😀", "/api/\uffff", "/api/[id]", "/api/[id]/x", "/api/[id]/y/[[...o]]", "/api/[...c]",
}

func TestPrecedence(t *testing.T) {
	t.Parallel()
	var files []string
	exts := []string{".ts", ".js", ".tsx", ".jsx", ".mjs"}
	for i, p := range nextOrder {
		f := "pages" + p + exts[i%len(exts)]
		if p == "/api" || p == "/api/users" {
			f = "pages" + p + "/index.ts"
		}
		files = append(files, f)
	}
	// The input order must not matter.
	for i, j := 0, len(files)-1; i < j; i, j = i+1, j-1 {
		files[i], files[j] = files[j], files[i]
	}
	for _, style := range styles {
		tb := build(t, style, "pages/api", files...)
		if got := patterns(tb); !reflect.DeepEqual(got, nextOrder) {
			t.Errorf("%q:\ngot  %q\nwant %q", style, got, nextOrder)
		}
		for _, d := range tb.Diags {
			if d.Kind == diag.Error {
				t.Errorf("%q: got %v want no errors", style, d)
			}
		}
	}
}

func TestConflicts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		files []string
		text  string
		file  string   // the file the error is on
		note  string   // the other file, if any
		kept  []string // the routes still served
	}{
		{
			files: []string{"pages/api/u/[id].ts", "pages/api/u/[slug]/x.ts"},
			text:  "You cannot use different slug names for the same dynamic path ('id' !== 'slug').",
			file:  "pages/api/u/[slug]/x.ts", note: "pages/api/u/[id].ts",
			kept: []string{"/api/u/[id]"},
		},
		{
			files: []string{"pages/api/[...a].ts", "pages/api/[...b].ts"},
			text:  "You cannot use different slug names for the same dynamic path ('a' !== 'b').",
			file:  "pages/api/[...b].ts", note: "pages/api/[...a].ts",
			kept: []string{"/api/[...a]"},
		},
		{
			files: []string{"pages/api/[...a]/b.ts", "pages/api/ok.ts"},
			text:  "Catch-all must be the last part of the URL.",
			file:  "pages/api/[...a]/b.ts",
			kept:  []string{"/api/ok"},
		},
		{
			files: []string{"pages/api/[[...a]]/b.ts"},
			text:  "Catch-all must be the last part of the URL.",
			file:  "pages/api/[[...a]]/b.ts",
			kept:  []string{},
		},
		{
			files: []string{"pages/api/d.ts", "pages/api/d/[[...s]].ts"},
			text:  `You cannot define a route with the same specificity as a optional catch-all route ("/api/d" and "/api/d[[...s]]").`,
			file:  "pages/api/d/[[...s]].ts", note: "pages/api/d.ts",
			kept: []string{"/api/d"},
		},
		{
			files: []string{"pages/api/index.ts", "pages/api/[[...s]].ts"},
			text:  `You cannot define a route with the same specificity as a optional catch-all route ("/api" and "/api[[...s]]").`,
			file:  "pages/api/[[...s]].ts", note: "pages/api/index.ts",
			kept: []string{"/api"},
		},
		{
			files: []string{"pages/api/[id].ts", "pages/api/[id]/[[...o]].ts"},
			text:  `You cannot define a route with the same specificity as a optional catch-all route ("/api/[id]" and "/api/[id][[...o]]").`,
			file:  "pages/api/[id]/[[...o]].ts", note: "pages/api/[id].ts",
			kept: []string{"/api/[id]"},
		},
		{
			files: []string{"pages/api/c/[...a].ts", "pages/api/c/[[...a]].ts"},
			text:  `You cannot use both an required and optional catch-all route at the same level ("[...a]" and "[[...a]]" ).`,
			file:  "pages/api/c/[[...a]].ts", note: "pages/api/c/[...a].ts",
			kept: []string{"/api/c/[...a]"},
		},
		{
			// Files go in in path order, and "[..." sorts before "[[": the
			// required catch-all is always the one kept.
			files: []string{"pages/api/c/[[...b]].ts", "pages/api/c/[...a]/index.ts"},
			text:  `You cannot use both an required and optional catch-all route at the same level ("[...a]" and "[[...b]]" ).`,
			file:  "pages/api/c/[[...b]].ts", note: "pages/api/c/[...a]/index.ts",
			kept: []string{"/api/c/[...a]"},
		},
		{
			files: []string{"pages/api/[id]/[id].ts"},
			text:  `You cannot have the same slug name "id" repeat within a single dynamic path`,
			file:  "pages/api/[id]/[id].ts",
			kept:  []string{},
		},
		{
			files: []string{"pages/api/[ab]/[a-b].ts"},
			text:  `You cannot have the slug names "ab" and "a-b" differ only by non-word symbols within a single dynamic path`,
			file:  "pages/api/[ab]/[a-b].ts",
			kept:  []string{},
		},
		{
			files: []string{"pages/api/[[id]].ts"},
			text:  `Optional route parameters are not yet supported ("[[id]]").`,
			file:  "pages/api/[[id]].ts",
			kept:  []string{},
		},
		{
			files: []string{"pages/api/[..id].ts"},
			text:  `Segment names may not start with erroneous periods ('..id').`,
			file:  "pages/api/[..id].ts",
			kept:  []string{},
		},
		{
			files: []string{"pages/api/[[[id]]].ts"},
			text:  `Segment names may not start or end with extra brackets ('[id]').`,
			file:  "pages/api/[[[id]]].ts",
			kept:  []string{},
		},
		{
			files: []string{"pages/api/[...[id]].ts"},
			text:  `Segment names may not start or end with extra brackets ('[id]').`,
			file:  "pages/api/[...[id]].ts",
			kept:  []string{},
		},
		{
			files: []string{"pages/api/x[[...a]].ts"},
			text:  `An optional catch-all cannot share its segment with other text ("x[[...a]]"): Next.js cannot build a matcher for it. Use "[[...a]]".`,
			file:  "pages/api/x[[...a]].ts",
			kept:  []string{},
		},
		{
			files: []string{"pages/api/x[...a]/b.ts"},
			text:  "Catch-all must be the last part of the URL.",
			file:  "pages/api/x[...a]/b.ts",
			kept:  []string{},
		},
	}
	for _, tt := range tests {
		for _, style := range styles {
			tb := build(t, style, "pages/api", tt.files...)
			errs := tb.Diags.Errors()
			if len(errs) != 1 {
				t.Errorf("%q (%s): got %v want one error", tt.files, style, tb.Diags)
				continue
			}
			m := errs[0]
			if m.Text != tt.text || m.ID != diag.IDRouteConflict || m.Location == nil || m.Location.File != tt.file {
				t.Errorf("%q (%s): got %s [%s] want %s: error: %s", tt.files, style, m, m.ID, tt.file, tt.text)
			}
			var note string
			if len(m.Notes) > 0 && m.Notes[0].Location != nil {
				note = m.Notes[0].Location.File
			}
			if note != tt.note {
				t.Errorf("%q (%s): got note %q want %q", tt.files, style, note, tt.note)
			}
			if got := patterns(tb); !reflect.DeepEqual(got, tt.kept) {
				t.Errorf("%q (%s): got routes %q want %q", tt.files, style, got, tt.kept)
			}
		}
	}
}

// TestInsertOrder covers the texts that depend on which of two routes Next
// inserts first, by inserting in a given order.
func TestInsertOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pages []string
		text  string
		other string
	}{
		{[]string{"/api/c/[[...b]]", "/api/c/[...a]"}, `You cannot use both an optional and required catch-all route at the same level ("[[...b]]" and "[...a]").`, "pages/api/c/[[...b]].ts"},
		{[]string{"/api/c/[...a]", "/api/c/[[...b]]"}, `You cannot use both an required and optional catch-all route at the same level ("[...a]" and "[[...b]]" ).`, "pages/api/c/[...a].ts"},
		{[]string{"/api/[slug]/x", "/api/[id]"}, `You cannot use different slug names for the same dynamic path ('slug' !== 'id').`, "pages/api/[slug]/x.ts"},
	}
	for _, tt := range tests {
		tr := newTree()
		var got *conflict
		for _, p := range tt.pages {
			e := &entry{file: "pages" + p + ".ts", page: p, segs: parsePage(p)}
			if c := tr.insert(e); c != nil {
				got = c
			}
		}
		if got == nil || got.text != tt.text || got.other != tt.other {
			t.Errorf("%q: got %+v want %q with %q", tt.pages, got, tt.text, tt.other)
		}
	}
}

func TestDuplicates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		dir    string
		files  []string
		served string
		texts  []string // one warning per file that is not served
	}{
		{"pages/api", []string{"pages/api/a.js", "pages/api/a.ts"}, "pages/api/a.ts",
			[]string{"Duplicate page detected. pages/api/a.ts and pages/api/a.js both resolve to /api/a."}},
		{"pages/api", []string{"pages/api/a.ts", "pages/api/a.tsx"}, "pages/api/a.tsx",
			[]string{"Duplicate page detected. pages/api/a.tsx and pages/api/a.ts both resolve to /api/a."}},
		{"pages/api", []string{"pages/api/u.ts", "pages/api/u/index.js"}, "pages/api/u/index.js",
			[]string{"Duplicate page detected. pages/api/u/index.js and pages/api/u.ts both resolve to /api/u."}},
		{"pages/api", []string{"pages/api/index.js", "pages/api/index.mjs"}, "pages/api/index.js",
			[]string{"Duplicate page detected. pages/api/index.js and pages/api/index.mjs both resolve to /api."}},
		{"pages/api", []string{"pages/api/a.js", "pages/api/a/index.ts", "pages/api/a.ts"}, "pages/api/a/index.ts", []string{
			"Duplicate page detected. pages/api/a/index.ts and pages/api/a.js both resolve to /api/a.",
			"Duplicate page detected. pages/api/a/index.ts and pages/api/a.ts both resolve to /api/a.",
		}},
		// Next names the files relative to the pages folder, under "pages/".
		{"src/pages/api", []string{"src/pages/api/[id].js", "src/pages/api/[id].ts"}, "src/pages/api/[id].ts",
			[]string{"Duplicate page detected. pages/api/[id].ts and pages/api/[id].js both resolve to /api/[id]."}},
	}
	for _, tt := range tests {
		for _, style := range styles {
			tb := build(t, style, tt.dir, tt.files...)
			if len(tb.Routes) != 1 || tb.Routes[0].File != tt.served {
				t.Errorf("%q (%s): got routes %+v want one from %q", tt.files, style, tb.Routes, tt.served)
			}
			var texts []string
			for _, m := range tb.Diags {
				texts = append(texts, m.Text)
				if m.Kind != diag.Warning || m.ID != diag.IDDuplicatePage || len(m.Notes) != 1 || m.Notes[0].Location.File != tt.served {
					t.Errorf("%q (%s): got %s [%s %s] %+v want a duplicate-page warning with a note on %q", tt.files, style, m, m.Kind, m.ID, m.Notes, tt.served)
				}
				if m.Location == nil || m.Location.File == tt.served {
					t.Errorf("%q (%s): got location %+v want the file not served", tt.files, style, m.Location)
				}
			}
			if !reflect.DeepEqual(texts, tt.texts) {
				t.Errorf("%q (%s):\ngot  %q\nwant %q", tt.files, style, texts, tt.texts)
			}
		}
	}
}

func TestUnreachableWarning(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want string // "" for no warning
	}{
		{"pages/api/café.ts", `No request can reach /api/café: clients send 'é' percent-encoded, and Next.js compares the path without decoding it. Rename "café" to use only ASCII letters, digits and -._~`},
		{"pages/api/a b/[id].ts", `No request can reach /api/a b/[id]: clients send ' ' percent-encoded, and Next.js compares the path without decoding it. Rename "a b" to use only ASCII letters, digits and -._~`},
		{"pages/api/ça-[id].ts", `No request can reach /api/ça-[id]: clients send 'ç' percent-encoded, and Next.js compares the path without decoding it. Rename "ça-[id]" to use only ASCII letters, digits and -._~`},
		{"pages/api/[é].ts", ""}, // a param name is not in the URL
		{"pages/api/a-b_c.d~e.ts", ""},
	}
	for _, tt := range tests {
		tb := Build("pages/api", []string{tt.file})
		var got string
		for _, m := range tb.Diags {
			got = m.Text
			if m.Kind != diag.Warning || m.Location == nil || m.Location.File != tt.file {
				t.Errorf("%q: got %s want a warning on the file", tt.file, m)
			}
		}
		if got != tt.want {
			t.Errorf("%q: got %q want %q", tt.file, got, tt.want)
		}
		if len(tb.Routes) != 1 {
			t.Errorf("%q: got %d routes want 1: a warning does not drop the route", tt.file, len(tb.Routes))
		}
	}
}

func TestFindDir(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files []string
		want  string
		err   string // part of the error text
	}{
		{"root pages", []string{"pages/api/a.ts"}, "pages/api", ""},
		{"src pages", []string{"src/pages/api/a.ts"}, "src/pages/api", ""},
		{"both: root wins", []string{"pages/api/a.ts", "src/pages/api/b.ts"}, "pages/api", ""},
		{"root pages hides src", []string{"pages/index.tsx", "src/pages/api/b.ts"}, "", "pages/ at the root over src/pages/"},
		{"no api", []string{"pages/index.tsx"}, "", "pages/ has no api/ folder"},
		{"src without api", []string{"src/pages/index.tsx"}, "", "src/pages/ has no api/ folder"},
		{"app router only", []string{"app/api/route.ts"}, "", "neither pages/api nor src/pages/api"},
		{"pages is a file", []string{"pages"}, "", "neither pages/api nor src/pages/api"},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{}
		for _, f := range tt.files {
			fsys[f] = &fstest.MapFile{Data: []byte("export default () => new Response('x')")}
		}
		got, err := FindDir(fsys)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("%q: got %q, %v want %q", tt.name, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q: got %q, %v want an error with %q", tt.name, got, err, tt.err)
		case tt.err != "":
			var m diag.Message
			if !errors.As(err, &m) || m.Kind != diag.Error {
				t.Errorf("%q: got %T want a diag.Message error", tt.name, err)
			}
		}
	}
}

func TestScan(t *testing.T) {
	t.Parallel()
	src := &fstest.MapFile{Data: []byte("export default () => new Response('x')")}
	fsys := fstest.MapFS{
		"src/pages/api/hello.ts":         src,
		"src/pages/api/users/[id].ts":    src,
		"src/pages/api/users/index.js":   src,
		"src/pages/api/types.d.ts":       src,
		"src/pages/api/data.json":        src,
		"src/pages/api/.hidden.js":       src,
		"src/pages/api/lib/_util.ts":     src,
		"src/pages/api/deep/a/b/c.tsx":   src,
		"src/pages/api/empty/.gitignore": src,
		"src/pages/index.tsx":            src,
		"src/app/api/route.ts":           src,
	}
	tb, err := Scan(fsys)
	if err != nil {
		t.Fatalf("Scan: got %v want no error", err)
	}
	want := []string{"/api/.hidden", "/api/deep/a/b/c", "/api/hello", "/api/lib/_util", "/api/users", "/api/users/[id]"}
	if tb.Dir != "src/pages/api" || !reflect.DeepEqual(patterns(tb), want) {
		t.Errorf("Scan: got %q %q want %q %q", tb.Dir, patterns(tb), "src/pages/api", want)
	}
	if r := tb.Lookup("src/pages/api/users/[id].ts"); r == nil || r.Pattern != "/api/users/[id]" {
		t.Errorf("Lookup: got %+v want /api/users/[id]", r)
	}
	if _, err := Scan(fstest.MapFS{"app/page.tsx": src}); err == nil || !strings.Contains(err.Error(), "pages/api") {
		t.Errorf("Scan without pages: got %v want an error that names pages/api", err)
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	tb := Build("pages/api", []string{"pages/api/a.ts", "pages/api/a.js", "pages/api/u/[id].ts", "pages/api/u/[slug]/x.ts"})
	tests := []struct {
		file string
		want string // the pattern, or "" for nil
	}{
		{"pages/api/a.ts", "/api/a"},
		{"pages\\api\\a.ts", "/api/a"},
		{"./pages/api/u/[id].ts", "/api/u/[id]"},
		{"pages/api/a.js", ""},          // the duplicate that is not served
		{"pages/api/u/[slug]/x.ts", ""}, // dropped by a conflict
		{"pages/api/nope.ts", ""},
	}
	for _, tt := range tests {
		r := tb.Lookup(tt.file)
		switch {
		case tt.want == "" && r != nil:
			t.Errorf("%q: got %q want nil", tt.file, r.Pattern)
		case tt.want != "" && (r == nil || r.Pattern != tt.want):
			t.Errorf("%q: got %+v want %q", tt.file, r, tt.want)
		}
	}
}

// TestGolden builds each tree in testdata/*.txt (the files above the
// "----------" line) and compares the table with the text below it. Run
// go test ./engine/routes -update to rewrite them, and read the diff.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("testdata: got %v, %d files want some", err, len(paths))
	}
	const sep = "----------\n"
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		input, want, ok := strings.Cut(string(data), sep)
		if !ok {
			t.Fatalf("%q: got no %q line", p, strings.TrimSpace(sep))
		}
		dir, files := "", []string(nil)
		for _, line := range strings.Split(input, "\n") {
			switch line = strings.TrimSpace(line); {
			case line == "" || strings.HasPrefix(line, "#"):
			case strings.HasPrefix(line, "dir "):
				dir = strings.TrimPrefix(line, "dir ")
			default:
				files = append(files, line)
			}
		}
		var got string
		for _, style := range styles {
			out := dump(build(t, style, dir, files...))
			if got != "" && out != got {
				t.Errorf("%q: the slash styles differ:\n%s\n%s", p, got, out)
			}
			got = out
		}
		if *update {
			if err := os.WriteFile(p, []byte(input+sep+got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if got != want {
			t.Errorf("%q: got\n%s\nwant\n%s\n(run go test ./engine/routes -update)", p, got, want)
		}
	}
}

// dump renders a table for the golden files: routes in order, then
// messages.
func dump(tb *Table) string {
	var b strings.Builder
	b.WriteString("routes (" + tb.Dir + "):\n")
	for _, r := range tb.Routes {
		b.WriteString("  " + r.Pattern + "  " + r.File + "\n")
	}
	if len(tb.Diags) > 0 {
		b.WriteString("messages:\n")
		for _, m := range tb.Diags {
			b.WriteString(m.Format())
		}
	}
	return b.String()
}
