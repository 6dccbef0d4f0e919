// Package urlpattern installs URLPattern, backed by
// github.com/dunglas/go-urlpattern (the spec's parser, constructor string
// parser and canonicalisation, over a conformant WHATWG URL parser).
//
// Patterns compile to Go regular expressions (RE2), not ECMAScript ones:
// custom regexp groups that use what RE2 lacks — lookahead and lookbehind
// ((?=…), (?!…), (?<=…), (?<!…)) and backreferences (\1) — throw a
// TypeError that names the construct. The character classes of the `v`
// flag (set subtraction `--` and intersection `&&`) are not supported
// either.
//
// Matching runs the library's exec (which processes and canonicalises the
// input) and then re-runs each component's regular expression to build
// the groups, because the spec's groups are `undefined` for an optional
// group that did not participate and the library reports "" for them.
//
// [URLPattern]: https://urlpattern.spec.whatwg.org/
package urlpattern

import (
	_ "embed"
	"errors"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dunglas/go-urlpattern"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed urlpattern.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:   "urlpattern",
		Order:  22,
		Spec:   "https://urlpattern.spec.whatwg.org/",
		JS:     source,
		Native: natives,
	})
}

// componentNames in the order of the spec's URLPatternResult members.
var componentNames = [8]string{"protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"}

// pattern is what a URLPattern's [[pattern]] slot holds on the Go side.
type pattern struct {
	p      *urlpattern.URLPattern
	re     [8]*regexp.Regexp // per component; nil if unreadable
	groups [8][]string       // group names per component
}

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	return map[string]any{
		// compile(input, baseURL, init, ignoreCase): input is a string (or
		// undefined when init, an array of 9 strings-or-undefined in
		// componentNames order + baseURL, is given). It returns [handle,
		// the 8 pattern strings…, hasRegExpGroups] or throws a TypeError.
		"compile": func(call goja.FunctionCall) goja.Value {
			opts := &urlpattern.Options{IgnoreCase: call.Argument(3).ToBoolean()}
			var p *urlpattern.URLPattern
			var err error
			if init, ok := call.Argument(2).(*goja.Object); ok {
				p, err = initFrom(rt, init).New(opts)
			} else {
				base := ""
				if b := call.Argument(1); !goja.IsUndefined(b) {
					base = b.String()
					if base == "" {
						webapi.Throw(rt, "TypeError", "Failed to construct 'URLPattern': Invalid base URL ''.")
					}
				}
				p, err = urlpattern.New(call.Argument(0).String(), base, opts)
			}
			if err != nil {
				webapi.Throw(rt, "TypeError", "Failed to construct 'URLPattern': "+describe(err))
			}
			pt := &pattern{p: p}
			pt.readComponents()
			out := []any{pt, p.Protocol(), p.Username(), p.Password(), p.Hostname(), p.Port(), p.Pathname(), p.Search(), p.Hash(), p.HasRegexpGroups()}
			return rt.ToValue(rt.NewArray(out...))
		},
		// exec(handle, input, baseURL, init) -> null, or [[input per
		// component], [groups per component]] where groups is a flat
		// [name, value|undefined, …] array.
		"exec": func(call goja.FunctionCall) goja.Value {
			pt, ok := call.Argument(0).Export().(*pattern)
			if !ok {
				webapi.Throw(rt, "TypeError", "Illegal invocation")
			}
			var r *urlpattern.URLPatternResult
			if init, ok := call.Argument(3).(*goja.Object); ok {
				r = pt.p.ExecInit(initFrom(rt, init))
			} else {
				base := ""
				if b := call.Argument(2); !goja.IsUndefined(b) {
					base = b.String()
					if base == "" {
						return goja.Null() // an empty base URL does not parse
					}
				}
				r = pt.p.Exec(call.Argument(1).String(), base)
			}
			if r == nil {
				return goja.Null()
			}
			comps := [8]urlpattern.URLPatternComponentResult{r.Protocol, r.Username, r.Password, r.Hostname, r.Port, r.Pathname, r.Search, r.Hash}
			inputs := make([]any, 8)
			groups := make([]any, 8)
			for i, c := range comps {
				inputs[i] = c.Input
				groups[i] = rt.NewArray(pt.groupsOf(i, c)...)
			}
			return rt.NewArray(rt.NewArray(inputs...), rt.NewArray(groups...))
		},
	}
}

