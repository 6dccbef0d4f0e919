package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// kind is what the watcher knows of an entry of a watched folder.
type kind uint8

const (
	kindNone    kind = iota
	kindFile         // a file, symlink or other non-folder (symlinks are not followed: no cycles)
	kindDir          // a watched folder
	kindIgnored      // a folder Options.Ignore skips: never reported
)

// extraDir is the folder of files given to WatchFiles.
type extraDir struct {
	files   []string    // the extra files in it
	watched bool        // has its own fsnotify watch (not one of the tree's)
	info    os.FileInfo // the folder the watch is on, to notice it being replaced
}

// state is the watcher's knowledge of the file system and its pending
// changes. Only the loop goroutine touches it.
type state struct {
	w *Watcher

	// tree maps every watched folder under root to its entries (by name).
	tree     map[string]map[string]kind
	rootOK   bool
	rootInfo os.FileInfo

	extra     map[string]bool // extra file → exists
	extraDirs map[string]*extraDir

	pending   map[string]*pend
	gen       uint64 // counts events
	quiet     bool   // while scanning at start: learn, but report nothing
	scheduled uint64 // gen when the timer was last armed
	firstAt   time.Time
	timer     *time.Timer
	offer     []Change // the batch on offer, nil if none
	builtAt   uint64   // gen when offer was built
}

func (s *state) init(w *Watcher) {
	s.w = w
	s.tree = map[string]map[string]kind{}
	s.extra = map[string]bool{}
	s.extraDirs = map[string]*extraDir{}
	s.pending = map[string]*pend{}
	s.timer = time.NewTimer(time.Hour)
	s.timer.Stop()
}

// exists says whether the watcher knows p to exist, and as a folder.
func (s *state) exists(p string) (exists, isDir bool) {
	if p == s.w.root {
		return s.rootOK, true
	}
	if entries, ok := s.tree[filepath.Dir(p)]; ok {
		switch entries[filepath.Base(p)] {
		case kindFile:
			return true, false
		case kindDir:
			return true, true
		}
		return false, false
	}
	return s.extra[p], false
}

// wanted says whether a file is reported.
func (s *state) wanted(p string) bool {
	if _, ok := s.extra[p]; ok {
		return true
	}
	return !s.w.opts.Ignore(p, false)
}

func opOf(ev fsnotify.Event) (op Op) {
	if ev.Has(fsnotify.Create) {
		op |= Create
	}
	if ev.Has(fsnotify.Write) {
		op |= Write
	}
	if ev.Has(fsnotify.Remove) {
		op |= Remove
	}
	if ev.Has(fsnotify.Rename) {
		op |= Rename
	}
	return op // Chmod alone is 0: attributes are not content (but see chmod)
}

// goneOp is how a removal event says the path went.
func goneOp(op Op) Op {
	if op&Rename != 0 {
		return Rename
	}
	return Remove
}

// handle applies one fsnotify event.
func (s *state) handle(ev fsnotify.Event) {
	op := opOf(ev)
	p := filepath.Clean(ev.Name)
	if op == 0 {
		if ev.Has(fsnotify.Chmod) {
			s.chmod(p)
		}
		return
	}
	if p == s.w.root {
		if op&(Remove|Rename) != 0 {
			s.checkRoot()
		}
		return
	}
	dir := filepath.Dir(p)
	if _, ok := s.tree[dir]; ok {
		if op&(Remove|Rename) != 0 {
			s.removePath(p, goneOp(op))
		}
		if op&Create != 0 || (op&Write != 0 && s.tree[dir][filepath.Base(p)] == kindNone) {
			// A write to an entry never seen created is learnt the same way.
			s.createPath(p)
		} else if op&Write != 0 && s.tree[dir][filepath.Base(p)] == kindFile {
			s.note(p, 0)
		}
		return
	}
	if _, ok := s.extraDirs[dir]; ok {
		if _, ok := s.extra[p]; ok {
			if op&(Remove|Rename) != 0 {
				s.note(p, goneOp(op))
				s.extra[p] = false
			}
			if op&(Create|Write) != 0 {
				s.note(p, 0)
				s.extra[p] = true
			}
		}
		return
	}
	if _, ok := s.extraDirs[p]; ok && op&(Remove|Rename) != 0 {
		s.extraDirGone(p) // the folder of extra files itself
	}
}

// chmod reports a known file whose attributes changed as written. Its
// content is the same, but whether it can be read is not: a route that
// failed with "permission denied" must rebuild when chmod makes it readable
// again, and nothing else would tell. It also makes `touch` ask for a
// rebuild, as people expect; a spurious one costs a few milliseconds.
// Folders are left out: their own chmod says nothing about any file.
func (s *state) chmod(p string) {
	if entries, ok := s.tree[filepath.Dir(p)]; ok {
		if entries[filepath.Base(p)] == kindFile {
			s.note(p, 0)
		}
		return
	}
	if s.extra[p] {
		s.note(p, 0)
	}
}

