package routes

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// The fuzz targets of this package. Their seed corpora are in
// testdata/fuzz/<name>/; `bash bench/fuzz.sh` runs them all.
//
// The references below are written from Next.js's own definitions rather
// than from this package's code: route-regex.ts's PARAMETER_PATTERN and
// parseParameter for file names, its route regexes for matching, and
// decodeURIComponent (url.PathUnescape plus a UTF-8 check) for params.

// nextParamPattern is route-regex.ts's PARAMETER_PATTERN. (?s): Go's "."
// stops at "\n" like JavaScript's, but matchSegment lets a suffix hold a
// newline; no request path holds a raw one, so it never shows.
var nextParamPattern = regexp.MustCompile(`(?s)^([^\[]*)\[((?:\[[^\]]*\])|[^\]]+)\](.*)$`)

// refSegment reads a segment as route-regex.ts does.
func refSegment(raw string) Segment {
	m := nextParamPattern.FindStringSubmatch(raw)
	if m == nil {
		return Segment{Kind: Static, Value: raw}
	}
	key := m[2]
	optional := strings.HasPrefix(key, "[") && strings.HasSuffix(key, "]")
	if optional {
		key = key[1 : len(key)-1]
	}
	repeat := strings.HasPrefix(key, "...")
	if repeat {
		key = key[3:]
	}
	s := Segment{Kind: Dynamic, Value: key, Prefix: m[1], Suffix: m[3]}
	if repeat {
		s.Kind = CatchAll
		if optional {
			s.Kind = OptionalCatchAll
		}
	}
	return s
}

// refDecode is decodeURIComponent.
func refDecode(s string) (string, bool) {
	v, err := url.PathUnescape(s)
	return v, err == nil && utf8.ValidString(v)
}

// refRoute is a route as Next's dev router matches it: an all-static route
// by its pattern, the others by their route regex.
type refRoute struct {
	r  *Route
	re *regexp.Regexp // nil for an all-static route
}

// refCompile builds the route regexes of a table (without Next's optional
// trailing slash: the server redirects those paths first). It gives up on
// a table with text Go's regexp cannot match byte for byte: invalid UTF-8,
// or U+FFFD, which Go's regexp also matches against an invalid byte.
func refCompile(tb *Table) ([]refRoute, bool) {
	var out []refRoute
	for _, r := range tb.Routes {
		var b strings.Builder
		b.WriteString(`(?s)^`)
		static := true
		for _, s := range r.Segments {
			for _, text := range []string{s.Prefix, s.Value, s.Suffix} {
				if !utf8.ValidString(text) || strings.ContainsRune(text, utf8.RuneError) {
					return nil, false
				}
			}
			q := regexp.QuoteMeta
			switch s.Kind {
			case Static:
				b.WriteString("/" + q(s.Value))
			case Dynamic:
				b.WriteString("/" + q(s.Prefix) + "([^/]+?)" + q(s.Suffix))
			case CatchAll:
				b.WriteString("/" + q(s.Prefix) + "(.+?)" + q(s.Suffix))
			case OptionalCatchAll:
				if s.Prefix != "" || s.Suffix != "" {
					return nil, false // Next cannot build this regex; Build must have refused it
				}
				b.WriteString("(?:/(.+?))?")
			}
			if s.Kind != Static {
				static = false
			}
		}
		b.WriteString("$")
		rr := refRoute{r: r}
		if !static {
			rr.re = regexp.MustCompile(b.String())
		}
		out = append(out, rr)
	}
	return out, true
}

// refMatch is MatchErr as Next's dev router does it. A param that does not
// decode gives a *DecodeError.
func refMatch(refs []refRoute, p string) (*Route, []Param, error) {
	for _, rr := range refs {
		if rr.re == nil && rr.r.Pattern == p {
			return rr.r, nil, nil
		}
	}
	if strings.HasSuffix(p, "/") || strings.Contains(p, "//") {
		return nil, nil, nil
	}
	for _, rr := range refs {
		if rr.re == nil {
			continue
		}
		m := rr.re.FindStringSubmatchIndex(p)
		if m == nil {
			continue
		}
		var params []Param
		g := 1
		for _, s := range rr.r.Segments {
			if s.Kind == Static {
				continue
			}
			start, end := m[2*g], m[2*g+1]
			g++
			if start < 0 {
				continue // an absent optional catch-all
			}
			raw := p[start:end]
			parts := []string{raw}
			if s.Kind != Dynamic {
				parts = strings.Split(raw, "/")
			}
			values := make([]string, len(parts))
			for i, part := range parts {
				v, ok := refDecode(part)
				if !ok {
					return rr.r, nil, &DecodeError{Param: s.Value, Value: part}
				}
				values[i] = v
			}
			params = append(params, Param{Name: s.Value, Values: values, CatchAll: s.Kind != Dynamic})
		}
		return rr.r, params, nil
	}
	return nil, nil, nil
}

