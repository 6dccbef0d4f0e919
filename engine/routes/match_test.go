package routes

import (
	"errors"
	"reflect"
	"sync"
	"testing"
)

// oracleFiles is the project the expectations below were measured on with
// next dev 16.4.6 (as .js files; the extension does not change routing).
var oracleFiles = []string{
	"pages/api/echo.js", "pages/api/users/[id].js", "pages/api/users/me.js", "pages/api/files/[...path].js",
	"pages/api/docs/[[...slug]].js", "pages/api/.hidden.js", "pages/api/_x.js", "pages/api/u.js", "pages/api/u/index.js",
	"pages/api/m/user-[id].js", "pages/api/n/[0].js", "pages/api/café.js", "pages/api/index.js",
	"pages/api/feed/[name].json.js", "pages/api/raw/x[...rest].js", "pages/api/tail/[...p].txt.js", "pages/api/[]/x.js",
}

func one(v ...string) []Param { return []Param{{Name: "id", Values: v}} }

func TestMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path    string
		pattern string // "" for no match
		params  []Param
		decode  bool // a *DecodeError is expected
	}{
		{"/api", "/api", nil, false},
		{"/api/echo", "/api/echo", nil, false},
		{"/api/users/me", "/api/users/me", nil, false}, // static before dynamic
		{"/api/users/42", "/api/users/[id]", one("42"), false},
		{"/api/users/a%20b", "/api/users/[id]", one("a b"), false},
		{"/api/users/a+b", "/api/users/[id]", one("a+b"), false}, // "+" is not a space in a path
		{"/api/users/42%2F5", "/api/users/[id]", one("42/5"), false},
		{"/api/users/%C3%A9t%C3%A9", "/api/users/[id]", one("été"), false},
		{"/api/users/%25", "/api/users/[id]", one("%"), false},
		{"/api/users/%zz", "/api/users/[id]", nil, true}, // Next: 400
		{"/api/users/%C3", "/api/users/[id]", nil, true}, // not UTF-8: 400
		{"/api/users/%ED%A0%80", "/api/users/[id]", nil, true},
		{"/api/users/%", "/api/users/[id]", nil, true},
		{"/api/users/42/x", "", nil, false},
		{"/api/users/me/", "", nil, false}, // the server redirects it first
		{"/api/users/", "", nil, false},
		{"/api/users", "", nil, false},
		{"/api/user%73/42", "", nil, false}, // static text is compared encoded, as next dev does
		{"/api/ech%6F", "", nil, false},
		{"/api/caf%C3%A9", "", nil, false},
		{"/api/café", "/api/café", nil, false}, // unescaped, as no server passes it: literal text matches
		{"/api/u", "/api/u", nil, false},
		{"/api/files/a", "/api/files/[...path]", []Param{{Name: "path", Values: []string{"a"}, CatchAll: true}}, false},
		{"/api/files/a/b%20c/%C3%A9", "/api/files/[...path]", []Param{{Name: "path", Values: []string{"a", "b c", "é"}, CatchAll: true}}, false},
		{"/api/files/a/b%2Fc", "/api/files/[...path]", []Param{{Name: "path", Values: []string{"a", "b/c"}, CatchAll: true}}, false},
		{"/api/files/a/%zz", "/api/files/[...path]", nil, true},
		{"/api/files", "", nil, false},
		{"/api/files/a//b", "", nil, false}, // next dev redirects to /api/files/a/b first
		{"/api/docs", "/api/docs/[[...slug]]", nil, false},
		{"/api/docs/x", "/api/docs/[[...slug]]", []Param{{Name: "slug", Values: []string{"x"}, CatchAll: true}}, false},
		{"/api/docs/x/y", "/api/docs/[[...slug]]", []Param{{Name: "slug", Values: []string{"x", "y"}, CatchAll: true}}, false},
		{"/api/.hidden", "/api/.hidden", nil, false},
		{"/api/_x", "/api/_x", nil, false},
		{"/api/m/user-5", "/api/m/user-[id]", one("5"), false},
		{"/api/m/user-", "", nil, false},
		{"/api/m/anything", "", nil, false},
		{"/api/n/7", "/api/n/[0]", []Param{{Name: "0", Values: []string{"7"}}}, false},
		{"/api/feed/news.json", "/api/feed/[name].json", []Param{{Name: "name", Values: []string{"news"}}}, false},
		{"/api/feed/a.json.json", "/api/feed/[name].json", []Param{{Name: "name", Values: []string{"a.json"}}}, false},
		{"/api/feed/.json", "", nil, false},
		{"/api/feed/news", "", nil, false},
		{"/api/raw/xa/b", "/api/raw/x[...rest]", []Param{{Name: "rest", Values: []string{"a", "b"}, CatchAll: true}}, false},
		{"/api/raw/ya/b", "", nil, false},
		{"/api/tail/a/b.txt", "/api/tail/[...p].txt", []Param{{Name: "p", Values: []string{"a", "b"}, CatchAll: true}}, false},
		{"/api/[]/x", "/api/[]/x", nil, false}, // "[]" has no name, so Next's matcher reads it as text
		{"/api/nope", "", nil, false},
		{"/other", "", nil, false},
		{"", "", nil, false},
		{"api/echo", "", nil, false},
	}
	for _, style := range styles {
		tb := build(t, style, "pages/api", oracleFiles...)
		for _, tt := range tests {
			r, params, err := tb.MatchErr(tt.path)
			var de *DecodeError
			switch {
			case tt.decode:
				if r == nil || r.Pattern != tt.pattern || !errors.As(err, &de) || params != nil {
					t.Errorf("%q (%s): got %+v %+v %v want %s and a *DecodeError", tt.path, style, r, params, err, tt.pattern)
				}
			case tt.pattern == "":
				if r != nil || err != nil {
					t.Errorf("%q (%s): got %q %v want no match", tt.path, style, r.Pattern, err)
				}
			case r == nil || err != nil || r.Pattern != tt.pattern || !reflect.DeepEqual(params, tt.params):
				t.Errorf("%q (%s): got %+v %+v %v want %s %+v", tt.path, style, r, params, err, tt.pattern, tt.params)
			}
			// Match agrees with MatchErr.
			mr, mp, ok := tb.Match(tt.path)
			if ok != (tt.pattern != "" && !tt.decode) || ok && (mr != r || !reflect.DeepEqual(mp, params)) {
				t.Errorf("%q (%s): Match got %+v %+v %v", tt.path, style, mr, mp, ok)
			}
		}
	}
}

