package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/edgeplay/edgeplay/engine/bundle"
	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge"
	"github.com/edgeplay/edgeplay/engine/envfile"
	"github.com/edgeplay/edgeplay/engine/graph"
	"github.com/edgeplay/edgeplay/engine/routes"
	"github.com/edgeplay/edgeplay/engine/server"
	"github.com/edgeplay/edgeplay/engine/traffic"
	"github.com/edgeplay/edgeplay/engine/watch"
)

// Options configure an Engine.
type Options struct {
	Dir     string        // the project folder
	Host    string        // default 127.0.0.1
	Port    int           // default 3000; the next free port when taken; -1: any
	Timeout time.Duration // time to first byte, default 25 s
	MaxSize int           // gzip size limit, default 1 MB
	MaxBody int64         // request body limit, default 4.5 MB
	Env     []string      // the shell environment, default os.Environ()
	// Log receives what `edgeplay serve` prints: a line per request,
	// console output, build problems. nil prints nothing.
	Log io.Writer
	// NoWatch disables rebuilding on file changes.
	NoWatch bool
	// MaxHeap is what a request may grow the Go heap by, in bytes: past
	// it, the route running JS is stopped and answers 500 (default 1 GiB;
	// negative: no ceiling). WarnHeap: a request that grows the heap by
	// more than this gets a warning in its log (default 128 MB, the
	// platform's memory per Edge Function). See edge.Options.
	MaxHeap  int64
	WarnHeap int64
	// IsolateMemory is the memory the idle isolates of every route may
	// hold together (default edge.DefaultIsolateMemory); past it the least
	// recently used are given back. See edge.Options.
	IsolateMemory int64
}

// Engine serves one project.
type Engine struct {
	opts    Options
	root    string
	bus     bus
	journal *traffic.Journal
	srv     *server.Server
	ln      net.Listener
	watcher *watch.Watcher
	graph   *graph.Graph
	// buildIDs numbers route builds (Snapshot.BuildID).
	buildIDs atomic.Int64
	// foreground counts the builds a request waits for (entry.want): the
	// start-up builds of the other routes pause meanwhile, so that the
	// requested route has the CPU (esbuild and goja's compile of its
	// packages take a few hundred ms of it on two cores).
	foreground atomic.Int32
	// analysis: the analysis of every route's size and deploy
	// diagnostics runs on one goroutine, again when builds happened
	// meanwhile.
	anMu      sync.Mutex
	anPending bool // anTimer will start one
	anTimer   *time.Timer
	anRunning bool
	anAgain   bool
	anDone    chan struct{} // closed when no analysis runs or is due
	anRelease *time.Timer   // lets go of the analysis's caches once idle

	mu      sync.Mutex // guards the fields below
	table   *routes.Table
	entries map[string]*entry // by route file
	env     *envfile.Env
	diags   diag.List
	closed  bool
	apiDir  string // the api folder of the last scan that found one
	gone    string // why nothing is served (the api or project folder went away), or ""

	trimMu sync.Mutex
	trim   *time.Timer
	served atomic.Uint64 // exchanges ended, for trimAfterTraffic
	// lastTraffic is when a request last started, sent or ended (unix
	// ns): the analysis waits for a lull (runAnalysis).
	lastTraffic atomic.Int64

	logMu   sync.Mutex
	ready   chan struct{}
	serveWG sync.WaitGroup
	// builds counts the goroutines the engine starts (spawn) and the
	// analysis that is due; Close waits for them. Added to only under mu,
	// while not closed.
	builds sync.WaitGroup
	cancel context.CancelFunc
}

