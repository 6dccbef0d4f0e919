package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
)

// Settings are the user's, kept in the config folder (not in projects).
type Settings struct {
	Editor      string   `json:"editor"`
	Recent      []string `json:"recent"`
	LastProject string   `json:"lastProject"`
	Theme       string   `json:"theme"`
}

const maxRecent = 10

type settingsStore struct {
	path string
	mu   sync.Mutex
}

func newSettingsStore(path string) *settingsStore { return &settingsStore{path: path} }

// get reads the settings; a missing file gives the defaults. A file that
// is not JSON is an error that names it, and is left as it is.
func (s *settingsStore) get() (Settings, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readLocked()
}

func (s *settingsStore) readLocked() (Settings, error) {
	st := Settings{Theme: "system", Recent: []string{}}
	b, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return st, fmt.Errorf("%s is not valid JSON (%v): fix or delete it", s.path, err)
	}
	if st.Recent == nil {
		st.Recent = []string{}
	}
	if st.Theme == "" {
		st.Theme = "system"
	}
	return st, nil
}

func (s *settingsStore) update(fn func(*Settings)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.readLocked()
	if err != nil {
		return err
	}
	fn(&st)
	return writeJSONAtomic(s.path, st)
}

// opened records dir as the last and most recent project.
func (s *settingsStore) opened(dir string) error {
	return s.update(func(st *Settings) {
		st.LastProject = dir
		recent := []string{dir}
		for _, r := range st.Recent {
			if r != dir && len(recent) < maxRecent {
				recent = append(recent, r)
			}
		}
		st.Recent = recent
	})
}