func TestMatchDecodeErrorText(t *testing.T) {
	t.Parallel()
	_, _, err := Build("pages/api", []string{"pages/api/[id].ts"}).MatchErr("/api/%C3")
	want := `failed to decode param "id": "%C3" is not valid percent-encoded UTF-8`
	if err == nil || err.Error() != want {
		t.Errorf("%q: got %v want %q", "/api/%C3", err, want)
	}
}

// TestMatchOrder checks that a path goes to the first route in precedence
// order among those whose pattern fits it.
func TestMatchOrder(t *testing.T) {
	t.Parallel()
	tb := Build("pages/api", []string{
		"pages/api/[a]/x.ts", "pages/api/[a]/[b].ts", "pages/api/[a]/[...c].ts", "pages/api/k/[[...d]].ts",
		"pages/api/k/x.ts", "pages/api/[a]/[b]/z.ts", "pages/api/[...e].ts",
	})
	tests := []struct{ path, pattern string }{
		{"/api/q/x", "/api/[a]/x"},
		{"/api/q/y", "/api/[a]/[b]"},
		{"/api/q/y/z", "/api/[a]/[b]/z"},
		{"/api/q/y/w", "/api/[a]/[...c]"},
		{"/api/k", "/api/k/[[...d]]"},
		{"/api/k/x", "/api/k/x"},
		{"/api/k/y", "/api/k/[[...d]]"}, // the static k/ subtree before [a]
		{"/api/q", "/api/[...e]"},
	}
	for _, tt := range tests {
		r, _, ok := tb.Match(tt.path)
		if !ok || r.Pattern != tt.pattern {
			t.Errorf("%q: got %+v %v want %s", tt.path, r, ok, tt.pattern)
		}
	}
}

// TestMatchZeroTable checks that a Table written as a literal matches too.
func TestMatchZeroTable(t *testing.T) {
	t.Parallel()
	var zero Table
	if r, _, ok := zero.Match("/api/x"); ok {
		t.Errorf("%q: got %+v want no match", "/api/x", r)
	}
	r := &Route{Pattern: "/api/[id]", File: "pages/api/[id].ts", Segments: []Segment{{Kind: Static, Value: "api"}, {Kind: Dynamic, Value: "id"}}}
	tb := &Table{Routes: []*Route{r}}
	if got, params, ok := tb.Match("/api/7"); !ok || got != r || !reflect.DeepEqual(params, one("7")) {
		t.Errorf("%q: got %+v %+v %v want %s", "/api/7", got, params, ok, r.Pattern)
	}
	if tb.Lookup("pages/api/[id].ts") != r {
		t.Errorf("%q: got no route want %s", "pages/api/[id].ts", r.Pattern)
	}
}

// TestMatchConcurrent runs the first Matches of a literal Table at once:
// its lazy compilation must be safe (go test -race).
func TestMatchConcurrent(t *testing.T) {
	t.Parallel()
	built := Build("pages/api", oracleFiles)
	tb := &Table{Dir: built.Dir, Routes: built.Routes}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range []string{"/api/echo", "/api/users/42", "/api/files/a/b"} {
				if _, _, ok := tb.Match(p); !ok {
					t.Errorf("%q: got no match want one", p)
				}
			}
		}()
	}
	wg.Wait()
}

func TestMatchAllocs(t *testing.T) {
	tb := Build("pages/api", oracleFiles)
	tests := []struct {
		path string
		max  float64
	}{
		{"/api/echo", 0},
		{"/api/users/me", 0},
		{"/api/nope/x/y", 0}, // a miss walks every dynamic route
		{"/api/users/42", 2}, // the params slice and the one-value slice
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(100, func() { tb.Match(tt.path) }); got > tt.max {
			t.Errorf("%q: got %v allocations want at most %v", tt.path, got, tt.max)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	// A project of a realistic size: 40 routes, a third of them dynamic.
	var files []string
	for _, name := range []string{"hello", "json", "stream", "auth", "health", "cron", "webhook", "og", "search", "feed"} {
		files = append(files, "pages/api/"+name+".ts", "pages/api/"+name+"/[id].ts", "pages/api/v1/"+name+".ts", "pages/api/v1/"+name+"/list.ts")
	}
	files = append(files, "pages/api/files/[...path].ts", "pages/api/docs/[[...slug]].ts")
	tb := Build("pages/api", files)
	for _, bb := range []struct{ name, path string }{
		{"static", "/api/v1/search/list"},
		{"dynamic", "/api/webhook/42"},
		{"catch-all", "/api/files/a/b%20c/d"},
		{"miss", "/api/nope/x/y"},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tb.Match(bb.path)
			}
		})
	}
}
