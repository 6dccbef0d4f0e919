package watch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func waitFor(t *testing.T, w *Watcher, path string, op Op) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case batch := <-w.Changes():
			for _, c := range batch {
				if c.Path == path && c.Op&op != 0 {
					return
				}
			}
		case <-deadline:
			t.Fatalf("no change for %s", path)
		}
	}
}

func TestWatch(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "node_modules", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := New(dir, Options{Ignore: func(p string, isDir bool) bool { return isDir && filepath.Base(p) == "node_modules" }})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	f := filepath.Join(dir, "a.ts")
	os.WriteFile(f, []byte("1"), 0o644)
	waitFor(t, w, f, Create|Write)

	// Atomic save: temp file renamed over the target.
	tmp := filepath.Join(dir, ".a.ts.tmp")
	os.WriteFile(tmp, []byte("2"), 0o644)
	os.Rename(tmp, f)
	waitFor(t, w, f, Create|Write|Rename)

	// Nested folders created quickly: their files are found.
	nested := filepath.Join(dir, "x", "y", "z")
	os.MkdirAll(nested, 0o755)
	g := filepath.Join(nested, "b.ts")
	os.WriteFile(g, []byte("b"), 0o644)
	waitFor(t, w, g, Create|Write)

	// An extra file in an ignored folder.
	dep := filepath.Join(dir, "node_modules", "x", "index.js")
	os.WriteFile(dep, []byte("x"), 0o644)
	if err := w.WatchFiles([]string{dep}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dep, []byte("y"), 0o644)
	waitFor(t, w, dep, Write)

	os.Remove(f)
	waitFor(t, w, f, Remove|Rename)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRapidWritesCoalesce(t *testing.T) {
	dir := t.TempDir()
	w, err := New(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	f := filepath.Join(dir, "r.ts")
	for i := 0; i < 200; i++ {
		os.WriteFile(f, []byte(strings.Repeat("x", i)), 0o644)
	}
	batches := 0
	deadline := time.After(3 * time.Second)
	quiet := time.NewTimer(300 * time.Millisecond)
	for {
		select {
		case <-w.Changes():
			batches++
			quiet.Reset(300 * time.Millisecond)
			continue
		case <-quiet.C:
		case <-deadline:
		}
		break
	}
	if batches == 0 || batches > 100 {
		t.Fatalf("%d batches for 200 writes", batches)
	}
	t.Logf("200 writes -> %d batches", batches)
}
