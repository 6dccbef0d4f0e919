package engine

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/edgeplay/edgeplay/engine/bundle"
	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge"
	"github.com/edgeplay/edgeplay/engine/routes"
	"github.com/edgeplay/edgeplay/engine/server"
)

// Build states of a route.
const (
	StateBuilding = "building"
	StateOK       = "ok"
	StateFailed   = "failed"
	StateNode     = "nodejs" // a Node.js route: listed, not run
)

// RouteInfo is a route as the UI and `check` show it.
type RouteInfo struct {
	Pattern  string         `json:"pattern"` // "/api/users/[id]"
	File     string         `json:"file"`    // "pages/api/users/[id].ts"
	Runtime  string         `json:"runtime"` // "edge" or "nodejs"
	State    string         `json:"state"`
	Build    *bundle.Result `json:"build,omitempty"`
	Diags    diag.List      `json:"diagnostics,omitempty"`
	BuiltAt  time.Time      `json:"builtAt,omitempty"`
	Oversize bool           `json:"oversize,omitempty"`
}

// entry is one route's build state and generation.
type entry struct {
	e     *Engine
	route *routes.Route
	state *server.RouteState

	buildMu sync.Mutex  // one build at a time per route
	queued  atomic.Bool // Engine.buildSoon started a build that has not begun
	built   atomic.Bool // a build finished (or started while wanted)
	wanted  atomic.Bool // a request asked for the route before its first build

	mu      sync.Mutex
	gen     *edge.Generation
	runtime bundle.Runtime
	last    *bundle.Result // the route's last analysis: sizes, modules, deploy diagnostics
	prev    *bundle.Result // the analysis before last with a size, for size deltas
	diags   diag.List      // everything: config, module builds, dynamic code, the analysis
	modDiag diag.List      // the module builds' part of diags (config and dynamic code included)
	status  string
	builtAt time.Time
	dur     time.Duration // the last build's
	files   map[string]bool
	closed  bool
	builds  int // builds reported so far
}

func newEntry(e *Engine, r *routes.Route) *entry {
	en := &entry{e: e, route: r, state: server.NewRouteState(r), status: StateBuilding}
	en.state.OnWait = en.want
	return en
}

// want builds the route now, ahead of the start-up queue: a request waits
// for it. Goroutine-safe; only the first call builds.
func (en *entry) want() {
	if en.built.Load() || !en.wanted.CompareAndSwap(false, true) {
		return
	}
	e := en.e
	e.spawn(func() {
		e.foreground.Add(1)
		defer e.foreground.Add(-1)
		en.buildOnce()
	})
}

// buildOnce builds the route unless a build already ran (start-up, where a
// request may have had it built first).
func (en *entry) buildOnce() {
	en.buildMu.Lock()
	done := en.built.Load()
	en.buildMu.Unlock()
	if !done {
		en.build()
	}
}

func (en *entry) info() RouteInfo {
	en.mu.Lock()
	defer en.mu.Unlock()
	ri := RouteInfo{Pattern: en.route.Pattern, File: en.route.File, Runtime: string(en.runtime), State: en.status,
		Build: en.last, Diags: en.diags, BuiltAt: en.builtAt}
	if ri.Runtime == "" {
		ri.Runtime = string(bundle.RuntimeEdge)
	}
	if en.last != nil {
		ri.Oversize = en.last.Gzip > en.last.Limit
	}
	return ri
}

func (en *entry) failed() bool {
	en.mu.Lock()
	defer en.mu.Unlock()
	return en.status == StateFailed
}

func (en *entry) inputFiles() []string {
	en.mu.Lock()
	defer en.mu.Unlock()
	out := make([]string, 0, len(en.files))
	for f := range en.files {
		out = append(out, f)
	}
	return out
}

func (en *entry) usesAny(paths map[string]bool) bool {
	en.mu.Lock()
	defer en.mu.Unlock()
	for p := range paths {
		if en.files[p] {
			return true
		}
	}
	return false
}

func (en *entry) close() {
	en.buildMu.Lock()
	defer en.buildMu.Unlock()
	en.mu.Lock()
	en.closed = true
	g := en.gen
	en.gen = nil
	en.mu.Unlock()
	en.state.Close()
	if g != nil {
		g.Close()
	}
}

