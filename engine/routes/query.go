package routes

import (
	"strings"
	"unicode/utf8"
)

// This file rebuilds the query of the URL an edge API route receives
// (req.url, and so new URL(req.url).searchParams and req.nextUrl), byte for
// byte as next dev 16 does. Next does not append the params to the query it
// got: it parses the query, merges the params in and serialises everything
// again, so the whole query comes out in URLSearchParams' encoding. The
// steps, from next-server.ts (runEdgeFunction) and server/web/adapter.ts:
//
//  1. urlQueryToSearchParams({...Object.fromEntries(searchParams), ...query,
//     ...params}): one key per name, in JavaScript property order (names that
//     are array indices, "0" to "4294967294", first and ascending, then the
//     rest in order of first appearance); a repeated name keeps all its
//     values, together at its first position; a param replaces every value
//     of its name, and a new name is added at the end.
//  2. normalizeRscURL: the first ".rsc" that ends the path or the URL is
//     removed (/api/a.rsc?x=1 becomes /api/a?x=1, ?f=x.rsc becomes ?f=x).
//  3. Names starting with "nxtP" or "nxtI" (Next's internal route-param
//     prefixes) are renamed to the name without the prefix, replacing that
//     name's values, in the order of a snapshot of the names.
//  4. "_rsc" (stripInternalSearchParams) is deleted.
//
// Every step was checked against next dev 16.4.6; the tests hold its answers.
// Not reproduced: Node's querystring stops reading after 1,000 pairs, which
// changes the result of step 1 for longer queries; and next dev answers 400
// to a request line with raw (unencoded) non-ASCII bytes before it routes,
// which is the server's business; here such bytes are read as UTF-8.

// InjectParams returns the query an edge API route sees for a request with
// the raw query rawQuery ("x=1&id=7", without "?") on a route with params,
// or "" for none. For /api/users/42?x=1 on users/[id].ts it is "x=1&id=42";
// "id=7&x=1&id=8" becomes "id=42&x=1"; a catch-all adds one pair per value
// ("path=a&path=b+c"); an absent optional catch-all adds nothing.
//
// The rest of the query is re-encoded as Next re-encodes it: "a=%20b"
// becomes "a=+b", "~" becomes "%7E", "flag" becomes "flag=". It assumes the
// path does not end in ".rsc"; RequestURL handles that case too.
func InjectParams(rawQuery string, params []Param) string {
	if rawQuery == "" && len(params) == 0 {
		return ""
	}
	return strings.TrimPrefix(RequestURL("", "", rawQuery, params), "?")
}

// RequestURL returns req.url as an edge API route sees it in next dev: the
// origin ("http://localhost:3000"), the escaped path as it arrived, and the
// query from InjectParams, with Next's ".rsc" rewrite applied to the whole
// URL.
func RequestURL(origin, escapedPath, rawQuery string, params []Param) string {
	u := origin + escapedPath
	if q := serialize(mergeParams(parseQuery(rawQuery), params)); q != "" {
		u += "?" + q
	}
	u = normalizeRSC(u)
	base, query, _ := strings.Cut(u, "?")
	if query == "" || !strings.Contains(query, "nxt") && !strings.Contains(query, "_rsc") {
		return u // steps 3 and 4 have nothing to do, and re-serialising is the identity
	}
	pairs := normalizeNextParams(parseQuery(query))
	if q := serialize(deleteName(pairs, "_rsc")); q != "" {
		return base + "?" + q
	}
	return base
}

type pair struct{ name, value string }

// mergeParams is step 1.
func mergeParams(pairs []pair, params []Param) []pair {
	type key struct {
		name   string
		values []string
	}
	var keys []*key
	index := map[string]*key{}
	add := func(name string) *key {
		k := index[name]
		if k == nil {
			k = &key{name: name}
			index[name] = k
			keys = append(keys, k)
		}
		return k
	}
	for _, p := range pairs {
		k := add(p.name)
		k.values = append(k.values, p.value)
	}
	for _, p := range params {
		if len(p.Values) > 0 {
			add(p.Name).values = p.Values
		}
	}
	out := make([]pair, 0, len(pairs)+len(params))
	emit := func(k *key) {
		for _, v := range k.values {
			out = append(out, pair{k.name, v})
		}
	}
	// Array-index names first, ascending; the others keep their order.
	var indices []*key
	for _, k := range keys {
		if isArrayIndex(k.name) {
			indices = append(indices, k)
		}
	}
	sortKeys(indices, func(a, b *key) bool { return indexLess(a.name, b.name) })
	for _, k := range indices {
		emit(k)
	}
	for _, k := range keys {
		if !isArrayIndex(k.name) {
			emit(k)
		}
	}
	return out
}