// New checks the project folder and prepares an engine; Start runs it.
func New(opts Options) (*Engine, error) {
	if opts.Host == "" {
		opts.Host = "127.0.0.1"
	}
	switch {
	case opts.Port == 0:
		opts.Port = 3000
	case opts.Port < 0:
		opts.Port = 0 // any free port (tests)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 25 * time.Second
	}
	if opts.MaxSize <= 0 {
		opts.MaxSize = bundle.DefaultLimit
	}
	if opts.Env == nil {
		opts.Env = os.Environ()
	}
	root, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a folder: give the folder of a Next.js project", opts.Dir)
	}
	apiDir, err := routes.FindDir(os.DirFS(root))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Dir, err)
	}
	e := &Engine{opts: opts, root: root, entries: map[string]*entry{}, ready: make(chan struct{}), apiDir: apiDir,
		graph: graph.New(graph.Options{Root: root})}
	e.anDone = make(chan struct{})
	close(e.anDone)
	e.journal = traffic.NewJournal(traffic.Options{Publish: func(te traffic.Event) {
		e.lastTraffic.Store(time.Now().UnixNano())
		if te.Kind == traffic.EventEnd {
			e.served.Add(1)
		}
		e.bus.publish(Event{Type: te.Kind, Traffic: &te})
	}})
	return e, nil
}

// Subscribe calls fn for every event, in order, on a goroutine of its own.
// The returned function unsubscribes (and waits for fn to return).
func (e *Engine) Subscribe(fn func(Event)) func() { return e.bus.subscribe(fn) }

// Journal is the traffic journal.
func (e *Engine) Journal() *traffic.Journal { return e.journal }

// Root is the project folder, absolute.
func (e *Engine) Root() string { return e.root }

// Ready is closed once every route has been built once.
func (e *Engine) Ready() <-chan struct{} { return e.ready }

// URL is the server's address, "http://127.0.0.1:3000".
func (e *Engine) URL() string {
	if e.ln == nil {
		return ""
	}
	return "http://" + e.ln.Addr().String()
}

// Start listens, builds every route, and watches the project. It returns
// once the server listens; routes answer as soon as their own build is
// done, and Ready closes when all are.
func (e *Engine) Start(ctx context.Context) error {
	ctx, e.cancel = context.WithCancel(ctx)
	e.srv = server.New(server.Options{Timeout: e.opts.Timeout, MaxBody: e.opts.MaxBody, Journal: e.journal, Log: e.opts.Log,
		Stats: func() any { return e.Stats() }})
	ln, err := server.Listen(e.opts.Host, e.opts.Port)
	if err != nil {
		return err
	}
	e.ln = ln
	if !e.opts.NoWatch {
		w, err := watch.New(e.root, watch.Options{Ignore: ignoreDir})
		if err != nil {
			e.logf("edgeplay: watching %s failed (%v); saves will not rebuild\n", e.root, err)
		} else {
			e.watcher = w
			go e.watchLoop(ctx)
		}
	}
	go func() {
		if err := edge.Prepare(); err != nil {
			e.logf("edgeplay: the edge runtime cannot start: %v\n", err)
		}
	}()
	e.loadEnv()
	// Every route is listed at once and built in the background; a request
	// for one not built yet has it built first (entry.want).
	first := e.rescan(true)
	// Served once the route table is in: a request before would find no
	// route and answer 404.
	e.serveWG.Add(1)
	go func() {
		defer e.serveWG.Done()
		if err := e.srv.Serve(ln); err != nil {
			e.logf("server: %v\n", err)
		}
	}()
	e.spawn(func() { e.buildAll(first, true) })
	go e.trimAfterTraffic(ctx)
	return nil
}

// trimAfterTraffic returns memory to the OS once a burst of requests is
// over (a second without any): a load test grows the heap to what the
// garbage collector's pacing allows, and a dev tool should not keep that
// for the rest of the day.
func (e *Engine) trimAfterTraffic(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	var last uint64
	busy := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		n := e.served.Load()
		switch {
		case n != last:
			busy = true
		case busy:
			busy = false
			debug.FreeOSMemory()
		}
		last = n
	}
}

// ignoreDir says which folders the watcher skips: dependencies, VCS and
// build output. Bundle inputs in them are watched one by one.
func ignoreDir(path string, isDir bool) bool {
	if !isDir {
		return false
	}
	switch filepath.Base(path) {
	case "node_modules", ".git", ".next", ".edgeplay", ".vercel", ".turbo":
		return true
	}
	return false
}

