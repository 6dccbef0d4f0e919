package traffic

// This file turns a pasted curl command back into a request, so that a
// request copied out of a browser's network panel, an API client or a
// tutorial can be replayed against the routes edgeplay serves.
//
// The input is shell text, not an argument vector, so ParseCurl first does
// the shell's job. Two dialects reach us:
//
//   - POSIX shells (Chrome's "Copy as cURL (bash)", Firefox's "Copy as cURL
//     (POSIX)", Postman, curl's documentation): single quotes, double quotes
//     with backslash escapes, $'…' ANSI-C strings, backslash-newline
//     continuations and # comments.
//   - Windows cmd (Chrome's and Firefox's "Copy as cURL (cmd)"): ^ escapes
//     and ^-newline continuations, read by cmd.exe, and then the quoting
//     rules of the Microsoft C runtime, which splits the command line into
//     curl.exe's argv. Chrome quotes every argument as ^"…^" so that cmd
//     leaves the quotes alone and only the C runtime sees them.
//
// A command is read as cmd when it continues a line with a caret or its
// first argument starts with ^": a POSIX copy has neither outside a quoted
// string, and guessing from the text is all a paste box can do.
//
// Neither dialect is a full shell: nothing is expanded ($HOME, %USERPROFILE%,
// globs and ~ stay as written), and the command ends at the first unquoted
// |, ||, && or ; (what follows is another command: a "| jq ." is common).
// Redirections (> out.json, 2>/dev/null) are dropped because they only
// decide where curl's output goes. Syntax that would change the arguments in
// ways a paste box cannot follow, (…), `…` and a lone & in the middle (the
// usual sign of a URL with & that lost its quotes, which a shell would cut
// there), is an error rather than a silent guess.
//
// Then the arguments are read the way curl reads them. Flags that only
// change how curl talks or prints (--compressed, -s, -k, -L, -v, -o FILE …)
// are accepted and ignored; flags whose meaning ParseCurl cannot reproduce
// are errors that name them, because a request built with one quietly
// missing is worse than no request. Anything that reads a file (-d @file,
// -F name=@file, -T, -b cookies.txt) is an error too: a pasted command comes
// without the machine it was written on.

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Request is the HTTP request a curl command would send, as far as the
// command says: curl's own defaults (User-Agent: curl/…, Accept: */*, Host)
// are not added, since whoever replays the request supplies those. The one
// default that is added is the Content-Type curl sends with -d data, because
// a route that parses the body depends on it.
type Request struct {
	Method string
	URL    string
	Header []Header
	Body   []byte
}

// CurlError is a command ParseCurl cannot read. Offset is the byte offset
// in the command of the word or character at fault, or -1 when the fault is
// the command as a whole (it is empty, or names no URL), so that an editor
// can put the cursor on it; the message says the same in words.
type CurlError struct {
	Offset int
	Msg    string
}

func (e *CurlError) Error() string { return e.Msg }

func curlErr(off int, format string, args ...any) *CurlError {
	return &CurlError{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// formBoundary is the multipart boundary ParseCurl uses for -F. curl picks a
// random one; a fixed one keeps the result of parsing the same command the
// same, which tests and saved requests rely on. If a field happens to
// contain it, a numbered variant is used instead.
const formBoundary = "------------------------edgeplay"

// ParseCurl parses a curl command as pasted from a browser, an API client
// or documentation, and returns the request it would send. Errors are
// *CurlError values, with the byte offset of the problem.
func ParseCurl(cmd string) (Request, error) {
	words, err := splitCommand(cmd)
	if err != nil {
		return Request{}, err
	}
	if len(words) > 0 && words[0].s == "$" && !words[0].quoted {
		words = words[1:] // a prompt copied along from documentation
	}
	if len(words) == 0 {
		return Request{}, curlErr(-1, "the command is empty")
	}
	if !isCurl(words[0].s) {
		return Request{}, curlErr(words[0].off, "the command does not start with curl: it starts with %q", clip(words[0].s))
	}
	p := curlParser{}
	if err := p.parse(words[1:]); err != nil {
		return Request{}, err
	}
	return p.request()
}

// isCurl reports whether the program name is curl, as it may be written on
// each system (/usr/bin/curl, curl.exe, C:\…\curl.exe).
func isCurl(name string) bool {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.ToLower(name)
	return name == "curl" || name == "curl.exe"
}

// clip shortens a word quoted in an error message.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// word is one argument after shell splitting. off is the byte offset of its
// first character in the command; quoted says that character was quoted or
// escaped, so that "-X" in quotes is still a flag (as in a shell) but a
// quoted "$" is not a prompt and a quoted “ is not a typographic accident.
type word struct {
	s      string
	off    int
	quoted bool
}

// splitCommand splits the command into words in the dialect it is written in.
func splitCommand(s string) ([]word, error) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return nil, curlErr(i, "NUL byte at byte %d: a shell command cannot contain one", i)
	}
	var words []word
	var err error
	if looksLikeCmd(s) {
		words, err = splitCmd(s)
	} else {
		words, err = splitPOSIX(s)
	}
	if err != nil {
		return nil, err
	}
	for _, w := range words {
		if w.quoted {
			continue
		}
		for _, q := range []string{"“", "”", "‘", "’"} {
			if strings.HasPrefix(w.s, q) {
				return nil, curlErr(w.off, "%s at byte %d is a typographic quote, not a shell quote: the command was probably reformatted by a word processor or chat app; use ' or \" instead", q, w.off)
			}
		}
	}
	return words, nil
}