// isEdge reports whether the route's last build found it an edge route.
func (en *entry) isEdge() bool {
	en.mu.Lock()
	defer en.mu.Unlock()
	return en.runtime == bundle.RuntimeEdge && en.status != StateNode
}

// build reads the route's config, bundles it, compiles it and swaps the
// new generation in. In-flight requests finish on the old one.
func (en *entry) build() {
	en.buildMu.Lock()
	defer en.buildMu.Unlock()
	defer en.built.Store(true)
	en.queued.Store(false) // from here on, a change needs a build of its own
	en.mu.Lock()
	if en.closed {
		en.mu.Unlock()
		return
	}
	en.status = StateBuilding
	en.mu.Unlock()
	info := en.info()
	en.e.bus.publish(Event{Type: EventBuildStart, Route: &info})

	r := en.route
	abs := filepath.Join(en.e.root, filepath.FromSlash(r.File))
	src, err := os.ReadFile(abs)
	if err != nil {
		en.fail(nil, diag.List{readError(r.File, err)}, map[string]bool{abs: true})
		return
	}
	if d, bad := notSource(r.File, src); bad {
		en.fail(nil, diag.List{d}, map[string]bool{abs: true})
		return
	}
	runtime, cfg := bundle.DetectRuntime(r.File, r.Pattern, src)
	if cfg.HasErrors() {
		en.setRuntime(bundle.RuntimeNodeJS)
		en.fail(nil, cfg, map[string]bool{abs: true})
		return
	}
	if runtime == bundle.RuntimeNodeJS {
		if errs := bundle.CheckSyntax(r.File, src); errs.HasErrors() {
			en.fail(nil, append(cfg, errs...), map[string]bool{abs: true})
			return
		}
		en.nodeRoute(cfg, abs)
		return
	}
	en.setRuntime(bundle.RuntimeEdge)
	u, err := en.e.graph.Load(r.File)
	if err != nil {
		en.fail(nil, append(cfg, diag.Errorf(diag.IDBuild, "%v", err).At(r.File, 0, 0)), map[string]bool{abs: true})
		return
	}
	diags := append(append(diag.List(nil), cfg...), u.Diags...)
	files := map[string]bool{abs: true}
	for _, f := range u.Files {
		files[f] = true
	}
	for _, d := range u.Diags {
		// The files the errors point at: a fix saved there rebuilds.
		if l := d.Location; l != nil && l.File != "" && !strings.Contains(l.File, ":") {
			files[filepath.Join(en.e.root, filepath.FromSlash(l.File))] = true
		}
	}
	id := int(en.e.buildIDs.Add(1))
	if u.Failed() {
		en.mu.Lock()
		en.modDiag, en.dur = diags, u.Duration
		en.mu.Unlock()
		en.fail(nil, en.withAnalysis(diags), files)
		return
	}
	script, err := edge.NewModuleScript(r.File, r.Pattern, id, u.Entry, u.Modules)
	if err != nil {
		en.fail(nil, append(diags, toDiag(err, r.File)), files)
		return
	}
	diags = append(diags, script.DynamicCode...)
	gen := edge.NewGeneration(script, en.e.edgeOptions(r.Pattern))
	en.mu.Lock()
	old := en.gen
	en.gen = gen
	en.modDiag, en.dur = diags, u.Duration
	en.diags, en.files = en.withAnalysisLocked(diags), files
	en.status, en.builtAt = StateOK, time.Now()
	oversize := en.last != nil && en.last.Gzip > en.last.Limit
	en.mu.Unlock()
	// The route's isolates carry over, keeping the instances of the
	// modules the build did not change (zod's, say); when none could, and
	// the route is in use, one is set up ahead of the next request.
	if old != nil && gen.Adopt(old) == 0 && old.Isolates() > 0 {
		gen.Warm()
	}
	en.state.Set(&server.Snapshot{Gen: gen, BuildID: id, Oversize: oversize})
	if old != nil {
		old.Close()
	}
	en.e.analyzeSoon()
	en.report(en.diagList())
}

