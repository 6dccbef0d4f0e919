package routes

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// This file ports Next.js's sorted-routes.ts (class UrlNode): the same tree,
// the same checks in the same order, the same error texts and the same
// route order. Next reads each segment twice, and so does this file:
//
//   - UrlNode (precedence and conflicts) only treats a segment that starts
//     with "[" and ends with "]" as a parameter; "user-[id]" is static text
//     to it and sorts among the static names.
//   - route-regex.ts (matching) finds the brackets anywhere in the segment
//     (PARAMETER_PATTERN) and matches the text around them literally.
//
// Next throws on the first conflict and stops; edgeplay checks each route
// before it changes the tree, so a route that fails leaves the tree as it
// was and the routes after it are still inserted and checked.

// entry is one page on its way into the table.
type entry struct {
	file string
	page string
	segs []segInfo
}

func (e *entry) route() *Route {
	r := &Route{Pattern: e.page, File: e.file, Segments: make([]Segment, len(e.segs))}
	for i, s := range e.segs {
		r.Segments[i] = s.seg
	}
	return r
}

// segInfo is one segment of a page, read both ways.
type segInfo struct {
	raw string
	seg Segment // how matching reads it

	// How UrlNode reads it.
	param    bool   // bracketed: "[x]", "[...x]", "[[...x]]"
	catchAll bool   // "[...x]" or "[[...x]]"
	optional bool   // "[[...x]]"
	name     string // the slug name of a parameter
	key      string // the child key: the text, or "[]", "[...]", "[[...]]"
	err      string // a parse error UrlNode throws for this segment alone
}

const (
	keySlug    = "[]"
	keyRest    = "[...]"
	keyOptRest = "[[...]]"
)

func parsePage(page string) []segInfo {
	parts := strings.Split(strings.TrimPrefix(page, "/"), "/")
	out := make([]segInfo, len(parts))
	for i, p := range parts {
		out[i] = parseSegment(p)
	}
	return out
}

func parseSegment(raw string) segInfo {
	s := segInfo{raw: raw, key: raw, seg: matchSegment(raw)}
	if !strings.HasPrefix(raw, "[") || !strings.HasSuffix(raw, "]") || len(raw) < 2 {
		return s
	}
	s.param = true
	name := raw[1 : len(raw)-1]
	if strings.HasPrefix(name, "[") && strings.HasSuffix(name, "]") {
		name = name[1 : len(name)-1]
		s.optional = true
	}
	if strings.HasPrefix(name, "...") {
		name = name[3:]
		s.catchAll = true
	}
	s.name = name
	switch {
	case strings.HasPrefix(name, "[") || strings.HasSuffix(name, "]"):
		s.err = fmt.Sprintf("Segment names may not start or end with extra brackets ('%s').", name)
	case strings.HasPrefix(name, "."):
		s.err = fmt.Sprintf("Segment names may not start with erroneous periods ('%s').", name)
	case s.catchAll && s.optional:
		s.key = keyOptRest
	case s.catchAll:
		s.key = keyRest
	case s.optional:
		s.err = fmt.Sprintf("Optional route parameters are not yet supported (\"%s\").", raw)
	default:
		s.key = keySlug
	}
	if !s.catchAll {
		s.optional = false
	}
	return s
}

// matchSegment reads a segment as route-regex.ts does, with Next's
// PARAMETER_PATTERN /^([^[]*)\[((?:\[[^\]]*\])|[^\]]+)\](.*)$/: the text
// before the first "[" is a prefix, then either "[[…]]" or "[…]", and the
// rest is a suffix.
func matchSegment(raw string) Segment {
	open := strings.IndexByte(raw, '[')
	if open < 0 {
		return Segment{Kind: Static, Value: raw}
	}
	rest := raw[open+1:]
	inner, suffix, ok := "", "", false
	if strings.HasPrefix(rest, "[") {
		if c := strings.IndexByte(rest[1:], ']') + 1; c > 0 && c+1 < len(rest) && rest[c+1] == ']' {
			inner, suffix, ok = rest[:c+1], rest[c+2:], true
		}
	}
	if !ok {
		if c := strings.IndexByte(rest, ']'); c >= 1 {
			inner, suffix, ok = rest[:c], rest[c+1:], true
		}
	}
	if !ok {
		return Segment{Kind: Static, Value: raw}
	}
	seg := Segment{Kind: Dynamic, Prefix: raw[:open], Suffix: suffix}
	optional := strings.HasPrefix(inner, "[") && strings.HasSuffix(inner, "]")
	if optional {
		inner = inner[1 : len(inner)-1]
	}
	if strings.HasPrefix(inner, "...") {
		inner = inner[3:]
		seg.Kind = CatchAll
		if optional {
			seg.Kind = OptionalCatchAll
		}
	}
	seg.Value = inner
	return seg
}