// looksLikeCmd reports whether s is a Windows cmd copy: its first argument
// starts with ^" (how Chrome and Firefox quote every argument for cmd), or
// a line ends in a caret after a blank (cmd's continuation) outside any
// POSIX quotes, so that a POSIX body containing " ^" and a newline does not
// count. When the POSIX quotes do not balance, which is how a cmd command
// with a stray ' looks to a POSIX reader, any such line end counts.
func looksLikeCmd(s string) bool {
	t := strings.TrimLeft(s, " \t\r\n")
	for _, prog := range []string{"curl.exe", "curl"} {
		if len(t) >= len(prog) && strings.EqualFold(t[:len(prog)], prog) {
			if strings.HasPrefix(strings.TrimLeft(t[len(prog):], " \t"), `^"`) {
				return true
			}
			break
		}
	}
	caretEOL := func(i int) bool {
		if s[i] != '^' || i == 0 || (s[i-1] != ' ' && s[i-1] != '\t') {
			return false
		}
		j := i + 1
		if j < len(s) && s[j] == '\r' {
			j++
		}
		return j < len(s) && s[j] == '\n'
	}
	// skip returns the index after the quoted string that starts at i,
	// or -1 when it is not closed.
	skip := func(i int, q byte, escapes bool) int {
		for j := i; j < len(s); j++ {
			switch {
			case escapes && s[j] == '\\':
				j++
			case s[j] == q:
				return j + 1
			}
		}
		return -1
	}
	found := false
	for i := 0; i < len(s); {
		next := i + 1
		switch c := s[i]; {
		case c == '\'':
			next = skip(i+1, '\'', false)
		case c == '$' && strings.HasPrefix(s[i+1:], "'"):
			next = skip(i+2, '\'', true)
		case c == '"':
			next = skip(i+1, '"', true)
		case c == '\\':
			next = i + 2
		case caretEOL(i):
			found = true
		}
		if next < 0 {
			for k := range s {
				if caretEOL(k) {
					return true
				}
			}
			return false
		}
		i = next
	}
	return found
}

// token kinds of the POSIX lexer.
const (
	tokWord     = iota
	tokEnd      // | || && ; |& or a trailing &: the curl command ends here
	tokRedirect // < > >> >& <& &> >| : the next word is a file, not an argument
	tokAmp      // a lone & with more after it
	tokNewline  // a line end that no backslash continues
)

type token struct {
	kind int
	w    word
}

// splitPOSIX splits s as a POSIX shell would, as far as quoting goes.
func splitPOSIX(s string) ([]word, error) {
	toks, err := lexPOSIX(s)
	if err != nil {
		return nil, err
	}
	var words []word
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tokWord:
			words = append(words, t.w)
		case tokEnd:
			return words, nil
		case tokNewline:
			// A shell would end the command here, but a command pasted
			// through a chat or a document often lost its backslashes, so
			// the next line is read as more arguments, unless it starts
			// another curl command.
			if len(words) > 0 && i+1 < len(toks) && toks[i+1].kind == tokWord && isCurl(toks[i+1].w.s) {
				return words, nil
			}
		case tokAmp:
			return nil, curlErr(t.w.off, "unquoted & at byte %d: a shell would run the command up to there in the background and the rest as another command; if a URL contains &, put it in quotes", t.w.off)
		case tokRedirect:
			if t.w.s == "<<" || t.w.s == "<<<" || t.w.s == "<<-" {
				return nil, curlErr(t.w.off, "%s at byte %d: here-documents are not supported in a pasted command", t.w.s, t.w.off)
			}
			if i+1 >= len(toks) || toks[i+1].kind != tokWord {
				return nil, curlErr(t.w.off, "redirection %s at byte %d has no file name after it", t.w.s, t.w.off)
			}
			i++ // the file; where curl's output goes does not change the request
		}
	}
	return words, nil
}

