// Package url installs URL and URLSearchParams.
//
// Parsing is the WHATWG URL Standard's, done in Go: github.com/nlnwa/whatwg-url
// with its default options (which follow the standard; every option it offers
// makes it more lenient), plus a fast path for the plain http(s) URLs that
// requests carry (fastpath.go), checked against the full parser by tests.
//
// A URL object in JS holds one array, [href, offsets…]: the serialized URL
// and where each component starts and ends in it (see layout). A serialized
// URL is ASCII, so the getters are string slices and no Go object lives on
// per URL. Setters send the href back to Go, apply the standard's setter
// (the basic URL parser with a state override) and get a new array.
// searchParams is live both ways; its list and serializer are in JS, with
// the application/x-www-form-urlencoded byte work in Go.
//
// [URL]: https://url.spec.whatwg.org/
package url

import (
	_ "embed"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	wurl "github.com/nlnwa/whatwg-url/url"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	"github.com/edgeplay/edgeplay/engine/edge/webapi/encoding"
)

//go:embed url.js
var source string

func init() {
	webapi.Register(webapi.API{Name: "url", Order: 20, Spec: "https://url.spec.whatwg.org/", JS: source, Native: natives})
}

// parser is the standard-conformant parser: the library's defaults. (Its
// options — lax host parsing, accepting invalid code points, collapsing
// slashes… — all depart from the standard, so none is set.)
var parser = wurl.NewParser()

// Indexes into the parts array a URL object holds; url.js mirrors them.
const (
	iHref          = iota
	iProtocolEnd   // after the ':'
	iUsernameStart // username = href[iUsernameStart:iUsernameEnd]
	iUsernameEnd
	iPasswordStart
	iPasswordEnd
	iHostStart // hostname = href[iHostStart:iHostEnd]
	iHostEnd
	iPortEnd   // host = href[iHostStart:iPortEnd]; port follows a ':' at iHostEnd
	iPathStart // pathname runs to the search, the hash or the end
	iSearchStart
	iHashStart
	nParts
)

// parts is a parsed URL as JS sees it: the href and its component offsets
// (-1 for a missing search or hash).
type parts struct {
	href string
	off  [nParts - 1]int
}

func (p *parts) value(rt *goja.Runtime) goja.Value {
	vals := make([]any, nParts)
	vals[0] = p.href
	for i, o := range p.off {
		vals[i+1] = o
	}
	return rt.NewArray(vals...)
}

// layout locates each component of u in its serialization. It follows the
// URL serializer: https://url.spec.whatwg.org/#concept-url-serializer
func layout(u *wurl.Url) parts {
	href := u.Href(false)
	var p parts
	p.href = href
	set := func(i, v int) { p.off[i-1] = v }
	// 1. output = scheme ":"
	n := len(u.Scheme()) + 1
	set(iProtocolEnd, n)
	// 2. If url's host is non-null: "//", userinfo "@", host, ":" port.
	// (A null host never leaves "//" here: the serializer writes "/." first.)
	if strings.HasPrefix(href[n:], "//") {
		n += 2
		user, pass := u.Username(), u.Password()
		set(iUsernameStart, n)
		n += len(user)
		set(iUsernameEnd, n)
		if pass != "" {
			set(iPasswordStart, n+1)
			n += 1 + len(pass)
			set(iPasswordEnd, n)
		} else {
			set(iPasswordStart, n)
			set(iPasswordEnd, n)
		}
		if user != "" || pass != "" {
			n++ // '@'
		}
		set(iHostStart, n)
		n += len(u.Hostname())
		set(iHostEnd, n)
		if port := u.Port(); port != "" {
			n += 1 + len(port)
		}
		set(iPortEnd, n)
	} else {
		for i := iUsernameStart; i <= iPortEnd; i++ {
			set(i, n)
		}
	}
	// 3. If host is null, the path is not opaque, has more than one segment
	// and the first is empty, "/." precedes the path.
	pathname := u.Pathname()
	if p.off[iHostStart-1] == len(u.Scheme())+1 && strings.HasPrefix(pathname, "//") && strings.HasPrefix(href[n:], "/.") {
		n += 2
	}
	set(iPathStart, n)
	n += len(pathname)
	// 4. "?" query, 5. "#" fragment.
	set(iSearchStart, -1)
	set(iHashStart, -1)
	if n < len(href) && href[n] == '?' {
		set(iSearchStart, n)
	}
	if h := strings.IndexByte(href[n:], '#'); h >= 0 {
		set(iHashStart, n+h)
	}
	p.utf16()
	return p
}