func allStatic(r *Route) bool {
	for _, s := range r.Segments {
		if s.Kind != Static {
			return false
		}
	}
	return true
}

// checkMatch matches p and checks the answer: against Next's route regexes
// when refs is set, and in any case against the route's own segments.
func checkMatch(t *testing.T, tb *Table, refs []refRoute, p string) {
	t.Helper()
	r, params, err := tb.MatchErr(p)
	r2, params2, ok := tb.Match(p)
	if r2 != r || ok != (r != nil && err == nil) || !reflect.DeepEqual(params2, params) {
		t.Fatalf("Match(%q) = %v %v %v, MatchErr = %v %v %v", p, r2, params2, ok, r, params, err)
	}
	// Match takes the path as the server has it, url.URL.EscapedPath: only
	// printable ASCII. Raw bytes above it are not decoded as
	// decodeURIComponent would (a JavaScript string holds no raw bytes);
	// for such a path only the route is checked.
	escaped := isEscapedPath(p)
	if refs != nil {
		wr, wparams, werr := refMatch(refs, p)
		if r != wr || escaped && (!reflect.DeepEqual(params, wparams) || !reflect.DeepEqual(err, werr)) {
			t.Fatalf("MatchErr(%q):\n got %s %#v %v\nwant %s %#v %v", p, pattern(r), params, err, pattern(wr), wparams, werr)
		}
	}
	if r == nil {
		if err != nil || params != nil {
			t.Fatalf("MatchErr(%q): no route but params %v, error %v", p, params, err)
		}
		return
	}
	if !escaped {
		return
	}
	if err != nil {
		var de *DecodeError
		if !errors.As(err, &de) || params != nil {
			t.Fatalf("MatchErr(%q): error %T %v with params %v", p, err, err, params)
		}
		if _, ok := refDecode(de.Value); ok {
			t.Fatalf("MatchErr(%q): %v, but %q decodes", p, err, de.Value)
		}
		return
	}
	checkParams(t, r, p, params)
}

// isEscapedPath reports a path in the form url.URL.EscapedPath gives:
// printable ASCII only.
func isEscapedPath(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] <= ' ' || p[i] >= 0x7f {
			return false
		}
	}
	return true
}