// node is a UrlNode.
type node struct {
	page     *entry // the page that ends here (UrlNode.placeholder == false)
	children map[string]*node
	first    string // the first file inserted at or below this node

	slug, rest, optRest *string // slugName, restSlugName, optionalRestSlugName
}

type tree struct{ root *node }

func newTree() *tree { return &tree{root: &node{children: map[string]*node{}}} }

func (n *node) child(key string) *node {
	if n == nil {
		return nil
	}
	return n.children[key]
}

func (n *node) firstFile() string {
	if n == nil {
		return ""
	}
	return n.first
}

// conflict is a route that cannot be added, in Next's words.
type conflict struct {
	text  string
	other string // the file it conflicts with, if any
}

func (c *conflict) message(file string) diag.Message {
	m := diag.Message{Kind: diag.Error, ID: diag.IDRouteConflict, Text: c.text, Location: &diag.Location{File: file}}
	if c.other != "" && c.other != file {
		m.Notes = []diag.Note{{Text: "It conflicts with the route in this file:", Location: &diag.Location{File: c.other}}}
	}
	return m
}

// insert adds e to the tree, or reports why Next would not, and then leaves
// the tree as it was. It follows UrlNode._insert: walking down, each segment
// is checked against the node it is added to and against the slug names
// used above it.
func (t *tree) insert(e *entry) *conflict {
	if c := t.check(e); c != nil {
		return c
	}
	n := t.root
	for _, s := range e.segs {
		if n.first == "" {
			n.first = e.file
		}
		if s.param {
			name := s.name
			switch s.key {
			case keySlug:
				n.slug = &name
			case keyRest:
				n.rest = &name
			case keyOptRest:
				n.optRest = &name
			}
		}
		c := n.children[s.key]
		if c == nil {
			c = &node{children: map[string]*node{}}
			n.children[s.key] = c
		}
		n = c
	}
	if n.first == "" {
		n.first = e.file
	}
	n.page = e
	return nil
}

// check runs UrlNode._insert's checks without changing the tree: n is nil
// below the point where the path leaves the existing tree, which is what a
// freshly created UrlNode looks like.
func (t *tree) check(e *entry) *conflict {
	n := t.root
	var slugs []string
	afterCatchAll := false
	last := len(e.segs) - 1
	for i, s := range e.segs {
		if afterCatchAll {
			return &conflict{text: "Catch-all must be the last part of the URL."}
		}
		if s.err != "" {
			return &conflict{text: s.err}
		}
		if s.param {
			var prev *string
			switch s.key {
			case keyOptRest:
				if n != nil && n.rest != nil {
					return &conflict{
						text:  fmt.Sprintf("You cannot use both an required and optional catch-all route at the same level (\"[...%s]\" and \"%s\" ).", *n.rest, s.raw),
						other: n.child(keyRest).firstFile(),
					}
				}
				prev = optRest(n)
			case keyRest:
				if n != nil && n.optRest != nil {
					return &conflict{
						text:  fmt.Sprintf("You cannot use both an optional and required catch-all route at the same level (\"[[...%s]]\" and \"%s\").", *n.optRest, s.raw),
						other: n.child(keyOptRest).firstFile(),
					}
				}
				prev = rest(n)
			default:
				prev = slug(n)
			}
			if prev != nil && *prev != s.name {
				return &conflict{
					text:  fmt.Sprintf("You cannot use different slug names for the same dynamic path ('%s' !== '%s').", *prev, s.name),
					other: n.child(s.key).firstFile(),
				}
			}
			for _, used := range slugs {
				if used == s.name {
					return &conflict{text: fmt.Sprintf("You cannot have the same slug name \"%s\" repeat within a single dynamic path", s.name)}
				}
				if wordOnly(used) == wordOnly(s.name) {
					return &conflict{text: fmt.Sprintf("You cannot have the slug names \"%s\" and \"%s\" differ only by non-word symbols within a single dynamic path", used, s.name)}
				}
			}
			slugs = append(slugs, s.name)
			afterCatchAll = s.catchAll
		}
		// Checks of edgeplay's own, for segments that mix text and brackets
		// ("x[...a]"): UrlNode sees static text and lets them through, but
		// Next's route regex for them either is invalid (an optional
		// catch-all with a prefix) or no longer splits the path by segments.
		if !s.param && s.seg.Kind != Static && s.seg.Kind != Dynamic {
			if s.seg.Kind == OptionalCatchAll {
				return &conflict{text: fmt.Sprintf("An optional catch-all cannot share its segment with other text (%q): Next.js cannot build a matcher for it. Use %q.", s.raw, "[[..."+s.seg.Value+"]]")}
			}
			if i != last {
				return &conflict{text: "Catch-all must be the last part of the URL."}
			}
		}
		n = n.child(s.key)
	}
	return nil
}

