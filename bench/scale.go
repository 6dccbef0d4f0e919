package main

// The scale run (issue 8, "Real dependencies, real-sized projects"):
// generated projects that look like real ones (scalegen.go: N edge routes
// under pages/api/gen/g0..g9, all importing lib/shared.ts, which defines
// zod 4 schemas; every fifth route a Hono 4 app), and one table.
//
//	go run ./bench -scale                      # 120 and 300 routes, then the small project
//	go run ./bench -scale -scale-routes 120    # sizes to run
//	go run ./bench -scale -peers               # next dev beside edgeplay, in the same run
//	go run ./bench -scale -scale-bin /tmp/ep   # a binary built elsewhere (another commit) instead of the working tree
//
// zod and hono are installed with npm once into bench/.scale-cache/deps
// (next dev with them into bench/.scale-cache/next); each edgeplay project
// gets a copy of that node_modules (a copy: Turbopack rejects a symlinked
// one). next dev runs in its install folder, the project files rewritten
// and .next removed before each start.
//
// For each size N, on a fresh project:
//
//   - start → first answer: from exec of the server to the first 200 from
//     /api/gen/g0/r0 (the polled route, a Hono app), polling every ms.
//   - start → every route: then every route is requested, 4 at a time,
//     round after round, until each has answered 200 once (next dev
//     compiles a route on its first request).
//   - RSS: of the whole process tree right after.
//   - lib save → polled route: one second later lib/shared.ts is
//     rewritten in place (os.WriteFile: truncate and write) with a new
//     LIB_VERSION; the time until /api/gen/g0/r0 answers with it, polling
//     as fast as it answers.
//   - lib save → every route: then every route is polled, 4 at a time,
//     until each answers with the new version; the time is from the save.
//   - failed answers: every answer that was not a 200 in any of the steps,
//     and every request that failed after the first answer (refused,
//     reset, timed out). The first few are printed below the table.
//
// The small project: 4 routes (r0 a Hono app importing zod through
// lib/shared.ts, three zod routes); r0's file is rewritten 12 times with a
// new marker and polled until served (p50, p95). Then projects of 1, 5, 10
// and 30 routes: lib/shared.ts is saved 5 times in each and r0 polled
// until it serves the new version (p50; after each save every route is
// polled until it serves it, untimed, so saves do not overlap), and the
// RSS after.
//
// Numbers on a shared 2-core machine are noisy: compare the rows of one
// run, not runs of different days.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/edgeplay/edgeplay/bench/internal/proc"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

var (
	flagScale       = flag.Bool("scale", false, "run the scale benchmark (generated projects with zod and hono) instead of the main table")
	flagScaleRoutes = flag.String("scale-routes", "120,300", "with -scale: project sizes, in routes, comma-separated")
	flagScaleSmall  = flag.Bool("scale-small", true, "with -scale: also the small-project rows")
	flagScaleBin    = flag.String("scale-bin", "", "with -scale: measure this edgeplay binary (one built from another commit, say) instead of building the working tree")
)

const (
	scaleConc    = 4  // requests in flight when going over every route
	routeSaves   = 12 // saves of the small project's Hono route
	smallLibSave = 5  // saves of lib/shared.ts per project of the lib series
	// Limits that only end a step that would otherwise never end.
	scaleStartLimit = 3 * time.Minute  // start → first answer
	scaleSaveLimit  = 2 * time.Minute  // save → the polled route serves it
	scaleStepLimit  = 15 * time.Minute // a pass over every route
)

// libSeries are the numbers of importing routes the small-project lib
// saves are timed with.
var libSeries = []int{1, 5, 10, 30}

// scaleTargets are the targets per size, in the order of the
// size rows (first answer, every route, RSS, lib → polled route, lib →
// every route, failed).
var scaleTargets = map[int][6]string{
	120: {"≤ 300 ms", "≤ 2 s", "≤ 200 MiB", "≤ 100 ms", "≤ 1 s", "0"},
	300: {"≤ 300 ms", "≤ 5 s", "≤ 400 MiB", "≤ 150 ms", "≤ 2.5 s", "0"},
}

// scaleServer is a server the scale run measures.
type scaleServer struct {
	name string
	// project writes a fresh project of n routes, lib at libVersion, with
	// node_modules in place, and returns its folder.
	project func(n int, libVersion string) (string, []genRoute, error)
	start   func(dir string, port int) *exec.Cmd
	stats   bool          // answers GET /__edgeplay/stats
	timeout time.Duration // per request (next dev compiles on the first one)
}