// createPath learns a new entry of a watched folder: a folder gets watches
// and is scanned, a file is noted.
func (s *state) createPath(p string) {
	entries := s.tree[filepath.Dir(p)]
	name := filepath.Base(p)
	fi, err := os.Lstat(p)
	if err == nil && fi.IsDir() {
		if entries[name] != kindNone {
			// A file became a folder, or a folder was moved over this one
			// (or this is a second event for a folder just scanned: then
			// forgetting and scanning again costs little and loses nothing).
			s.removePath(p, Remove)
		}
		if s.w.opts.Ignore(p, true) {
			entries[name] = kindIgnored
		} else if err := s.addTree(p, nil); err != nil && !errors.Is(err, fs.ErrNotExist) {
			s.w.sendError(fmt.Errorf("watch: cannot watch %s: %w", p, err))
		}
		s.reviveExtraDirs(p)
		return
	}
	// A file, or gone already (the event of its removal follows, and the
	// two cancel out in the batch).
	if entries[name] == kindDir {
		s.removePath(p, Remove) // a folder became a file
	}
	if !s.wanted(p) {
		return
	}
	s.note(p, 0)
	entries[name] = kindFile
}

// addTree watches dir and every folder below it and learns their entries,
// noting each one the watcher did not know. The watch on a folder is added
// before the folder is listed, so an entry created meanwhile is either
// listed or reported by the watch. seen, if not nil, collects every path
// visited. The error is for dir itself.
func (s *state) addTree(dir string, seen map[string]bool) error {
	root := s.w.root
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && d == nil {
				return err // dir itself is gone
			}
			if !errors.Is(err, fs.ErrNotExist) {
				s.w.sendError(err) // a folder we cannot list
			}
			return nil
		}
		if seen != nil {
			seen[p] = true
		}
		entries := s.tree[filepath.Dir(p)]
		name := filepath.Base(p)
		if p != root && entries == nil {
			return filepath.SkipDir // its parent could not be watched
		}
		if d.IsDir() {
			if p != root && s.w.opts.Ignore(p, true) {
				entries[name] = kindIgnored
				return filepath.SkipDir
			}
			if _, ok := s.tree[p]; !ok {
				if err := s.w.fw.Add(p); err != nil {
					if p == dir {
						return err
					}
					if !errors.Is(err, fs.ErrNotExist) {
						s.w.sendError(fmt.Errorf("watch: cannot watch %s: %w", p, err))
					}
					return filepath.SkipDir
				}
				s.tree[p] = map[string]kind{}
			}
			if p == root {
				if !s.rootOK {
					s.note(p, 0)
					s.rootOK = true
				}
				return nil
			}
			if entries[name] != kindDir {
				s.note(p, 0)
				entries[name] = kindDir
			}
			return nil
		}
		if entries[name] != kindFile && s.wanted(p) {
			s.note(p, 0)
			entries[name] = kindFile
		}
		return nil
	})
}

// removePath forgets an entry of a watched folder, and everything below it.
func (s *state) removePath(p string, gone Op) {
	entries := s.tree[filepath.Dir(p)]
	name := filepath.Base(p)
	k := entries[name]
	if k != kindNone {
		s.forget(p, k, gone)
		delete(entries, name)
	}
	s.extraDirsGoneUnder(p)
}

// forget notes p and all it holds as gone and drops their watches.
func (s *state) forget(p string, k kind, gone Op) {
	if k == kindIgnored {
		return
	}
	s.note(p, gone)
	if k != kindDir {
		return
	}
	for name, ck := range s.tree[p] {
		s.forget(filepath.Join(p, name), ck, gone)
	}
	delete(s.tree, p)
	s.unwatch(p)
}

// unwatch drops the fsnotify watch on dir unless the tree or an extra file
// still needs it. Errors are expected: the OS drops the watch of a deleted
// folder by itself.
func (s *state) unwatch(dir string) {
	if _, ok := s.tree[dir]; ok {
		return
	}
	if ed := s.extraDirs[dir]; ed != nil && ed.watched {
		return
	}
	_ = s.w.fw.Remove(dir)
}

// addRoot watches the root, reporting it and its content as created when
// report is set (the root came back).
func (s *state) addRoot(fi os.FileInfo, report bool) error {
	s.quiet = !report
	defer func() { s.quiet = false }()
	if err := s.addTree(s.w.root, nil); err != nil {
		return err
	}
	s.rootInfo = fi
	return nil
}

// checkRoot notices the root being removed, moved or replaced by another
// folder, and coming back. The OS reports the first two through the root's
// watch, but not a parent folder being moved, and never the root coming
// back: the tick covers those.
func (s *state) checkRoot() {
	fi, err := os.Stat(s.w.root)
	present := err == nil && fi.IsDir()
	if s.rootOK && (!present || !os.SameFile(fi, s.rootInfo)) {
		s.note(s.w.root, Remove)
		for name, k := range s.tree[s.w.root] {
			s.forget(filepath.Join(s.w.root, name), k, Remove)
		}
		delete(s.tree, s.w.root)
		s.unwatch(s.w.root)
		s.rootOK = false
		s.rootInfo = nil
		s.extraDirsGoneUnder(s.w.root)
	}
	if !s.rootOK && present {
		if err := s.addRoot(fi, true); err != nil {
			delete(s.tree, s.w.root) // try again at the next tick
			return
		}
		s.reviveExtraDirs(s.w.root)
	}
}