// Close stops the server, the watcher, every route and the subscribers.
func (e *Engine) Close() error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	entries := e.entries
	e.entries = map[string]*entry{}
	e.mu.Unlock()
	if e.cancel != nil {
		e.cancel()
	}
	e.trimMu.Lock()
	if e.trim != nil {
		e.trim.Stop()
	}
	e.trimMu.Unlock()
	var errs []error
	if e.watcher != nil {
		errs = append(errs, e.watcher.Close())
	}
	if e.srv != nil {
		errs = append(errs, e.srv.Close())
	}
	e.serveWG.Wait()
	for _, en := range entries {
		en.close()
	}
	e.stopAnalysis()
	e.builds.Wait()
	e.anMu.Lock()
	if e.anRelease != nil {
		e.anRelease.Stop()
	}
	e.anMu.Unlock()
	e.waitAnalysis()
	e.graph.Close()
	e.bus.close()
	return errors.Join(errs...)
}

// Diagnostics returns the project-level diagnostics (route conflicts, env
// file problems).
func (e *Engine) Diagnostics() diag.List {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append(diag.List(nil), e.diags...)
}

// Routes returns every route with its state, in match order.
func (e *Engine) Routes() []RouteInfo {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.routesLocked()
}

func (e *Engine) routesLocked() []RouteInfo {
	if e.table == nil {
		return nil
	}
	out := make([]RouteInfo, 0, len(e.table.Routes))
	for _, r := range e.table.Routes {
		if en := e.entries[r.File]; en != nil {
			out = append(out, en.info())
		}
	}
	return out
}

// Bundle returns the route's last build and the successful build before
// it (nil when there is none), for the bundle inspector's size deltas.
func (e *Engine) Bundle(file string) (info RouteInfo, last, prev *bundle.Result, err error) {
	e.mu.Lock()
	en := e.entries[file]
	e.mu.Unlock()
	if en == nil {
		return RouteInfo{}, nil, nil, fmt.Errorf("no route file %q in the project", file)
	}
	last, prev = en.buildPair()
	return en.info(), last, prev, nil
}

// Stats are counts that must stay flat while the engine runs for hours:
// the reliability runner (bench/reliability) reads them before and after
// load, saves and faults to prove nothing leaks.
type Stats struct {
	Goroutines int    `json:"goroutines"`
	Routes     int    `json:"routes"`
	Isolates   int    `json:"isolates"`    // live isolates over all routes
	Active     int    `json:"active"`      // invocations and streams in flight
	Bundlers   int    `json:"bundlers"`    // open esbuild contexts
	HeapAlloc  uint64 `json:"heapAlloc"`   // bytes
	Exchanges  int    `json:"exchanges"`   // in the journal
	Generation int    `json:"generations"` // live generations (one per edge route after a build)
	// Graph counts the build graph's modules and builds.
	Graph graph.Stats `json:"graph"`
}

// Stats counts the engine's live resources. Goroutine-safe.
func (e *Engine) Stats() Stats {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	st := Stats{Goroutines: runtime.NumGoroutine(), HeapAlloc: ms.HeapAlloc, Exchanges: len(e.journal.Exchanges())}
	e.mu.Lock()
	entries := make([]*entry, 0, len(e.entries))
	for _, en := range e.entries {
		entries = append(entries, en)
	}
	e.mu.Unlock()
	st.Routes = len(entries)
	st.Graph = e.graph.Stats()
	st.Bundlers = st.Graph.Contexts
	for _, en := range entries {
		en.mu.Lock()
		if en.gen != nil {
			st.Generation++
			st.Isolates += en.gen.Isolates()
			st.Active += en.gen.Active()
		}
		en.mu.Unlock()
	}
	return st
}

// Limit is the gzip size limit routes are held to.
func (e *Engine) Limit() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.opts.MaxSize
}