// sizeResult is one server's figures at one size; zero is not measured.
type sizeResult struct {
	first, all     time.Duration
	rss, rssAfter  int64
	libOne, libAll time.Duration
	fails          *failures
	notes          []string
}

// smallResult is one server's small-project figures.
type smallResult struct {
	saveP50, saveP95 time.Duration
	lib              map[int]time.Duration // importing routes → p50 of lib save → r0 served
	libRSS           map[int]int64
	fails            *failures
	notes            []string
}

func runScale() error {
	sizes, err := parseSizes(*flagScaleRoutes)
	if err != nil {
		return err
	}
	repo, err := proc.RepoRoot()
	if err != nil {
		return err
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return fmt.Errorf("npm is not installed: the scale run needs it for zod and hono")
	}
	tmp, err := os.MkdirTemp("", "edgeplay-scale-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	bin := *flagScaleBin
	if bin == "" {
		bin = filepath.Join(tmp, "edgeplay")
		build := exec.Command("go", "build", "-o", bin, ".")
		build.Dir, build.Stdout, build.Stderr = repo, os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build: %w", err)
		}
	} else if bin, err = filepath.Abs(bin); err != nil {
		return err
	}
	cache := filepath.Join(repo, "bench", ".scale-cache")
	deps := filepath.Join(cache, "deps")
	if err := scaleInstall(deps, scaleDeps); err != nil {
		return fmt.Errorf("npm install zod and hono: %w", err)
	}
	servers := []*scaleServer{edgeplayScale(bin, tmp, deps)}
	if *flagPeers {
		next, err := nextScale(cache)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench: next dev not measured:", err)
		} else {
			servers = append(servers, next)
		}
	}
	fmt.Printf("edgeplay bench, scale run: %s/%s, %d CPUs, %s; zod %s, hono %s\n\n",
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), time.Now().Format(time.DateOnly), scaleDeps["zod"], scaleDeps["hono"])

	sized := map[string]map[int]*sizeResult{}
	for _, n := range sizes {
		for _, s := range servers {
			if sized[s.name] == nil {
				sized[s.name] = map[int]*sizeResult{}
			}
			fmt.Fprintf(os.Stderr, "bench: %s: %d routes\n", s.name, n)
			sized[s.name][n] = measureSize(s, n)
		}
	}
	small := map[string]*smallResult{}
	if *flagScaleSmall {
		for _, s := range servers {
			fmt.Fprintf(os.Stderr, "bench: %s: small project\n", s.name)
			small[s.name] = measureSmall(s)
		}
	}

	head := []string{"figure", "edgeplay", "next dev", "target"}
	var rows [][]string
	add := func(what, target string, get func(name string) string) {
		r := []string{what}
		for _, name := range head[1:3] {
			r = append(r, get(name))
		}
		rows = append(rows, append(r, target))
	}
	sizeCell := func(n int, f func(*sizeResult) string) func(string) string {
		return func(name string) string {
			if r := sized[name][n]; r != nil {
				return f(r)
			}
			return "-"
		}
	}
	for _, n := range sizes {
		t := scaleTargets[n]
		p := fmt.Sprintf("%d routes: ", n)
		add(p+"start → first answer", t[0], sizeCell(n, func(r *sizeResult) string { return dur(r.first) }))
		add(p+"start → every route answered once", t[1], sizeCell(n, func(r *sizeResult) string { return dur(r.all) }))
		add(p+"RSS then", t[2], sizeCell(n, func(r *sizeResult) string { return proc.MiB(r.rss) }))
		add(p+"save lib → polled route serves it", t[3], sizeCell(n, func(r *sizeResult) string { return dur(r.libOne) }))
		add(p+"save lib → every route serves it", t[4], sizeCell(n, func(r *sizeResult) string { return dur(r.libAll) }))
		add(p+"RSS after the lib save", "", sizeCell(n, func(r *sizeResult) string { return proc.MiB(r.rssAfter) }))
		add(p+"failed answers", t[5], sizeCell(n, func(r *sizeResult) string { return strconv.Itoa(r.fails.count()) }))
	}
	if *flagScaleSmall {
		smallCell := func(f func(*smallResult) string) func(string) string {
			return func(name string) string {
				if r := small[name]; r != nil {
					return f(r)
				}
				return "-"
			}
		}
		add("small: save zod+hono route → served, p50", "≤ 25 ms", smallCell(func(r *smallResult) string { return dur(r.saveP50) }))
		add("small: save zod+hono route → served, p95", "", smallCell(func(r *smallResult) string { return dur(r.saveP95) }))
		for _, k := range libSeries {
			target := ""
			if k == 5 {
				target = "≤ 25 ms"
			}
			routes := fmt.Sprintf("%d importing route", k)
			if k != 1 {
				routes += "s"
			}
			add("small: save lib, "+routes+" → r0 served, p50", target, smallCell(func(r *smallResult) string { return dur(r.lib[k]) }))
			add("small: "+routes+", RSS after", "", smallCell(func(r *smallResult) string { return proc.MiB(r.libRSS[k]) }))
		}
		add("small: failed answers", "0", smallCell(func(r *smallResult) string { return strconv.Itoa(r.fails.count()) }))
	}
	printGrid(head, rows)

	for _, s := range servers {
		for _, n := range sizes {
			if r := sized[s.name][n]; r != nil {
				printNotes(fmt.Sprintf("%s, %d routes", s.name, n), r.notes, r.fails)
			}
		}
		if r := small[s.name]; r != nil {
			printNotes(s.name+", small project", r.notes, r.fails)
		}
	}
	return nil
}

