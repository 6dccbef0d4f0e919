package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/edgeplay/edgeplay/engine"
	"github.com/edgeplay/edgeplay/engine/bundle"
	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/traffic"
)

// Version is the app's version, shown in the UI and in HAR files.
var Version = "0.1.0-dev"

// Options configure an App.
type Options struct {
	// ConfigDir holds settings.json (recent projects, editor). Default:
	// the OS user config folder + "/edgeplay".
	ConfigDir string
	// Mode is "desktop" or "browser"; it decides what PickProject and
	// OpenProject may do.
	Mode string
	// Engine options for projects the App opens itself (desktop mode).
	Engine engine.Options
	// Sample reports whether dir is the built-in sample project.
	Sample func(dir string) bool
	// PickFolder shows the native folder dialog (desktop only).
	PickFolder func(ctx context.Context) (string, error)
}

// App is what the UI calls. Every exported method with a (T, error) or
// error result is part of the UI's API (API.md) and is goroutine-safe.
type App struct {
	opts     Options
	settings *settingsStore

	mu      sync.Mutex
	ctx     context.Context
	eng     *engine.Engine
	owned   bool // the App started eng and closes it
	unsub   func()
	batch   *batcher
	emitter Emitter
	reqs    *requestStore
	onProj  func(Info)
}

// OnProject calls fn after every project switch, with the new project
// (the desktop app sets the window title).
func (a *App) OnProject(fn func(Info)) {
	a.mu.Lock()
	a.onProj = fn
	a.mu.Unlock()
}

// Context is the context Startup was given.
func (a *App) Context() context.Context {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.ctx
}

// New makes an App with no project; Open or Attach gives it one.
func New(opts Options) (*App, error) {
	if opts.ConfigDir == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return nil, fmt.Errorf("no folder for settings: %w", err)
		}
		opts.ConfigDir = filepath.Join(dir, "edgeplay")
	}
	if opts.Mode == "" {
		opts.Mode = "desktop"
	}
	return &App{opts: opts, settings: newSettingsStore(filepath.Join(opts.ConfigDir, "settings.json")), ctx: context.Background()}, nil
}

// SetEmitter sets where events go (Wails' runtime, or the browser-mode
// server). Events before it is set are dropped.
func (a *App) SetEmitter(e Emitter) {
	a.mu.Lock()
	a.emitter = e
	a.mu.Unlock()
}

// Startup is Wails' OnStartup: it keeps the context for dialogs and opens
// the last project, or dir when given.
func (a *App) Startup(ctx context.Context) {
	a.mu.Lock()
	a.ctx = ctx
	a.mu.Unlock()
}

// Open starts an engine on dir and makes it the App's project. The
// previous project, if the App started it, is closed.
func (a *App) Open(ctx context.Context, dir string) error {
	opts := a.opts.Engine
	opts.Dir = dir
	if opts.Port == 0 {
		opts.Port = 3000
	}
	e, err := engine.New(opts)
	if err != nil {
		return err
	}
	if err := e.Start(ctx); err != nil {
		e.Close()
		return err
	}
	a.attach(e, true)
	if err := a.settings.opened(e.Root()); err != nil {
		e.Logf("edgeplay: saving settings: %v\n", err)
	}
	return nil
}

// Attach makes a running engine the App's project without owning it
// (browser mode: `edgeplay serve --ui` owns the engine).
func (a *App) Attach(e *engine.Engine) { a.attach(e, false) }

func (a *App) attach(e *engine.Engine, owned bool) {
	a.mu.Lock()
	old, oldOwned, oldUnsub, oldBatch := a.eng, a.owned, a.unsub, a.batch
	a.eng, a.owned = e, owned
	a.reqs = newRequestStore(e.Root())
	b := newBatcher(func(evs []engine.Event) { a.emit(EventBatch, evs) })
	a.batch = b
	a.unsub = e.Subscribe(func(ev engine.Event) { b.add(uiEvent(ev)) })
	a.mu.Unlock()
	if oldUnsub != nil {
		oldUnsub()
		oldBatch.close()
	}
	if old != nil && oldOwned {
		old.Close()
	}
	if info, err := a.Info(); err == nil {
		a.emit(EventProject, info)
		a.mu.Lock()
		fn := a.onProj
		a.mu.Unlock()
		if fn != nil {
			fn(info)
		}
	}
}

// uiEvent strips what the UI gets separately from a traffic snapshot:
// chunks and console lines come as their own events (or with Exchange).
func uiEvent(ev engine.Event) engine.Event {
	if ev.Traffic == nil || ev.Traffic.Exchange == nil {
		return ev
	}
	t := *ev.Traffic
	x := *t.Exchange
	x.Chunks, x.Logs = nil, nil
	t.Exchange = &x
	ev.Traffic = &t
	return ev
}

