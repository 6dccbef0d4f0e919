package routes

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// This file follows Next.js's sorted-routes.ts (UrlNode): the same tree,
// the same errors, the same order. Next throws on the first conflict and
// fails the build; edgeplay reports each conflicting file and keeps serving
// the routes that were inserted before it.

type conflict struct {
	msg   string
	other string // the file the route conflicts with, when there is one
}

func (c *conflict) Error() string { return c.msg }

type node struct {
	placeholder          bool
	file                 string
	children             map[string]*node
	slugName             *string
	restSlugName         *string
	optionalRestSlugName *string
}

func newNode() *node { return &node{placeholder: true, children: map[string]*node{}} }

// parse splits a page into segments, checking each as Next does.
func parse(page string) ([]Segment, error) {
	parts := strings.Split(strings.TrimPrefix(page, "/"), "/")
	out := make([]Segment, 0, len(parts))
	for _, p := range parts {
		if !strings.HasPrefix(p, "[") || !strings.HasSuffix(p, "]") {
			out = append(out, Segment{Kind: Static, Value: p})
			continue
		}
		name := p[1 : len(p)-1]
		optional := false
		if strings.HasPrefix(name, "[") && strings.HasSuffix(name, "]") {
			name = name[1 : len(name)-1]
			optional = true
		}
		if strings.HasPrefix(name, "…") {
			return nil, fmt.Errorf("Detected a three-dot character ('…') at ('%s'). Did you mean ('...')?", name)
		}
		rest := false
		if strings.HasPrefix(name, "...") {
			name = name[3:]
			rest = true
		}
		if strings.HasPrefix(name, "[") || strings.HasSuffix(name, "]") {
			return nil, fmt.Errorf("Segment names may not start or end with extra brackets ('%s').", name)
		}
		if strings.HasPrefix(name, ".") {
			return nil, fmt.Errorf("Segment names may not start with erroneous periods ('%s').", name)
		}
		switch {
		case rest && optional:
			out = append(out, Segment{Kind: OptionalCatchAll, Value: name})
		case rest:
			out = append(out, Segment{Kind: CatchAll, Value: name})
		case optional:
			return nil, fmt.Errorf("Optional route parameters are not yet supported (\"%s\").", p)
		default:
			out = append(out, Segment{Kind: Dynamic, Value: name})
		}
	}
	return out, nil
}

var nonWord = regexp.MustCompile(`\W`)