// edgeplayScale is `edgeplay serve` on a fresh project under tmp with a
// copy of deps' node_modules.
func edgeplayScale(bin, tmp, deps string) *scaleServer {
	return &scaleServer{
		name: "edgeplay",
		project: func(n int, lib string) (string, []genRoute, error) {
			dir := filepath.Join(tmp, fmt.Sprintf("scale-%d-%d", n, time.Now().UnixNano()))
			routes, err := writeProject(dir, n, lib, scaleDeps)
			if err != nil {
				return "", nil, err
			}
			return dir, routes, copyTree(filepath.Join(deps, "node_modules"), filepath.Join(dir, "node_modules"))
		},
		start: func(dir string, port int) *exec.Cmd {
			return exec.Command(bin, "serve", dir, "--port", strconv.Itoa(port))
		},
		stats:   true,
		timeout: 30 * time.Second,
	}
}

// nextScale is next dev (peers.go's pinned packages, with zod and hono)
// installed into cache/next and run there: before each start the project
// files are rewritten and .next removed (a cold start).
func nextScale(cache string) (*scaleServer, error) {
	dir := filepath.Join(cache, "next")
	deps := map[string]string{}
	for k, v := range scaleDeps {
		deps[k] = v
	}
	for _, spec := range nextPackages {
		name, version := splitPackage(spec)
		deps[name] = version
	}
	if err := scaleInstall(dir, deps); err != nil {
		return nil, err
	}
	nextBin := filepath.Join(dir, "node_modules", "next", "dist", "bin", "next")
	return &scaleServer{
		name: "next dev",
		project: func(n int, lib string) (string, []genRoute, error) {
			for _, old := range []string{".next", "pages", "lib", "tsconfig.json", "next-env.d.ts"} {
				if err := os.RemoveAll(filepath.Join(dir, old)); err != nil {
					return "", nil, err
				}
			}
			routes, err := writeProject(dir, n, lib, deps)
			return dir, routes, err
		},
		start: func(dir string, port int) *exec.Cmd {
			return exec.Command("node", nextBin, "dev", "-p", strconv.Itoa(port), "-H", "127.0.0.1")
		},
		timeout: 3 * time.Minute,
	}, nil
}