func slug(n *node) *string {
	if n == nil {
		return nil
	}
	return n.slug
}

func rest(n *node) *string {
	if n == nil {
		return nil
	}
	return n.rest
}

func optRest(n *node) *string {
	if n == nil {
		return nil
	}
	return n.optRest
}

// wordOnly is JavaScript's s.replace(/\W/g, ""): it keeps [A-Za-z0-9_].
func wordOnly(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// sorted lists the pages in UrlNode.smoosh order: at each node its own page,
// then the static children in JavaScript's default sort order, then the
// dynamic child, the catch-all and the optional catch-all. A page with the
// same specificity as an optional catch-all (/api/docs and
// /api/docs/[[...slug]]) is the one conflict that smoosh, not insert,
// throws; the optional catch-all is reported and left out.
func (t *tree) sorted(diags *diag.List) []*entry {
	var out []*entry
	t.root.smoosh("/", &out, diags)
	return out
}

func (n *node) smoosh(prefix string, out *[]*entry, diags *diag.List) {
	dropOpt := false
	if n.page != nil {
		if n.optRest != nil {
			r := "/"
			if prefix != "/" {
				r = strings.TrimSuffix(prefix, "/")
			}
			opt := n.children[keyOptRest].page
			text := fmt.Sprintf("You cannot define a route with the same specificity as a optional catch-all route (\"%s\" and \"%s[[...%s]]\").", r, r, *n.optRest)
			diags.Add((&conflict{text: text, other: n.page.file}).message(opt.file))
			dropOpt = true
		}
		*out = append(*out, n.page)
	}
	var static []string
	for k := range n.children {
		if k != keySlug && k != keyRest && k != keyOptRest {
			static = append(static, k)
		}
	}
	sort.Slice(static, func(i, j int) bool { return lessUTF16(static[i], static[j]) })
	for _, k := range static {
		n.children[k].smoosh(prefix+k+"/", out, diags)
	}
	if n.slug != nil {
		n.children[keySlug].smoosh(prefix+"["+*n.slug+"]/", out, diags)
	}
	if n.rest != nil {
		n.children[keyRest].smoosh(prefix+"[..."+*n.rest+"]/", out, diags)
	}
	if n.optRest != nil && !dropOpt {
		n.children[keyOptRest].smoosh(prefix+"[[..."+*n.optRest+"]]/", out, diags)
	}
}

// lessUTF16 orders strings as JavaScript's Array.prototype.sort does by
// default: by UTF-16 code units. It differs from Go's byte order only when a
// character outside the Basic Multilingual Plane meets one in U+E000–U+FFFF.
func lessUTF16(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if ra[i] == rb[i] {
			continue
		}
		return firstUnit(ra[i]) < firstUnit(rb[i]) || firstUnit(ra[i]) == firstUnit(rb[i]) && ra[i] < rb[i]
	}
	return len(ra) < len(rb)
}

func firstUnit(r rune) rune {
	if r >= 0x10000 {
		hi, _ := utf16.EncodeRune(r)
		return hi
	}
	return r
}

// unreachableDiags warns about path text that no request can match: next
// dev compares a route's static text with the path as it arrives, still
// percent-encoded, and clients always encode these characters (measured
// with next dev 16.4.6: pages/api/café.js answers 404 to /api/caf%C3%A9).
// edgeplay matches the same way, so it says why.
func unreachableDiags(e *entry) diag.List {
	var out diag.List
	for _, s := range e.segs {
		text := s.seg.Prefix + s.seg.Suffix
		if s.seg.Kind == Static {
			text = s.seg.Value
		}
		if i := strings.IndexFunc(text, clientEncodes); i >= 0 {
			out.Add(diag.Message{
				Kind:     diag.Warning,
				ID:       diag.IDRouteConflict,
				Text:     fmt.Sprintf("No request can reach %s: clients send %q percent-encoded, and Next.js compares the path without decoding it. Rename %q to use only ASCII letters, digits and -._~", e.page, []rune(text[i:])[0], s.raw),
				Location: &diag.Location{File: e.file},
			})
			break
		}
	}
	return out
}

// clientEncodes reports a character that browsers and curl send
// percent-encoded in a path.
func clientEncodes(r rune) bool {
	return r <= ' ' || r >= 0x7f || strings.ContainsRune("\"#%<>?\\^`{|}", r)
}