// sortKeys is an insertion sort: the lists are a handful of names.
func sortKeys[T any](s []T, less func(a, b T) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// isArrayIndex reports a canonical array index, 0 to 2^32-2: the property
// names JavaScript orders before all others.
func isArrayIndex(s string) bool {
	if s == "" || len(s) > 10 || len(s) > 1 && s[0] == '0' {
		return false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		n = n*10 + uint64(s[i]-'0')
	}
	return n <= 1<<32-2
}

// indexLess compares two canonical array indices numerically.
func indexLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// normalizeRSC is Next's normalizeRscURL: url.replace(/\.rsc($|\?)/, '$1').
func normalizeRSC(u string) string {
	for i := 0; ; {
		j := strings.Index(u[i:], ".rsc")
		if j < 0 {
			return u
		}
		j += i
		if end := j + len(".rsc"); end == len(u) || u[end] == '?' {
			return u[:j] + u[end:]
		}
		i = j + 1
	}
}

// normalizeNextParams is step 3, the loop of Next's adapter, including its
// quirk: a second pair with the same prefixed name finds no values left and
// deletes the renamed ones ("nxtPa=1&nxtPa=2" ends up empty).
func normalizeNextParams(pairs []pair) []pair {
	names := make([]string, len(pairs))
	for i, p := range pairs {
		names[i] = p.name
	}
	for _, name := range names {
		short, ok := strings.CutPrefix(name, "nxtP")
		if !ok {
			short, ok = strings.CutPrefix(name, "nxtI")
		}
		if !ok || short == "" {
			continue
		}
		var values []string
		for _, p := range pairs {
			if p.name == name {
				values = append(values, p.value)
			}
		}
		pairs = deleteName(pairs, short)
		for _, v := range values {
			pairs = append(pairs, pair{short, v})
		}
		pairs = deleteName(pairs, name)
	}
	return pairs
}

func deleteName(pairs []pair, name string) []pair {
	out := pairs[:0]
	for _, p := range pairs {
		if p.name != name {
			out = append(out, p)
		}
	}
	return out
}

// parseQuery is the application/x-www-form-urlencoded parser of the URL
// standard, as URLSearchParams and Node's querystring apply it: pairs split
// on "&", empty ones skipped, "+" is a space, %XX is decoded where the two
// digits are hex and kept as is where not ("%zz"), and bytes that are not
// UTF-8 become U+FFFD.
//
// [urlencoded parser]: https://url.spec.whatwg.org/#concept-urlencoded-parser
func parseQuery(q string) []pair {
	var out []pair
	for q != "" {
		var part string
		part, q, _ = strings.Cut(q, "&")
		if part == "" {
			continue
		}
		name, value, _ := strings.Cut(part, "=")
		out = append(out, pair{formDecode(name), formDecode(value)})
	}
	return out
}

func formDecode(s string) string {
	if !strings.ContainsAny(s, "+%") && utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			b = append(b, ' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return decodeUTF8(b)
}

// decodeUTF8 is the Encoding standard's "UTF-8 decode without BOM": each
// maximal ill-formed subsequence becomes one U+FFFD ("%E2%82" is one
// replacement character, as Next's answer shows, where Go's range loop
// would give two).
//
// [UTF-8 decoder]: https://encoding.spec.whatwg.org/#utf-8-decoder
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			sb.WriteByte(c)
			i++
			continue
		}
		need, lo, hi := 0, byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need = 1
		case c >= 0xE0 && c <= 0xEF:
			need = 2
			if c == 0xE0 {
				lo = 0xA0
			} else if c == 0xED {
				hi = 0x9F
			}
		case c >= 0xF0 && c <= 0xF4:
			need = 3
			if c == 0xF0 {
				lo = 0x90
			} else if c == 0xF4 {
				hi = 0x8F
			}
		default:
			sb.WriteRune(utf8.RuneError)
			i++
			continue
		}
		j := i + 1
		for ; j < len(b) && j-i <= need; j++ {
			if b[j] < lo || b[j] > hi {
				break
			}
			lo, hi = 0x80, 0xBF
		}
		if j-i == need+1 {
			sb.Write(b[i:j])
		} else {
			sb.WriteRune(utf8.RuneError) // the byte that broke the sequence is read again
		}
		i = j
	}
	return sb.String()
}

// serialize is URLSearchParams' toString: the application/x-www-form-
// urlencoded serializer, which keeps only *-._ and ASCII letters and digits,
// writes a space as "+" and percent-encodes every other UTF-8 byte.
//
// [urlencoded serializer]: https://url.spec.whatwg.org/#concept-urlencoded-serializer
func serialize(pairs []pair) string {
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		formEncode(&b, p.name)
		b.WriteByte('=')
		formEncode(&b, p.value)
	}
	return b.String()
}

func formEncode(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
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
