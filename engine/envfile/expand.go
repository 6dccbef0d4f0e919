package envfile

import (
	"errors"
	"regexp"
	"strings"
)

// This file is dotenv-expand 10.0.0 (lib/main.js), the version @next/env
// bundles, step for step. Its rules are odd in places — the default of
// ${A:-x} wins over A set in the same file, an escaped \$A can be expanded
// when an unescaped $A follows it, a value that refers to itself never
// ends — but next dev answers with them, so edgeplay does too.

// groupRe is dotenv-expand's matchGroup without its look-behind, which
// lastDollar and the scan in interpolate do instead.
var groupRe = regexp.MustCompile(`^\$\{?(\w+)(?::-([^}\\]*))?\}?`)

// errRunaway stands for the stack overflow dotenv-expand hits on a value
// that expands into itself.
var errRunaway = errors.New("expansion does not end")

// Node overflows its stack after a few thousand nested _interpolate calls;
// the limits only need to stop a runaway without hampering real values.
const (
	maxSteps = 10000
	maxLen   = 1 << 20
)

// environ is process.env while Next loads the files: the shell variables
// and, file by file, the variables loaded so far.
type environ map[string]string

// expandFile is dotenv-expand's expand(config) for one file: every key in
// order is replaced by its interpolated value (keys the environment already
// has start from the environment's value), and then all of the file's keys
// are written into env. vars is changed in place.
func expandFile(vars []Var, env environ) error {
	parsed := make(map[string]string, len(vars))
	for _, v := range vars {
		parsed[v.Key] = v.Value
	}
	for i, v := range vars {
		val, ok := env[v.Key]
		if !ok {
			val = parsed[v.Key]
		}
		out, err := interpolate(val, env, parsed)
		if err != nil {
			return &expandError{Var: v}
		}
		out = strings.ReplaceAll(out, `\$`, `$`)
		parsed[v.Key] = out
		vars[i].Value = out
	}
	for _, v := range vars {
		env[v.Key] = parsed[v.Key]
	}
	return nil
}

type expandError struct{ Var Var }

func (e *expandError) Error() string { return "expanding " + e.Var.Key + ": " + errRunaway.Error() }

// interpolate is _interpolate: take the right-most unescaped $, match a
// reference there, replace the first occurrence of that text in the whole
// value, and start again.
func interpolate(s string, env environ, parsed map[string]string) (string, error) {
	for step := 0; ; step++ {
		if step > maxSteps || len(s) > maxLen {
			return "", errRunaway
		}
		i := lastDollar(s)
		if i < 0 {
			return s, nil
		}
		group, name, def, ok := matchGroup(s[i:])
		if !ok {
			return s, nil
		}
		// environment[name] || default || parsed[name] || ''
		val := env[name]
		if val == "" {
			val = def
		}
		if val == "" {
			val = parsed[name]
		}
		at := strings.Index(s, group)
		s = s[:at] + substitute(val, s, at, len(group)) + s[at+len(group):]
	}
}

// lastDollar is _searchLast(value, /(?!(?<=\\))\$/g): the index of the last
// $ not directly after a backslash, or -1.
func lastDollar(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '$' && (i == 0 || s[i-1] != '\\') {
			return i
		}
	}
	return -1
}

// matchGroup runs dotenv-expand's matchGroup over rest (which starts at the
// last unescaped $). Like String.prototype.match it searches: a $ that does
// not start a reference is skipped, as is every $ after a backslash (the
// look-behind does not see across the start of rest).
func matchGroup(rest string) (group, name, def string, ok bool) {
	for j := 0; j < len(rest); j++ {
		if rest[j] != '$' || (j > 0 && rest[j-1] == '\\') {
			continue
		}
		if m := groupRe.FindStringSubmatch(rest[j:]); m != nil {
			return m[0], m[1], m[2], true
		}
	}
	return "", "", "", false
}

// substitute is GetSubstitution for a string pattern (ECMA-262 §22.1.3.19.1):
// String.prototype.replace reads $$, $&, $` and $' in the replacement even
// when the pattern is a plain string. There are no capture groups, so $1 and
// $<name> stay as they are.
func substitute(repl, s string, at, n int) string {
	if !strings.Contains(repl, "$") {
		return repl
	}
	var b strings.Builder
	for i := 0; i < len(repl); i++ {
		if repl[i] != '$' || i+1 == len(repl) {
			b.WriteByte(repl[i])
			continue
		}
		switch repl[i+1] {
		case '$':
			b.WriteByte('$')
		case '&':
			b.WriteString(s[at : at+n])
		case '`':
			b.WriteString(s[:at])
		case '\'':
			b.WriteString(s[at+n:])
		default:
			b.WriteByte('$')
			continue
		}
		i++
	}
	return b.String()
}
