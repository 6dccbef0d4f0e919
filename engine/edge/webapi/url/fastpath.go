package url

// The fast path parses the URLs a route sees on every request —
// http(s)://host[:port]/path?query#fragment with nothing to percent-encode,
// no userinfo, no dot segments, a plain ASCII domain or a canonical IPv4
// address — in one pass and without allocating when the input is already
// canonical. It covers a strict subset of what the basic URL parser
// accepts and reports false for anything else, which then takes the full
// parser: the full parser costs ~3 µs and ~60 allocations per URL.
// TestFastPathAgrees and FuzzFastPath hold it to the full parser's output.

// fastParse reports the parts of s when s is simple enough (see above).
func fastParse(s string) (parts, bool) {
	var p parts
	var n int
	var special string // default port
	switch {
	case len(s) > 7 && s[:7] == "http://":
		n, special = 7, "80"
	case len(s) > 8 && s[:8] == "https://":
		n, special = 8, "443"
	default:
		return p, false
	}
	protoEnd := n - 2
	// Host: labels of [a-z0-9_-] (A-Z lowered), no empty label, no "xn--".
	hostStart := n
	upper := false
	labelStart := n
	digitsOnly := true // the current label
	for ; n < len(s); n++ {
		c := s[n]
		if c == '/' || c == '?' || c == '#' || c == ':' {
			break
		}
		switch {
		case c >= 'a' && c <= 'z' || c == '-' || c == '_':
			digitsOnly = false
		case c >= 'A' && c <= 'Z':
			digitsOnly = false
			upper = true
		case c >= '0' && c <= '9':
		case c == '.':
			if n == labelStart || isACE(s[labelStart:n]) {
				return p, false
			}
			labelStart = n + 1
			digitsOnly = true
		default:
			return p, false
		}
	}
	hostEnd := n
	// An empty host, a trailing dot or a last "xn--" label: full parser.
	if labelStart == hostEnd || isACE(s[labelStart:hostEnd]) {
		return p, false
	}
	// A host whose last label is a number is an IPv4 address: take only the
	// canonical dotted form, which serializes as itself. Any other last
	// label that starts with a digit or '-' goes to the full parser: the
	// standard reads "0x1" or "012" as numbers, and whatwg-url (through
	// strconv) also reads "-255", "0-1" and overflowing digit runs followed
	// by letters as numbers where the standard does not; leaving them all
	// to it keeps both paths in agreement.
	if c := s[labelStart]; c >= '0' && c <= '9' || c == '-' {
		if !digitsOnly || !canonicalIPv4(s[hostStart:hostEnd]) {
			return p, false
		}
	}
	// Port: digits; the default port and an empty port vanish, leading
	// zeros go.
	port := ""
	portChanged := false
	if n < len(s) && s[n] == ':' {
		start := n + 1
		n = start
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n < len(s) && s[n] != '/' && s[n] != '?' && s[n] != '#' {
			return p, false
		}
		digits := s[start:n]
		for len(digits) > 1 && digits[0] == '0' {
			digits = digits[1:]
		}
		if len(digits) > 5 || len(digits) == 5 && digits > "65535" {
			return p, false
		}
		if digits == "" || digits == special {
			portChanged = true
		} else {
			port = digits
			portChanged = len(digits) != n-start
		}
	}
	// Path: printable ASCII but for the path percent-encode set, '\' and
	// '^'; no "." or ".." segments (nor their %2e spellings).
	pathStart := n
	segStart := n
	for ; n < len(s); n++ {
		c := s[n]
		if c == '?' || c == '#' {
			break
		}
		if c <= ' ' || c > '~' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' || c == '\\' || c == '^' {
			return p, false
		}
		if c == '/' {
			if n > pathStart && dotSegment(s[segStart:n]) {
				return p, false
			}
			segStart = n + 1
		}
	}
	if n > pathStart && dotSegment(s[segStart:n]) {
		return p, false
	}
	pathEnd := n
	// Query: printable ASCII but for the special-query percent-encode set.
	searchStart, hashStart := -1, -1
	if n < len(s) && s[n] == '?' {
		searchStart = n
		for n++; n < len(s) && s[n] != '#'; n++ {
			c := s[n]
			if c <= ' ' || c > '~' || c == '"' || c == '<' || c == '>' || c == '\'' {
				return p, false
			}
		}
	}
	// Fragment: printable ASCII but for the fragment percent-encode set.
	if n < len(s) && s[n] == '#' {
		hashStart = n
		for n++; n < len(s); n++ {
			c := s[n]
			if c <= ' ' || c > '~' || c == '"' || c == '<' || c == '>' || c == '`' {
				return p, false
			}
		}
	}

	// The input is canonical unless the host had capitals, the port
	// changed or the path was empty (it becomes "/").
	href := s
	shift := 0
	if upper || portChanged || pathStart == pathEnd {
		b := make([]byte, 0, len(s)+1)
		b = append(b, s[:hostStart]...)
		for i := hostStart; i < hostEnd; i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		if port != "" {
			b = append(b, ':')
			b = append(b, port...)
		}
		newPathStart := len(b)
		if pathStart == pathEnd {
			b = append(b, '/')
		}
		b = append(b, s[pathStart:]...)
		href = string(b)
		shift = len(b) - len(s)
		// Offsets after the port move with what was removed or added.
		pathStart = newPathStart
		pathEnd += shift
		if searchStart >= 0 {
			searchStart += shift
		}
		if hashStart >= 0 {
			hashStart += shift
		}
	}
	p.href = href
	set := func(i, v int) { p.off[i-1] = v }
	set(iProtocolEnd, protoEnd)
	for i := iUsernameStart; i <= iPasswordEnd; i++ {
		set(i, hostStart)
	}
	set(iHostStart, hostStart)
	set(iHostEnd, hostEnd)
	set(iPortEnd, pathStart)
	set(iPathStart, pathStart)
	set(iSearchStart, searchStart)
	set(iHashStart, hashStart)
	return p, true
}

// isACE reports whether a label starts with the punycode prefix "xn--",
// which needs IDNA validation.
func isACE(label string) bool {
	return len(label) >= 4 && (label[0]|0x20) == 'x' && (label[1]|0x20) == 'n' && label[2] == '-' && label[3] == '-'
}

// dotSegment reports whether a path segment is, or may be, a single- or
// double-dot segment ("." "..", "%2e" ".%2E" …), which the parser removes.
func dotSegment(seg string) bool {
	switch len(seg) {
	case 1, 2:
		return seg[0] == '.'
	case 3, 4, 5, 6:
		return seg[0] == '.' || seg[0] == '%'
	}
	return false
}

// canonicalIPv4 reports whether h is a dotted-decimal IPv4 address in the
// form the IPv4 serializer writes: four parts 0–255 without leading zeros.
func canonicalIPv4(h string) bool {
	parts := 0
	for i := 0; i < len(h); {
		j := i
		v := 0
		for j < len(h) && h[j] >= '0' && h[j] <= '9' {
			v = v*10 + int(h[j]-'0')
			j++
			if j-i > 3 {
				return false
			}
		}
		if j == i || v > 255 || j-i > 1 && h[i] == '0' {
			return false
		}
		parts++
		if j == len(h) {
			break
		}
		if h[j] != '.' || j+1 == len(h) {
			return false
		}
		i = j + 1
	}
	return parts == 4
}
