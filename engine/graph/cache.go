package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// The package bundle on disk.
//
// Bundling and converting zod and hono takes a few hundred milliseconds,
// the largest part of a project's first answer, and gives the same result
// for the same package files whatever the project: so the converted chunks
// are kept under the user's cache folder (as Vite keeps its optimized
// dependencies), keyed by the package files the project imports, and
// checked against the content of every file the bundle read before use. A
// second start, or another copy of the project, then compiles the chunks
// and skips esbuild. EDGEPLAY_CACHE_DIR moves the cache; "off" turns it
// off.

// cacheVersion names the form of what is cached: change it whenever the
// conversion, the build options or the chunk format change.
const cacheVersion = "edgeplay-vendor-3"

// maxCacheEntries bounds the cache folder: the oldest entries go first.
const maxCacheEntries = 64

type diskCache struct {
	dir string // "" when off
}

func newDiskCache() *diskCache {
	dir := os.Getenv("EDGEPLAY_CACHE_DIR")
	switch {
	case dir == "off":
		return &diskCache{}
	case dir == "":
		base, err := os.UserCacheDir()
		if err != nil {
			return &diskCache{}
		}
		dir = filepath.Join(base, "edgeplay", "packages")
	}
	return &diskCache{dir: dir}
}

type cacheEntry struct {
	Version string            `json:"version"`
	Entries []string          `json:"entries"` // project-relative
	Inputs  map[string]string `json:"inputs"`  // project-relative path -> sha256 of the content
	Chunks  []chunk           `json:"chunks"`
}

// key names the cache entry of a bundle of entries.
func (c *diskCache) key(g *Graph, entries []string) (string, []string) {
	rel := make([]string, len(entries))
	for i, e := range entries {
		rel[i] = g.rel(e)
	}
	sort.Strings(rel)
	h := sha256.New()
	h.Write([]byte(cacheVersion + "\x00" + g.opts.NodeEnv + "\x00" + strings.Join(rel, "\x00")))
	return hex.EncodeToString(h.Sum(nil))[:32], rel
}

// load returns the cached bundle of entries, if every file it read is as
// it was.
func (c *diskCache) load(g *Graph, entries []string) ([]chunk, map[string]bool, diag.List, bool) {
	if c.dir == "" {
		return nil, nil, nil, false
	}
	key, rel := c.key(g, entries)
	raw, err := os.ReadFile(filepath.Join(c.dir, key+".json"))
	if err != nil {
		return nil, nil, nil, false
	}
	var ce cacheEntry
	if json.Unmarshal(raw, &ce) != nil || ce.Version != cacheVersion || strings.Join(ce.Entries, "\x00") != strings.Join(rel, "\x00") {
		return nil, nil, nil, false
	}
	inputs := map[string]bool{}
	for p, sum := range ce.Inputs {
		abs := filepath.Join(g.root, filepath.FromSlash(p))
		if fileSum(abs) != sum {
			return nil, nil, nil, false
		}
		inputs[abs] = true
	}
	now := []byte{}
	_ = os.WriteFile(filepath.Join(c.dir, key+".used"), now, 0o644) // for pruning: most recently used
	return ce.Chunks, inputs, nil, true
}

// store writes the bundle of entries. Failures only cost the next start
// its speed.
func (c *diskCache) store(g *Graph, entries []string, chunks []chunk, inputs map[string]bool) {
	if c.dir == "" {
		return
	}
	key, rel := c.key(g, entries)
	ce := cacheEntry{Version: cacheVersion, Entries: rel, Inputs: map[string]string{}, Chunks: chunks}
	for abs := range inputs {
		sum := fileSum(abs)
		if sum == "" {
			return
		}
		ce.Inputs[g.rel(abs)] = sum
	}
	raw, err := json.Marshal(ce)
	if err != nil || os.MkdirAll(c.dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, key+".*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(raw)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(c.dir, key+".json")) != nil {
		os.Remove(tmp.Name())
		return
	}
	c.prune()
}

// prune keeps the newest maxCacheEntries entries.
func (c *diskCache) prune() {
	files, err := filepath.Glob(filepath.Join(c.dir, "*.json"))
	if err != nil || len(files) <= maxCacheEntries {
		return
	}
	type aged struct {
		path string
		mod  int64
	}
	var all []aged
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			continue
		}
		mod := fi.ModTime().UnixNano()
		if u, err := os.Stat(strings.TrimSuffix(f, ".json") + ".used"); err == nil && u.ModTime().UnixNano() > mod {
			mod = u.ModTime().UnixNano()
		}
		all = append(all, aged{f, mod})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].mod > all[j].mod })
	for _, a := range all[min(maxCacheEntries, len(all)):] {
		os.Remove(a.path)
		os.Remove(strings.TrimSuffix(a.path, ".json") + ".used")
	}
}

func fileSum(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