// lexPOSIX cuts s into words and operators.
func lexPOSIX(s string) ([]token, error) {
	var toks []token
	var cur []byte
	in := false // a word is being read
	start := 0  // its offset
	quoted := false
	plain := true // the word so far is unquoted digits (an fd number before > or <)
	begin := func(i int, q bool) {
		if !in {
			in, start, quoted, cur, plain = true, i, q, cur[:0], true
		}
		if q {
			plain = false
		}
	}
	flush := func() {
		if in {
			toks = append(toks, token{kind: tokWord, w: word{s: string(cur), off: start, quoted: quoted}})
			in = false
		}
	}
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\n':
			flush()
			toks = append(toks, token{kind: tokNewline, w: word{s: "\n", off: i}})
			i++
		case c == ' ' || c == '\t' || c == '\r':
			flush()
			i++
		case c == '\\':
			switch {
			case strings.HasPrefix(s[i+1:], "\n"):
				i += 2 // continuation: neither ends nor starts a word
			case strings.HasPrefix(s[i+1:], "\r\n"):
				i += 3
			case i+1 == len(s):
				i++ // a trailing backslash, copied from the middle of a command
			default:
				begin(i, true)
				cur = append(cur, s[i+1])
				i += 2
			}
		case c == '\'':
			begin(i, true)
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, curlErr(i, "unterminated single quote: the ' at byte %d is never closed", i)
			}
			cur = append(cur, s[i+1:i+1+j]...)
			i += j + 2
		case c == '"' || (c == '$' && strings.HasPrefix(s[i+1:], `"`)):
			// $"…" is bash's translated string; untranslated it is "…".
			begin(i, true)
			q := i
			if c == '$' {
				i++
			}
			var err error
			cur, i, err = readDouble(s, i+1, q, cur)
			if err != nil {
				return nil, err
			}
		case c == '$' && strings.HasPrefix(s[i+1:], "'"):
			begin(i, true)
			var err error
			cur, i, err = readANSIC(s, i+2, i, cur)
			if err != nil {
				return nil, err
			}
		case c == '#' && !in:
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == ';':
			flush()
			toks = append(toks, token{kind: tokEnd, w: word{s: ";", off: i}})
			i++
		case c == '|':
			flush()
			toks = append(toks, token{kind: tokEnd, w: word{s: "|", off: i}})
			i++
		case c == '&':
			switch {
			case strings.HasPrefix(s[i+1:], "&"):
				flush()
				toks = append(toks, token{kind: tokEnd, w: word{s: "&&", off: i}})
				i += 2
			case strings.HasPrefix(s[i+1:], ">"):
				flush()
				n := 2
				if strings.HasPrefix(s[i+2:], ">") {
					n = 3
				}
				toks = append(toks, token{kind: tokRedirect, w: word{s: s[i : i+n], off: i}})
				i += n
			case strings.TrimLeft(s[i+1:], " \t\r\n") == "":
				flush()
				toks = append(toks, token{kind: tokEnd, w: word{s: "&", off: i}})
				i = len(s)
			default:
				flush()
				toks = append(toks, token{kind: tokAmp, w: word{s: "&", off: i}})
				i++
			}
		case c == '<' || c == '>':
			if in && plain {
				in = false // "2>": the digits name a file descriptor
			} else {
				flush()
			}
			n := 1
			for n < 3 && i+n < len(s) && strings.IndexByte("<>&|-", s[i+n]) >= 0 {
				n++
			}
			toks = append(toks, token{kind: tokRedirect, w: word{s: s[i : i+n], off: i}})
			i += n
		case c == '(' || c == ')' || c == '`':
			return nil, curlErr(i, "unquoted %c at byte %d: subshells and command substitution are not supported in a pasted command", c, i)
		default:
			begin(i, false)
			if c < '0' || c > '9' {
				plain = false
			}
			cur = append(cur, c)
			i++
		}
	}
	flush()
	return toks, nil
}

// readDouble reads a double-quoted string from s[i:] (just after the
// opening quote at q) and appends its value to cur. Inside double quotes a
// backslash escapes only $ ` " \ and a newline; before anything else it is
// an ordinary character.
func readDouble(s string, i, q int, cur []byte) ([]byte, int, error) {
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			return cur, i + 1, nil
		case c == '\\' && i+1 < len(s):
			switch n := s[i+1]; {
			case n == '$' || n == '`' || n == '"' || n == '\\':
				cur = append(cur, n)
				i += 2
				continue
			case n == '\n':
				i += 2
				continue
			case n == '\r' && strings.HasPrefix(s[i+2:], "\n"):
				i += 3
				continue
			}
		}
		cur = append(cur, c)
		i++
	}
	return nil, 0, curlErr(q, "unterminated double quote: the \" at byte %d is never closed", q)
}

// readANSIC reads a $'…' string from s[i:] (just after the $' at q), with
// bash's escapes, and appends its value to cur. Chrome uses this form for
// any value with a control character, a ' or a !, writing them as \uXXXX.
func readANSIC(s string, i, q int, cur []byte) ([]byte, int, error) {
	for i < len(s) {
		c := s[i]
		if c == '\'' {
			return cur, i + 1, nil
		}
		if c != '\\' || i+1 >= len(s) {
			cur = append(cur, c)
			i++
			continue
		}
		n := s[i+1]
		i += 2
		switch n {
		case 'a':
			cur = append(cur, 7)
		case 'b':
			cur = append(cur, 8)
		case 'e', 'E':
			cur = append(cur, 0x1b)
		case 'f':
			cur = append(cur, '\f')
		case 'n':
			cur = append(cur, '\n')
		case 'r':
			cur = append(cur, '\r')
		case 't':
			cur = append(cur, '\t')
		case 'v':
			cur = append(cur, '\v')
		case '\\', '\'', '"', '?':
			cur = append(cur, n)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(n - '0')
			for k := 0; k < 2 && i < len(s) && s[i] >= '0' && s[i] <= '7'; k++ {
				v = v*8 + int(s[i]-'0')
				i++
			}
			cur = append(cur, byte(v))
		case 'x', 'u', 'U':
			max := map[byte]int{'x': 2, 'u': 4, 'U': 8}[n]
			v, k := 0, 0
			for ; k < max && i < len(s) && isHex(s[i]); k++ {
				v = v*16 + hexVal(s[i])
				i++
			}
			switch {
			case k == 0:
				cur = append(cur, '\\', n) // bash keeps an escape with no digits
			case n == 'x':
				cur = append(cur, byte(v))
			default:
				if v > utf8.MaxRune {
					v = utf8.RuneError
				}
				cur = utf8.AppendRune(cur, rune(v))
			}
		case 'c':
			if i < len(s) {
				cur = append(cur, s[i]&0x1f)
				i++
			} else {
				cur = append(cur, '\\', 'c')
			}
		default:
			cur = append(cur, '\\', n)
		}
	}
	return nil, 0, curlErr(q, "unterminated $'…' string: the $' at byte %d is never closed", q)
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) int {
	switch {
	case c >= 'a':
		return int(c-'a') + 10
	case c >= 'A':
		return int(c-'A') + 10
	}
	return int(c - '0')
}