// scaleInstall makes dir/node_modules hold deps: npm install on the first
// run, nothing later while dir/package.json is unchanged.
func scaleInstall(dir string, deps map[string]string) error {
	pkg, err := packageJSON(deps)
	if err != nil {
		return err
	}
	pj := filepath.Join(dir, "package.json")
	if old, err := os.ReadFile(pj); err == nil && bytes.Equal(old, pkg) {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json")); err == nil {
			return nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(pj, pkg, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench: npm install in %s\n", dir)
	cmd := exec.Command("npm", "install", "--no-audit", "--no-fund")
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stderr, os.Stderr
	return cmd.Run()
}

// measureSize runs the size rows for s at n routes.
func measureSize(s *scaleServer, n int) *sizeResult {
	r := &sizeResult{fails: &failures{}}
	dir, routes, err := s.project(n, libToken(0))
	if err != nil {
		r.notes = append(r.notes, "project: "+err.Error())
		return r
	}
	run, err := s.launch(dir, routes[0].Path, r.fails)
	if err != nil {
		r.notes = append(r.notes, "start: "+err.Error())
		return r
	}
	defer run.stop()
	r.first = run.firstAnswer
	paths := routePaths(routes)
	if err := run.sweep(paths, "every route", nil, run.t0, scaleStepLimit); err != nil {
		r.notes = append(r.notes, err.Error())
		return r
	}
	r.all = time.Since(run.t0)
	r.rss = treeRSS(run.pid())
	if s.stats {
		r.notes = append(r.notes, "stats after every route answered: "+run.stats())
	}

	time.Sleep(time.Second)
	lib := libToken(1)
	t0 := time.Now()
	if err := os.WriteFile(filepath.Join(dir, "lib", "shared.ts"), []byte(libSource(lib)), 0o644); err != nil {
		r.notes = append(r.notes, err.Error())
		return r
	}
	if err := run.poll(routes[0].Path, "lib save", hasLib(lib), t0, scaleSaveLimit); err != nil {
		r.notes = append(r.notes, err.Error())
		return r
	}
	r.libOne = time.Since(t0)
	if err := run.sweep(paths, "lib save", hasLib(lib), t0, scaleStepLimit); err != nil {
		r.notes = append(r.notes, err.Error())
		return r
	}
	r.libAll = time.Since(t0)
	r.rssAfter = treeRSS(run.pid())
	if s.stats {
		r.notes = append(r.notes, "stats after the lib save: "+run.stats())
	}
	return r
}

// measureSmall runs the small-project rows for s.
func measureSmall(s *scaleServer) *smallResult {
	r := &smallResult{fails: &failures{}, lib: map[int]time.Duration{}, libRSS: map[int]int64{}}
	if err := smallRouteSaves(s, r); err != nil {
		r.notes = append(r.notes, "route saves: "+err.Error())
	}
	for _, k := range libSeries {
		if err := smallLibSaves(s, r, k); err != nil {
			r.notes = append(r.notes, fmt.Sprintf("lib saves with %d routes: %v", k, err))
		}
	}
	return r
}

// warmProject generates a project of n routes, starts the server on it,
// has every route answer once and lets it settle for a second: where the
// small-project saves start from. The caller stops run.
func (s *scaleServer) warmProject(n int, fails *failures) (dir string, routes []genRoute, run *scaleRun, err error) {
	dir, routes, err = s.project(n, libToken(0))
	if err != nil {
		return "", nil, nil, err
	}
	run, err = s.launch(dir, routes[0].Path, fails)
	if err != nil {
		return "", nil, nil, err
	}
	if err := run.sweep(routePaths(routes), "every route", nil, run.t0, scaleStepLimit); err != nil {
		run.stop()
		return "", nil, nil, err
	}
	time.Sleep(time.Second)
	return dir, routes, run, nil
}

// smallRouteSaves times saves of the 4-route project's Hono route.
func smallRouteSaves(s *scaleServer, r *smallResult) error {
	dir, routes, run, err := s.warmProject(4, r.fails)
	if err != nil {
		return err
	}
	defer run.stop()
	route := routes[0]
	file := filepath.Join(dir, filepath.FromSlash(route.File))
	var ds []time.Duration
	for i := 0; i < routeSaves; i++ {
		mark := fmt.Sprintf("r0-save%d-%d", i, time.Now().UnixNano())
		t0 := time.Now()
		if err := os.WriteFile(file, []byte(routeSource(route, mark)), 0o644); err != nil {
			return err
		}
		if err := run.poll(route.Path, "route save", hasMark(mark), t0, scaleSaveLimit); err != nil {
			return err
		}
		ds = append(ds, time.Since(t0))
		time.Sleep(50 * time.Millisecond) // let the watcher's debounce settle between saves
	}
	r.saveP50, r.saveP95 = percentile(ds, 50), percentile(ds, 95)
	return nil
}

// smallLibSaves times saves of lib/shared.ts in a project of k routes.
func smallLibSaves(s *scaleServer, r *smallResult, k int) error {
	dir, routes, run, err := s.warmProject(k, r.fails)
	if err != nil {
		return err
	}
	defer run.stop()
	paths := routePaths(routes)
	var ds []time.Duration
	for i := 0; i < smallLibSave; i++ {
		lib := libToken(i + 1)
		t0 := time.Now()
		if err := os.WriteFile(filepath.Join(dir, "lib", "shared.ts"), []byte(libSource(lib)), 0o644); err != nil {
			return err
		}
		if err := run.poll(routes[0].Path, "lib save", hasLib(lib), t0, scaleSaveLimit); err != nil {
			return err
		}
		ds = append(ds, time.Since(t0))
		// Every route on the new version before the next save (untimed).
		if err := run.sweep(paths, "lib save", hasLib(lib), t0, scaleStepLimit); err != nil {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
	r.lib[k] = percentile(ds, 50)
	r.libRSS[k] = treeRSS(run.pid())
	return nil
}

// scaleRun is a started server.
type scaleRun struct {
	cmd         *exec.Cmd
	url         string
	t0          time.Time // exec
	firstAnswer time.Duration
	exited      chan struct{}
	out         *tail
	client      *http.Client
	fails       *failures
}

// launch starts s in dir on a free port and polls first every
// millisecond until it answers 200. Non-200 answers count as failures;
// refused connections before the first answer do not.
func (s *scaleServer) launch(dir, first string, fails *failures) (*scaleRun, error) {
	port, err := proc.FreePort()
	if err != nil {
		return nil, err
	}
	cmd := s.start(dir, port)
	cmd.Dir = dir
	out := &tail{}
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Env = append(os.Environ(), "NEXT_TELEMETRY_DISABLED=1")
	cmd.WaitDelay = 2 * time.Second
	r := &scaleRun{
		cmd: cmd, url: fmt.Sprintf("http://127.0.0.1:%d", port), exited: make(chan struct{}), out: out, fails: fails,
		client: &http.Client{Timeout: s.timeout, Transport: &http.Transport{MaxIdleConnsPerHost: 2 * scaleConc}},
	}
	r.t0 = time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() { _ = cmd.Wait(); close(r.exited) }()
	for time.Since(r.t0) < scaleStartLimit {
		select {
		case <-r.exited:
			return nil, fmt.Errorf("%s exited before answering: %s", s.name, out.last(1500))
		default:
		}
		status, body, err := r.get(first)
		if err == nil {
			if status == 200 {
				r.firstAnswer = time.Since(r.t0)
				return r, nil
			}
			fails.add("start", first, status, string(body))
		}
		time.Sleep(time.Millisecond)
	}
	r.stop()
	return nil, fmt.Errorf("%s gave no 200 on %s within %v: %s", s.name, first, scaleStartLimit, out.last(1500))
}

func (r *scaleRun) pid() int { return r.cmd.Process.Pid }

func (r *scaleRun) stop() {
	_ = syscall.Kill(-r.cmd.Process.Pid, syscall.SIGKILL)
	<-r.exited
}

func (r *scaleRun) get(path string) (int, []byte, error) {
	res, err := r.client.Get(r.url + path)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return 0, nil, err
	}
	return res.StatusCode, b, nil
}

// ask requests path once and reports whether it answered 200 with a body
// done accepts (nil: any). A non-200 or a failed request is a failure of
// step.
func (r *scaleRun) ask(path, step string, done func([]byte) bool) bool {
	status, body, err := r.get(path)
	switch {
	case err != nil:
		r.fails.add(step, path, 0, err.Error())
	case status != 200:
		r.fails.add(step, path, status, string(body))
	default:
		return done == nil || done(body)
	}
	time.Sleep(time.Millisecond) // no hot loop on a server that fails fast
	return false
}

// poll asks path, as fast as it answers, until done accepts an answer or
// limit has passed since since.
func (r *scaleRun) poll(path, step string, done func([]byte) bool, since time.Time, limit time.Duration) error {
	for !r.ask(path, step, done) {
		if time.Since(since) > limit {
			return fmt.Errorf("%s: %s not served within %v: %s", step, path, limit, r.out.last(1500))
		}
	}
	return nil
}

// sweep asks every path, scaleConc at a time, in rounds, until each has
// answered once with an answer done accepts, or limit has passed since
// since.
func (r *scaleRun) sweep(paths []string, step string, done func([]byte) bool, since time.Time, limit time.Duration) error {
	pending := paths
	for len(pending) > 0 {
		if time.Since(since) > limit {
			return fmt.Errorf("%s: %d of %d routes not served within %v (%s, …): %s", step, len(pending), len(paths), limit, pending[0], r.out.last(1500))
		}
		var (
			mu   sync.Mutex
			left []string
			wg   sync.WaitGroup
		)
		next := make(chan string)
		for w := 0; w < scaleConc; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range next {
					if time.Since(since) > limit || !r.ask(p, step, done) {
						mu.Lock()
						left = append(left, p)
						mu.Unlock()
					}
				}
			}()
		}
		for _, p := range pending {
			next <- p
		}
		close(next)
		wg.Wait()
		sort.Strings(left)
		pending = left
	}
	return nil
}

// stats is GET /__edgeplay/stats, compacted, or why not.
func (r *scaleRun) stats() string {
	status, body, err := r.get("/__edgeplay/stats")
	if err != nil {
		return err.Error()
	}
	if status != 200 {
		return fmt.Sprintf("HTTP %d", status)
	}
	var b bytes.Buffer
	if err := json.Compact(&b, body); err != nil {
		return string(body)
	}
	return b.String()
}

func routePaths(routes []genRoute) []string {
	ps := make([]string, len(routes))
	for i, r := range routes {
		ps[i] = r.Path
	}
	return ps
}

// libToken is a new LIB_VERSION, unique in the run.
func libToken(i int) string { return fmt.Sprintf("lib-%d-%d", i, time.Now().UnixNano()) }

func hasLib(v string) func([]byte) bool {
	return func(b []byte) bool { return answerHas(b, "lib", v) }
}

func hasMark(v string) func([]byte) bool {
	return func(b []byte) bool { return answerHas(b, "mark", v) }
}

// parseSizes parses -scale-routes.
func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-scale-routes: %q is not a number of routes", f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

// failures counts failed answers and keeps the first few.
type failures struct {
	mu     sync.Mutex
	n      int
	byStep map[string]int
	first  []string
}

const keptFailures = 5

func (f *failures) add(step, path string, status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	if f.byStep == nil {
		f.byStep = map[string]int{}
	}
	f.byStep[step]++
	if len(f.first) < keptFailures {
		what := "HTTP " + strconv.Itoa(status)
		if status == 0 {
			what = "request failed"
		}
		body = strings.Join(strings.Fields(body), " ")
		if r := []rune(body); len(r) > 300 {
			body = string(r[:300]) + "…"
		}
		f.first = append(f.first, fmt.Sprintf("%s: GET %s: %s: %s", step, path, what, body))
	}
}

func (f *failures) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

// summary is "12 (start 3, lib save 9)".
func (f *failures) summary() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var steps []string
	for s, n := range f.byStep {
		steps = append(steps, fmt.Sprintf("%s %d", s, n))
	}
	sort.Strings(steps)
	return fmt.Sprintf("%d (%s)", f.n, strings.Join(steps, ", "))
}