// initFrom reads the JS side's flattened URLPatternInit: 8 components
// and baseURL, each a string or undefined.
func initFrom(rt *goja.Runtime, a *goja.Object) *urlpattern.URLPatternInit {
	get := func(i int) *string {
		v := a.Get(itoa(i))
		if v == nil || goja.IsUndefined(v) {
			return nil
		}
		s := v.String()
		return &s
	}
	return &urlpattern.URLPatternInit{
		Protocol: get(0), Username: get(1), Password: get(2), Hostname: get(3),
		Port: get(4), Pathname: get(5), Search: get(6), Hash: get(7), BaseURL: get(8),
	}
}

func itoa(i int) string { return string(rune('0' + i)) }

// groupsOf builds a component's groups as [name, value, …]: value is
// undefined for a group that did not participate in the match.
func (pt *pattern) groupsOf(i int, c urlpattern.URLPatternComponentResult) []any {
	re, names := pt.re[i], pt.groups[i]
	if re == nil {
		// Fallback: the library's own groups ("" for unmatched ones).
		out := make([]any, 0, 2*len(c.Groups))
		for _, n := range names {
			if v, ok := c.Groups[n]; ok {
				out = append(out, n, v)
			}
		}
		return out
	}
	idx := re.FindStringSubmatchIndex(c.Input)
	out := make([]any, 0, 2*len(names))
	for g, n := range names {
		k := 2 * (g + 1)
		if idx == nil || k+1 >= len(idx) || idx[k] < 0 {
			out = append(out, n, goja.Undefined())
			continue
		}
		out = append(out, n, c.Input[idx[k]:idx[k+1]])
	}
	return out
}

// readComponents reads each component's compiled regular expression and
// group name list. The library keeps them unexported; they are read with
// reflect (and left alone if its layout ever changes: groups then come
// from the library).
func (pt *pattern) readComponents() {
	v := reflect.ValueOf(pt.p).Elem()
	for i, name := range componentNames {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Kind() != reflect.Pointer || f.IsNil() {
			return
		}
		c := f.Elem()
		reF, namesF := c.FieldByName("regularExpression"), c.FieldByName("groupNameList")
		if !reF.IsValid() || !namesF.IsValid() || reF.Type() != reflect.TypeOf((*regexp.Regexp)(nil)) || namesF.Type() != reflect.TypeOf([]string(nil)) {
			pt.re = [8]*regexp.Regexp{}
			return
		}
		pt.re[i] = *(**regexp.Regexp)(unsafe.Pointer(reF.UnsafeAddr()))
		pt.groups[i] = *(*[]string)(unsafe.Pointer(namesF.UnsafeAddr()))
	}
}

// describe turns a library error into the TypeError's message; a regular
// expression RE2 cannot compile names the construct.
func describe(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		what := se.Expr
		switch {
		case strings.HasPrefix(what, "(?=") || strings.HasPrefix(what, "(?!"):
			what = "lookahead " + what
		case strings.HasPrefix(what, "(?<=") || strings.HasPrefix(what, "(?<!"):
			what = "lookbehind " + what
		case strings.HasPrefix(what, `\`):
			what = "backreference or escape " + what
		}
		return "the regular expression group uses " + what + ", which edgeplay does not support (URLPattern groups are compiled as Go RE2 expressions: no lookahead, lookbehind or backreferences): " + se.Code.String()
	}
	msg := err.Error()
	// Tokenizer errors print the library's internal state: say what the
	// spec says instead.
	if i := strings.Index(msg, "&urlpattern."); i >= 0 {
		return "invalid pattern syntax (" + strings.TrimSpace(strings.TrimSuffix(msg[:i], ":")) + ")"
	}
	return msg
}