func (a *App) emit(name string, data any) {
	a.mu.Lock()
	em := a.emitter
	a.mu.Unlock()
	if em != nil {
		em.Emit(name, data)
	}
}

// Shutdown is Wails' OnShutdown: it stops the project the App started.
func (a *App) Shutdown(context.Context) { a.Close() }

// Close stops forwarding events and closes the engine if the App owns it.
func (a *App) Close() error {
	a.mu.Lock()
	e, owned, unsub, b := a.eng, a.owned, a.unsub, a.batch
	a.eng, a.unsub, a.batch = nil, nil, nil
	a.mu.Unlock()
	if unsub != nil {
		unsub()
		b.close()
	}
	if e != nil && owned {
		return e.Close()
	}
	return nil
}

var errNoProject = errors.New("no project is open: open a Next.js project folder")

func (a *App) engine() (*engine.Engine, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.eng == nil {
		return nil, errNoProject
	}
	return a.eng, nil
}

// Engine returns the current project's engine, or nil.
func (a *App) Engine() *engine.Engine {
	e, _ := a.engine()
	return e
}

////////////////////////////////////////////////////////////////////////////
// The UI's API (API.md)

// Plan is a size-limit preset.
type Plan struct {
	Name  string `json:"name"`
	Bytes int    `json:"bytes"`
}

// Project names the open project.
type Project struct {
	Name   string `json:"name"`
	Dir    string `json:"dir"`
	Sample bool   `json:"sample"`
}

// Info describes the open project and the server.
type Info struct {
	Project Project `json:"project"`
	URL     string  `json:"url"`
	Limit   int     `json:"limit"`
	Plans   []Plan  `json:"plans"`
	Mode    string  `json:"mode"`
	Version string  `json:"version"`
}

// Info returns the project, the server's address and the size limit.
func (a *App) Info() (Info, error) {
	e, err := a.engine()
	if err != nil {
		return Info{}, err
	}
	root := e.Root()
	sample := a.opts.Sample != nil && a.opts.Sample(root)
	return Info{
		Project: Project{Name: projectName(root), Dir: root, Sample: sample},
		URL:     e.URL(),
		Limit:   e.Limit(),
		Plans:   []Plan{{"hobby", bundle.Plans["hobby"]}, {"pro", bundle.Plans["pro"]}, {"enterprise", bundle.Plans["enterprise"]}},
		Mode:    a.opts.Mode,
		Version: Version,
	}, nil
}

// projectName is the project's package.json name, else its folder name.
func projectName(root string) string {
	if name := packageName(filepath.Join(root, "package.json")); name != "" {
		return name
	}
	return filepath.Base(root)
}

// Routes returns every route with its build state, in match order.
func (a *App) Routes() ([]engine.RouteInfo, error) {
	e, err := a.engine()
	if err != nil {
		return nil, err
	}
	return nonNil(e.Routes()), nil
}

// Diagnostics returns the project-level diagnostics.
func (a *App) Diagnostics() (diag.List, error) {
	e, err := a.engine()
	if err != nil {
		return nil, err
	}
	return nonNil(e.Diagnostics()), nil
}

// Exchanges returns the journal, oldest first, as summaries: no bodies,
// chunks or console lines (Exchange has them).
func (a *App) Exchanges() ([]traffic.Exchange, error) {
	e, err := a.engine()
	if err != nil {
		return nil, err
	}
	xs := e.Journal().Exchanges()
	for i := range xs {
		xs[i].Chunks, xs[i].Logs, xs[i].ReqBody, xs[i].RespBody = nil, nil, nil, nil
	}
	return nonNil(xs), nil
}

// Exchange returns one exchange in full.
func (a *App) Exchange(seq uint64) (traffic.Exchange, error) {
	e, err := a.engine()
	if err != nil {
		return traffic.Exchange{}, err
	}
	x, ok := e.Journal().Get(seq)
	if !ok {
		return traffic.Exchange{}, fmt.Errorf("exchange %d is no longer in the log (it keeps the newest %d)", seq, traffic.DefaultCapacity)
	}
	return x, nil
}

// ClearTraffic empties the journal.
func (a *App) ClearTraffic() error {
	e, err := a.engine()
	if err != nil {
		return err
	}
	e.Journal().Clear()
	return nil
}

// BundleInfo is a route's current and previous build.
type BundleInfo struct {
	Route    engine.RouteInfo `json:"route"`
	Current  *bundle.Result   `json:"current,omitempty"`
	Previous *bundle.Result   `json:"previous,omitempty"`
}

// Bundle returns a route's last two builds, for the inspector.
func (a *App) Bundle(file string) (BundleInfo, error) {
	e, err := a.engine()
	if err != nil {
		return BundleInfo{}, err
	}
	ri, cur, prev, err := e.Bundle(file)
	if err != nil {
		return BundleInfo{}, err
	}
	return BundleInfo{Route: ri, Current: cur, Previous: prev}, nil
}

