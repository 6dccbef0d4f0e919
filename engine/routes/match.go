package routes

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Param is one dynamic parameter of a matched route, decoded.
type Param struct {
	Name     string
	Values   []string // one for [id]; one or more for [...slug] and for a present [[...slug]]
	CatchAll bool
}

// DecodeError is a parameter whose percent-encoding decodeURIComponent
// rejects: a "%" without two hex digits, or bytes that are not UTF-8 (a lone
// "%C3"). Next throws its DecodeError("failed to decode param") for it and
// answers 400 Bad Request; it does not try the routes after this one.
type DecodeError struct {
	Param string // the parameter's name
	Value string // the segment as it arrived, still encoded
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("failed to decode param %q: %q is not valid percent-encoded UTF-8", e.Param, e.Value)
}

// Match finds the route for a URL path, escaped as it arrives
// ("/api/users/a%20b", from url.URL.EscapedPath), and returns its params
// decoded. It is MatchErr without the error: a path whose param cannot be
// decoded does not match. Goroutine-safe, like every method of Table.
func (t *Table) Match(path string) (*Route, []Param, bool) {
	r, params, err := t.MatchErr(path)
	return r, params, r != nil && err == nil
}

// MatchErr matches like Next's dev router:
//
//  1. A static route matches its path exactly: Next compares the escaped
//     path, so /api/hel%6Co does not reach hello.ts (next dev answers 404).
//     This lookup costs one map access and allocates nothing.
//  2. Otherwise the dynamic routes are tried in precedence order. A dynamic
//     segment matches one non-empty segment, a catch-all one or more, an
//     optional catch-all zero or more (so /api/docs matches
//     docs/[[...slug]].ts, with no param). Static text matches byte for byte.
//  3. The params of the first route that matches are percent-decoded with
//     decodeURIComponent's rules; a catch-all is split on "/" first, so
//     "a%2Fb" stays one value "a/b". If that fails, MatchErr returns the
//     route and a *DecodeError: Next answers 400 Bad Request.
//
// A path that ends in "/" or has an empty segment ("//") matches nothing:
// next dev redirects those (308) to the path without the trailing slash or
// with the slashes collapsed before it routes, so the server must do the
// same first. No match is (nil, nil, nil).
func (t *Table) MatchErr(path string) (*Route, []Param, error) {
	m := t.compiled()
	if r := m.static[path]; r != nil {
		return r, nil, nil
	}
	if len(m.dynamic) == 0 || !strings.HasPrefix(path, "/") || strings.HasSuffix(path, "/") || strings.Contains(path, "//") {
		return nil, nil, nil
	}
	// The offsets of the slashes; most paths fit in the array, which then
	// stays on the stack.
	var buf [32]int
	slashes := buf[:0]
	for i := 0; i < len(path); i++ {
		if path[i] == '/' {
			slashes = append(slashes, i)
		}
	}
	for i := range m.dynamic {
		d := &m.dynamic[i]
		if !d.matches(path, slashes) {
			continue
		}
		params, err := d.params(path, slashes)
		return d.route, params, err
	}
	return nil, nil, nil
}

// matchers is a Table compiled for matching.
type matchers struct {
	static  map[string]*Route // all-static routes by Pattern
	dynamic []dynMatcher      // the other routes, in precedence order
	byFile  map[string]*Route
}

// dynMatcher matches one route with params, without regular expressions:
// Next's route regexes only ever anchor literal text and capture either
// "[^/]+?" (one segment) or ".+?" (the rest of the path), which a
// segment-by-segment comparison does with no allocation until it matches.
type dynMatcher struct {
	route   *Route
	fixed   []Segment // every segment but a trailing catch-all
	tail    *Segment  // the trailing catch-all or optional catch-all, if any
	nparams int
}

func (t *Table) compiled() *matchers {
	t.once.Do(t.compile)
	return t.m
}