// cmdChar is one character as cmd.exe passes it on, with its offset in the
// command. op marks an unescaped & | < > outside cmd's quotes: an operator.
type cmdChar struct {
	b   byte
	off int
	op  bool
	esc bool // came after a ^
}

// splitCmd splits s as cmd.exe and then the C runtime of curl.exe would.
func splitCmd(s string) ([]word, error) {
	// Phase 1, cmd.exe: outside double quotes ^ takes the next character
	// literally, and ^ at a line end continues the line and takes the first
	// character of the next one literally (Chrome writes a newline inside a
	// value as ^, newline, newline). Quotes pass through.
	var cs []cmdChar
	inq := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			// cmd reads lines; a CRLF is a newline
		case c == '"':
			inq = !inq
			cs = append(cs, cmdChar{b: c, off: i})
		case c == '^' && !inq:
			j := i + 1
			if strings.HasPrefix(s[j:], "\r\n") {
				j++
			}
			if j >= len(s) {
				i = j
				continue
			}
			if s[j] == '\n' {
				j++
				if strings.HasPrefix(s[j:], "\r\n") {
					j++
				}
				if j >= len(s) {
					i = j
					continue
				}
			}
			cs = append(cs, cmdChar{b: s[j], off: j, esc: true})
			i = j
		case !inq && (c == '&' || c == '|' || c == '<' || c == '>'):
			cs = append(cs, cmdChar{b: c, off: i, op: true})
		default:
			cs = append(cs, cmdChar{b: c, off: i})
		}
	}
	// Phase 2, the C runtime: words split at blanks outside quotes; 2n
	// backslashes before a quote are n backslashes and the quote toggles
	// quoting; 2n+1 are n and a literal quote; "" inside quotes is a quote;
	// other backslashes are literal.
	//
	// Except in an argument quoted Chrome's way, ^"…^": Chrome and Firefox
	// double every backslash, also those before no quote, which the C
	// runtime then keeps doubled, so that a JSON body's \n arrives as \\n.
	// There a run of backslashes is halved, giving back the value that was
	// copied rather than the one curl.exe would have sent.
	var words []word
	i := 0
	for i < len(cs) {
		if b := cs[i].b; b == ' ' || b == '\t' || b == '\n' {
			i++
			continue
		}
		if cs[i].op {
			c := cs[i]
			switch {
			case c.b == '&' && i+1 < len(cs) && cs[i+1].op && cs[i+1].b == '&', c.b == '|':
				return words, nil
			case c.b == '&':
				rest := true
				for _, d := range cs[i+1:] {
					if d.b != ' ' && d.b != '\t' && d.b != '\n' {
						rest = false
						break
					}
				}
				if rest {
					return words, nil
				}
				return nil, curlErr(c.off, "unquoted & at byte %d: cmd would run the command up to there and the rest as another command; if a URL contains &, put it in quotes", c.off)
			default:
				return nil, curlErr(c.off, "redirection %c at byte %d is not supported in a cmd command", c.b, c.off)
			}
		}
		w := word{off: cs[i].off}
		chrome := cs[i].b == '"' && cs[i].esc
		var buf []byte
		inq, qoff, first := false, -1, true
		for i < len(cs) {
			c := cs[i]
			if !inq && (c.b == ' ' || c.b == '\t' || c.b == '\n' || c.op) {
				break
			}
			if c.b == '\\' {
				k := 0
				for i+k < len(cs) && cs[i+k].b == '\\' {
					k++
				}
				if i+k < len(cs) && cs[i+k].b == '"' {
					buf = append(buf, bytes.Repeat([]byte{'\\'}, k/2)...)
					if k%2 == 1 {
						buf = append(buf, '"')
						i += k + 1
					} else {
						i += k
					}
				} else {
					n := k
					if chrome {
						n = (k + 1) / 2
					}
					buf = append(buf, bytes.Repeat([]byte{'\\'}, n)...)
					i += k
				}
				if first {
					w.quoted, first = true, false
				}
				continue
			}
			if c.b == '"' {
				if first {
					w.quoted, first = true, false
				}
				if inq && i+1 < len(cs) && cs[i+1].b == '"' {
					buf = append(buf, '"')
					i += 2
					continue
				}
				inq = !inq
				if inq {
					qoff = c.off
				}
				i++
				continue
			}
			first = false
			buf = append(buf, c.b)
			i++
		}
		if inq {
			return nil, curlErr(qoff, "unterminated double quote: the \" at byte %d is never closed", qoff)
		}
		w.s = string(buf)
		words = append(words, w)
	}
	return words, nil
}