// SetLimit changes the size limit (a plan preset) and rebuilds every edge
// route against it. Goroutine-safe.
func (e *Engine) SetLimit(n int) error {
	if n <= 0 {
		return fmt.Errorf("the size limit must be positive, got %d", n)
	}
	e.mu.Lock()
	e.opts.MaxSize = n
	e.mu.Unlock()
	e.analyzeSoon()
	return nil
}

// loadEnv reads the env files.
func (e *Engine) loadEnv() {
	env, err := envfile.Load(e.root, e.opts.Env)
	if err != nil {
		e.logf("edgeplay: reading env files: %v\n", err)
		env = &envfile.Env{Vars: envMap(e.opts.Env)}
	}
	for _, d := range env.Diags {
		e.logf("%s", d.Format())
	}
	if len(env.Files) > 0 {
		var names []string
		for _, f := range env.Files {
			names = append(names, filepath.Base(f))
		}
		e.logf(" - Environments: %s\n", strings.Join(names, ", "))
	}
	e.mu.Lock()
	e.env = env
	e.mu.Unlock()
}

func envMap(env []string) map[string]string {
	m := make(map[string]string, len(env))
	for _, kv := range env {
		if i := strings.IndexByte(kv, '='); i > 0 {
			m[kv[:i]] = kv[i+1:]
		}
	}
	return m
}

// rescan reads the route table again, creates and removes entries, and
// returns the ones to build: the new ones (all of them when all is true).
func (e *Engine) rescan(all bool) []*entry {
	table, err := routes.Scan(os.DirFS(e.root))
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	// New checked that the api folder exists, so a scan that cannot find
	// it means it went away while serving: every route answers 404 then,
	// and the answer, the log and Diagnostics must say why and that the
	// routes come back when the folder does (the watcher reports that).
	var gone *diag.Message
	if err != nil {
		m := e.goneMessage(err)
		gone = &m
		table = &routes.Table{}
		if m.Text != e.gone {
			e.logf("%s", m.Format())
		}
		e.gone = m.Text
	} else {
		if e.gone != "" {
			e.logf(" ✓ %s is back: serving its routes again\n", table.Dir)
		}
		e.gone, e.apiDir = "", table.Dir
	}
	var removed []*entry
	var build []*entry
	next := map[string]*entry{}
	for _, r := range table.Routes {
		en := e.entries[r.File]
		if en == nil || en.route.Pattern != r.Pattern {
			if en != nil {
				removed = append(removed, en)
			}
			en = newEntry(e, r)
			build = append(build, en)
		} else {
			en.route = r
			if all {
				build = append(build, en)
			}
		}
		next[r.File] = en
	}
	for file, en := range e.entries {
		if next[file] != en {
			removed = append(removed, en)
		}
	}
	e.entries = next
	e.table = table
	e.diags = append(diag.List(nil), table.Diags...)
	if gone != nil {
		e.diags.Add(*gone)
	}
	diags := e.diags
	states := map[string]*server.RouteState{}
	for f, en := range next {
		states[f] = en.state
	}
	e.srv.SetTable(&server.Table{Routes: table, States: states, NotFound: notFoundHint(table, gone)})
	infos := e.routesLocked()
	e.mu.Unlock()

	for _, en := range removed {
		e.closeSoon(en)
	}
	if len(removed) > 0 {
		e.analyzeSoon() // the analysis drops them (and its contexts when no route is left)
	}
	for _, d := range table.Diags {
		e.logf("%s", d.Format())
	}
	e.bus.publish(Event{Type: EventDiagnostics, Diags: diags})
	e.bus.publish(Event{Type: EventRoutes, Routes: infos})
	return build
}

// buildSoon builds entries on a goroutine, so that the watch loop goes on
// to the next batch at once: built in line, a slow build (a 10 MB route
// took 5 s) held up the saves of every other route until it was done. An
// entry whose build is queued and not started yet is skipped: that build
// reads the files as they are when it starts, so a burst of saves still
// costs one build per route.
func (e *Engine) buildSoon(entries []*entry) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return
	}
	var run []*entry
	for _, en := range entries {
		if en.queued.CompareAndSwap(false, true) {
			run = append(run, en)
		}
	}
	if len(run) > 0 {
		e.spawnLocked(func() { e.buildAll(run, false) })
	}
}

