package traffic

// This file writes an exchange's request as a curl command, for pasting
// into a terminal or a bug report. The command is POSIX shell: every value
// is in single quotes, inside which a shell treats nothing as special, so
// the only character that needs care is the single quote itself, written
// '\'' (close the quote, an escaped quote, open again). Single quotes cannot
// carry a NUL byte, and a terminal paste of raw binary is hopeless anyway,
// so a body that is not UTF-8 text is left out and the command says so.
//
// What the command sends should be what the route saw, minus what curl or
// the connection supplies: Host, Content-Length and the hop-by-hop headers
// would be wrong or duplicated if repeated, Accept-Encoding is replaced by
// --compressed (so that curl decodes what it asked for instead of printing
// gzip), and the X-Forwarded-* headers are the ones edgeplay's server adds
// to every request it forwards, so a replay gets them again.

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// curlSkip are the request headers Curl leaves out (lower case).
var curlSkip = map[string]bool{
	"host": true, "content-length": true, "accept-encoding": true,
	"connection": true, "keep-alive": true, "proxy-connection": true,
	"transfer-encoding": true, "te": true, "trailer": true, "upgrade": true,
	"x-forwarded-host": true, "x-forwarded-port": true,
	"x-forwarded-proto": true, "x-forwarded-for": true,
}

// Curl returns the exchange's request as a curl command for a POSIX shell,
// one option per line. ParseCurl reads it back to the same method, URL,
// body and kept headers; a body that is not text is replaced by
// --data-binary @- and a comment, which ParseCurl refuses with an error
// that says the body was left out.
func Curl(x Exchange) string {
	method := x.Method
	if method == "" {
		method = "GET"
	}
	hasBody := len(x.ReqBody) > 0 || x.ReqBodySize > 0
	text := isShellText(x.ReqBody)

	var parts []string
	first := "curl"
	switch {
	case method == "HEAD" && !hasBody:
		// curl -X HEAD waits for a body that never comes; --head does not.
		first += " --head"
	case method != "GET" || hasBody:
		first += " -X " + shellWord(method)
	}
	if strings.HasPrefix(x.URL, "-") {
		first += " --url " + shellQuote(x.URL)
	} else {
		first += " " + shellQuote(x.URL)
	}
	parts = append(parts, first)

	// Headers the Connection header names are hop-by-hop too.
	skip := map[string]bool{}
	compressed := false
	for _, h := range x.ReqHeader {
		n := strings.ToLower(h.Name)
		if n == "connection" {
			for _, t := range strings.Split(h.Value, ",") {
				skip[strings.ToLower(strings.TrimSpace(t))] = true
			}
		}
		if n == "accept-encoding" {
			compressed = true
		}
	}
	for _, h := range x.ReqHeader {
		n := strings.ToLower(h.Name)
		if curlSkip[n] || skip[n] {
			continue
		}
		if strings.Trim(h.Value, " \t") == "" {
			// -H 'name:' would tell curl to remove the header; 'name;' sends
			// it empty (curl trims a value, so blanks are empty too).
			parts = append(parts, "-H "+shellQuote(h.Name+";"))
		} else {
			parts = append(parts, "-H "+shellQuote(h.Name+": "+h.Value))
		}
	}
	if compressed {
		parts = append(parts, "--compressed")
	}
	if strings.ContainsAny(x.URL, "[]{}") {
		// curl would read [1-3] and {a,b} as ranges to fetch one by one.
		parts = append(parts, "--globoff")
	}

	if hasBody {
		kept := int64(len(x.ReqBody))
		switch {
		case len(x.ReqBody) == 0:
			parts = append(parts, fmt.Sprintf("--data-binary @- # the %d-byte request body was not recorded: pipe it on standard input", x.ReqBodySize))
		case !text:
			size := max(x.ReqBodySize, kept)
			parts = append(parts, fmt.Sprintf("--data-binary @- # the %d-byte request body is binary and not included: pipe it on standard input", size))
		case x.ReqBodySize > kept:
			parts = append(parts, "--data-raw "+shellQuote(string(x.ReqBody))+fmt.Sprintf(" # truncated: the journal kept the first %d of %d bytes", kept, x.ReqBodySize))
		default:
			parts = append(parts, "--data-raw "+shellQuote(string(x.ReqBody)))
		}
	}
	return strings.Join(parts, " \\\n  ")
}

// isShellText reports whether a body can go into a single-quoted argument:
// UTF-8 (anything else is unreadable and mangled by terminals) without NUL
// (which no shell argument can hold).
func isShellText(p []byte) bool {
	return utf8.Valid(p) && !strings.ContainsRune(string(p), 0)
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// shellWord quotes s only when a shell would read it as more than a plain
// word, so that the common -X POST stays unquoted.
func shellWord(s string) string {
	if s == "" {
		return "''"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return shellQuote(s)
		}
	}
	return s
}