func printNotes(who string, notes []string, f *failures) {
	if len(notes) == 0 && f.count() == 0 {
		return
	}
	fmt.Printf("\n%s:\n", who)
	for _, n := range notes {
		fmt.Printf("  %s\n", n)
	}
	if f.count() > 0 {
		fmt.Printf("  failed answers: %s; the first:\n", f.summary())
		for _, s := range f.first {
			fmt.Printf("    %s\n", s)
		}
	}
}

// tail keeps the last 16 KiB a server wrote.
type tail struct {
	mu sync.Mutex
	b  []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > 16<<10 {
		t.b = append([]byte(nil), t.b[len(t.b)-16<<10:]...)
	}
	return len(p), nil
}

// last is the server's last n bytes of output on one line, or a note that
// it wrote nothing.
func (t *tail) last(n int) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	b := t.b
	if len(b) > n {
		b = b[len(b)-n:]
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "(no output)"
	}
	return "output: " + strings.Join(strings.Fields(string(b)), " ")
}

// dur is d in ms, or in s from 10 s up.
func dur(d time.Duration) string {
	if d >= 10*time.Second {
		return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) + " s"
	}
	return ms(d)
}

// printGrid prints rows under head as main.go's printTable does.
func printGrid(head []string, rows [][]string) {
	w := make([]int, len(head))
	for _, r := range append([][]string{head}, rows...) {
		for i, c := range r {
			w[i] = max(w[i], len([]rune(c)))
		}
	}
	line := func(r []string) {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", w[i]-len([]rune(c)))
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(" | " + pad + c)
			}
		}
		fmt.Println(strings.TrimRight(b.String(), " "))
	}
	line(head)
	sep := make([]string, len(head))
	for i := range sep {
		sep[i] = strings.Repeat("-", w[i])
	}
	fmt.Println(strings.Join(sep, "-|-"))
	for _, r := range rows {
		line(r)
	}
}