// closeSoon closes a removed entry on a goroutine: closing waits for the
// route's build in progress, which must not hold up the watch loop either.
func (e *Engine) closeSoon(en *entry) {
	if !e.spawn(en.close) {
		en.close()
	}
}

// spawn runs fn on a goroutine that Close waits for, unless the engine is
// closed: then fn does not run and spawn reports false.
func (e *Engine) spawn(fn func()) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.spawnLocked(fn)
}

// spawnLocked is spawn with e.mu held. builds is added to only here, under
// e.mu and while not closed, so that Close's wait sees every goroutine.
func (e *Engine) spawnLocked(fn func()) bool {
	if e.closed {
		return false
	}
	e.builds.Add(1)
	go func() {
		defer e.builds.Done()
		fn()
	}()
	return true
}

// goneMessage explains a scan that found no api folder. Called with e.mu.
func (e *Engine) goneMessage(err error) diag.Message {
	m := diag.Message{Kind: diag.Error, ID: diag.IDProjectGone}
	if fi, serr := os.Stat(e.root); serr != nil || !fi.IsDir() {
		m.Text = fmt.Sprintf("The project folder %s is gone: it was deleted or moved while edgeplay was serving, so no route is served. "+
			"Put it back and edgeplay serves it again within a second; if the project moved, stop edgeplay and start it in the new place.", e.root)
		return m
	}
	m.Text = fmt.Sprintf("%s is gone: it was deleted or renamed while edgeplay was serving, so no route is served. "+
		"Restore it (undo the delete, or git checkout -- %s) and its routes come back, without a restart.", e.apiDir, e.apiDir)
	var dm diag.Message
	if errors.As(err, &dm) {
		m.Notes = append(m.Notes, diag.Note{Text: dm.Text})
	} else {
		m.Notes = append(m.Notes, diag.Note{Text: err.Error()})
	}
	return m
}

// notFoundHint explains the 404s the server cannot explain alone: every
// path when the api folder is gone, and a path that would reach a route if
// it were decoded (pages/api/café.ts: Next compares the encoded path, so
// no request reaches it; the route table warns, and so does the answer).
func notFoundHint(table *routes.Table, gone *diag.Message) func(string) string {
	if gone != nil {
		return func(string) string { return gone.Text + "\n" }
	}
	pagesDir := filepath.ToSlash(filepath.Dir(filepath.FromSlash(table.Dir)))
	return func(path string) string {
		dec, err := url.PathUnescape(path)
		if err != nil {
			return ""
		}
		// Under a folder link the scan did not follow: say so.
		for _, d := range table.Diags {
			if d.ID != diag.IDFolderLink || d.Location == nil {
				continue
			}
			page := strings.TrimPrefix(d.Location.File, pagesDir)
			if ext := filepath.Ext(page); routes.IsRouteFile(page) {
				page = strings.TrimSuffix(page, ext)
			}
			if dec == page || strings.HasPrefix(dec, page+"/") {
				return d.Text + "\n"
			}
		}
		if dec == path {
			return ""
		}
		r, _, ok := table.Match(dec)
		if !ok {
			return ""
		}
		for _, d := range table.Diags {
			if d.Location != nil && d.Location.File == r.File && strings.HasPrefix(d.Text, "No request can reach") {
				return fmt.Sprintf("%s would answer %s if the path were decoded, but: %s\n", r.File, dec, d.Text)
			}
		}
		return ""
	}
}