// SetLimit sets the size limit (a plan preset) and rebuilds every route.
func (a *App) SetLimit(bytes int) error {
	e, err := a.engine()
	if err != nil {
		return err
	}
	return e.SetLimit(bytes)
}

// OpenProject switches to another project folder (desktop mode).
func (a *App) OpenProject(dir string) (Info, error) {
	if a.opts.Mode != "desktop" {
		return Info{}, errors.New("browser mode serves the project `edgeplay serve` was started with; run `edgeplay serve OTHER-DIR --ui` or use the desktop app to switch projects")
	}
	a.mu.Lock()
	ctx := a.ctx
	a.mu.Unlock()
	if err := a.Open(ctx, dir); err != nil {
		return Info{}, err
	}
	return a.Info()
}

// PickProject shows the native folder dialog and returns the chosen
// folder, or "" when the user cancelled.
func (a *App) PickProject() (string, error) {
	if a.opts.PickFolder == nil {
		return "", errors.New("there is no folder dialog in browser mode: type the folder's path, or start `edgeplay serve DIR --ui` on it")
	}
	a.mu.Lock()
	ctx := a.ctx
	a.mu.Unlock()
	return a.opts.PickFolder(ctx)
}

// Settings returns the user's settings.
func (a *App) Settings() (Settings, error) { return a.settings.get() }

// SetEditor sets the command that opens files (empty: $VISUAL, $EDITOR,
// code -g, the OS default). {file}, {line} and {column} are replaced.
func (a *App) SetEditor(cmd string) error {
	return a.settings.update(func(s *Settings) { s.Editor = cmd })
}

// SetTheme sets "system", "light" or "dark".
func (a *App) SetTheme(theme string) error {
	switch theme {
	case "system", "light", "dark":
	default:
		return fmt.Errorf("unknown theme %q: use system, light or dark", theme)
	}
	return a.settings.update(func(s *Settings) { s.Theme = theme })
}

// OpenInEditor opens a project file at a line and column (1-based).
func (a *App) OpenInEditor(file string, line, column int) error {
	e, err := a.engine()
	if err != nil {
		return err
	}
	path, err := projectFile(e.Root(), file)
	if err != nil {
		return err
	}
	s, err := a.settings.get()
	if err != nil {
		return err
	}
	return openInEditor(s.Editor, path, line, column)
}

// CurlFor returns the exchange's request as a curl command.
func (a *App) CurlFor(seq uint64) (string, error) {
	x, err := a.Exchange(seq)
	if err != nil {
		return "", err
	}
	return traffic.Curl(x), nil
}

// ExportHAR returns the exchanges (all when seqs is empty) as HAR 1.2.
// mask hides authorization, cookie and set-cookie values.
func (a *App) ExportHAR(seqs []uint64, mask bool) (string, error) {
	e, err := a.engine()
	if err != nil {
		return "", err
	}
	var xs []traffic.Exchange
	if len(seqs) == 0 {
		xs = e.Journal().Exchanges()
	} else {
		for _, s := range seqs {
			if x, ok := e.Journal().Get(s); ok {
				xs = append(xs, x)
			}
		}
	}
	b, err := traffic.HAR(xs, traffic.HAROptions{Mask: mask, Version: Version})
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// ImportCurl parses a pasted curl command into a composer request.
func (a *App) ImportCurl(cmd string) (ComposerRequest, error) {
	r, err := traffic.ParseCurl(cmd)
	if err != nil {
		return ComposerRequest{}, err
	}
	return fromTrafficRequest(r), nil
}

// SavedRequests lists the project's saved requests.
func (a *App) SavedRequests() ([]SavedRequest, error) {
	st, err := a.requests()
	if err != nil {
		return nil, err
	}
	return st.list()
}

// SaveRequest writes a saved request (a new id when it has none).
func (a *App) SaveRequest(r SavedRequest) (SavedRequest, error) {
	st, err := a.requests()
	if err != nil {
		return SavedRequest{}, err
	}
	return st.save(r)
}

// DeleteRequest removes a saved request.
func (a *App) DeleteRequest(id string) error {
	st, err := a.requests()
	if err != nil {
		return err
	}
	return st.remove(id)
}

// History returns the sent requests, newest first.
func (a *App) History() ([]HistoryEntry, error) {
	st, err := a.requests()
	if err != nil {
		return nil, err
	}
	return st.history(), nil
}

func (a *App) requests() (*requestStore, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.reqs == nil {
		return nil, errNoProject
	}
	return a.reqs, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// now is time.Now, replaceable in tests.
var now = time.Now
