// Command bench measures edgeplay's speed and memory targets on this
// machine and prints one table, with the peers' figures from the same run
// where they can run here (-peers).
//
//	go run ./bench                 # edgeplay only
//	go run ./bench -peers          # also next dev and Vercel's edge-runtime (npm install on first use)
//	go run ./bench -scale          # the scale run instead: generated projects with zod and hono (scale.go)
//
// What it measures, each on a fresh copy of projects/sample:
//
//   - start: from exec of `serve` to the first 200 from /api/hello (best of
//     runs is not reported: p50 and max are).
//   - save: from writing a new hello.ts to the first answer with the new
//     body, polling as fast as the server answers; once as an atomic save
//     (a temp file renamed over), once in place (truncate and write).
//   - throughput: wrk, 2 threads, 50 connections, on /api/hello.
//   - RSS: of the whole process tree, idle after start, at the end of the
//     load, and two seconds after it.
//
// Numbers on a shared 2-core machine are noisy: compare the rows of one
// run, not runs of different days.
package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/edgeplay/edgeplay/bench/internal/proc"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var (
	flagPeers    = flag.Bool("peers", false, "also measure next dev (Turbopack) and Vercel's edge-runtime; installs them with npm into bench/.peers on first use")
	flagStarts   = flag.Int("starts", 10, "cold starts to time")
	flagSaves    = flag.Int("saves", 100, "saves to time")
	flagDuration = flag.Duration("load", 10*time.Second, "wrk duration")
	flagConns    = flag.Int("c", 50, "wrk connections")
)

// target is a figure and the goal the issue sets for it.
type row struct {
	what, edgeplay, next, edgeRuntime, target string
}