// Flags curl accepts that do not change the request. The ones with a value
// take the next word with them.
var (
	ignoredLong = map[string]bool{
		"compressed": true, "silent": true, "show-error": true, "insecure": true,
		"location": true, "location-trusted": true, "verbose": true, "include": true,
		"http1.0": true, "http1.1": true, "http2": true, "http2-prior-knowledge": true,
		"http3": true, "http3-only": true, "globoff": true, "buffer": true,
		"fail": true, "fail-with-body": true, "progress-bar": true, "progress-meter": true,
		"ipv4": true, "ipv6": true, "tcp-nodelay": true, "path-as-is": true, "raw": true,
		"tr-encoding": true, "remote-name": true, "remote-header-name": true,
		"create-dirs": true, "keepalive": true, "disable": true, "styled-output": true,
	}
	ignoredShort = map[byte]string{
		's': "silent", 'S': "show-error", 'k': "insecure", 'L': "location",
		'v': "verbose", 'i': "include", 'g': "globoff", 'N': "buffer", 'f': "fail",
		'#': "progress-bar", '0': "http1.0", '4': "ipv4", '6': "ipv6", 'O': "remote-name",
		'J': "remote-header-name", 'q': "disable",
	}
	ignoredLongValue = map[string]bool{
		"output": true, "max-time": true, "connect-timeout": true, "proxy": true,
		"write-out": true, "dump-header": true, "cookie-jar": true, "max-redirs": true,
		"retry": true, "retry-delay": true, "retry-max-time": true, "cacert": true,
		"capath": true, "cert": true, "key": true, "resolve": true, "connect-to": true,
		"interface": true, "limit-rate": true, "stderr": true, "trace": true,
		"trace-ascii": true,
	}
	ignoredShortValue = map[byte]string{
		'o': "output", 'm': "max-time", 'x': "proxy", 'w': "write-out",
		'D': "dump-header", 'c': "cookie-jar", 'E': "cert",
	}
	// Flags that mean something to ParseCurl; true when they take a value.
	knownLong = map[string]bool{
		"request": true, "header": true, "data": true, "data-raw": true,
		"data-binary": true, "data-ascii": true, "data-urlencode": true, "json": true,
		"form": true, "form-string": true, "user": true, "user-agent": true,
		"referer": true, "cookie": true, "url": true, "url-query": true,
		"upload-file": true, "get": false, "head": false,
	}
	knownShort = map[byte]string{
		'X': "request", 'H': "header", 'd': "data", 'F': "form", 'u': "user",
		'A': "user-agent", 'e': "referer", 'b': "cookie", 'T': "upload-file",
		'G': "get", 'I': "head",
	}
)

// dataPart is one -d/--json/… argument after curl's processing.
type dataPart struct {
	b    []byte
	json bool // --json pieces join without the & that -d pieces get
}

// formPart is one -F field.
type formPart struct {
	name, value, typ, filename string
	headers                    []string
}

type derived struct {
	name, value string
	off         int
}

// curlParser collects what the flags say.
type curlParser struct {
	method    string
	methodOff int
	head      bool
	headOff   int
	get       bool
	getOff    int
	urls      []word
	headers   []Header
	headerOff []int
	removed   map[string]bool
	derived   []derived // -A -e -u -b: only when -H does not set the same header
	data      []dataPart
	dataOff   int
	isJSON    bool
	form      []formPart
	formOff   int
	queries   []string // --url-query
	queryOff  []int
	cookies   []string
	cookieOff int
}

func (p *curlParser) parse(args []word) error {
	p.removed = map[string]bool{}
	p.dataOff, p.formOff = -1, -1
	for i := 0; i < len(args); i++ {
		a := args[i]
		s := a.s
		if s == "--" {
			p.urls = append(p.urls, args[i+1:]...)
			return nil
		}
		if len(s) < 2 || s[0] != '-' {
			p.urls = append(p.urls, a)
			continue
		}
		if strings.HasPrefix(s, "--") {
			name := s[2:]
			next := func() (word, error) {
				if i+1 >= len(args) {
					return word{}, curlErr(a.off, "%s at byte %d needs a value, and the command ends there", s, a.off)
				}
				i++
				return args[i], nil
			}
			switch {
			case ignoredLong[name]:
				continue
			case ignoredLongValue[name]:
				if _, err := next(); err != nil {
					return err
				}
				continue
			}
			takes, known := knownLong[name]
			if !known {
				toggle := strings.TrimPrefix(name, "no-")
				if toggle != name && (ignoredLong[toggle] || toggle == "get" || toggle == "head") {
					switch toggle {
					case "get":
						p.get = false
					case "head":
						p.head = false
					}
					continue
				}
				hint := ""
				if j := strings.IndexByte(s, '='); j > 0 {
					hint = fmt.Sprintf(" (curl takes a flag's value as the next word: %s %s)", s[:j], clip(s[j+1:]))
				}
				return curlErr(a.off, "unknown flag %s at byte %d%s", clip(s), a.off, hint)
			}
			var v word
			if takes {
				var err error
				if v, err = next(); err != nil {
					return err
				}
			}
			if err := p.apply(name, s, a.off, v); err != nil {
				return err
			}
			continue
		}
		// A cluster of short flags, -sSL or -sXPOST: flags without a value
		// run together, and one with a value takes the rest of the word or
		// the next word.
		for j := 1; j < len(s); j++ {
			c := s[j]
			flag := "-" + string(c)
			if _, ok := ignoredShort[c]; ok {
				continue
			}
			long, vflag := ignoredShortValue[c]
			if !vflag {
				long = knownShort[c]
			}
			if long == "" {
				in := ""
				if len(s) > 2 {
					in = " in " + clip(s)
				}
				return curlErr(a.off, "unknown flag %s%s at byte %d", printable(c), in, a.off)
			}
			if !vflag && !knownLong[long] {
				if err := p.apply(long, flag, a.off, word{}); err != nil {
					return err
				}
				continue
			}
			var v word
			switch {
			case j+1 < len(s):
				v = word{s: s[j+1:], off: a.off + j + 1, quoted: a.quoted}
			case i+1 < len(args):
				i++
				v = args[i]
			default:
				return curlErr(a.off, "%s at byte %d needs a value, and the command ends there", flag, a.off)
			}
			if !vflag {
				if err := p.apply(long, flag, a.off, v); err != nil {
					return err
				}
			}
			break
		}
	}
	return nil
}

// printable names a flag letter in a message, escaping a control byte.
func printable(c byte) string {
	if c < 0x20 || c >= 0x7f {
		return fmt.Sprintf("-\\x%02x", c)
	}
	return "-" + string(c)
}

