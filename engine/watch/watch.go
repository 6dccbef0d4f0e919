package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Op is what happened to a path: bit flags, so a Change can say
// Create|Remove (a folder replaced), and callers test with &.
type Op uint8

const (
	Create Op = 1 << iota // the path is new
	Write                 // a file was written or replaced
	Remove                // the path is gone
	Rename                // the path is gone: it was moved away
)

func (o Op) String() string {
	if o == 0 {
		return "0"
	}
	var parts []string
	for _, n := range []struct {
		op   Op
		name string
	}{{Create, "CREATE"}, {Write, "WRITE"}, {Remove, "REMOVE"}, {Rename, "RENAME"}} {
		if o&n.op != 0 {
			parts = append(parts, n.name)
		}
	}
	return strings.Join(parts, "|")
}

// Change is one path in a batch.
type Change struct {
	Path string // absolute, OS-native separators, cleaned
	Op   Op
}

// Options configure a Watcher. The zero value is ready to use.
type Options struct {
	// Debounce is the quiet time after the last event before a batch is
	// emitted; default 4 ms.
	Debounce time.Duration
	// MaxWait bounds how long events may keep a batch back: a batch is
	// emitted at the latest MaxWait after its first event; default 50 ms.
	MaxWait time.Duration
	// Ignore skips paths: a folder for which it returns true is neither
	// watched nor reported, nor is anything in it; a file is not reported.
	// It is called for folders before their watch is added, from the
	// watcher's goroutine.
	Ignore func(path string, isDir bool) bool
}

const (
	defaultDebounce = 4 * time.Millisecond
	defaultMaxWait  = 50 * time.Millisecond
	// checkInterval is how often the root and the folders of extra files
	// are checked for having gone or come back; see the package doc.
	checkInterval = 500 * time.Millisecond
	errorBuffer   = 16
)

// ErrClosed is returned by WatchFiles after Close.
var ErrClosed = errors.New("watch: watcher is closed")

// Watcher watches a folder tree. Its methods are safe to call from any
// goroutine; all of its state is owned by one internal goroutine.
type Watcher struct {
	root string
	opts Options
	fw   *fsnotify.Watcher

	changes chan []Change
	errors  chan error
	reqs    chan func()
	quit    chan struct{} // closed by Close
	done    chan struct{} // closed when the loop has returned

	closeOnce sync.Once
	closeErr  error

	// Everything below is owned by the loop goroutine (and by New before
	// the loop starts).
	st state
}

// New watches root and every folder below it that opts.Ignore does not
// skip. root must be an existing folder. Folders below root that cannot be
// watched (permissions, the OS's watch limit) are reported on Errors.
func New(root string, opts Options) (*Watcher, error) {
	if opts.Debounce <= 0 {
		opts.Debounce = defaultDebounce
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = defaultMaxWait
	}
	if opts.MaxWait < opts.Debounce {
		opts.MaxWait = opts.Debounce
	}
	if opts.Ignore == nil {
		opts.Ignore = func(string, bool) bool { return false }
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("watch: %s is not a folder", abs)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{
		root:    abs,
		opts:    opts,
		fw:      fw,
		changes: make(chan []Change),
		errors:  make(chan error, errorBuffer),
		reqs:    make(chan func()),
		quit:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	w.st.init(w)
	if err := w.st.addRoot(fi, false); err != nil {
		fw.Close()
		return nil, err
	}
	go w.loop()
	return w, nil
}

// Changes delivers one batch per debounce window: each path once, sorted
// by path. A batch waits until it is received; changes that happen
// meanwhile are merged into it, so a slow reader gets fewer, larger
// batches and never holds up the watcher. The channel is closed by Close.
func (w *Watcher) Changes() <-chan []Change { return w.changes }

// Errors delivers problems the watcher cannot fix alone: folders it could
// not watch, and event overflows (after which it has rescanned the tree
// and reported what it found, but cannot know which files were written).
// It holds up to 16 errors; the watcher never waits for it and drops
// errors that do not fit. The channel is closed by Close.
func (w *Watcher) Errors() <-chan error { return w.errors }

// WatchFiles watches extra files that the recursive watch does not cover:
// outside root, or inside ignored folders. Their folders are watched
// without recursion and only the named files are reported. Each call
// replaces the previous set: folders no longer needed stop being watched.
//
// A file whose folder does not exist yet is fine: the folder is watched
// when it appears (within 500 ms). The error joins the problems with the
// other folders; the files it does not mention are watched.
func (w *Watcher) WatchFiles(paths []string) error {
	return w.do(func() error { return w.st.setExtra(paths) })
}

// Close stops the watcher and closes Changes and Errors. It is safe to
// call more than once, on a nil *Watcher, and after a failed New.
func (w *Watcher) Close() error {
	if w == nil || w.quit == nil {
		return nil
	}
	w.closeOnce.Do(func() {
		close(w.quit)
		<-w.done
		w.closeErr = w.fw.Close()
		close(w.changes)
		close(w.errors)
	})
	return w.closeErr
}

// do runs f on the loop goroutine and returns its result.
func (w *Watcher) do(f func() error) error {
	if w == nil || w.quit == nil {
		return ErrClosed
	}
	res := make(chan error, 1)
	select {
	case w.reqs <- func() { res <- f() }:
		return <-res
	case <-w.done:
		return ErrClosed
	case <-w.quit:
		return ErrClosed
	}
}

func (w *Watcher) sendError(err error) {
	select {
	case w.errors <- err:
	default: // the reader is behind; never block the watcher for an error
	}
}

// loop owns the state: it applies fsnotify's events, arms the debounce
// timer, offers the current batch, and runs the periodic check. Sends on
// Changes are one case of the select, so a reader that is not ready never
// stops events from being read.
func (w *Watcher) loop() {
	defer close(w.done)
	tick := time.NewTicker(checkInterval)
	defer tick.Stop()
	defer w.st.timer.Stop()
	for {
		var out chan<- []Change
		if w.st.offer != nil {
			out = w.changes
		}
		select {
		case <-w.quit:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			w.st.handle(ev)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			w.sendError(err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.st.resync()
			}
		case <-w.st.timer.C:
			w.st.build()
		case out <- w.st.offer:
			w.st.taken()
		case <-tick.C:
			w.st.checkRoot()
			w.st.checkExtraDirs()
		case f := <-w.reqs:
			f()
		}
		w.st.schedule()
	}
}
