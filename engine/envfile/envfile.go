// Package envfile loads a project's env files as `next dev` does (through
// @next/env, which uses dotenv and dotenv-expand): a variable set in the
// shell wins, then .env.development.local, .env.local, .env.development,
// .env; values may reference other variables ($VAR, ${VAR},
// ${VAR:-default}).
//
//	env, err := envfile.Load(projectDir, os.Environ())
//	env.Vars["GREETING"]
package envfile

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// Env is the merged environment of a project.
type Env struct {
	Vars  map[string]string // shell environment + file variables
	Files []string          // env files that exist, in priority order
	Diags diag.List         // lines that could not be read
}

// Names are the env files Load reads, highest priority first.
func Names() []string {
	return []string{".env.development.local", ".env.local", ".env.development", ".env"}
}

// dotenv's LINE expression (lib/main.js), which @next/env uses.
var lineRe = regexp.MustCompile(`(?m)^\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*` + "`(?:\\\\`|[^`])*`" + `|[^#\r\n]+)?\s*(?:#.*)?$`)

// Parse reads one env file's text as dotenv does. Lines that are neither
// blank, comments, nor assignments come back as warnings.
func Parse(file, src string) (map[string]string, []string, diag.List) {
	vars, order, _, diags := parse(file, src)
	return vars, order, diags
}

// parse also returns the keys whose values were single-quoted, which
// dotenv-expand leaves as they are.
func parse(file, src string) (map[string]string, []string, map[string]bool, diag.List) {
	literal := map[string]bool{}
	src = strings.ReplaceAll(src, "\r\n", "\n")
	vars := map[string]string{}
	var order []string
	var diags diag.List
	covered := make([]bool, len(src)+1)
	for _, m := range lineRe.FindAllStringSubmatchIndex(src, -1) {
		key := src[m[2]:m[3]]
		val := ""
		if m[4] >= 0 {
			val = strings.TrimSpace(src[m[4]:m[5]])
		}
		for i := m[0]; i < m[1]; i++ {
			covered[i] = true
		}
		quote := byte(0)
		if len(val) >= 2 && (val[0] == '\'' || val[0] == '"' || val[0] == '`') && val[len(val)-1] == val[0] {
			quote = val[0]
			val = val[1 : len(val)-1]
		}
		if quote == '"' {
			val = strings.ReplaceAll(strings.ReplaceAll(val, `\n`, "\n"), `\r`, "\r")
		}
		if _, ok := vars[key]; !ok {
			order = append(order, key)
		}
		vars[key] = val
		literal[key] = quote == '\''

	}
	line := 1
	start := 0
	for i := 0; i <= len(src); i++ {
		if i == len(src) || src[i] == '\n' {
			text := src[start:i]
			t := strings.TrimSpace(text)
			if t != "" && !strings.HasPrefix(t, "#") && !covered[start] && !anyCovered(covered, start, i) {
				diags.Add(diag.Message{Kind: diag.Warning, ID: "env-line", Location: &diag.Location{File: file, Line: line, LineText: text},
					Text: "This line of the env file is not a KEY=value assignment; it is ignored (as dotenv does)."})
			}
			line++
			start = i + 1
		}
	}
	return vars, order, literal, diags
}

func anyCovered(c []bool, from, to int) bool {
	for i := from; i < to; i++ {
		if c[i] {
			return true
		}
	}
	return false
}

// Load reads the env files of dir and merges them with the shell
// environment (os.Environ format).
func Load(dir string, shell []string) (*Env, error) {
	env := &Env{Vars: map[string]string{}}
	shellVars := map[string]bool{}
	for _, kv := range shell {
		if i := strings.IndexByte(kv, '='); i > 0 {
			env.Vars[kv[:i]] = kv[i+1:]
			shellVars[kv[:i]] = true
		}
	}
	for _, name := range Names() {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			env.Diags.Add(diag.Warnf("env-file", "cannot read %s: %v", name, err).At(name, 0, 0))
			continue
		}
		env.Files = append(env.Files, p)
		vars, order, literal, diags := parse(name, string(b))
		env.Diags = append(env.Diags, diags...)
		for _, k := range order {
			if _, set := env.Vars[k]; set {
				continue // the shell or a higher-priority file wins
			}
			v := vars[k]
			if !literal[k] {
				v = expand(v, env.Vars, vars, shellVars)
			}
			env.Vars[k] = v
		}
	}
	return env, nil
}

var refRe = regexp.MustCompile(`(\\)?\$\{([\w.-]+)(?::?-([^}]*))?\}|(\\)?\$([\w]+)`)

// expand replaces $VAR, ${VAR} and ${VAR:-default} (dotenv-expand): the
// value comes from the shell, then from variables already loaded, then from
// the same file; \$ keeps a literal dollar sign.
func expand(v string, loaded, file map[string]string, shell map[string]bool) string {
	return refRe.ReplaceAllStringFunc(v, func(ref string) string {
		m := refRe.FindStringSubmatch(ref)
		if m[1] != "" || m[4] != "" {
			return ref[1:]
		}
		name, def := m[2], m[3]
		if name == "" {
			name = m[5]
		}
		if val, ok := loaded[name]; ok && val != "" {
			return val
		}
		if val, ok := file[name]; ok && val != "" && val != v {
			return val
		}
		return def
	})
}