// buildAll builds entries in parallel (esbuild itself is parallel; a small
// fan-out keeps a many-route project quick to start) and closes Ready the
// first time everything is built.
//
// At start-up (once), a route a request already had built is skipped.
func (e *Engine) buildAll(entries []*entry, once bool) {
	if len(entries) == 0 {
		e.markReady()
		return
	}
	var wg sync.WaitGroup
	// At start-up, one core is left to the requests: a request builds its
	// own route (entry.want) and sets up its isolate while the others are
	// built in the background.
	workers := max(2, runtime.GOMAXPROCS(0))
	if once {
		workers = max(1, runtime.GOMAXPROCS(0)-1)
	}
	sem := make(chan struct{}, workers)
	for _, en := range entries {
		wg.Add(1)
		sem <- struct{}{}
		go func(en *entry) {
			defer wg.Done()
			defer func() { <-sem }()
			if once {
				for i := 0; i < 500 && e.foreground.Load() > 0; i++ {
					time.Sleep(2 * time.Millisecond)
				}
				en.buildOnce()
			} else {
				en.build()
			}
		}(en)
	}
	wg.Wait()
	e.updateWatchedFiles()
	e.markReady()
	e.trimSoon()
}

// trimSoon returns the memory a batch of builds used to the OS shortly
// after the last build: esbuild's parse trees and goja's compile of a
// large bundle take tens of MB for a moment, and Go's background scavenger
// would hold on to most of it for minutes in a process that then idles
// all day. Debounced, so a burst of saves pays for one trim.
//
// Not sooner than trimDelay after the last build: memory given back is
// faulted in and zeroed again by the next builds and isolates, which a
// burst of saves or a client going over every route would pay for.
func (e *Engine) trimSoon() {
	e.trimMu.Lock()
	defer e.trimMu.Unlock()
	e.mu.Lock()
	closed := e.closed
	e.mu.Unlock()
	if closed {
		return // Close stopped the timer; a build that ended since must not restart it
	}
	if e.trim == nil {
		e.trim = time.AfterFunc(trimDelay, debug.FreeOSMemory)
		return
	}
	e.trim.Reset(trimDelay)
}

func (e *Engine) markReady() {
	select {
	case <-e.ready:
	default:
		close(e.ready)
		e.bus.publish(Event{Type: EventReady, URL: e.URL()})
	}
}

// updateWatchedFiles watches bundle inputs the recursive watch misses
// (node_modules, files outside the project).
func (e *Engine) updateWatchedFiles() {
	if e.watcher == nil {
		return
	}
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return // a build that finished during Close: the watcher is gone
	}
	set := map[string]bool{}
	for _, en := range e.entries {
		for _, f := range en.inputFiles() {
			if !e.coveredByWatch(f) {
				set[f] = true
			}
		}
	}
	e.mu.Unlock()
	for _, f := range e.graph.PackageFiles() {
		if !e.coveredByWatch(f) {
			set[f] = true
		}
	}
	files := make([]string, 0, len(set))
	for f := range set {
		files = append(files, f)
	}
	sort.Strings(files)
	if err := e.watcher.WatchFiles(files); err != nil {
		e.logf("edgeplay: watching bundle inputs: %v\n", err)
	}
}

func (e *Engine) coveredByWatch(path string) bool {
	rel, err := filepath.Rel(e.root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	for dir := filepath.Dir(path); len(dir) > len(e.root); dir = filepath.Dir(dir) {
		if ignoreDir(dir, true) {
			return false
		}
	}
	return true
}

// watchLoop turns batches of file changes into rebuilds.
func (e *Engine) watchLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-e.watcher.Errors():
			if !ok {
				return
			}
			e.logf("edgeplay: watcher: %v\n", err)
		case batch, ok := <-e.watcher.Changes():
			if !ok {
				return
			}
			e.onChanges(batch)
		}
	}
}

var configFiles = map[string]bool{"tsconfig.json": true, "jsconfig.json": true, "package.json": true}