// utf16 turns byte offsets into UTF-16 offsets for the rare non-ASCII href
// (the serializer percent-encodes everything non-ASCII, so this is a guard).
func (p *parts) utf16() {
	ascii := true
	for i := 0; i < len(p.href); i++ {
		if p.href[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return
	}
	for i, o := range p.off {
		if o > 0 {
			p.off[i] = len(utf16.Encode([]rune(p.href[:o])))
		}
	}
}

// parse runs the basic URL parser on input against base (nil: no base).
// https://url.spec.whatwg.org/#concept-basic-url-parser
func parse(input string, base *string) (parts, bool) {
	// 1–2 of the API URL parser: parse base first; failure is failure.
	// (The library's ParseRef treats an empty base as no base, which the
	// standard does not: new URL("x", "") throws.)
	if base == nil {
		if p, ok := fastParse(input); ok {
			return p, true
		}
		u, err := parser.Parse(input)
		if err != nil {
			return parts{}, false
		}
		return layout(u), true
	}
	if p, ok := fastParse(input); ok {
		// An absolute http(s) URL with "//" ignores the base, but the base
		// must still parse.
		if _, ok := fastParse(*base); ok {
			return p, true
		}
		if _, err := parser.Parse(*base); err != nil {
			return parts{}, false
		}
		return p, true
	}
	b, err := parser.Parse(*base)
	if err != nil {
		return parts{}, false
	}
	u, err := parser.BasicParser(input, b, nil, wurl.NoState)
	if err != nil {
		return parts{}, false
	}
	return layout(u), true
}

// setters maps a URL attribute to the library's setter, which runs the
// basic URL parser with the state override the standard gives it:
// https://url.spec.whatwg.org/#urlutils-members
var setters = map[string]func(u *wurl.Url, v string){
	"protocol": (*wurl.Url).SetProtocol,
	"username": (*wurl.Url).SetUsername,
	"password": (*wurl.Url).SetPassword,
	"host":     (*wurl.Url).SetHost,
	"hostname": (*wurl.Url).SetHostname,
	"port":     (*wurl.Url).SetPort,
	"pathname": (*wurl.Url).SetPathname,
	"search":   (*wurl.Url).SetSearch,
	"hash":     (*wurl.Url).SetHash,
}

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	args := func(call goja.FunctionCall) (string, *string) {
		input := call.Argument(0).String()
		if b := call.Argument(1); !goja.IsUndefined(b) {
			s := b.String()
			return input, &s
		}
		return input, nil
	}
	return map[string]any{
		// parse(input, base?, orNull?) -> parts, or throws TypeError (or
		// returns null when orNull). The caller has converted input and
		// base to USVStrings.
		"parse": func(call goja.FunctionCall) goja.Value {
			input, base := args(call)
			p, ok := parse(input, base)
			if !ok {
				if call.Argument(2).ToBoolean() {
					return goja.Null()
				}
				webapi.Throw(rt, "TypeError", "Invalid URL: "+input)
			}
			return p.value(rt)
		},
		// canParse(input, base?) -> boolean, without an exception.
		"canParse": func(call goja.FunctionCall) goja.Value {
			_, ok := parse(args(call))
			return rt.ToValue(ok)
		},
		// set(href, attribute, value) -> parts after the attribute's setter.
		"set": func(call goja.FunctionCall) goja.Value {
			u, err := parser.Parse(call.Argument(0).String())
			if err != nil {
				webapi.Throw(rt, "TypeError", "Invalid URL")
			}
			setter, ok := setters[call.Argument(1).String()]
			if !ok {
				webapi.Throw(rt, "TypeError", "unknown URL attribute "+call.Argument(1).String())
			}
			setter(u, call.Argument(2).String())
			p := layout(u)
			return p.value(rt)
		},
		// blobOrigin(path) -> the origin of a blob: URL whose path is path.
		"blobOrigin": func(call goja.FunctionCall) goja.Value {
			return rt.ToValue(blobOrigin(call.Argument(0).String()))
		},
		// formDecode(s) -> [name, value, …]
		"formDecode": func(call goja.FunctionCall) goja.Value {
			return rt.NewArray(formDecode(call.Argument(0).String())...)
		},
		// formEncode([name, value, …]) -> string
		"formEncode": func(call goja.FunctionCall) goja.Value {
			list, _ := call.Argument(0).Export().([]any)
			var b strings.Builder
			for i := 0; i+1 < len(list); i += 2 {
				if i > 0 {
					b.WriteByte('&')
				}
				formEscape(&b, toString(list[i]))
				b.WriteByte('=')
				formEscape(&b, toString(list[i+1]))
			}
			return rt.ToValue(b.String())
		},
	}
}

func toString(v any) string {
	s, _ := v.(string)
	return s
}

// blobOrigin: the origin of a blob: URL is that of its path parsed as a
// URL, when that is http(s); otherwise an opaque origin ("null").
// https://url.spec.whatwg.org/#concept-url-origin
func blobOrigin(path string) string {
	u, err := parser.Parse(path)
	if err != nil {
		return "null"
	}
	switch u.Protocol() {
	case "http:", "https:":
		return u.Protocol() + "//" + u.Host()
	}
	return "null"
}

// formDecode is the application/x-www-form-urlencoded parser:
// https://url.spec.whatwg.org/#concept-urlencoded-parser
func formDecode(s string) []any {
	out := make([]any, 0, 2*(strings.Count(s, "&")+1))
	// 1. Let sequences be the result of splitting input on 0x26 (&).
	for len(s) > 0 {
		seq := s
		if i := strings.IndexByte(s, '&'); i >= 0 {
			seq, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		// 3.1. If bytes is the empty byte sequence, then continue.
		if seq == "" {
			continue
		}
		// 3.2–3.3. Split on the first '='; a missing value is empty.
		name, value, _ := strings.Cut(seq, "=")
		// 3.4–3.5. Replace '+' by 0x20, percent-decode, UTF-8 decode
		// without BOM (replacement on errors).
		out = append(out, formUnescape(name), formUnescape(value))
	}
	return out
}

// formUnescape replaces '+' by a space, percent-decodes, and runs UTF-8
// decode without BOM (one U+FFFD per maximal invalid subpart).
// https://url.spec.whatwg.org/#percent-decode
func formUnescape(s string) string {
	if strings.IndexByte(s, '+') < 0 && strings.IndexByte(s, '%') < 0 && utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			b = append(b, ' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return encoding.DecodeUTF8NoBOM(b)
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

// formEscape is the application/x-www-form-urlencoded byte serializer:
// https://url.spec.whatwg.org/#concept-urlencoded-byte-serializer
// 0x20 becomes '+'; * - . _ 0-9 A-Z a-z stay; every other byte is %XX.
func formEscape(b *strings.Builder, s string) {
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
}