func (t *Table) compile() {
	m := &matchers{static: map[string]*Route{}, byFile: map[string]*Route{}}
	for _, r := range t.Routes {
		m.byFile[r.File] = r
		d := dynMatcher{route: r, fixed: r.Segments}
		for i, s := range r.Segments {
			if s.Kind != Static {
				d.nparams++
			}
			if (s.Kind == CatchAll || s.Kind == OptionalCatchAll) && i == len(r.Segments)-1 {
				d.fixed, d.tail = r.Segments[:i], &r.Segments[i]
			}
		}
		if d.nparams == 0 {
			if m.static[r.Pattern] == nil {
				m.static[r.Pattern] = r
			}
			continue
		}
		m.dynamic = append(m.dynamic, d)
	}
	t.m = m
}

// seg returns segment i of path, the text after slash i; slashes holds the
// offsets of the slashes. (The path and the offsets travel separately so that
// the compiler sees that only the path reaches the results, and the offsets
// can stay on MatchErr's stack.)
func seg(path string, slashes []int, i int) string {
	end := len(path)
	if i+1 < len(slashes) {
		end = slashes[i+1]
	}
	return path[slashes[i]+1 : end]
}

// from returns the path after slash i: segment i and all after it.
func from(path string, slashes []int, i int) string { return path[slashes[i]+1:] }

// inner returns the part of s between prefix and suffix, which must be
// there and leave at least one byte for the param ("[^/]+?" and ".+?").
func inner(s string, seg *Segment) (string, bool) {
	if len(s) <= len(seg.Prefix)+len(seg.Suffix) || !strings.HasPrefix(s, seg.Prefix) || !strings.HasSuffix(s, seg.Suffix) {
		return "", false
	}
	return s[len(seg.Prefix) : len(s)-len(seg.Suffix)], true
}

func (d *dynMatcher) matches(path string, slashes []int) bool {
	n, k := len(slashes), len(d.fixed)
	switch {
	case d.tail == nil && n != k,
		d.tail != nil && n < k,
		d.tail != nil && d.tail.Kind == CatchAll && n == k:
		return false
	}
	for i := range d.fixed {
		s := &d.fixed[i]
		part := seg(path, slashes, i)
		if s.Kind == Static {
			if part != s.Value {
				return false
			}
		} else if _, ok := inner(part, s); !ok {
			return false
		}
	}
	if d.tail != nil && n > k {
		_, ok := inner(from(path, slashes, k), d.tail)
		return ok
	}
	return true
}

// params extracts and decodes the params of a path that matches.
func (d *dynMatcher) params(path string, slashes []int) ([]Param, error) {
	params := make([]Param, 0, d.nparams)
	for i := range d.fixed {
		s := &d.fixed[i]
		if s.Kind == Static {
			continue
		}
		raw, _ := inner(seg(path, slashes, i), s)
		v, ok := decodeComponent(raw)
		if !ok {
			return nil, &DecodeError{Param: s.Value, Value: raw}
		}
		params = append(params, Param{Name: s.Value, Values: []string{v}})
	}
	if d.tail == nil || len(slashes) == len(d.fixed) {
		if len(params) == 0 {
			return nil, nil // only an absent optional catch-all: no param, as in Next
		}
		return params, nil
	}
	raw, _ := inner(from(path, slashes, len(d.fixed)), d.tail)
	parts := strings.Split(raw, "/")
	for i, part := range parts {
		v, ok := decodeComponent(part)
		if !ok {
			return nil, &DecodeError{Param: d.tail.Value, Value: part}
		}
		parts[i] = v
	}
	return append(params, Param{Name: d.tail.Value, Values: parts, CatchAll: true}), nil
}

// decodeComponent is JavaScript's decodeURIComponent: every %XX is decoded
// (also %2F and %25), "+" stays "+", and the result must be UTF-8.
func decodeComponent(s string) (string, bool) {
	i := strings.IndexByte(s, '%')
	if i < 0 {
		return s, true
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		if s[i] != '%' {
			b = append(b, s[i])
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return "", false
		}
		b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
		i += 2
	}
	if !utf8.Valid(b) {
		return "", false
	}
	return string(b), true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}