func (e *Engine) onChanges(batch []watch.Change) {
	e.mu.Lock()
	apiDir := ""
	if e.table != nil {
		apiDir = filepath.Join(e.root, filepath.FromSlash(e.table.Dir))
	}
	e.mu.Unlock()
	var rescan, envChanged, reset, created bool
	paths := map[string]bool{}
	for _, c := range batch {
		paths[c.Path] = true
		base := filepath.Base(c.Path)
		if c.Op&(watch.Create|watch.Remove|watch.Rename) != 0 {
			created = created || c.Op&watch.Create != 0
			if c.Path == e.root || apiDir == "" || within(apiDir, c.Path) || within(c.Path, apiDir) {
				rescan = true
			}
		}
		if isEnvFile(base) && filepath.Dir(c.Path) == e.root {
			envChanged = true
		}
		if configFiles[base] {
			reset = true
		}
	}
	if envChanged {
		e.loadEnv()
	}
	switch {
	case reset:
		e.graph.Reset()
	default:
		if e.graph.Changed(paths) && e.packagesChanged(paths) {
			reset = true // a package changed (npm install): every route may load it
		}
		if created {
			e.graph.Retry()
		}
	}
	var build []*entry
	if rescan {
		build = e.rescan(false)
	}
	e.mu.Lock()
	for _, en := range e.entries {
		switch {
		case envChanged || reset:
			build = append(build, en)
		case en.usesAny(paths):
			build = append(build, en)
		case created && en.failed():
			build = append(build, en) // a missing import may exist now
		}
	}
	e.mu.Unlock()
	for _, en := range build {
		en.state.Pending() // a request now waits for this build, not the stale code
	}
	e.buildSoon(build)
}

func isEnvFile(name string) bool {
	for _, n := range envfile.Names() {
		if n == name {
			return true
		}
	}
	return false
}

// within reports whether path is dir or inside it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Logf prints to the engine's log (the terminal in `serve`). Goroutine-safe.
func (e *Engine) Logf(format string, args ...any) { e.logf(format, args...) }

func (e *Engine) logf(format string, args ...any) {
	if e.opts.Log == nil {
		return
	}
	e.logMu.Lock()
	fmt.Fprintf(e.opts.Log, format, args...)
	e.logMu.Unlock()
}

// console receives a route's console output.
func (e *Engine) console(route string) func(owner any, level, text string) {
	return func(owner any, level, text string) {
		if rec, ok := owner.(*traffic.Recorder); ok {
			rec.Log(level, text)
		} else {
			l := traffic.Log{Time: time.Now(), Level: level, Text: text, Route: route}
			e.bus.publish(Event{Type: EventLog, Log: &l})
		}
		e.logf("%s\n", text)
	}
}

// edgeOptions are the runtime options of a new generation.
func (e *Engine) edgeOptions(route string) edge.Options {
	e.mu.Lock()
	vars := map[string]string{}
	if e.env != nil {
		for k, v := range e.env.Vars {
			vars[k] = v
		}
	}
	e.mu.Unlock()
	return edge.Options{Env: vars, Timeout: e.opts.Timeout, Console: e.console(route),
		MaxHeap: e.opts.MaxHeap, WarnHeap: e.opts.WarnHeap, IsolateMemory: e.opts.IsolateMemory,
		WaitUntil: func(owner any, err *edge.Error) {
			rec, ok := owner.(*traffic.Recorder)
			if !ok {
				return
			}
			text := ""
			if err != nil {
				text = err.Text()
			}
			rec.Background(text)
		}}
}

// packagesChanged reports whether a changed path is a package file (under
// node_modules).
func (e *Engine) packagesChanged(paths map[string]bool) bool {
	for p := range paths {
		if strings.Contains(filepath.ToSlash(p), "/node_modules/") {
			return true
		}
	}
	return false
}

// analysisDelay is how long the analysis waits after the build that asked
// for it: the requests a save was made for are served first, and the
// other builds of a burst (a lib save rebuilds every route that loads it)
// join the same analysis.
const analysisDelay = 150 * time.Millisecond

// analysisIdle is how long the analysis keeps esbuild's caches after it
// last ran (Graph.ReleaseAnalysis).
const analysisIdle = time.Second

