package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/edgeplay/edgeplay/engine/traffic"
)

// ComposerRequest is a request as the composer edits it.
type ComposerRequest struct {
	Method  string           `json:"method"`
	URL     string           `json:"url"`
	Headers []traffic.Header `json:"headers"`
	// Body is text; for BodyKind "file" it is the file's bytes in base64.
	Body     string `json:"body"`
	BodyKind string `json:"bodyKind"` // none, text, json, form, file
}

// SavedRequest is a composer request saved in the project as
// .edgeplay/requests/<id>.json: one file per request, plain JSON with a
// stable key order, so it can be committed and reviewed.
type SavedRequest struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	ComposerRequest
}

// HistoryEntry is a request the composer sent.
type HistoryEntry struct {
	ComposerRequest
	Time   time.Time `json:"time"`
	Status int       `json:"status"`
	Seq    uint64    `json:"seq"`
}

const maxHistory = 200

// requestStore keeps a project's saved requests and composer history.
// History is .edgeplay/history.json; like the saved requests it is
// written atomically, so a crash never loses what was there.
type requestStore struct {
	dir string // <project>/.edgeplay
	mu  sync.Mutex
	h   []HistoryEntry
	hOK bool
}

func newRequestStore(root string) *requestStore {
	return &requestStore{dir: filepath.Join(root, ".edgeplay")}
}

var idRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,80}$`)

func (s *requestStore) path(id string) (string, error) {
	if !idRe.MatchString(id) {
		return "", fmt.Errorf("invalid request id %q: lower-case letters, digits and dashes", id)
	}
	return filepath.Join(s.dir, "requests", id+".json"), nil
}

// list reads every saved request, sorted by name. A file that is not a
// valid request is skipped and named in the error only if nothing could
// be read, so one bad file never hides the others.
func (s *requestStore) list() ([]SavedRequest, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ents, err := os.ReadDir(filepath.Join(s.dir, "requests"))
	if errors.Is(err, fs.ErrNotExist) {
		return []SavedRequest{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := []SavedRequest{}
	var bad []string
	for _, e := range ents {
		name := e.Name()
		// A writer killed mid-save leaves its temp file (the saved file
		// itself is intact: writeFileAtomic renames only complete files).
		// Sweep ones old enough that no save can still be writing them.
		if strings.HasPrefix(name, ".") && strings.Contains(name, ".tmp-") {
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Minute {
				_ = os.Remove(filepath.Join(s.dir, "requests", name))
			}
			continue
		}
		if e.IsDir() || !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.dir, "requests", name))
		var r SavedRequest
		if err == nil {
			err = json.Unmarshal(b, &r)
		}
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		r.ID = strings.TrimSuffix(name, ".json")
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	if len(out) == 0 && len(bad) > 0 {
		return out, fmt.Errorf("no saved request could be read: %s", strings.Join(bad, "; "))
	}
	return out, nil
}

var slugRe = regexp.MustCompile(`[^a-z0-9]+`)

func (s *requestStore) save(r SavedRequest) (SavedRequest, error) {
	if strings.TrimSpace(r.Name) == "" {
		return r, errors.New("a saved request needs a name")
	}
	if r.Method == "" {
		r.Method = "GET"
	}
	if r.Headers == nil {
		r.Headers = []traffic.Header{}
	}
	if r.ID == "" {
		slug := strings.Trim(slugRe.ReplaceAllString(strings.ToLower(r.Name), "-"), "-")
		if len(slug) > 40 {
			slug = slug[:40]
		}
		if slug == "" {
			slug = "request"
		}
		r.ID = slug + "-" + randomID(3)
	}
	p, err := s.path(r.ID)
	if err != nil {
		return r, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return r, writeJSONAtomic(p, r)
}

func (s *requestStore) remove(id string) error {
	p, err := s.path(id)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

func (s *requestStore) loadHistoryLocked() {
	if s.hOK {
		return
	}
	s.hOK = true
	b, err := os.ReadFile(filepath.Join(s.dir, "history.json"))
	if err == nil {
		_ = json.Unmarshal(b, &s.h) // a damaged history starts afresh; it is rewritten on the next send
	}
}

func (s *requestStore) history() []HistoryEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loadHistoryLocked()
	return append([]HistoryEntry{}, s.h...)
}

func (s *requestStore) addHistory(e HistoryEntry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loadHistoryLocked()
	s.h = append([]HistoryEntry{e}, s.h...)
	if len(s.h) > maxHistory {
		s.h = s.h[:maxHistory]
	}
	return writeJSONAtomic(filepath.Join(s.dir, "history.json"), s.h)
}