func main() {
	flag.Parse()
	do := run
	if *flagScale {
		do = runScale // scale.go
	}
	if err := do(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run() error {
	repo, err := proc.RepoRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "edgeplay-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	bin := filepath.Join(tmp, "edgeplay")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir, build.Stdout, build.Stderr = repo, os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	sample := filepath.Join(repo, "projects", "sample")
	fmt.Printf("edgeplay bench: %s/%s, %d CPUs, %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), time.Now().Format(time.DateOnly))

	ep := &peer{name: "edgeplay", hello: "/api/hello", start: func(dir string, port int) *exec.Cmd {
		return exec.Command(bin, "serve", dir, "--port", strconv.Itoa(port))
	}, copyProject: func() (string, error) {
		dir := filepath.Join(tmp, fmt.Sprintf("sample-%d", time.Now().UnixNano()))
		return dir, proc.CopyDir(sample, dir)
	}, helloFile: "pages/api/hello.ts", helloSource: edgeHello}
	res := map[string]*result{}
	res["edgeplay"] = measure(ep, *flagStarts, *flagSaves)

	if *flagPeers {
		peers, err := setupPeers(repo, sample, tmp)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench: peers not measured:", err)
		}
		for _, p := range peers {
			starts, saves := 3, 20 // next dev is slow to start: fewer runs
			if p.helloFile == "" {
				saves = 0
			}
			res[p.name] = measure(p, starts, saves)
		}
	}

	rows := []row{
		{"start to first answer, p50", fmtDur(res, "edgeplay", func(r *result) string { return ms(r.startP50) }), "", "", "≤ 150 ms"},
		{"start to first answer, max", fmtDur(res, "edgeplay", func(r *result) string { return ms(r.startMax) }), "", "", ""},
		{"save to new answer, p50", fmtDur(res, "edgeplay", func(r *result) string { return ms(r.saveP50) }), "", "", "≤ 10 ms"},
		{"save to new answer, p95", fmtDur(res, "edgeplay", func(r *result) string { return ms(r.saveP95) }), "", "", "≤ 25 ms"},
		{"save in place (truncate, write) to new answer, p50", fmtDur(res, "edgeplay", func(r *result) string { return ms(r.writeP50) }), "", "", "≤ 10 ms"},
		{"save in place to new answer, p95", fmtDur(res, "edgeplay", func(r *result) string { return ms(r.writeP95) }), "", "", ""},
		{fmt.Sprintf("hello, req/s (wrk -c%d)", *flagConns), fmtDur(res, "edgeplay", func(r *result) string { return r.rps }), "", "", "≥ 7,500"},
		{"hello, latency p99", fmtDur(res, "edgeplay", func(r *result) string { return r.p99 }), "", "", ""},
		{"failed requests under load", fmtDur(res, "edgeplay", func(r *result) string { return r.errors }), "", "", "0"},
		{"RSS idle", fmtDur(res, "edgeplay", func(r *result) string { return proc.MiB(r.rssIdle) }), "", "", "≤ 40 MiB"},
		{"RSS peak during the load", fmtDur(res, "edgeplay", func(r *result) string { return proc.MiB(r.rssLoad) }), "", "", "≤ 80 MiB"},
		{"RSS 2 s after the load", fmtDur(res, "edgeplay", func(r *result) string { return proc.MiB(r.rssAfter) }), "", "", ""},
	}
	getters := []func(*result) string{
		func(r *result) string { return ms(r.startP50) },
		func(r *result) string { return ms(r.startMax) },
		func(r *result) string { return ms(r.saveP50) },
		func(r *result) string { return ms(r.saveP95) },
		func(r *result) string { return ms(r.writeP50) },
		func(r *result) string { return ms(r.writeP95) },
		func(r *result) string { return r.rps },
		func(r *result) string { return r.p99 },
		func(r *result) string { return r.errors },
		func(r *result) string { return proc.MiB(r.rssIdle) },
		func(r *result) string { return proc.MiB(r.rssLoad) },
		func(r *result) string { return proc.MiB(r.rssAfter) },
	}
	for i := range rows {
		rows[i].next = fmtDur(res, "next dev", getters[i])
		rows[i].edgeRuntime = fmtDur(res, "edge-runtime", getters[i])
	}
	setup50, setup95, call, rerr := runtimeFigures()
	if rerr != nil {
		fmt.Fprintln(os.Stderr, "bench: runtime figures:", rerr)
	} else {
		rows = append(rows,
			row{"isolate set-up, all Web APIs, p50", us(setup50), "", "", "≤ 2 ms"},
			row{"isolate set-up, p95", us(setup95), "", "", ""},
			row{"handler call through the loop (no HTTP)", us(call), "", "", ""},
		)
	}
	printTable(rows)
	for _, name := range []string{"edgeplay", "next dev", "edge-runtime"} {
		if r := res[name]; r != nil && len(r.notes) > 0 {
			fmt.Printf("\n%s: %s\n", name, strings.Join(r.notes, "; "))
		}
	}
	return nil
}

// peer is a server to measure.
type peer struct {
	name        string
	start       func(dir string, port int) *exec.Cmd
	copyProject func() (string, error)
	helloFile   string // the route file the save test rewrites; "" skips it
	hello       string // the path of the hello route
	// helloSource returns a hello route answering body.
	helloSource func(body string) string
}

type result struct {
	startP50, startMax time.Duration
	saveP50, saveP95   time.Duration // atomic saves (rename over)
	writeP50, writeP95 time.Duration // saves in place (truncate and write)
	rps, p99, errors   string
	rssIdle, rssLoad   int64
	rssAfter           int64
	notes              []string
}

func measure(p *peer, starts, saves int) *result {
	r := &result{}
	fmt.Fprintf(os.Stderr, "bench: %s: %d cold starts\n", p.name, starts)
	var ds []time.Duration
	for i := 0; i < starts; i++ {
		dir, err := p.copyProject()
		if err != nil {
			r.notes = append(r.notes, "copy: "+err.Error())
			return r
		}
		srv, d, err := startServer(p, dir)
		if err != nil {
			r.notes = append(r.notes, "start: "+err.Error())
			return r
		}
		ds = append(ds, d)
		if i < starts-1 {
			srv.stop()
			continue
		}
		// The last server stays up for the other measurements.
		defer srv.stop()
		time.Sleep(2 * time.Second)
		r.rssIdle = treeRSS(srv.cmd.Process.Pid)
		if saves > 0 {
			fmt.Fprintf(os.Stderr, "bench: %s: %d saves\n", p.name, saves)
			r.saveP50, r.saveP95, err = measureSaves(p, srv, dir, saves, true)
			if err != nil {
				r.notes = append(r.notes, "save: "+err.Error())
			}
			r.writeP50, r.writeP95, err = measureSaves(p, srv, dir, saves, false)
			if err != nil {
				r.notes = append(r.notes, "save in place: "+err.Error())
			}
		}
		fmt.Fprintf(os.Stderr, "bench: %s: wrk for %v\n", p.name, *flagDuration)
		stopSampling := sampleRSS(srv.cmd.Process.Pid, &r.rssLoad)
		r.rps, r.p99, r.errors, err = runWrk(srv.url + p.hello)
		stopSampling()
		if err != nil {
			r.notes = append(r.notes, "wrk: "+err.Error())
		}
		time.Sleep(2 * time.Second)
		r.rssAfter = treeRSS(srv.cmd.Process.Pid)
	}
	r.startP50, r.startMax = percentile(ds, 50), percentile(ds, 100)
	return r
}

type server struct {
	cmd *exec.Cmd
	url string
}

// sampleRSS records the peak RSS of pid's tree into *peak every 200 ms
// until the returned function is called.
func sampleRSS(pid int, peak *int64) func() {
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				*peak = max(*peak, treeRSS(pid))
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		*peak = max(*peak, treeRSS(pid))
	}
}

// edgeHello is the sample's hello route answering body.
func edgeHello(body string) string {
	return fmt.Sprintf("export const config = { runtime: 'edge' }\n\nexport default async function handler() {\n  return new Response(%q)\n}\n", body)
}

func (s *server) stop() {
	if s.cmd.Process != nil {
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		_ = s.cmd.Wait()
	}
}

// startServer starts p on a free port and waits for a 200 from its hello
// route, polling every millisecond.
func startServer(p *peer, dir string) (*server, time.Duration, error) {
	port, err := proc.FreePort()
	if err != nil {
		return nil, 0, err
	}
	cmd := p.start(dir, port)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Env = append(os.Environ(), "NEXT_TELEMETRY_DISABLED=1")
	s := &server{cmd: cmd, url: fmt.Sprintf("http://127.0.0.1:%d", port)}
	client := &http.Client{Timeout: 2 * time.Second}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, 0, err
	}
	deadline := t0.Add(120 * time.Second)
	for time.Now().Before(deadline) {
		res, err := client.Get(s.url + p.hello)
		if err == nil {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode == 200 {
				return s, time.Since(t0), nil
			}
		}
		time.Sleep(time.Millisecond)
	}
	s.stop()
	return nil, 0, fmt.Errorf("%s gave no 200 on %s within 120s", p.name, p.hello)
}