// noFiles is the error for a flag argument that reads a file or stdin.
func noFiles(flag string, off int, what string) error {
	if strings.HasSuffix(what, "@-") || strings.HasSuffix(what, "<-") {
		return curlErr(off, "%s at byte %d: %s reads standard input, and a pasted command has none to read (the body was left out of the command)", flag, off, clip(what))
	}
	return curlErr(off, "%s at byte %d: %s names a file, and files cannot be read from a pasted command", flag, off, clip(what))
}

// apply records one flag. name is its long name, flag as written.
func (p *curlParser) apply(name, flag string, off int, v word) error {
	switch name {
	case "request":
		if v.s == "" {
			return curlErr(off, "%s at byte %d: the method is empty", flag, off)
		}
		if !isToken(v.s) {
			return curlErr(off, "%s at byte %d: %q is not a valid HTTP method", flag, off, clip(v.s))
		}
		p.method, p.methodOff = v.s, off
	case "head":
		p.head, p.headOff = true, off
	case "get":
		p.get, p.getOff = true, off
	case "url":
		p.urls = append(p.urls, v)
	case "header":
		return p.header(flag, off, v)
	case "data", "data-ascii", "data-binary", "json":
		if strings.HasPrefix(v.s, "@") {
			return noFiles(flag, off, v.s)
		}
		p.addData(dataPart{b: []byte(v.s), json: name == "json"}, off)
		if name == "json" {
			p.isJSON = true
		}
	case "data-raw":
		p.addData(dataPart{b: []byte(v.s)}, off)
	case "data-urlencode":
		b, err := urlencodeArg(flag, off, v.s)
		if err != nil {
			return err
		}
		p.addData(dataPart{b: []byte(b)}, off)
	case "url-query":
		q := v.s
		if strings.HasPrefix(q, "+") {
			q = q[1:]
		} else {
			var err error
			if q, err = urlencodeArg(flag, off, q); err != nil {
				return err
			}
		}
		p.queries = append(p.queries, q)
		p.queryOff = append(p.queryOff, off)
	case "form", "form-string":
		f, err := parseFormField(flag, off, v.s, name == "form-string")
		if err != nil {
			return err
		}
		if p.formOff < 0 {
			p.formOff = off
		}
		p.form = append(p.form, f)
	case "user":
		user, pass, ok := strings.Cut(v.s, ":")
		if !ok {
			return curlErr(off, "%s at byte %d: %q has no password after a colon (curl would ask for one)", flag, off, clip(user))
		}
		p.derived = append(p.derived, derived{"Authorization", "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+pass)), off})
	case "user-agent":
		p.derived = append(p.derived, derived{"User-Agent", v.s, off})
	case "referer":
		p.derived = append(p.derived, derived{"Referer", strings.TrimSuffix(v.s, ";auto"), off})
	case "cookie":
		if v.s == "" {
			return nil // curl: start the cookie engine with no cookies
		}
		if !strings.Contains(v.s, "=") {
			return curlErr(off, "%s at byte %d: %q names a cookie file, and files cannot be read from a pasted command", flag, off, clip(v.s))
		}
		if p.cookies == nil {
			p.cookieOff = off
		}
		p.cookies = append(p.cookies, strings.Trim(v.s, " \t"))
	case "upload-file":
		return noFiles(flag, off, v.s)
	}
	return nil
}

func (p *curlParser) addData(d dataPart, off int) {
	if p.dataOff < 0 {
		p.dataOff = off
	}
	p.data = append(p.data, d)
}

// header records one -H. curl's forms: "Name: value"; "Name:" removes a
// header curl would send itself; "Name;" sends the header with no value.
func (p *curlParser) header(flag string, off int, v word) error {
	h := v.s
	if strings.HasPrefix(h, "@") {
		return noFiles(flag, off, h)
	}
	name, value, ok := strings.Cut(h, ":")
	empty := false
	if !ok {
		n, rest, semi := strings.Cut(h, ";")
		if !semi || strings.TrimSpace(rest) != "" {
			return curlErr(off, "%s at byte %d: %q is not a header (write it as \"Name: value\")", flag, off, clip(h))
		}
		name, empty = n, true
	}
	name = strings.TrimSpace(name)
	value = strings.Trim(value, " \t")
	if !isToken(name) {
		return curlErr(off, "%s at byte %d: %q is not a valid header name", flag, off, clip(name))
	}
	if err := checkHeaderValue(flag, off, name, value); err != nil {
		return err
	}
	if value == "" && !empty {
		p.removed[strings.ToLower(name)] = true
		return nil
	}
	p.headers = append(p.headers, Header{Name: name, Value: value})
	p.headerOff = append(p.headerOff, off)
	return nil
}

func checkHeaderValue(flag string, off int, name, value string) error {
	if strings.ContainsAny(value, "\r\n\x00") {
		return curlErr(off, "%s at byte %d: the %s header contains a line break or NUL, which HTTP does not allow", flag, off, name)
	}
	return nil
}

// isToken reports whether s is an RFC 9110 token (a method or header name).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0 {
			continue
		}
		return false
	}
	return true
}

// urlencodeArg applies curl's --data-urlencode rules: "content" and
// "=content" encode all of the content; "name=content" keeps the name as it
// is and encodes the content; "@file" and "name@file" read a file. The
// first = decides, and only without one does an @ mean a file.
func urlencodeArg(flag string, off int, s string) (string, error) {
	name, content, ok := strings.Cut(s, "=")
	if !ok {
		if strings.Contains(s, "@") {
			return "", noFiles(flag, off, s)
		}
		return curlEscape(s), nil
	}
	if name == "" {
		return curlEscape(content), nil
	}
	return name + "=" + curlEscape(content), nil
}

