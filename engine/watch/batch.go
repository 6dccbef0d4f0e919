package watch

import (
	"sort"
	"time"
)

// pend is what happened to one path since the last batch that reported it.
//
// Events alone cannot say what a save did (an atomic save is a Create of a
// file that already existed; a temporary file is created and renamed away),
// so a path's entry remembers what the watcher knew of it before its first
// event, and the batch compares that with what it knows now.
type pend struct {
	before, beforeDir bool   // existed (as a folder) before the window
	base              uint64 // events with a generation above base belong to the window
	last              uint64 // generation of the last event
	removedAt         uint64 // generation of the last removal, 0 if none
	gone              Op     // Remove or Rename: how it last went away

	// What the batch on offer says about the path, to start the next
	// window from if events arrive after it was built.
	nowAtBuild, nowDirAtBuild bool
}

// netOp is the one thing a batch says about a path; 0 means nothing.
func netOp(e *pend, now, nowDir bool) Op {
	removed := e.removedAt > e.base
	switch {
	case !e.before && !now:
		return 0 // came and went within the window
	case !e.before:
		return Create
	case !now:
		if e.gone == 0 {
			return Remove
		}
		return e.gone
	case e.beforeDir != nowDir, removed && nowDir:
		return Create | Remove // replaced by something else, or a folder by a new one
	case nowDir:
		return 0 // a folder's own events say nothing its entries do not
	default:
		return Write
	}
}

// note records an event for p. It must be called before the knowledge
// about p is updated, so that a new entry captures the state before.
func (s *state) note(p string, gone Op) {
	if s.quiet {
		return
	}
	s.gen++
	e := s.pending[p]
	if e == nil {
		ex, dir := s.exists(p)
		e = &pend{before: ex, beforeDir: dir}
		s.pending[p] = e
	}
	e.last = s.gen
	if gone != 0 {
		e.removedAt = s.gen
		e.gone = gone
	}
}

// schedule arms the debounce timer after events: Debounce after the last
// one, but no later than MaxWait after the first one not yet in a batch.
func (s *state) schedule() {
	if s.gen == s.scheduled {
		return
	}
	s.scheduled = s.gen
	now := time.Now()
	if s.firstAt.IsZero() {
		s.firstAt = now
	}
	deadline := now.Add(s.w.opts.Debounce)
	if limit := s.firstAt.Add(s.w.opts.MaxWait); limit.Before(deadline) {
		deadline = limit
	}
	s.timer.Reset(max(deadline.Sub(now), 0))
}

// build turns the pending entries into the batch on offer (replacing any
// batch not yet received: it holds everything the old one did).
func (s *state) build() {
	s.firstAt = time.Time{}
	s.builtAt = s.gen
	var batch []Change
	for p, e := range s.pending {
		now, nowDir := s.exists(p)
		op := netOp(e, now, nowDir)
		if op == 0 {
			// Nothing to say; the knowledge already matches the state a
			// new entry would start from.
			delete(s.pending, p)
			continue
		}
		e.nowAtBuild, e.nowDirAtBuild = now, nowDir
		batch = append(batch, Change{Path: p, Op: op})
	}
	sort.Slice(batch, func(i, j int) bool { return batch[i].Path < batch[j].Path })
	s.offer = batch
}

// taken forgets what the received batch reported. A path with events after
// the batch was built stays, starting its next window from what the batch
// said.
func (s *state) taken() {
	for _, c := range s.offer {
		e := s.pending[c.Path]
		if e == nil {
			continue
		}
		if e.last <= s.builtAt {
			delete(s.pending, c.Path)
			continue
		}
		e.before, e.beforeDir = e.nowAtBuild, e.nowDirAtBuild
		e.base = s.builtAt
	}
	s.offer = nil
}
