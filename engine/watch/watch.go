// Package watch is a recursive file watcher over fsnotify with a short
// debounce. fsnotify (inotify, kqueue, ReadDirectoryChangesW) reports a save
// within a millisecond, where polling would add its interval to every
// save-to-answer; the debounce (4 ms of quiet, 50 ms at most) turns an
// editor's atomic save — write a temp file, rename it over the target — and
// a `git checkout` of many files into one batch.
//
//	w, err := watch.New(dir, watch.Options{Ignore: skipNodeModules})
//	for batch := range w.Changes() { … }
//	w.Close()
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Op is what happened to a path (bit flags: one batch may merge several).
type Op uint8

const (
	Create Op = 1 << iota
	Write
	Remove
	Rename
)

// Change is one path that changed.
type Change struct {
	Path string // absolute, cleaned
	Op   Op
}

// Options configure a Watcher.
type Options struct {
	Debounce time.Duration                      // quiet time before a batch; default 4 ms
	MaxWait  time.Duration                      // a batch is emitted at the latest after this; default 50 ms
	Ignore   func(path string, isDir bool) bool // folders (and files) to skip
}

// Watcher watches a folder tree.
type Watcher struct {
	root    string
	opts    Options
	fw      *fsnotify.Watcher
	changes chan []Change
	errors  chan error

	mu      sync.Mutex
	dirs    map[string]bool // watched recursively
	extra   map[string]bool // extra files watched (by path)
	extraD  map[string]int  // their parent dirs
	pending map[string]Op
	first   time.Time
	timer   *time.Timer
	closed  bool
	done    chan struct{}
	wg      sync.WaitGroup
}

// New watches root recursively.
func New(root string, opts Options) (*Watcher, error) {
	if opts.Debounce <= 0 {
		opts.Debounce = 4 * time.Millisecond
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = 50 * time.Millisecond
	}
	if opts.Ignore == nil {
		opts.Ignore = func(string, bool) bool { return false }
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: root, opts: opts, fw: fw, changes: make(chan []Change, 1), errors: make(chan error, 8),
		dirs: map[string]bool{}, extra: map[string]bool{}, extraD: map[string]int{}, pending: map[string]Op{}, done: make(chan struct{})}
	w.timer = time.AfterFunc(time.Hour, w.flush)
	w.timer.Stop()
	if err := w.addTree(root, false); err != nil {
		fw.Close()
		return nil, err
	}
	w.wg.Add(2)
	go w.loop()
	go w.pollRoot()
	return w, nil
}

// Changes delivers batches of changes, sorted by path.
func (w *Watcher) Changes() <-chan []Change { return w.changes }

// Errors delivers watcher errors (never blocks the watcher: extra errors
// are dropped).
func (w *Watcher) Errors() <-chan error { return w.errors }

// addTree watches dir and every folder below it; with report, files found
// are reported as created (inotify misses files made before the watch).
func (w *Watcher) addTree(dir string, report bool) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil
		}
		if d.IsDir() {
			if p != w.root && w.opts.Ignore(p, true) {
				return filepath.SkipDir
			}
			w.mu.Lock()
			already := w.dirs[p]
			w.dirs[p] = true
			w.mu.Unlock()
			if !already {
				if err := w.fw.Add(p); err != nil && p == dir {
					return err
				}
			}
			if report && p != dir {
				w.record(p, Create)
			}
			return nil
		}
		if report && !w.opts.Ignore(p, false) {
			w.record(p, Create)
		}
		return nil
	})
}

func (w *Watcher) loop() {
	defer w.wg.Done()
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			w.handle(ev)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			select {
			case w.errors <- err:
			default:
			}
		}
	}
}