// curlEscape percent-encodes s as curl_easy_escape does (everything but
// ALPHA DIGIT - . _ ~), then writes spaces as +, as curl's --data-urlencode
// has since 7.86 so that the result is application/x-www-form-urlencoded.
func curlEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// parseFormField reads one -F argument the way curl's formparse does for
// text fields: name=value, value optionally in double quotes (with \" and
// \\ escapes), then ;type=…, ;filename=… and ;headers=… parameters (others
// are skipped, as curl skips them with a warning). =@file and =<file read a
// file. literal (--form-string) takes everything after = as the value.
func parseFormField(flag string, off int, s string, literal bool) (formPart, error) {
	name, rest, ok := strings.Cut(s, "=")
	if !ok {
		return formPart{}, curlErr(off, "%s at byte %d: %q is not a form field (write it as name=value)", flag, off, clip(s))
	}
	f := formPart{name: name}
	if literal {
		f.value = rest
		return f, nil
	}
	if strings.HasPrefix(rest, "@") || strings.HasPrefix(rest, "<") {
		return formPart{}, noFiles(flag, off, s)
	}
	if strings.HasPrefix(rest, "(") || (name == "" && rest == ")") {
		return formPart{}, curlErr(off, "%s at byte %d: nested multipart forms are not supported", flag, off)
	}
	f.value, rest = formWord(rest)
	for strings.HasPrefix(rest, ";") {
		rest = strings.TrimLeft(rest[1:], " \t")
		var param string
		switch {
		case hasPrefixFold(rest, "type="):
			param, rest = formWord(rest[5:])
			if !strings.Contains(param, "/") {
				return formPart{}, curlErr(off, "%s at byte %d: %q is not a content type (want type/subtype)", flag, off, clip(param))
			}
			f.typ = param
		case hasPrefixFold(rest, "filename="):
			f.filename, rest = formWord(rest[9:])
		case hasPrefixFold(rest, "headers="):
			h := rest[8:]
			if strings.HasPrefix(h, "@") || strings.HasPrefix(h, "<") {
				return formPart{}, noFiles(flag, off, h)
			}
			param, rest = formWord(h)
			f.headers = append(f.headers, param)
		case hasPrefixFold(rest, "encoder="):
			return formPart{}, curlErr(off, "%s at byte %d: form part encoders are not supported", flag, off)
		default:
			_, rest = formWord(rest)
		}
	}
	return f, nil
}

// formWord reads a value of a -F argument up to the next ; (curl's
// get_param_word): a quoted one loses its quotes and escapes, an unquoted
// one its trailing blanks.
func formWord(s string) (string, string) {
	s = strings.TrimLeft(s, " \t")
	if strings.HasPrefix(s, `"`) {
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			c := s[i]
			if c == '\\' && i+1 < len(s) && (s[i+1] == '\\' || s[i+1] == '"') {
				b.WriteByte(s[i+1])
				i++
				continue
			}
			if c == '"' {
				rest := s[i+1:]
				if j := strings.IndexByte(rest, ';'); j >= 0 {
					return b.String(), rest[j:]
				}
				return b.String(), ""
			}
			b.WriteByte(c)
		}
		// no closing quote: curl reads it as an unquoted word
	}
	j := strings.IndexByte(s, ';')
	if j < 0 {
		j = len(s)
	}
	return strings.TrimRight(s[:j], " \t"), s[j:]
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// hasScheme reports whether u starts with "scheme://".
func hasScheme(u string) bool {
	i := strings.Index(u, "://")
	if i <= 0 {
		return false
	}
	for k := 0; k < i; k++ {
		c := u[k]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || k > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			continue
		}
		return false
	}
	return true
}

// controlChar returns the first ASCII control character in s: curl's URL
// parser refuses them, and so would whoever replays the request.
func controlChar(s string) (byte, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return s[i], true
		}
	}
	return 0, false
}

// appendQuery adds q to the query of u, before any fragment.
func appendQuery(u, q string) string {
	frag := ""
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u, frag = u[:i], u[i:]
	}
	if strings.Contains(u, "?") {
		u += "&" + q
	} else {
		u += "?" + q
	}
	return u + frag
}