// resync rescans the whole tree after the OS dropped events: folders that
// appeared are watched, entries that appeared or vanished are reported.
// Writes to existing files cannot be recovered; Errors has told the reader.
func (s *state) resync() {
	s.checkRoot()
	if !s.rootOK {
		return
	}
	seen := map[string]bool{}
	_ = s.addTree(s.w.root, seen)
	var vanished []string
	for dir, entries := range s.tree {
		for name, k := range entries {
			if p := filepath.Join(dir, name); k != kindIgnored && !seen[p] {
				vanished = append(vanished, p)
			}
		}
	}
	sort.Strings(vanished) // parents first: their removal takes the children along
	for _, p := range vanished {
		if _, ok := s.tree[filepath.Dir(p)]; ok {
			s.removePath(p, Remove)
		}
	}
}

// setExtra replaces the set of extra files (WatchFiles).
func (s *state) setExtra(paths []string) error {
	var errs []error
	byDir := map[string][]string{}
	want := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !want[abs] {
			want[abs] = true
			byDir[filepath.Dir(abs)] = append(byDir[filepath.Dir(abs)], abs)
		}
	}
	for f := range s.extra {
		if !want[f] {
			delete(s.extra, f)
		}
	}
	for d, ed := range s.extraDirs {
		if byDir[d] == nil {
			delete(s.extraDirs, d)
			if ed.watched {
				s.unwatch(d)
			}
		}
	}
	dirs := make([]string, 0, len(byDir))
	for d := range byDir {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		ed := s.extraDirs[d]
		if ed == nil {
			ed = &extraDir{}
			s.extraDirs[d] = ed
		}
		ed.files = byDir[d]
		for _, f := range ed.files {
			if _, ok := s.extra[f]; ok {
				continue
			}
			fi, err := os.Lstat(f)
			s.extra[f] = err == nil
			if entries := s.tree[d]; entries != nil && err == nil && entries[filepath.Base(f)] == kindNone && !fi.IsDir() {
				entries[filepath.Base(f)] = kindFile // a file in the tree that Ignore skipped
			}
		}
		if err := s.watchExtraDir(d, ed, false); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// watchExtraDir adds the watch for a folder of extra files, unless the tree
// watches it already. A folder that does not exist is not an error: the
// tick watches it when it appears. With report, the extra files found are
// noted (the folder came back).
func (s *state) watchExtraDir(d string, ed *extraDir, report bool) error {
	if ed.watched {
		return nil
	}
	if _, ok := s.tree[d]; ok {
		return nil
	}
	fi, err := os.Stat(d)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err == nil && !fi.IsDir() {
		err = fmt.Errorf("watch: %s is not a folder", d)
	}
	if err == nil {
		err = s.w.fw.Add(d)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("watch: cannot watch %s: %w", d, err)
	}
	ed.watched, ed.info = true, fi
	if report {
		for _, f := range ed.files {
			_, err := os.Lstat(f)
			if ex := err == nil; ex != s.extra[f] {
				s.note(f, 0)
				s.extra[f] = ex
			}
		}
	}
	return nil
}

// extraDirGone notes the extra files of a folder that went away as gone,
// and drops its watch.
func (s *state) extraDirGone(d string) {
	ed := s.extraDirs[d]
	if ed == nil {
		return
	}
	if ed.watched {
		ed.watched, ed.info = false, nil
		s.unwatch(d)
	}
	for _, f := range ed.files {
		if s.extra[f] {
			if _, inTree := s.tree[d]; !inTree {
				s.note(f, Remove)
			}
			s.extra[f] = false
		}
	}
}

func (s *state) extraDirsGoneUnder(p string) {
	for d := range s.extraDirs {
		if within(p, d) {
			s.extraDirGone(d)
		}
	}
}

// reviveExtraDirs watches again the folders of extra files at or below p
// that had gone.
func (s *state) reviveExtraDirs(p string) {
	for d, ed := range s.extraDirs {
		if !ed.watched && within(p, d) {
			if err := s.watchExtraDir(d, ed, true); err != nil {
				s.w.sendError(err)
			}
		}
	}
}

// checkExtraDirs notices folders of extra files that were deleted or
// replaced (npm install rewrites package folders) and watches them again.
func (s *state) checkExtraDirs() {
	for d, ed := range s.extraDirs {
		if ed.watched {
			fi, err := os.Stat(d)
			if err == nil && os.SameFile(fi, ed.info) {
				continue
			}
			s.extraDirGone(d)
		}
		if err := s.watchExtraDir(d, ed, true); err != nil {
			s.w.sendError(err)
		}
	}
}

// within reports whether p is dir or inside it.
func within(dir, p string) bool {
	if p == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(p, dir)
}