// escapePath percent-encodes the bytes of p that EscapedPath never leaves
// raw, and keeps the rest (and the fuzzer's own %XX) as they are.
func escapePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if c := p[i]; c <= ' ' || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// checkParams checks that params are what r's segments take from p: each
// static segment is in p as written, each [id] is the decoded text between
// its prefix and suffix, and a catch-all's values, encoded as they came,
// join back to the tail of p.
func checkParams(t *testing.T, r *Route, p string, params []Param) {
	t.Helper()
	if allStatic(r) {
		if p != r.Pattern || params != nil {
			t.Fatalf("MatchErr(%q) = static %s with params %v", p, r.Pattern, params)
		}
		return
	}
	if !strings.HasPrefix(p, "/") {
		t.Fatalf("MatchErr(%q) = %s: the path does not start with /", p, r.Pattern)
	}
	parts := strings.Split(p[1:], "/")
	segs := r.Segments
	var want []Param
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("MatchErr(%q) = %s %v: %s", p, r.Pattern, params, fmt.Sprintf(format, args...))
	}
	for i, s := range segs {
		if s.Kind == CatchAll || s.Kind == OptionalCatchAll {
			if i != len(segs)-1 {
				fail("catch-all segment %d of %d", i, len(segs))
			}
			if len(parts) < i || s.Kind == CatchAll && len(parts) == i {
				fail("too few segments for the catch-all")
			}
			if len(parts) == i {
				break // absent optional catch-all
			}
			tail := strings.Join(parts[i:], "/")
			if !strings.HasPrefix(tail, s.Prefix) || !strings.HasSuffix(tail, s.Suffix) || len(tail) <= len(s.Prefix)+len(s.Suffix) {
				fail("tail %q does not have the text around [...%s]", tail, s.Value)
			}
			raw := strings.Split(tail[len(s.Prefix):len(tail)-len(s.Suffix)], "/")
			values := make([]string, len(raw))
			for j, x := range raw {
				v, ok := refDecode(x)
				if !ok {
					fail("catch-all segment %q does not decode", x)
				}
				values[j] = v
			}
			want = append(want, Param{Name: s.Value, Values: values, CatchAll: true})
			parts = parts[:i] // consumed
			break
		}
		if i >= len(parts) {
			fail("the path has %d segments, the route %d", len(parts), len(segs))
		}
		part := parts[i]
		if s.Kind == Static {
			if part != s.Value {
				fail("segment %q is not %q", part, s.Value)
			}
			continue
		}
		if !strings.HasPrefix(part, s.Prefix) || !strings.HasSuffix(part, s.Suffix) || len(part) <= len(s.Prefix)+len(s.Suffix) {
			fail("segment %q does not have the text around [%s]", part, s.Value)
		}
		v, ok := refDecode(part[len(s.Prefix) : len(part)-len(s.Suffix)])
		if !ok {
			fail("segment %q does not decode", part)
		}
		want = append(want, Param{Name: s.Value, Values: []string{v}})
	}
	last := segs[len(segs)-1].Kind
	if last != CatchAll && last != OptionalCatchAll && len(parts) != len(segs) {
		fail("the path has %d segments, the route %d", len(parts), len(segs))
	}
	if !reflect.DeepEqual(params, want) {
		fail("want params %#v", want)
	}
}

func pattern(r *Route) string {
	if r == nil {
		return "<nil>"
	}
	return r.Pattern
}