func (w *Watcher) handle(ev fsnotify.Event) {
	p := filepath.Clean(ev.Name)
	w.mu.Lock()
	isExtra := w.extra[p]
	inExtraDir := w.extraD[filepath.Dir(p)] > 0
	watchedDir := w.dirs[filepath.Dir(p)]
	w.mu.Unlock()
	if !watchedDir && inExtraDir && !isExtra {
		return // a sibling of an extra file, in a folder not watched for itself
	}
	var op Op
	switch {
	case ev.Has(fsnotify.Create):
		op = Create
	case ev.Has(fsnotify.Write):
		op = Write
	case ev.Has(fsnotify.Remove):
		op = Remove
	case ev.Has(fsnotify.Rename):
		op = Rename
	default:
		return // chmod
	}
	if op == Create {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			if !w.opts.Ignore(p, true) {
				_ = w.addTree(p, true)
				w.record(p, Create)
			}
			return
		}
	}
	if op == Remove || op == Rename {
		w.mu.Lock()
		for d := range w.dirs {
			if d == p || within(p, d) {
				delete(w.dirs, d)
			}
		}
		w.mu.Unlock()
	}
	if w.opts.Ignore(p, false) && !isExtra {
		return
	}
	w.record(p, op)
}

func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !filepath.IsAbs(rel) && len(rel) > 0 && rel[0] != '.'
}

func (w *Watcher) record(p string, op Op) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	if len(w.pending) == 0 {
		w.first = time.Now()
	}
	w.pending[p] |= op
	wait := w.opts.Debounce
	if left := w.opts.MaxWait - time.Since(w.first); left < wait {
		wait = max(left, 0)
	}
	w.timer.Reset(wait)
}

// flush emits the pending batch. If the consumer has not taken the last
// batch yet, the changes stay pending and merge into the next one.
func (w *Watcher) flush() {
	w.mu.Lock()
	if w.closed || len(w.pending) == 0 {
		w.mu.Unlock()
		return
	}
	batch := make([]Change, 0, len(w.pending))
	for p, op := range w.pending {
		batch = append(batch, Change{Path: p, Op: op})
	}
	sort.Slice(batch, func(i, j int) bool { return batch[i].Path < batch[j].Path })
	select {
	case w.changes <- batch:
		w.pending = map[string]Op{}
	default:
		w.timer.Reset(w.opts.Debounce) // try again shortly
	}
	w.mu.Unlock()
}

// pollRoot notices the project folder being removed and coming back:
// inotify cannot watch a folder that does not exist, so its return is
// checked every 500 ms (a rare event, not worth more).
func (w *Watcher) pollRoot() {
	defer w.wg.Done()
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	gone := false
	for {
		select {
		case <-w.done:
			return
		case <-t.C:
			_, err := os.Stat(w.root)
			switch {
			case err != nil && !gone:
				gone = true
				w.record(w.root, Remove)
			case err == nil && gone:
				gone = false
				w.mu.Lock()
				w.dirs = map[string]bool{}
				w.mu.Unlock()
				_ = w.addTree(w.root, true)
				w.record(w.root, Create)
			}
		}
	}
}

// WatchFiles watches extra files (outside root, or in ignored folders),
// replacing the previous set.
func (w *Watcher) WatchFiles(paths []string) error {
	want := map[string]bool{}
	wantD := map[string]int{}
	for _, p := range paths {
		p = filepath.Clean(p)
		want[p] = true
		wantD[filepath.Dir(p)]++
	}
	w.mu.Lock()
	oldD := w.extraD
	w.extra, w.extraD = want, wantD
	dirs := w.dirs
	w.mu.Unlock()
	var errs []error
	for d := range wantD {
		if oldD[d] == 0 && !dirs[d] {
			if err := w.fw.Add(d); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for d := range oldD {
		if wantD[d] == 0 && !dirs[d] {
			_ = w.fw.Remove(d)
		}
	}
	return errors.Join(errs...)
}

// Close stops the watcher. Safe to call twice.
func (w *Watcher) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return nil
	}
	w.closed = true
	w.timer.Stop()
	w.mu.Unlock()
	close(w.done)
	err := w.fw.Close()
	w.wg.Wait()
	return err
}
