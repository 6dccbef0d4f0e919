package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// wait is how long a test waits for an expected change. It only bounds a
// failure: tests never assert on how fast anything is.
const wait = 15 * time.Second

// rec reads a watcher's batches and remembers the last op of every path.
type rec struct {
	t       *testing.T
	w       *Watcher
	root    string
	first   map[string]Op // the first op reported for each path
	last    map[string]Op // the last op reported for each path
	batches [][]Change
	from    int // batches before this one were received before the last action
	n       int // sentinels written
}

func start(t *testing.T, root string, opts Options) *rec {
	t.Helper()
	w, err := New(root, opts)
	if err != nil {
		t.Fatal(err)
	}
	return &rec{t: t, w: w, root: root, first: map[string]Op{}, last: map[string]Op{}}
}

// until returns the first batch received since the last action (see mark)
// with a change for which ok is true, reading more batches as needed.
func (r *rec) until(what string, ok func(Change) bool) []Change {
	r.t.Helper()
	for _, b := range r.batches[r.from:] {
		for _, c := range b {
			if ok(c) {
				return b
			}
		}
	}
	deadline := time.After(wait)
	for {
		select {
		case b, open := <-r.w.Changes():
			if !open {
				r.t.Fatalf("Changes closed while waiting for %s", what)
			}
			r.take(b)
			for _, c := range b {
				if ok(c) {
					return b
				}
			}
		case err := <-r.w.Errors():
			r.t.Logf("watcher error: %v", err)
		case <-deadline:
			r.t.Fatalf("no change for %s after %v; seen %v", what, wait, r.batches)
		}
	}
}

// mark starts a new action: changes already received cannot be its effect.
func (r *rec) mark() { r.from = len(r.batches) }

func (r *rec) write(path, s string) {
	r.t.Helper()
	r.mark()
	write(r.t, path, s)
}

func (r *rec) do(f func() error) {
	r.t.Helper()
	r.mark()
	must(r.t, f())
}

func (r *rec) take(b []Change) {
	r.t.Helper()
	if !sort.SliceIsSorted(b, func(i, j int) bool { return b[i].Path < b[j].Path }) {
		r.t.Errorf("batch not sorted: %v", b)
	}
	for i := 1; i < len(b); i++ {
		if b[i].Path == b[i-1].Path {
			r.t.Errorf("batch lists %s twice: %v", b[i].Path, b)
		}
	}
	for _, c := range b {
		if c.Op == 0 || c.Path != filepath.Clean(c.Path) || !filepath.IsAbs(c.Path) {
			r.t.Errorf("bad change %v", c)
		}
		if _, ok := r.first[c.Path]; !ok {
			r.first[c.Path] = c.Op
		}
		r.last[c.Path] = c.Op
	}
	r.batches = append(r.batches, b)
}

// has waits for a change of path whose op is exactly op.
func (r *rec) has(path string, op Op) []Change {
	r.t.Helper()
	return r.until(fmt.Sprintf("%s %v", path, op), func(c Change) bool { return c.Path == path && c.Op == op })
}

// sync writes a new file in dir and waits for it. Events arrive in order,
// and a batch holds every change noted before it was built, so once the
// sentinel is seen every earlier change has been reported.
func (r *rec) sync(dir string) {
	r.t.Helper()
	r.n++
	p := filepath.Join(dir, fmt.Sprintf(".sentinel-%d", r.n))
	r.write(p, "s")
	r.until("sentinel "+p, func(c Change) bool { return c.Path == p })
}

// seen reports whether any batch so far mentioned path.
func (r *rec) seen(path string) bool {
	_, ok := r.last[path]
	return ok
}