// refIsRouteFile is IsRouteFile's rule, written out.
func refIsRouteFile(name string) bool {
	base := path.Base(strings.ReplaceAll(name, `\`, "/")) // "x.ts/" is x.ts, as Build cleans it
	if strings.HasSuffix(base, ".d.ts") {
		return false
	}
	for _, ext := range []string{".tsx", ".ts", ".jsx", ".js", ".mjs"} {
		if strings.HasSuffix(base, ext) && base != ext {
			return true
		}
	}
	return false
}

// builtPath is a path made from r's pattern with plain values for its
// params (catch-alls get n of them; an optional catch-all with n == 0 is
// left out), and the params Match should find in it.
func builtPath(r *Route, n int) (string, []Param) {
	var b strings.Builder
	var params []Param
	for i, s := range r.Segments {
		v := "v" + strconv.Itoa(i)
		switch s.Kind {
		case Static:
			b.WriteString("/" + s.Value)
		case Dynamic:
			b.WriteString("/" + s.Prefix + v + s.Suffix)
			params = append(params, Param{Name: s.Value, Values: []string{v}})
		case CatchAll, OptionalCatchAll:
			k := n
			if s.Kind == CatchAll {
				k = max(n, 1)
			}
			if k == 0 {
				continue
			}
			values := make([]string, k)
			for j := range values {
				values[j] = v + "x" + strconv.Itoa(j)
			}
			b.WriteString("/" + s.Prefix + strings.Join(values, "/") + s.Suffix)
			params = append(params, Param{Name: s.Value, Values: values, CatchAll: true})
		}
	}
	return b.String(), params
}

// FuzzBuild builds tables from arbitrary file lists (one per line, under
// pages/api or src/pages/api; a line starting with "!" is used as it is)
// and checks them:
//
//   - nothing panics; IsRouteFile follows its rule;
//   - every route comes from a route file in the list, under the folder,
//     Lookup finds it, its pattern is its file's page, patterns are unique,
//     and its segments are the pattern's segments read with Next's
//     PARAMETER_PATTERN;
//   - every route file of the list is served or named by a diagnostic
//     (a duplicate or a conflict);
//   - a path made from each route's pattern matches that route, or one
//     before it in precedence order (or an all-static route with that
//     path), with the params it was made with;
//   - the fuzzed path matches as Next's route regexes say (checkMatch).
func FuzzBuild(f *testing.F) {
	f.Fuzz(func(t *testing.T, list string, src bool, p string) {
		if len(list) > 2048 || strings.Count(list, "\n") >= 32 {
			return // every route is matched against all the others: keep it quick
		}
		dir := "pages/api"
		if src {
			dir = "src/pages/api"
		}
		var files []string
		for _, l := range strings.Split(list, "\n") {
			if raw, ok := strings.CutPrefix(l, "!"); ok {
				files = append(files, raw)
			} else {
				files = append(files, dir+"/"+l)
			}
		}
		tb := Build(dir, files)

		inputs := map[string]bool{}
		for _, file := range files {
			if IsRouteFile(file) != refIsRouteFile(file) {
				t.Fatalf("IsRouteFile(%q) = %v", file, IsRouteFile(file))
			}
			c := path.Clean(strings.ReplaceAll(file, `\`, "/"))
			c = strings.TrimPrefix(c, "/")
			if strings.HasPrefix(c, dir+"/") && refIsRouteFile(c) {
				inputs[c] = true
			}
		}
		named := map[string]bool{}
		for _, d := range tb.Diags {
			if d.Location != nil {
				if !inputs[d.Location.File] {
					t.Fatalf("diagnostic about %q, not a route file of the list: %v", d.Location.File, d)
				}
				named[d.Location.File] = true
			} else if d.Kind == diag.Error {
				t.Fatalf("error without a file: %v", d)
			}
		}
		pagesDir := path.Dir(dir)
		byPattern := map[string]*Route{}
		served := map[string]bool{}
		for _, r := range tb.Routes {
			if !inputs[r.File] {
				t.Fatalf("route %s from %q, not a route file of the list", r.Pattern, r.File)
			}
			if tb.Lookup(r.File) != r {
				t.Fatalf("Lookup(%q) = %v, want %s", r.File, tb.Lookup(r.File), r.Pattern)
			}
			if byPattern[r.Pattern] != nil {
				t.Fatalf("pattern %s twice: %s and %s", r.Pattern, byPattern[r.Pattern].File, r.File)
			}
			byPattern[r.Pattern] = r
			served[r.File] = true
			ok := false
			for _, ext := range Extensions {
				if r.File == pagesDir+r.Pattern+ext || r.File == pagesDir+r.Pattern+"/index"+ext {
					ok = true
				}
			}
			if !ok || !strings.HasPrefix(r.Pattern, "/") {
				t.Fatalf("pattern %q is not the page of %q", r.Pattern, r.File)
			}
			raws := strings.Split(r.Pattern[1:], "/")
			if len(raws) != len(r.Segments) {
				t.Fatalf("%s: %d segments, want %d", r.Pattern, len(r.Segments), len(raws))
			}
			for i, raw := range raws {
				if got, want := r.Segments[i], refSegment(raw); got != want {
					t.Fatalf("%s: segment %q read as %+v, Next reads %+v", r.Pattern, raw, got, want)
				}
			}
		}
		for file := range inputs {
			if !served[file] && !named[file] {
				t.Fatalf("route file %q is neither served nor named by a diagnostic\n%v", file, tb.Diags)
			}
		}

		refs, refOK := refCompile(tb)
		if !refOK {
			refs = nil
		}
		index := map[*Route]int{}
		for i, r := range tb.Routes {
			index[r] = i
		}
		for _, r := range tb.Routes {
			for n := 0; n <= 2; n++ {
				bp, want := builtPath(r, n)
				got, params, err := tb.MatchErr(bp)
				switch {
				case got == r:
					if err != nil || !reflect.DeepEqual(params, want) {
						t.Fatalf("MatchErr(%q) = %s %#v %v, want params %#v", bp, r.Pattern, params, err, want)
					}
				case got == nil:
					t.Fatalf("MatchErr(%q), made from %s, matches nothing", bp, r.Pattern)
				case !allStatic(got) && index[got] > index[r]:
					t.Fatalf("MatchErr(%q), made from %s, matches %s, which comes after it", bp, r.Pattern, got.Pattern)
				}
				checkMatch(t, tb, refs, bp)
			}
		}
		if !strings.HasPrefix(p, "/") {
			p = "/api/" + p
		}
		checkMatch(t, tb, refs, p)
		checkMatch(t, tb, refs, escapePath(p))
	})
}

// fuzzFiles is a table with every kind of segment: oracleFiles and more.
var fuzzFiles = append([]string{
	"pages/api/users/[id]/posts.ts", "pages/api/users/[id]/[...rest].ts", "pages/api/[]/y/[...rest].ts",
	"pages/api/d/[b]/index.ts", "pages/api/x/[a]-[b].ts", "pages/api/t/[a].[b].ts", "pages/api/o/[[...opt]].ts",
	"pages/api/o/fixed/[p].ts", "pages/api/s/[a]/[b]/[c].ts", "pages/api/e/[[x]]y.ts", "pages/api/%/[q].ts",
}, oracleFiles...)

// FuzzMatch matches arbitrary paths against a table with every kind of
// route: the route, the params and the decode errors must be those of
// Next's route regexes and decodeURIComponent, and the params must be
// what the route's segments take from the path (checkMatch).
func FuzzMatch(f *testing.F) {
	tb := Build("pages/api", fuzzFiles)
	if tb.Diags.HasErrors() {
		f.Fatalf("fuzzFiles: %v", tb.Diags)
	}
	refs, ok := refCompile(tb)
	if !ok {
		f.Fatal("fuzzFiles: no reference")
	}
	f.Fuzz(func(t *testing.T, p string) {
		checkMatch(t, tb, refs, p)
		checkMatch(t, tb, refs, escapePath(p))
	})
}

// fuzzParams reads params from lines "name=value", "...name=a/b/c" (a
// catch-all) and "?name" (an absent optional catch-all).
func fuzzParams(s string) []Param {
	var out []Param
	if s == "" {
		return nil
	}
	for _, l := range strings.Split(s, "\n") {
		if name, ok := strings.CutPrefix(l, "?"); ok {
			out = append(out, Param{Name: name, CatchAll: true})
			continue
		}
		name, value, _ := strings.Cut(l, "=")
		if name, ok := strings.CutPrefix(name, "..."); ok {
			out = append(out, Param{Name: name, Values: strings.Split(value, "/"), CatchAll: true})
			continue
		}
		out = append(out, Param{Name: name, Values: []string{value}})
	}
	return out
}

// arrayIndex reports a name JavaScript orders before the others (a
// canonical array index) and its number.
func arrayIndex(s string) (uint64, bool) {
	n, err := strconv.ParseUint(s, 10, 64)
	return n, err == nil && strconv.FormatUint(n, 10) == s && n <= 1<<32-2
}

type fuzzPair struct{ name, value string }

// wantQuery is the query Next gives a route, from the pairs of the
// request's query and the route's params: one key per name in order of
// first appearance, with all its values, a param replacing all the values
// of its name in place or adding its name at the end, and array-index
// names first, ascending.
func wantQuery(pairs []fuzzPair, params []Param) []fuzzPair {
	var names []string
	values := map[string][]string{}
	add := func(name string) {
		if _, ok := values[name]; !ok {
			names = append(names, name)
			values[name] = nil
		}
	}
	for _, p := range pairs {
		add(p.name)
		values[p.name] = append(values[p.name], p.value)
	}
	for _, p := range params {
		if len(p.Values) > 0 {
			add(p.Name)
			values[p.Name] = p.Values
		}
	}
	var idx, rest []string
	for _, n := range names {
		if _, ok := arrayIndex(n); ok {
			idx = append(idx, n)
		} else {
			rest = append(rest, n)
		}
	}
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0; j-- {
			a, _ := arrayIndex(idx[j])
			b, _ := arrayIndex(idx[j-1])
			if a >= b {
				break
			}
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	var out []fuzzPair
	for _, n := range append(idx, rest...) {
		for _, v := range values[n] {
			out = append(out, fuzzPair{n, v})
		}
	}
	return out
}

// queryPairs reads a query the way it was written: "&"-separated
// name=value pairs, each percent-encoded with "+" for a space.
func queryPairs(t *testing.T, q string) []fuzzPair {
	t.Helper()
	if q == "" {
		return nil
	}
	var out []fuzzPair
	for _, part := range strings.Split(q, "&") {
		n, v, ok := strings.Cut(part, "=")
		if !ok {
			t.Fatalf("pair %q without =", part)
		}
		dn, err1 := url.QueryUnescape(n)
		dv, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			t.Fatalf("pair %q does not decode: %v %v", part, err1, err2)
		}
		out = append(out, fuzzPair{dn, dv})
	}
	return out
}

// isFormSerialized reports a query as URLSearchParams writes it: only
// *-._, ASCII letters and digits, "+", "=", "&" and %XX (upper case).
func isFormSerialized(q string) bool {
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '%':
			if i+2 >= len(q) || !strings.ContainsRune("0123456789ABCDEF", rune(q[i+1])) || !strings.ContainsRune("0123456789ABCDEF", rune(q[i+2])) {
				return false
			}
			i += 2
		case c == '*' || c == '-' || c == '.' || c == '_' || c == '+' || c == '=' || c == '&',
			c >= '0' && c <= '9', c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		default:
			return false
		}
	}
	return true
}

// FuzzRequestURL checks req.url with the params merged in:
//
//   - for any raw query: no panic, the result parses with net/url as an
//     absolute URL on the origin, its query is in URLSearchParams'
//     encoding, and InjectParams gives the same query;
//   - for a query made from the fuzzed pairs (percent-encoded): the
//     result's pairs are wantQuery's — the other keys keep their order, an
//     existing key is replaced in place, a catch-all's values become
//     repeated keys, array-index names come first — unless Next's .rsc,
//     _rsc or nxtP/nxtI rewrites apply (TestRequestURL covers those).
func FuzzRequestURL(f *testing.F) {
	const origin = "http://localhost:3000"
	f.Fuzz(func(t *testing.T, rawPath, query, paramText string) {
		escaped := (&url.URL{Path: "/api/" + rawPath}).EscapedPath()
		params := fuzzParams(paramText)

		check := func(rawQuery string) (base string, q string) {
			t.Helper()
			got := RequestURL(origin, escaped, rawQuery, params)
			u, err := url.Parse(got)
			if err != nil {
				t.Fatalf("RequestURL(%q, %q) = %q: %v", escaped, rawQuery, got, err)
			}
			if u.Scheme != "http" || u.Host != "localhost:3000" || u.Fragment != "" || u.Opaque != "" {
				t.Fatalf("RequestURL(%q, %q) = %q: not a URL on the origin", escaped, rawQuery, got)
			}
			base, q, _ = strings.Cut(got, "?")
			if !isFormSerialized(q) {
				t.Fatalf("RequestURL(%q, %q) = %q: the query is not form-serialized", escaped, rawQuery, got)
			}
			if _, err := url.ParseQuery(q); err != nil {
				t.Fatalf("RequestURL(%q, %q) = %q: %v", escaped, rawQuery, got, err)
			}
			if !strings.Contains(escaped, ".rsc") {
				if base != origin+escaped {
					t.Fatalf("RequestURL(%q, %q) = %q: the path changed", escaped, rawQuery, got)
				}
				if iq := InjectParams(rawQuery, params); iq != q {
					t.Fatalf("InjectParams(%q) = %q, RequestURL's query is %q", rawQuery, iq, q)
				}
			}
			return base, q
		}
		check(query)

		// The same query, written out as pairs.
		var pairs []fuzzPair
		var enc []string
		if query != "" {
			for _, part := range strings.Split(query, "&") {
				n, v, _ := strings.Cut(part, "=")
				n, v = strings.ToValidUTF8(n, "\uFFFD"), strings.ToValidUTF8(v, "\uFFFD")
				pairs = append(pairs, fuzzPair{n, v})
				enc = append(enc, url.QueryEscape(n)+"="+url.QueryEscape(v))
			}
		}
		_, q := check(strings.Join(enc, "&"))

		rewritten := strings.Contains(escaped+query+paramText, "rsc")
		names := []string{}
		for _, p := range pairs {
			names = append(names, p.name)
		}
		for _, p := range params {
			names = append(names, p.Name)
			for _, v := range p.Values {
				rewritten = rewritten || strings.Contains(v, "rsc")
			}
		}
		for _, n := range names {
			rewritten = rewritten || strings.HasPrefix(n, "nxtP") || strings.HasPrefix(n, "nxtI")
		}
		for _, p := range params {
			// Match gives UTF-8 values, and Next reads a file name that is
			// not UTF-8 with U+FFFD in it: RequestURL re-encodes the raw
			// bytes, except when a "nxt" in the query makes it parse its
			// own output again, which gives U+FFFD.
			rewritten = rewritten || !utf8.ValidString(p.Name) || !utf8.ValidString(strings.Join(p.Values, ""))
		}
		if rewritten {
			return
		}
		got, want := queryPairs(t, q), wantQuery(pairs, params)
		if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("query %q, params %+v:\n got %q\nwant %q", strings.Join(enc, "&"), params, got, want)
		}
	})
}