// withAnalysis adds the last analysis's diagnostics (Node.js imports,
// size, esbuild's warnings) to the module builds' ones, each once.
func (en *entry) withAnalysis(diags diag.List) diag.List {
	en.mu.Lock()
	defer en.mu.Unlock()
	return en.withAnalysisLocked(diags)
}

func (en *entry) withAnalysisLocked(diags diag.List) diag.List {
	if en.last == nil {
		return diags
	}
	return diag.Union(diags, en.last.Diags)
}

func (en *entry) fileSet() map[string]bool {
	en.mu.Lock()
	defer en.mu.Unlock()
	return en.files
}

func (en *entry) diagList() diag.List {
	en.mu.Lock()
	defer en.mu.Unlock()
	return en.diags
}

// analyzed takes the route's new analysis; it reports whether anything the
// UI shows changed.
func (en *entry) analyzed(res *bundle.Result) bool {
	en.mu.Lock()
	if en.closed || en.status == StateNode || en.runtime != bundle.RuntimeEdge {
		en.mu.Unlock()
		return false
	}
	if en.last != nil && en.last.Raw > 0 && (res.Raw != en.last.Raw || res.Gzip != en.last.Gzip) {
		en.prev = en.last
	}
	changed := en.last == nil || res.Raw != en.last.Raw || res.Gzip != en.last.Gzip || res.Limit != en.last.Limit ||
		fmt.Sprint(res.Diags) != fmt.Sprint(en.last.Diags)
	en.last = res
	en.diags = en.withAnalysisLocked(en.modDiag)
	gen := en.gen
	cur := en.state.Current()
	ok := en.status == StateOK
	en.mu.Unlock()
	if ok && res.Failed() {
		// An error only the whole-route build finds (an import of a name
		// the module does not export): the route does not deploy.
		en.fail(nil, en.withAnalysis(en.modDiag), en.fileSet())
		return true
	}
	if cur != nil && cur.Gen == gen && gen != nil {
		over := res.Gzip > res.Limit
		if cur.Oversize != over {
			snap := *cur
			snap.Oversize = over
			en.state.Replace(&snap)
		}
	}
	return changed
}

func (en *entry) setRuntime(rt bundle.Runtime) {
	en.mu.Lock()
	en.runtime = rt
	en.mu.Unlock()
}

// buildPair returns the last build and the successful one before it.
func (en *entry) buildPair() (last, prev *bundle.Result) {
	en.mu.Lock()
	defer en.mu.Unlock()
	return en.last, en.prev
}

// nodeRoute lists a Node.js route and answers it with 501.
func (en *entry) nodeRoute(cfg diag.List, abs string) {
	en.setRuntime(bundle.RuntimeNodeJS)
	en.mu.Lock()
	old := en.gen
	en.gen = nil
	en.last, en.diags, en.files = nil, cfg, map[string]bool{abs: true}
	en.status, en.builtAt = StateNode, time.Now()
	en.mu.Unlock()
	en.state.Set(&server.Snapshot{Status: 501, Body: NodeRouteMessage(en.route.File)})
	if old != nil {
		old.Close()
	}
	en.report(cfg)
}

// NodeRouteMessage is the body of a Node.js route's 501 answer.
func NodeRouteMessage(file string) string {
	return fmt.Sprintf("%s is a Node.js API route: it does not export `runtime: 'edge'` in its config.\n"+
		"edgeplay runs edge routes. Run this route with `next dev`, or make it an edge route by adding:\n\n"+
		"    export const config = { runtime: 'edge' }\n", file)
}

// fail publishes a failed build: the route answers 500 with the errors,
// never stale code.
func (en *entry) fail(res *bundle.Result, diags diag.List, files map[string]bool) {
	en.mu.Lock()
	old := en.gen
	en.gen = nil
	if res != nil {
		en.last = res
	}
	en.diags, en.files = diags, files
	en.status, en.builtAt = StateFailed, time.Now()
	en.mu.Unlock()
	id := 0
	if res != nil {
		id = res.ID
	}
	en.state.Set(&server.Snapshot{Status: 500, BuildID: id, Body: failureBody(en.route.File, diags)})
	if old != nil {
		old.Close()
	}
	en.report(diags)
}