// measureSaves rewrites the hello route n times with a new body and times
// each save until the server answers with it.
//
// atomic saves as most editors do (write a temp file, rename it over);
// otherwise the file is truncated and written in place (os.WriteFile), as
// other editors and tools do, which the watcher sees as two events.
func measureSaves(p *peer, srv *server, dir string, n int, atomic bool) (p50, p95 time.Duration, err error) {
	file := filepath.Join(dir, filepath.FromSlash(p.helloFile))
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	var ds []time.Duration
	for i := 0; i < n; i++ {
		token := fmt.Sprintf("save %d %d", i, time.Now().UnixNano())
		src := []byte(p.helloSource(token))
		var t0 time.Time
		if atomic {
			tmp := file + ".tmp"
			if err := os.WriteFile(tmp, src, 0o644); err != nil {
				return 0, 0, err
			}
			t0 = time.Now()
			if err := os.Rename(tmp, file); err != nil {
				return 0, 0, err
			}
		} else {
			t0 = time.Now()
			if err := os.WriteFile(file, src, 0o644); err != nil {
				return 0, 0, err
			}
		}
		for {
			if time.Since(t0) > 10*time.Second {
				return 0, 0, fmt.Errorf("save %d: no new answer within 10s", i)
			}
			res, err := client.Get(srv.url + p.hello)
			if err == nil {
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if string(b) == token {
					break
				}
			}
		}
		ds = append(ds, time.Since(t0))
		time.Sleep(50 * time.Millisecond) // let the watcher's debounce settle between saves
	}
	return percentile(ds, 50), percentile(ds, 95), nil
}

