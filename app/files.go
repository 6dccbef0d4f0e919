package app

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// writeFileAtomic writes data so that a crash or a kill -9 at any moment
// leaves either the old file or the new one, never a torn one: a temp
// file in the same folder, fsync, rename over the target, fsync the
// folder (so the rename itself survives a power cut on Linux).
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // not supported everywhere (Windows); the rename is done either way
		d.Close()
	}
	return nil
}

// writeJSONAtomic writes v as indented JSON with a final newline: stable
// key order (struct field order), friendly to git diffs.
func writeJSONAtomic(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(b, '\n'))
}

// packageName reads the "name" of a package.json, or "".
func packageName(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	var p struct {
		Name string `json:"name"`
	}
	if json.Unmarshal(b, &p) != nil {
		return ""
	}
	return p.Name
}

// projectFile resolves a project-relative path from the UI, refusing
// anything outside the project.
func projectFile(root, file string) (string, error) {
	if file == "" {
		return "", fmt.Errorf("no file given")
	}
	p := filepath.Join(root, filepath.FromSlash(file))
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the project", file)
	}
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	return p, nil
}

func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func isUTF8(b []byte) bool { return utf8.Valid(b) }