// insert adds a page below n; slugs are the names used above.
func (n *node) insert(page string, segs []Segment, i int, slugs []string, file string) error {
	if i == len(segs) {
		n.placeholder = false
		n.file = file
		return nil
	}
	if n.restSlugName != nil || n.optionalRestSlugName != nil {
		// A catch-all already ends the path at this level.
	}
	s := segs[i]
	key := s.Value
	handleSlug := func(prev *string, next string) error {
		if prev != nil && *prev != next {
			return &conflict{msg: fmt.Sprintf("You cannot use different slug names for the same dynamic path ('%s' !== '%s').", *prev, next), other: n.firstFile()}
		}
		for _, slug := range slugs {
			if slug == next {
				return fmt.Errorf("You cannot have the same slug name \"%s\" repeat within a single dynamic path", next)
			}
			if nonWord.ReplaceAllString(slug, "") == nonWord.ReplaceAllString(next, "") {
				return fmt.Errorf("You cannot have the slug names \"%s\" and \"%s\" differ only by non-word symbols within a single dynamic path", slug, next)
			}
		}
		return nil
	}
	switch s.Kind {
	case CatchAll, OptionalCatchAll:
		if i != len(segs)-1 {
			return fmt.Errorf("Catch-all must be the last part of the URL.")
		}
		if s.Kind == OptionalCatchAll {
			if n.restSlugName != nil {
				return &conflict{msg: fmt.Sprintf("You cannot use both an required and optional catch-all route at the same level (\"[...%s]\" and \"[[...%s]]\" ).", *n.restSlugName, s.Value), other: n.children["[...]"].firstFile()}
			}
			if err := handleSlug(n.optionalRestSlugName, s.Value); err != nil {
				return err
			}
			if !n.placeholder {
				r := strings.TrimSuffix(pageOfSegs(segs[:i]), "/")
				return &conflict{msg: fmt.Sprintf("You cannot define a route with the same specificity as a optional catch-all route (\"%s\" and \"%s[[...%s]]\").", r, r+"/", s.Value), other: n.file}
			}
			v := s.Value
			n.optionalRestSlugName = &v
			key = "[[...]]"
		} else {
			if n.optionalRestSlugName != nil {
				return &conflict{msg: fmt.Sprintf("You cannot use both an optional and required catch-all route at the same level (\"[[...%s]]\" and \"[...%s]\").", *n.optionalRestSlugName, s.Value), other: n.children["[[...]]"].firstFile()}
			}
			if err := handleSlug(n.restSlugName, s.Value); err != nil {
				return err
			}
			v := s.Value
			n.restSlugName = &v
			key = "[...]"
		}
		slugs = append(append([]string(nil), slugs...), s.Value)
	case Dynamic:
		if err := handleSlug(n.slugName, s.Value); err != nil {
			return err
		}
		v := s.Value
		n.slugName = &v
		key = "[]"
		slugs = append(append([]string(nil), slugs...), s.Value)
	}
	child := n.children[key]
	if child == nil {
		child = newNode()
		n.children[key] = child
	}
	// A page at the level of an optional catch-all conflicts with it.
	if i == len(segs)-1 && s.Kind != OptionalCatchAll {
		if oc := child.optionalRestSlugName; oc != nil {
			r := pageOfSegs(segs)
			return &conflict{msg: fmt.Sprintf("You cannot define a route with the same specificity as a optional catch-all route (\"%s\" and \"%s/[[...%s]]\").", r, r, *oc), other: child.children["[[...]]"].firstFile()}
		}
	}
	return child.insert(page, segs, i+1, slugs, file)
}

func pageOfSegs(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		switch s.Kind {
		case Static:
			b.WriteString(s.Value)
		case Dynamic:
			b.WriteString("[" + s.Value + "]")
		case CatchAll:
			b.WriteString("[..." + s.Value + "]")
		case OptionalCatchAll:
			b.WriteString("[[..." + s.Value + "]]")
		}
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

// firstFile is any file at or below n, for pointing at a conflict.
func (n *node) firstFile() string {
	if n == nil {
		return ""
	}
	if !n.placeholder {
		return n.file
	}
	keys := make([]string, 0, len(n.children))
	for k := range n.children {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if f := n.children[k].firstFile(); f != "" {
			return f
		}
	}
	return ""
}

// smoosh lists the pages below n in Next's order: the page itself, static
// children in sorted order, then dynamic, catch-all and optional catch-all.
func (n *node) smoosh(prefix string) []string {
	keys := make([]string, 0, len(n.children))
	for k := range n.children {
		if k != "[]" && k != "[...]" && k != "[[...]]" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []string
	if !n.placeholder {
		r := prefix
		if prefix != "/" {
			r = strings.TrimSuffix(prefix, "/")
		}
		out = append(out, r)
	}
	for _, k := range keys {
		out = append(out, n.children[k].smoosh(prefix+k+"/")...)
	}
	if n.slugName != nil {
		out = append(out, n.children["[]"].smoosh(prefix+"["+*n.slugName+"]/")...)
	}
	if n.restSlugName != nil {
		out = append(out, n.children["[...]"].smoosh(prefix+"[..."+*n.restSlugName+"]/")...)
	}
	if n.optionalRestSlugName != nil {
		out = append(out, n.children["[[...]]"].smoosh(prefix+"[[..."+*n.optionalRestSlugName+"]]/")...)
	}
	return out
}