var (
	rpsRe  = regexp.MustCompile(`Requests/sec:\s+([\d.]+)`)
	p99Re  = regexp.MustCompile(`99%\s+(\S+)`)
	errRe  = regexp.MustCompile(`Socket errors: (.*)`)
	non2Re = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
)

func runWrk(url string) (rps, p99, errs string, err error) {
	if _, err := exec.LookPath("wrk"); err != nil {
		return "n/a", "n/a", "n/a", fmt.Errorf("wrk is not installed (apt-get install wrk)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), *flagDuration+30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "wrk", "-t2", fmt.Sprintf("-c%d", *flagConns), "-d"+flagDuration.String(), "--latency", url).CombinedOutput()
	if err != nil {
		return "n/a", "n/a", "n/a", fmt.Errorf("%v: %s", err, out)
	}
	s := string(out)
	rps, p99, errs = "?", "?", "0"
	if m := rpsRe.FindStringSubmatch(s); m != nil {
		f, _ := strconv.ParseFloat(m[1], 64)
		rps = thousands(int64(f))
	}
	if m := p99Re.FindStringSubmatch(s); m != nil {
		p99 = m[1]
	}
	var bad []string
	if m := errRe.FindStringSubmatch(s); m != nil {
		bad = append(bad, "socket "+m[1])
	}
	if m := non2Re.FindStringSubmatch(s); m != nil {
		bad = append(bad, m[1]+" non-2xx")
	}
	if len(bad) > 0 {
		errs = strings.Join(bad, ", ")
	}
	return rps, p99, errs, nil
}

// treeRSS sums VmRSS of pid and its descendants (next dev runs several
// node processes). Linux only; 0 elsewhere.
func treeRSS(pid int) int64 {
	children := map[int][]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid …; comm may hold spaces and parens.
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 2 {
			continue
		}
		pp, _ := strconv.Atoi(f[1])
		children[pp] = append(children[pp], p)
	}
	var total int64
	var walk func(int)
	walk = func(p int) {
		total += proc.RSS(p)
		for _, c := range children[p] {
			walk(c)
		}
	}
	walk(pid)
	return total
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (len(s)*p + 99) / 100
	if i < 1 {
		i = 1
	}
	return s[i-1]
}

func ms(d time.Duration) string {
	if d == 0 {
		return "n/a"
	}
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 1, 64) + " ms"
}

func us(d time.Duration) string {
	if d < time.Millisecond {
		return strconv.FormatFloat(float64(d)/float64(time.Microsecond), 'f', 0, 64) + " µs"
	}
	return ms(d)
}

func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func fmtDur(res map[string]*result, name string, get func(*result) string) string {
	r := res[name]
	if r == nil {
		return "-"
	}
	if v := get(r); v != "" {
		return v
	}
	return "n/a"
}

func printTable(rows []row) {
	head := row{"figure", "edgeplay", "next dev", "edge-runtime", "target"}
	all := append([]row{head}, rows...)
	w := [5]int{}
	for _, r := range all {
		for i, c := range []string{r.what, r.edgeplay, r.next, r.edgeRuntime, r.target} {
			w[i] = max(w[i], len([]rune(c)))
		}
	}
	line := func(r row) {
		cells := []string{r.what, r.edgeplay, r.next, r.edgeRuntime, r.target}
		var b strings.Builder
		for i, c := range cells {
			pad := w[i] - len([]rune(c))
			if i == 0 {
				b.WriteString(c + strings.Repeat(" ", pad))
			} else {
				b.WriteString(" | " + strings.Repeat(" ", pad) + c)
			}
		}
		fmt.Println(strings.TrimRight(b.String(), " "))
	}
	line(head)
	sep := make([]string, 5)
	for i := range sep {
		sep[i] = strings.Repeat("-", w[i])
	}
	fmt.Println(strings.Join(sep, "-|-"))
	for _, r := range rows {
		line(r)
	}
}
