// Package projects holds the sample Next.js projects shipped inside the
// edgeplay binary. `edgeplay serve` with no folder, and the desktop app on
// its first run, open the sample; the test suites use the projects as
// end-to-end fixtures.
package projects

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

//go:embed all:sample
var files embed.FS

// Sample is the name of the built-in sample project.
const Sample = "sample"

// FS returns a project's files.
func FS(name string) (fs.FS, error) {
	return fs.Sub(files, name)
}

// manifestName records what Extract wrote, so that later versions of
// edgeplay update the files the user has not changed and leave the others.
const manifestName = ".edgeplay/extracted.json"

// Extract writes a project into dst and returns dst. A file is written when
// it is missing, or when it still holds what edgeplay wrote last time (the
// user has not edited it); files the user changed are never overwritten.
func Extract(name, dst string) (string, error) {
	src, err := FS(name)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return "", err
	}
	written := map[string]string{}
	if b, err := os.ReadFile(filepath.Join(dst, filepath.FromSlash(manifestName))); err == nil {
		_ = json.Unmarshal(b, &written)
	}
	next := map[string]string{}
	err = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		sum := hash(data)
		next[p] = sum
		target := filepath.Join(dst, filepath.FromSlash(p))
		cur, err := os.ReadFile(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return err
		case hash(cur) == sum:
			return nil // already up to date
		case written[p] != hash(cur):
			next[p] = written[p] // edited by the user: keep it
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return writeAtomic(target, data)
	})
	if err != nil {
		return "", fmt.Errorf("extracting the %s project to %s: %w", name, dst, err)
	}
	m, _ := json.MarshalIndent(next, "", "  ")
	mp := filepath.Join(dst, filepath.FromSlash(manifestName))
	if err := os.MkdirAll(path.Dir(filepath.ToSlash(mp)), 0o755); err == nil {
		_ = writeAtomic(mp, m)
	}
	return dst, nil
}

// DefaultDir is where the sample lives on disk: the user's config folder,
// or $EDGEPLAY_HOME when set.
func DefaultDir(name string) (string, error) {
	if h := os.Getenv("EDGEPLAY_HOME"); h != "" {
		return filepath.Join(h, "projects", name), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "edgeplay", "projects", name), nil
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// writeAtomic writes via a temporary file and a rename, so that a crash
// leaves the old file or the new one, never half of one.
func writeAtomic(target string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(target), ".edgeplay-*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), target)
}