// trimDelay is the quiet time after builds before their memory is given
// back to the system (trimSoon).
const trimDelay = 2 * time.Second

// analyzeSoon runs the analysis of every edge route (sizes, Node.js
// imports, esbuild's whole-route errors) on a goroutine, a moment after
// the builds that ask for it: it costs tens of milliseconds for a project
// of a hundred routes, so it never runs before a save is served, and a
// burst of saves costs one more analysis, not one each.
func (e *Engine) analyzeSoon() {
	e.anMu.Lock()
	defer e.anMu.Unlock()
	switch {
	case e.anRunning:
		e.anAgain = true
		return
	case e.anPending:
		return // the analysis due runs after this build anyway
	}
	e.mu.Lock()
	closed := e.closed
	if !closed {
		e.builds.Add(1)
	}
	e.mu.Unlock()
	if closed {
		return
	}
	e.anPending = true
	e.anDone = make(chan struct{})
	e.anTimer = time.AfterFunc(analysisDelay, e.runAnalysis)
}

// runAnalysis runs analyses until none is due.
func (e *Engine) runAnalysis() {
	defer e.builds.Done()
	e.anMu.Lock()
	e.anPending, e.anRunning = false, true
	e.anMu.Unlock()
	for {
		e.waitLull()
		e.analyze()
		e.anMu.Lock()
		if !e.anAgain {
			e.anRunning = false
			close(e.anDone)
			if e.anRelease == nil {
				e.anRelease = time.AfterFunc(analysisIdle, e.graph.ReleaseAnalysis)
			} else {
				e.anRelease.Reset(analysisIdle)
			}
			e.anMu.Unlock()
			return
		}
		e.anAgain = false
		e.anMu.Unlock()
		time.Sleep(analysisDelay)
	}
}

// waitLull waits until no request has moved for lullQuiet, lullMax at
// most: the analysis takes a core for tens of milliseconds, which a client
// going over every route, or waiting for a save, should not pay for; under
// continuous load it runs anyway once lullMax has passed.
func (e *Engine) waitLull() {
	const lullQuiet, lullMax = 100 * time.Millisecond, 2 * time.Second
	deadline := time.Now().Add(lullMax)
	for time.Now().Before(deadline) {
		e.mu.Lock()
		closed := e.closed
		e.mu.Unlock()
		if closed {
			return
		}
		quiet := time.Since(time.Unix(0, e.lastTraffic.Load()))
		if quiet >= lullQuiet {
			return
		}
		time.Sleep(lullQuiet - quiet)
	}
}

// stopAnalysis cancels an analysis that is due and not started.
func (e *Engine) stopAnalysis() {
	e.anMu.Lock()
	defer e.anMu.Unlock()
	if e.anPending && e.anTimer.Stop() {
		e.anPending = false
		close(e.anDone)
		e.builds.Done()
	}
}

// waitAnalysis waits until no analysis runs or is due.
func (e *Engine) waitAnalysis() {
	e.anMu.Lock()
	ch := e.anDone
	e.anMu.Unlock()
	<-ch
}

// analyze runs one analysis over every edge route and hands each route its
// result; routes whose sizes or diagnostics changed are published again.
func (e *Engine) analyze() {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return
	}
	limit := e.opts.MaxSize
	var list []graph.Route
	byFile := map[string]*entry{}
	for _, en := range e.entries {
		if !en.isEdge() {
			continue
		}
		list = append(list, graph.Route{File: en.route.File, Page: en.route.Pattern, Limit: limit})
		byFile[en.route.File] = en
	}
	e.mu.Unlock()
	sort.Slice(list, func(i, j int) bool { return list[i].File < list[j].File })
	results := e.graph.Analyze(list)
	for _, r := range list {
		en, res := byFile[r.File], results[r.File]
		if res == nil || !en.analyzed(res) {
			continue
		}
		info := en.info()
		e.bus.publish(Event{Type: EventBuild, Route: &info})
	}
	e.updateWatchedFiles()
}