// consistent checks that the last op reported for every path matches the
// disk: what was last created or written exists, what was last removed
// does not.
func (r *rec) consistent() {
	r.t.Helper()
	for p, op := range r.last {
		_, err := os.Lstat(p)
		exists := err == nil
		if gone := op&(Create|Write) == 0; gone == exists {
			r.t.Errorf("%s: last reported %v, but exists=%v", p, op, exists)
		}
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func skipNodeModules(path string, isDir bool) bool {
	if !isDir {
		return strings.HasSuffix(path, ".log")
	}
	switch filepath.Base(path) {
	case "node_modules", ".git", ".next", ".edgeplay":
		return true
	}
	return false
}

func TestWriteExistingFile(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	f := filepath.Join(dir, "route.ts")
	write(t, f, "1")
	r := start(t, dir, Options{})
	defer r.w.Close()

	r.write(f, "2")
	b := r.has(f, Write)
	if len(b) != 1 {
		t.Errorf("batch %v, want only %s", b, f)
	}
}

// A chmod changes whether a file can be read, so it is reported as a
// Write of the file (the engine rebuilds a route that was unreadable). A
// folder's chmod is not reported.
func TestChmod(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	f := filepath.Join(dir, "sub", "route.ts")
	write(t, f, "1")
	r := start(t, dir, Options{})
	defer r.w.Close()

	r.do(func() error { return os.Chmod(f, 0) })
	r.has(f, Write)
	r.do(func() error { return os.Chmod(f, 0o644) })
	r.has(f, Write)

	sub := filepath.Dir(f)
	r.do(func() error { return os.Chmod(sub, 0o700) })
	from := r.from
	r.sync(dir)
	for _, b := range r.batches[from:] {
		for _, c := range b {
			if c.Path == sub {
				t.Errorf("a folder's chmod was reported: %v", b)
			}
		}
	}
}

func TestCreateAndDeleteFile(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	r := start(t, dir, Options{})
	defer r.w.Close()

	f := filepath.Join(dir, "new.ts")
	r.write(f, "x")
	r.has(f, Create)
	r.do(func() error { return os.Remove(f) })
	r.has(f, Remove)
	r.consistent()
}

func TestAtomicSave(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	f := filepath.Join(dir, "route.ts")
	write(t, f, "old")
	r := start(t, dir, Options{})
	defer r.w.Close()

	// What VS Code, JetBrains and `sed -i` do: write a temporary file, then
	// rename it over the target.
	tmp := filepath.Join(dir, ".route.ts.tmp-1234")
	r.write(tmp, "new")
	r.do(func() error { return os.Rename(tmp, f) })
	// The target existed before and still does: the save is a Write.
	r.has(f, Write)
	r.sync(dir)
	r.consistent()
}

func TestVimBackupDance(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	f := filepath.Join(dir, "route.ts")
	write(t, f, "old")
	r := start(t, dir, Options{})
	defer r.w.Close()

	// vim with 'backupcopy=no' and 'writebackup': move the original to a
	// backup, write the file anew, delete the backup.
	bak := f + "~"
	r.do(func() error { return os.Rename(f, bak) })
	r.write(f, "new")
	r.do(func() error { return os.Remove(bak) })
	r.until(f+" rewritten", func(c Change) bool { return c.Path == f && c.Op&(Create|Write) != 0 })
	r.sync(dir)
	r.consistent()
	if op := r.last[f]; op != Write && op != Create {
		t.Errorf("%s last %v", f, op)
	}
}

func TestNestedFoldersCreatedQuickly(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	r := start(t, dir, Options{})
	defer r.w.Close()

	// mkdir -p a/b/c && touch a/b/c/x.ts: the files are made before the
	// watcher could watch the new folders; the scan finds them.
	deep := filepath.Join(dir, "a", "b", "c")
	x := filepath.Join(deep, "x.ts")
	y := filepath.Join(dir, "a", "y.ts")
	r.write(x, "x")
	r.write(y, "y")
	r.has(x, Create)
	r.sync(dir)
	for _, p := range []string{filepath.Join(dir, "a"), filepath.Join(dir, "a", "b"), deep, x, y} {
		// A file's first write may come in a later batch on a busy machine.
		if r.first[p] != Create {
			t.Errorf("%s: first %v, want CREATE", p, r.first[p])
		}
	}
	// The new folders are watched.
	r.write(x, "x2")
	r.has(x, Write)
}

func TestRenameFolder(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "lib")
	write(t, filepath.Join(old, "util.ts"), "u")
	write(t, filepath.Join(old, "deep", "more.ts"), "m")
	r := start(t, dir, Options{})
	defer r.w.Close()

	neu := filepath.Join(dir, "shared")
	r.do(func() error { return os.Rename(old, neu) })
	r.until("renamed folder", func(c Change) bool { return c.Path == filepath.Join(neu, "deep", "more.ts") })
	r.sync(dir)
	want := map[string]Op{
		old: Rename, filepath.Join(old, "util.ts"): Rename, filepath.Join(old, "deep"): Rename, filepath.Join(old, "deep", "more.ts"): Rename,
		neu: Create, filepath.Join(neu, "util.ts"): Create, filepath.Join(neu, "deep"): Create, filepath.Join(neu, "deep", "more.ts"): Create,
	}
	for p, op := range want {
		if r.last[p] != op {
			t.Errorf("%s: %v, want %v", p, r.last[p], op)
		}
	}

	// The moved folders are watched under their new names only.
	moved := filepath.Join(neu, "deep", "more.ts")
	r.write(moved, "m2")
	b := r.has(moved, Write)
	for _, c := range b {
		if within(old, c.Path) {
			t.Errorf("change under the old name: %v", c)
		}
	}
	r.consistent()
}

func TestRemoveFolder(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	sub := filepath.Join(dir, "pages", "api")
	write(t, filepath.Join(sub, "a.ts"), "a")
	write(t, filepath.Join(sub, "b.ts"), "b")
	r := start(t, dir, Options{})
	defer r.w.Close()

	r.do(func() error { return os.RemoveAll(filepath.Join(dir, "pages")) })
	r.has(filepath.Join(dir, "pages"), Remove)
	r.sync(dir)
	for _, p := range []string{sub, filepath.Join(sub, "a.ts"), filepath.Join(sub, "b.ts")} {
		if r.last[p] != Remove {
			t.Errorf("%s: %v, want REMOVE", p, r.last[p])
		}
	}
	r.consistent()
}

func TestIgnored(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	nm := filepath.Join(dir, "node_modules")
	write(t, filepath.Join(nm, "pkg", "index.js"), "1")
	r := start(t, dir, Options{Ignore: skipNodeModules})
	defer r.w.Close()

	r.write(filepath.Join(nm, "pkg", "index.js"), "2")                     // existing ignored folder
	r.write(filepath.Join(nm, "other", "index.js"), "1")                   // new folder inside it
	r.write(filepath.Join(dir, ".git", "objects", "ab"), "x")              // new ignored folder
	r.write(filepath.Join(dir, "src", ".next", "cache"), "x")              // ignored folder inside a new one
	r.write(filepath.Join(dir, "debug.log"), "x")                          // ignored file
	r.do(func() error { return os.RemoveAll(filepath.Join(dir, ".git")) }) // ignored folder removed
	r.sync(dir)
	for p := range r.last {
		if strings.Contains(p, "node_modules") || strings.Contains(p, ".git") || strings.Contains(p, ".next") || strings.HasSuffix(p, ".log") {
			t.Errorf("ignored path reported: %s %v", p, r.last[p])
		}
	}
	if r.last[filepath.Join(dir, "src")] != Create {
		t.Errorf("src: %v", r.last[filepath.Join(dir, "src")])
	}
}

func TestWatchFiles(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	outside := t.TempDir()
	dep := filepath.Join(outside, "lib", "dep.js")
	sibling := filepath.Join(outside, "lib", "sibling.js")
	write(t, dep, "1")
	write(t, sibling, "1")
	inIgnored := filepath.Join(dir, "node_modules", "pkg", "index.js")
	write(t, inIgnored, "1")
	r := start(t, dir, Options{Ignore: skipNodeModules})
	defer r.w.Close()

	must(t, r.w.WatchFiles([]string{dep, inIgnored}))
	r.write(sibling, "2")
	r.write(dep, "2")
	r.write(inIgnored, "2")
	r.has(dep, Write)
	r.has(inIgnored, Write)
	r.sync(dir)
	if r.seen(sibling) {
		t.Errorf("a sibling of an extra file was reported")
	}

	// Replace the set: dep and inIgnored are no longer watched, sibling is.
	must(t, r.w.WatchFiles([]string{sibling}))
	since := len(r.batches)
	r.write(dep, "3")
	r.write(inIgnored, "3")
	r.write(sibling, "3")
	r.has(sibling, Write)
	r.sync(dir)
	for _, b := range r.batches[since:] {
		for _, c := range b {
			if c.Path == dep || c.Path == inIgnored {
				t.Errorf("file dropped from the set still reported: %v", c)
			}
		}
	}

	must(t, r.w.WatchFiles(nil))
	since = len(r.batches)
	r.do(func() error { return os.Remove(sibling) })
	r.sync(dir)
	for _, b := range r.batches[since:] {
		for _, c := range b {
			if c.Path == sibling {
				t.Errorf("file dropped from the set still reported: %v", c)
			}
		}
	}
}

func TestWatchFilesFolderReplaced(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	outside := t.TempDir()
	pkg := filepath.Join(outside, "node_modules", "pkg")
	f := filepath.Join(pkg, "dist", "index.js")
	r := start(t, dir, Options{})
	defer r.w.Close()

	// The folder does not exist yet: watched once it appears.
	must(t, r.w.WatchFiles([]string{f}))
	r.write(f, "1")
	r.has(f, Create)

	// npm install replaces the package folder wholesale.
	r.do(func() error { return os.RemoveAll(pkg) })
	r.has(f, Remove)
	r.write(f, "2")
	r.has(f, Create)
	r.write(f, "3")
	r.has(f, Write)
	r.consistent()
}

func TestRootRemovedAndRecreated(t *testing.T) {
	defer goleak.VerifyNone(t)
	root := filepath.Join(t.TempDir(), "project")
	f := filepath.Join(root, "pages", "api", "hello.ts")
	write(t, f, "1")
	r := start(t, root, Options{})
	defer r.w.Close()

	r.do(func() error { return os.RemoveAll(root) })
	r.has(root, Remove)
	if r.last[f] != Remove {
		t.Errorf("%s: %v, want REMOVE", f, r.last[f])
	}

	// It comes back (git clone): found by the periodic check.
	r.write(f, "2")
	r.has(root, Create)
	r.until(f, func(c Change) bool { return c.Path == f && c.Op == Create })
	r.write(f, "3")
	r.has(f, Write)
	r.consistent()
}

func TestRootMovedAway(t *testing.T) {
	defer goleak.VerifyNone(t)
	base := t.TempDir()
	root := filepath.Join(base, "project")
	f := filepath.Join(root, "sub", "a.ts")
	write(t, f, "1")
	extra := filepath.Join(t.TempDir(), "extra.js")
	write(t, extra, "1")
	r := start(t, root, Options{})
	defer r.w.Close()
	must(t, r.w.WatchFiles([]string{extra}))

	moved := filepath.Join(base, "moved")
	r.do(func() error { return os.Rename(root, moved) })
	r.has(root, Remove)
	if r.last[f] != Remove {
		t.Errorf("%s: %v, want REMOVE", f, r.last[f])
	}
	// The moved tree is no longer watched, under either name.
	since := len(r.batches)
	r.write(filepath.Join(moved, "sub", "a.ts"), "2")
	r.write(filepath.Join(moved, "sub", "b.ts"), "2")
	r.write(extra, "2")
	r.has(extra, Write)
	for _, b := range r.batches[since:] {
		for _, c := range b {
			if c.Path != extra {
				t.Errorf("change from the moved tree: %v", c)
			}
		}
	}
}

func TestRapidWrites(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	f := filepath.Join(dir, "r.ts")
	write(t, f, "start")
	r := start(t, dir, Options{})
	defer r.w.Close()

	const n = 200
	for i := 0; i < n; i++ {
		r.write(f, fmt.Sprintf("content %d", i))
	}
	r.sync(dir)
	got, err := os.ReadFile(f)
	must(t, err)
	if string(got) != fmt.Sprintf("content %d", n-1) {
		t.Errorf("on disk after the last batch: %q", got)
	}
	batches := 0
	for _, b := range r.batches {
		for _, c := range b {
			if c.Path == f {
				batches++
				if c.Op != Write {
					t.Errorf("%v", c)
				}
			}
		}
	}
	t.Logf("%d writes -> %d batches with the file", n, batches)
	if batches == 0 || batches > n/4 {
		t.Errorf("%d writes came out as %d batches", n, batches)
	}
}

func TestManyFilesAtOnce(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	for i := 0; i < 50; i++ {
		write(t, filepath.Join(dir, "src", fmt.Sprintf("f%02d.ts", i)), "old")
	}
	r := start(t, dir, Options{})
	defer r.w.Close()

	// Like a git checkout: some files change, some go, some are new,
	// one folder is replaced.
	for i := 0; i < 50; i++ {
		p := filepath.Join(dir, "src", fmt.Sprintf("f%02d.ts", i))
		switch i % 3 {
		case 0:
			r.write(p, "new")
		case 1:
			r.do(func() error { return os.Remove(p) })
		}
		r.write(filepath.Join(dir, "src", "new", fmt.Sprintf("n%02d.ts", i)), "n")
	}
	r.sync(dir)
	r.consistent()
	for i := 0; i < 50; i++ {
		p := filepath.Join(dir, "src", fmt.Sprintf("f%02d.ts", i))
		want := map[int]Op{0: Write, 1: Remove}[i%3]
		if r.last[p] != want && !(want == 0 && !r.seen(p)) {
			t.Errorf("%s: %v, want %v", p, r.last[p], want)
		}
		if n := filepath.Join(dir, "src", "new", fmt.Sprintf("n%02d.ts", i)); r.first[n] != Create {
			t.Errorf("%s: first %v", n, r.first[n])
		}
	}
}

func TestSlowReader(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	r := start(t, dir, Options{})
	defer r.w.Close()

	// Nobody reads while the files change over several debounce windows;
	// the watcher keeps reading events and merges them.
	var files []string
	for i := 0; i < 20; i++ {
		p := filepath.Join(dir, fmt.Sprintf("f%d.ts", i))
		files = append(files, p)
		r.write(p, "x")
		time.Sleep(2 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	r.sync(dir)
	for _, p := range files {
		if r.first[p] != Create {
			t.Errorf("%s: first %v", p, r.first[p])
		}
	}
	t.Logf("20 files written over several windows, read late: %d batches", len(r.batches))
}

func TestResync(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	real := filepath.Join(dir, "sub", "real.ts")
	write(t, real, "1")
	r := start(t, dir, Options{})
	defer r.w.Close()

	// Make the watcher's knowledge wrong, as lost events would.
	ghost := filepath.Join(dir, "sub", "ghost.ts")
	must(t, r.w.do(func() error {
		entries := r.w.st.tree[filepath.Dir(real)]
		delete(entries, "real.ts")
		entries["ghost.ts"] = kindFile
		r.w.st.resync()
		return nil
	}))
	r.has(real, Create)
	r.sync(dir)
	if r.last[ghost] != Remove {
		t.Errorf("ghost: %v", r.last[ghost])
	}
}

func TestCloseAndErrors(t *testing.T) {
	defer goleak.VerifyNone(t)
	w, err := New(filepath.Join(t.TempDir(), "missing"), Options{})
	if err == nil {
		t.Fatal("New on a missing folder succeeded")
	}
	must(t, w.Close()) // nil after a failed New: still safe
	var zero Watcher
	must(t, zero.Close())

	file := filepath.Join(t.TempDir(), "file")
	write(t, file, "x")
	if _, err := New(file, Options{}); err == nil {
		t.Error("New on a file succeeded")
	}

	w, err = New(t.TempDir(), Options{})
	must(t, err)
	must(t, w.Close())
	must(t, w.Close())
	if _, ok := <-w.Changes(); ok {
		t.Error("Changes still open after Close")
	}
	if _, ok := <-w.Errors(); ok {
		t.Error("Errors still open after Close")
	}
	if err := w.WatchFiles([]string{file}); !errors.Is(err, ErrClosed) {
		t.Errorf("WatchFiles after Close: %v", err)
	}
}

func TestNetOp(t *testing.T) {
	tests := []struct {
		name              string
		before, beforeDir bool
		removed           bool
		gone              Op
		now, nowDir       bool
		want              Op
	}{
		{"temporary file", false, false, true, Rename, false, false, 0},
		{"new file", false, false, false, 0, true, false, Create},
		{"new folder", false, false, false, 0, true, true, Create},
		{"deleted", true, false, true, Remove, false, false, Remove},
		{"moved away", true, false, true, Rename, false, false, Rename},
		{"written", true, false, false, 0, true, false, Write},
		{"atomic save", true, false, false, 0, true, false, Write},
		{"deleted and written again", true, false, true, Remove, true, false, Write},
		{"folder replaced", true, true, true, Remove, true, true, Create | Remove},
		{"file became folder", true, false, true, Remove, true, true, Create | Remove},
		{"folder became file", true, true, true, Remove, true, false, Create | Remove},
		{"folder touched", true, true, false, 0, true, true, 0},
	}
	for _, tt := range tests {
		e := &pend{before: tt.before, beforeDir: tt.beforeDir, gone: tt.gone}
		if tt.removed {
			e.removedAt = 1
		}
		if got := netOp(e, tt.now, tt.nowDir); got != tt.want {
			t.Errorf("%q: got %v want %v", tt.name, got, tt.want)
		}
	}
}

func TestOpString(t *testing.T) {
	for op, want := range map[Op]string{0: "0", Create: "CREATE", Create | Remove: "CREATE|REMOVE", Rename: "RENAME", Write: "WRITE"} {
		if got := op.String(); got != want {
			t.Errorf("%d: got %q want %q", op, got, want)
		}
	}
}

// TestLatency logs how long a save takes to come out as a batch with the
// default options: the debounce plus the watcher's own work. It asserts
// nothing about time; the figure is for the save-to-answer budget.
func TestLatency(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	f := filepath.Join(dir, "route.ts")
	write(t, f, "0")
	r := start(t, dir, Options{})
	defer r.w.Close()

	var d []time.Duration
	for i := 1; i <= 40; i++ {
		time.Sleep(5 * time.Millisecond) // let the previous batch settle
		t0 := time.Now()
		r.write(f, fmt.Sprint(i))
		r.has(f, Write)
		d = append(d, time.Since(t0))
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	t.Logf("write to batch: p50 %v, p90 %v, max %v (debounce %v)", d[len(d)/2], d[len(d)*9/10], d[len(d)-1], defaultDebounce)
}

func BenchmarkWriteToBatch(b *testing.B) {
	dir := b.TempDir()
	f := filepath.Join(dir, "route.ts")
	if err := os.WriteFile(f, []byte("0"), 0o644); err != nil {
		b.Fatal(err)
	}
	w, err := New(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	var d []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if err := os.WriteFile(f, []byte(fmt.Sprint(i)), 0o644); err != nil {
			b.Fatal(err)
		}
	wait:
		for {
			select {
			case batch := <-w.Changes():
				for _, c := range batch {
					if c.Path == f {
						break wait
					}
				}
			case <-time.After(wait):
				b.Fatal("no batch")
			}
		}
		d = append(d, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(d[len(d)*9/10].Microseconds())/1000, "p90-ms")
}