// readError says why a route file cannot be read and what to do about it;
// Go's "open /abs/path: permission denied" says neither in the user's terms.
// The OS's own words follow as a note.
func readError(file string, err error) diag.Message {
	var text string
	switch {
	case errors.Is(err, fs.ErrPermission):
		text = fmt.Sprintf("edgeplay is not allowed to read %s (permission denied). Make it readable, e.g. chmod a+r '%s'; the route rebuilds as soon as its permissions change.", file, file)
	case errors.Is(err, syscall.ELOOP):
		text = fmt.Sprintf("%s is a symbolic link that loops: it points, directly or through other links, back at itself. Point it at the route's source file, or replace it with the file.", file)
	case errors.Is(err, fs.ErrNotExist):
		text = fmt.Sprintf("%s cannot be opened: it is a symbolic link to a file that does not exist, or it was deleted. Restore the file, or remove the link.", file)
	default:
		text = fmt.Sprintf("cannot read the route file %s.", file)
	}
	return diag.Errorf(diag.IDBuild, "%s", text).At(file, 0, 0).WithNote(err.Error(), nil)
}

// notSource recognises a route file that is not source text. esbuild would
// parse it anyway and answer with a screenful of "Unexpected" errors that
// quote the binary bytes; one message that says what the file is, at the
// first byte that gives it away, helps more. A NUL byte is the test (as
// git's): it never occurs in real source, while text in a legacy 8-bit
// encoding, which esbuild reads fine, would fail a UTF-8 check.
func notSource(file string, src []byte) (diag.Message, bool) {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return diag.Errorf(diag.IDBuild, "%s is UTF-16 text, but JavaScript and TypeScript sources must be UTF-8. Save it as UTF-8 (in VS Code: click the encoding in the status bar, then Save with Encoding, UTF-8).", file).At(file, 1, 0), true
	}
	i := bytes.IndexByte(src, 0)
	if i < 0 {
		return diag.Message{}, false
	}
	line := 1 + bytes.Count(src[:i], []byte{'\n'})
	col := i - (bytes.LastIndexByte(src[:i], '\n') + 1)
	return diag.Errorf(diag.IDBuild, "%s is not a text file, so it cannot be JavaScript or TypeScript: it holds binary data (a NUL byte at offset %d). Every %s file under the api folder is a route: replace it with the route's source code, or move it out of the api folder.",
		file, i, filepath.Ext(file)).At(file, line, col), true
}

func failureBody(file string, diags diag.List) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Failed to compile %s\n\n", file)
	for _, d := range diags {
		if d.Kind == diag.Error {
			b.WriteString(d.Format())
		}
	}
	b.WriteString("\nedgeplay rebuilds the route when you save a fix.\n")
	return b.String()
}

func toDiag(err error, file string) diag.Message {
	if m, ok := err.(diag.Message); ok {
		return m
	}
	return diag.Errorf(diag.IDBuild, "%v", err).At(file, 0, 0)
}

// report prints the build's problems and publishes the build event. The
// first build of every route is summed up by the ready line; later ones,
// which follow a save, each get a line of their own.
func (en *entry) report(diags diag.List) {
	for _, d := range diags {
		if d.Kind == diag.Error || d.Kind == diag.Warning {
			en.e.logf("%s", d.Format())
		}
	}
	info := en.info()
	en.mu.Lock()
	en.builds++
	rebuilt := en.builds > 1
	en.mu.Unlock()
	if rebuilt {
		switch info.State {
		case StateOK:
			en.mu.Lock()
			dur := en.dur
			en.mu.Unlock()
			en.e.logf(" ✓ Compiled %s in %s\n", info.Pattern, roundDuration(dur))
		case StateFailed:
			en.e.logf(" ⨯ Failed to compile %s: it answers 500 until a save fixes it\n", info.File)
		case StateNode:
			en.e.logf(" ○ %s is a Node.js route now: it answers 501\n", info.Pattern)
		}
	}
	en.e.bus.publish(Event{Type: EventBuild, Route: &info})
}

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}
