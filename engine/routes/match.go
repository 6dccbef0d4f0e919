package routes

import (
	"net/url"
	"strings"
)

// Param is one dynamic parameter of a matched route, decoded.
type Param struct {
	Name     string
	Values   []string // one for [id], one or more for [...slug], zero or more for [[...slug]]
	CatchAll bool
}

// Match finds the route for an escaped URL path ("/api/users/a%20b"),
// trying routes in precedence order as Next does. A path with a trailing
// slash does not match: the server redirects it first, as next dev does
// with trailingSlash off. A param with invalid percent-encoding makes the
// route not match (MatchErr tells that case apart: Next answers 400).
func (t *Table) Match(escapedPath string) (*Route, []Param, bool) {
	r, p, err := t.MatchErr(escapedPath)
	return r, p, r != nil && err == nil
}

// MatchErr is Match that also reports a malformed param encoding.
func (t *Table) MatchErr(escapedPath string) (*Route, []Param, error) {
	if !strings.HasPrefix(escapedPath, "/") {
		return nil, nil, nil
	}
	parts := strings.Split(escapedPath[1:], "/")
	for _, r := range t.Routes {
		params, ok, err := matchRoute(r, parts)
		if err != nil {
			return r, nil, err
		}
		if ok {
			return r, params, nil
		}
	}
	return nil, nil, nil
}

func matchRoute(r *Route, parts []string) ([]Param, bool, error) {
	segs := r.Segments
	var params []Param
	for i, s := range segs {
		switch s.Kind {
		case Static:
			if i >= len(parts) || !staticEqual(parts[i], s.Value) {
				return nil, false, nil
			}
		case Dynamic:
			if i >= len(parts) || parts[i] == "" {
				return nil, false, nil
			}
			v, err := url.PathUnescape(parts[i])
			if err != nil {
				return nil, false, err
			}
			params = append(params, Param{Name: s.Value, Values: []string{v}})
		case CatchAll, OptionalCatchAll:
			rest := parts[min(i, len(parts)):]
			if len(rest) == 0 || (len(rest) == 1 && rest[0] == "") {
				if s.Kind == CatchAll {
					return nil, false, nil
				}
				return params, true, nil // an absent optional catch-all adds nothing
			}
			vals := make([]string, len(rest))
			for j, p := range rest {
				if p == "" {
					return nil, false, nil // an empty segment inside the rest
				}
				v, err := url.PathUnescape(p)
				if err != nil {
					return nil, false, err
				}
				vals[j] = v
			}
			return append(params, Param{Name: s.Value, Values: vals, CatchAll: true}), true, nil
		}
	}
	if len(parts) != len(segs) {
		return nil, false, nil
	}
	return params, true, nil
}

// staticEqual compares an escaped path segment with a file name segment.
func staticEqual(escaped, name string) bool {
	if escaped == name {
		return true
	}
	if !strings.Contains(escaped, "%") {
		return false
	}
	d, err := url.PathUnescape(escaped)
	return err == nil && d == name
}

// InjectParams merges params into a raw query the way an edge API route
// sees them in next dev: a param whose key is absent is appended; when the
// key is present, its first occurrence is replaced in place and the others
// are removed; a catch-all's values become repeated keys. Values are
// encoded as URLSearchParams serialises them; every untouched part of the
// query keeps its bytes.
func InjectParams(rawQuery string, params []Param) string {
	if len(params) == 0 {
		return rawQuery
	}
	var pairs []string
	if rawQuery != "" {
		pairs = strings.Split(rawQuery, "&")
	}
	for _, p := range params {
		if len(p.Values) == 0 {
			continue
		}
		enc := make([]string, len(p.Values))
		for i, v := range p.Values {
			enc[i] = formEncode(p.Name) + "=" + formEncode(v)
		}
		repl := strings.Join(enc, "&")
		out := pairs[:0:0]
		done := false
		for _, pair := range pairs {
			if pairName(pair) == p.Name {
				if !done {
					out = append(out, repl)
					done = true
				}
				continue
			}
			out = append(out, pair)
		}
		if !done {
			out = append(out, repl)
		}
		pairs = out
	}
	return strings.Join(pairs, "&")
}

// pairName decodes the name of one name=value pair of a query.
func pairName(pair string) string {
	name := pair
	if i := strings.IndexByte(pair, '='); i >= 0 {
		name = pair[:i]
	}
	if d, err := url.QueryUnescape(name); err == nil {
		return d
	}
	return name
}

// formEncode is the application/x-www-form-urlencoded byte serializer.
// https://url.spec.whatwg.org/#concept-urlencoded-byte-serializer
func formEncode(s string) string {
	var b strings.Builder
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('+')
		case c == '*' || c == '-' || c == '.' || c == '_' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
