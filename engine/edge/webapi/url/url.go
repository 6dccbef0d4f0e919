// Package url installs URL and URLSearchParams. Parsing is the WHATWG URL
// Standard's, done in Go by github.com/nlnwa/whatwg-url; the objects are
// JS classes holding the parsed components, with searchParams kept live in
// both directions.
//
// [URL]: https://url.spec.whatwg.org/
package url

import (
	_ "embed"
	"strings"

	"github.com/dop251/goja"
	wurl "github.com/nlnwa/whatwg-url/url"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed url.js
var source string

func init() {
	webapi.Register(webapi.API{Name: "url", Order: 20, Spec: "https://url.spec.whatwg.org/", JS: source, Native: natives})
}

var parser = wurl.NewParser()

var specialOrigin = map[string]bool{"http:": true, "https:": true, "ws:": true, "wss:": true, "ftp:": true}

// origin serializes a URL's origin: [origin]: https://url.spec.whatwg.org/#concept-url-origin
func origin(u *wurl.Url) string {
	switch p := u.Protocol(); {
	case specialOrigin[p]:
		return p + "//" + u.Host()
	case p == "blob:":
		if inner, err := parser.Parse(u.Pathname()); err == nil && (inner.Protocol() == "http:" || inner.Protocol() == "https:") {
			return origin(inner)
		}
	}
	return "null"
}

func components(rt *goja.Runtime, u *wurl.Url) goja.Value {
	return rt.NewArray(u.Href(false), origin(u), u.Protocol(), u.Username(), u.Password(), u.Host(), u.Hostname(),
		u.Port(), u.Pathname(), u.Search(), u.Hash())
}

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	parse := func(call goja.FunctionCall) goja.Value {
		input := call.Argument(0).String()
		var u *wurl.Url
		var err error
		if b := call.Argument(1); goja.IsUndefined(b) {
			u, err = parser.Parse(input)
		} else {
			u, err = parser.ParseRef(b.String(), input)
		}
		if err != nil {
			webapi.Throw(rt, "TypeError", "Invalid URL: "+input)
		}
		return components(rt, u)
	}
	return map[string]any{
		"parse": parse,
		// set(href, component, value) applies a setter with the spec's
		// state-override rules and returns the new components.
		"set": func(call goja.FunctionCall) goja.Value {
			u, err := parser.Parse(call.Argument(0).String())
			if err != nil {
				webapi.Throw(rt, "TypeError", "Invalid URL")
			}
			v := call.Argument(2).String()
			switch call.Argument(1).String() {
			case "protocol":
				u.SetProtocol(v)
			case "username":
				u.SetUsername(v)
			case "password":
				u.SetPassword(v)
			case "host":
				u.SetHost(v)
			case "hostname":
				u.SetHostname(v)
			case "port":
				u.SetPort(v)
			case "pathname":
				u.SetPathname(v)
			case "search":
				u.SetSearch(v)
			case "hash":
				u.SetHash(v)
			}
			// The setters of the library may leave a state that only a
			// reparse normalizes the way the spec's href getter shows it.
			if nu, err := parser.Parse(u.Href(false)); err == nil {
				u = nu
			}
			return components(rt, u)
		},
		// formDecode parses application/x-www-form-urlencoded into [n, v, …].
		"formDecode": func(call goja.FunctionCall) goja.Value {
			s := call.Argument(0).String()
			var out []any
			for _, part := range strings.Split(s, "&") {
				if part == "" {
					continue
				}
				name, value, _ := strings.Cut(part, "=")
				out = append(out, formUnescape(name), formUnescape(value))
			}
			return rt.NewArray(out...)
		},
		// formEncode serializes [n, v, …] as application/x-www-form-urlencoded.
		"formEncode": func(call goja.FunctionCall) goja.Value {
			obj := call.Argument(0).ToObject(rt)
			n := int(obj.Get("length").ToInteger())
			var b strings.Builder
			for i := 0; i+1 < n; i += 2 {
				if i > 0 {
					b.WriteByte('&')
				}
				b.WriteString(formEscape(obj.Get(itoa(i)).String()))
				b.WriteByte('=')
				b.WriteString(formEscape(obj.Get(itoa(i + 1)).String()))
			}
			return rt.ToValue(b.String())
		},
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// formUnescape is the urlencoded parser's decoding: '+' is a space, then
// percent-decoding of bytes, then UTF-8 decoding with replacement.
func formUnescape(s string) string {
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
	return strings.ToValidUTF8(string(b), "\uFFFD")
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

// formEscape is the urlencoded byte serializer.
func formEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
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