// request builds the request from what the flags said.
func (p *curlParser) request() (Request, error) {
	if len(p.urls) == 0 {
		return Request{}, curlErr(-1, "no URL: the command does not say what to request")
	}
	if len(p.urls) > 1 {
		a, b := p.urls[0], p.urls[1]
		return Request{}, curlErr(b.off, "more than one URL: %q at byte %d and %q at byte %d; paste one request at a time", clip(a.s), a.off, clip(b.s), b.off)
	}
	uw := p.urls[0]
	u := uw.s
	if u == "" {
		return Request{}, curlErr(uw.off, "the URL at byte %d is empty", uw.off)
	}
	if c, ok := controlChar(u); ok {
		return Request{}, curlErr(uw.off, "the URL at byte %d contains a control character (0x%02x)", uw.off, c)
	}
	if !hasScheme(u) {
		u = "http://" + u // curl's guess for a URL without a scheme
	}
	if p.form != nil && p.data != nil {
		return Request{}, curlErr(p.formOff, "-F at byte %d and -d at byte %d: curl sends either a multipart form or data, not both", p.formOff, p.dataOff)
	}
	if p.get && p.form != nil {
		return Request{}, curlErr(p.getOff, "-G at byte %d: a multipart form (-F at byte %d) cannot be moved into the query string", p.getOff, p.formOff)
	}
	if p.head && !p.get && (p.data != nil || p.form != nil) {
		other := p.dataOff
		if p.form != nil {
			other = p.formOff
		}
		return Request{}, curlErr(p.headOff, "-I at byte %d: a HEAD request cannot send the data given at byte %d (add -G to put it in the query string)", p.headOff, other)
	}

	var body []byte
	hasBody := false
	for i, d := range p.data {
		if i > 0 && !d.json {
			body = append(body, '&')
		}
		body = append(body, d.b...)
		hasBody = true
	}
	for i, q := range p.queries {
		if c, ok := controlChar(q); ok {
			return Request{}, curlErr(p.queryOff[i], "--url-query at byte %d: the query contains a control character (0x%02x), which a URL cannot", p.queryOff[i], c)
		}
		u = appendQuery(u, q)
	}
	if p.get && hasBody {
		if c, ok := controlChar(string(body)); ok {
			return Request{}, curlErr(p.getOff, "-G at byte %d: the data it moves into the query contains a control character (0x%02x), which a URL cannot (use --data-urlencode)", p.getOff, c)
		}
		if len(body) > 0 {
			u = appendQuery(u, string(body))
		}
		body, hasBody = nil, false
	}

	r := Request{URL: u, Header: append([]Header(nil), p.headers...)}
	has := func(name string) bool {
		if p.removed[strings.ToLower(name)] {
			return true
		}
		for _, h := range r.Header {
			if strings.EqualFold(h.Name, name) {
				return true
			}
		}
		return false
	}
	add := func(name, value string) {
		if !has(name) {
			r.Header = append(r.Header, Header{Name: name, Value: value})
		}
	}
	// -A, -e, -u: the last of each counts, and a -H of the same name wins,
	// as in curl, where a custom header replaces the one curl would make.
	last := map[string]derived{}
	var order []string
	for _, d := range p.derived {
		if _, seen := last[d.name]; !seen {
			order = append(order, d.name)
		}
		last[d.name] = d
	}
	for _, n := range order {
		d := last[n]
		flag := map[string]string{"Authorization": "-u", "User-Agent": "-A", "Referer": "-e"}[n]
		if err := checkHeaderValue(flag, d.off, n, d.value); err != nil {
			return Request{}, err
		}
		// Trimmed like a -H value (the blanks around a field value are not
		// part of it); an empty one sends no header, as curl's -A "" does.
		if v := strings.Trim(d.value, " \t"); v != "" {
			add(n, v)
		}
	}
	if p.cookies != nil {
		c := strings.Join(p.cookies, "; ")
		if err := checkHeaderValue("-b", p.cookieOff, "Cookie", c); err != nil {
			return Request{}, err
		}
		add("Cookie", c)
	}

	switch {
	case p.form != nil:
		b, boundary := multipartBody(p.form)
		body, hasBody = b, true
		ct := "multipart/form-data; boundary=" + boundary
		for i, h := range r.Header {
			if strings.EqualFold(h.Name, "content-type") {
				// curl adds the boundary to a multipart type given without one
				if strings.HasPrefix(strings.ToLower(h.Value), "multipart/") && !strings.Contains(strings.ToLower(h.Value), "boundary=") {
					r.Header[i].Value = h.Value + "; boundary=" + boundary
				}
			}
		}
		add("Content-Type", ct)
	case p.isJSON && hasBody:
		add("Content-Type", "application/json")
		add("Accept", "application/json")
	case hasBody:
		add("Content-Type", "application/x-www-form-urlencoded")
	}

	switch {
	case p.method != "":
		r.Method = p.method
	case p.head:
		r.Method = "HEAD"
	case hasBody:
		r.Method = "POST"
	default:
		r.Method = "GET"
	}
	if hasBody {
		r.Body = body
		if r.Body == nil {
			r.Body = []byte{}
		}
	}
	return r, nil
}

// multipartBody encodes the -F fields as curl does, with a fixed boundary
// that none of the fields contain.
func multipartBody(fields []formPart) ([]byte, string) {
	boundary := formBoundary
	for n := 1; ; n++ {
		clash := false
		for _, f := range fields {
			if strings.Contains(f.value, boundary) || strings.Contains(f.name, boundary) || strings.Contains(f.filename, boundary) || strings.Contains(strings.Join(f.headers, "\n"), boundary) {
				clash = true
				break
			}
		}
		if !clash {
			break
		}
		boundary = fmt.Sprintf("%s%d", formBoundary, n)
	}
	var b bytes.Buffer
	for _, f := range fields {
		b.WriteString("--" + boundary + "\r\n")
		b.WriteString(`Content-Disposition: form-data; name="` + formEscape(f.name) + `"`)
		if f.filename != "" {
			b.WriteString(`; filename="` + formEscape(f.filename) + `"`)
		}
		b.WriteString("\r\n")
		for _, h := range f.headers {
			b.WriteString(h + "\r\n")
		}
		if f.typ != "" {
			b.WriteString("Content-Type: " + f.typ + "\r\n")
		}
		b.WriteString("\r\n" + f.value + "\r\n")
	}
	b.WriteString("--" + boundary + "--\r\n")
	return b.Bytes(), boundary
}

// formEscape escapes a name or filename in Content-Disposition as curl
// (7.81 and later) and browsers do: ", CR and LF percent-encoded.
func formEscape(s string) string {
	return strings.NewReplacer(`"`, "%22", "\r", "%0D", "\n", "%0A").Replace(s)
}
