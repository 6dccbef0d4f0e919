package envfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// Env is a project's environment for development.
type Env struct {
	Vars  map[string]string // the merged result: shell environment + file variables
	Files []string          // absolute paths of the env files that exist and were read, highest priority first
	Diags diag.List         // problems in the files, with file:line:col (File is the file's name)
}

// Names returns the env file names Load looks for, highest priority first.
// They are relative to the project folder (no sub-folders), so a watcher
// matches a changed path's base name against them in the project root only.
func Names() []string {
	return []string{".env.development.local", ".env.local", ".env.development", ".env"}
}

// Load reads the env files of the project in dir for development, as next
// dev does, and merges them with shell (in os.Environ form, "KEY=value";
// entries without "=" are skipped). A variable set in shell wins over every
// file; then .env.development.local, .env.local, .env.development, .env.
//
// Missing files are fine. Problems in a file are messages in Env.Diags and
// never stop the others from loading; a file Next would fail to load (a
// read error, an expansion that never ends) contributes no variables, as
// under next dev. The error is for dir itself: not a folder, or unreadable.
func Load(dir string, shell []string) (*Env, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(abs); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("envfile: %s is not a folder", dir)
	}

	env := environ{} // process.env as it changes while Next loads the files
	for _, kv := range shell {
		if i := strings.IndexByte(kv, '='); i > 0 {
			env[kv[:i]] = kv[i+1:]
		}
	}
	orig := make(map[string]bool, len(env)) // keys the shell set: they always win
	for k := range env {
		orig[k] = true
	}

	out := &Env{}
	fromFiles := map[string]string{} // first file (highest priority) wins
	for _, name := range Names() {
		path := filepath.Join(abs, name)
		src, ok := readEnvFile(path, name, &out.Diags)
		if !ok {
			continue
		}
		out.Files = append(out.Files, path)
		vars, diags := Parse(name, src)
		out.Diags = append(out.Diags, diags...)
		if err := expandFile(vars, env); err != nil {
			out.Diags.Add(runawayMessage(name, src, err))
			continue
		}
		for _, v := range vars {
			if _, set := fromFiles[v.Key]; !set && !orig[v.Key] {
				fromFiles[v.Key] = v.Value
			}
		}
	}

	// Object.assign(process.env, parsed): the shell keys keep what the
	// expansion left in process.env, the others take the value of the first
	// file that set them.
	out.Vars = make(map[string]string, len(env)+len(fromFiles))
	for k, v := range env {
		out.Vars[k] = v
	}
	for k, v := range fromFiles {
		out.Vars[k] = v
	}
	return out, nil
}

// readEnvFile reads one env file. Next reads regular files (and FIFOs) and
// ignores a folder of the same name; a missing file is no problem.
func readEnvFile(path, name string, diags *diag.List) (string, bool) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", false
	}
	if err == nil && !fi.Mode().IsRegular() && fi.Mode()&fs.ModeNamedPipe == 0 {
		return "", false
	}
	var b []byte
	if err == nil {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		m := diag.Errorf(IDRead, "Cannot read %s, so none of its variables are set: %v", name, unwrapPath(err))
		m.Location = &diag.Location{File: name}
		diags.Add(m)
		return "", false
	}
	return string(b), true
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func runawayMessage(name, src string, err error) diag.Message {
	var ee *expandError
	if !errors.As(err, &ee) {
		return diag.Errorf(IDExpand, "Failed to load env from %s: %v", name, err)
	}
	v := ee.Var
	m := diag.Errorf(IDExpand,
		"The value of %s expands into itself without end, so Next.js fails to load %s and none of its variables are set.", v.Key, name)
	p := parser{name: name, src: normalize(src)}
	p.lineStart = lineStarts(p.src)
	if v.Line >= 1 && v.Line <= len(p.lineStart) {
		text := p.lineText(v.Line)
		col := max(strings.Index(text, v.Key), 0)
		m.Location = &diag.Location{File: name, Line: v.Line, Column: col, Length: len(v.Key), LineText: text}
	}
	return m.WithNote(fmt.Sprintf("A reference to %s in its own value, directly or through other variables, is never resolved; remove it or escape the dollar sign as \\$.", v.Key), nil)
}
