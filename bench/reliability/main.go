// Command reliability proves that edgeplay keeps serving under a day's
// abuse and prints one table: requests under load and failures, saves
// under load and answers of the wrong version, faults tried and survived,
// bad inputs tried and crashes, fuzz executions and crashes, and RSS,
// goroutines, isolates and esbuild contexts before and after.
//
//	go run ./bench/reliability                 # 60 s of load, 100 saves, faults, bad input, fuzz 10 s/target
//	go run ./bench/reliability -load 10s -fuzz 0   # quicker
//
// Everything runs against a real `edgeplay serve` (built here) on a copy of
// projects/sample with a few fault routes added, over real HTTP on
// loopback; counts come from the process itself (GET /__edgeplay/stats).
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/edgeplay/edgeplay/bench/internal/proc"
	"io"
	"math/rand"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

var (
	flagLoad  = flag.Duration("load", 60*time.Second, "duration of the mixed load")
	flagConns = flag.Int("c", 100, "concurrent connections")
	flagSaves = flag.Int("saves", 100, "saves of a route file under load")
	flagFuzz  = flag.String("fuzz", "10s", "time per fuzz target (bench/fuzz.sh); 0 skips fuzzing")
)

type stats struct {
	Goroutines int    `json:"goroutines"`
	Routes     int    `json:"routes"`
	Isolates   int    `json:"isolates"`
	Active     int    `json:"active"`
	Bundlers   int    `json:"bundlers"`
	HeapAlloc  uint64 `json:"heapAlloc"`
}

type server struct {
	cmd  *exec.Cmd
	base string
	ui   string
	dir  string
	out  *bytes.Buffer
	mu   *sync.Mutex
}

func main() {
	flag.Parse()
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "reliability:", err)
		os.Exit(1)
	}
}

func run() error {
	repo, err := proc.RepoRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "edgeplay-reliability-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "edgeplay")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir, build.Stderr = repo, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	project := filepath.Join(tmp, "project")
	if err := proc.CopyDir(filepath.Join(repo, "projects", "sample"), project); err != nil {
		return err
	}
	for name, src := range faultRoutes {
		if err := os.WriteFile(filepath.Join(project, "pages", "api", name), []byte(src), 0o644); err != nil {
			return err
		}
	}
	s, err := start(bin, project)
	if err != nil {
		return err
	}
	defer s.stop()

	rows := [][2]string{}
	add := func(k, v string) { rows = append(rows, [2]string{k, v}) }
	before := s.stats()
	rssStart := proc.RSS(s.cmd.Process.Pid)
	add("RSS / goroutines / isolates / esbuild contexts at start", fmt.Sprintf("%s / %d / %d / %d", proc.MiB(rssStart), before.Goroutines, before.Isolates, before.Bundlers))

	// 1. Mixed load.
	fmt.Fprintf(os.Stderr, "reliability: %v of load, %d connections\n", *flagLoad, *flagConns)
	warm := time.Duration(float64(*flagLoad) * 0.2)
	var rssWarm, rssEnd int64
	var gWarm, gEnd int
	total, failed, samples := load(s.base, *flagLoad, *flagConns, func(elapsed time.Duration) {
		if rssWarm == 0 && elapsed >= warm {
			rssWarm, gWarm = proc.RSS(s.cmd.Process.Pid), s.stats().Goroutines
		}
	}, nil, nil)
	rssEnd, gEnd = proc.RSS(s.cmd.Process.Pid), s.stats().Goroutines
	add(fmt.Sprintf("requests under load (%d conns, %v: hello, JSON, stream, 64 KB POST echo)", *flagConns, *flagLoad), fmt.Sprintf("%d, %d failed", total, failed))
	for _, f := range samples {
		add("  failure", f)
	}
	add("RSS after warm-up → end of load", fmt.Sprintf("%s → %s (%+.1f%%)", proc.MiB(rssWarm), proc.MiB(rssEnd), pct(rssWarm, rssEnd)))
	add("goroutines after warm-up → end of load", fmt.Sprintf("%d → %d (%+.1f%%, connections open)", gWarm, gEnd, pct(int64(gWarm), int64(gEnd))))
	time.Sleep(2 * time.Second)
	idle := s.stats()
	add("isolates busy after the load", fmt.Sprintf("%d (of %d alive)", idle.Active, idle.Isolates))

	// 2. Load while a route file is saved over and over.
	fmt.Fprintf(os.Stderr, "reliability: %d saves under load\n", *flagSaves)
	pre := s.stats()
	wrong := atomic.Int64{}
	saveFile := filepath.Join(project, "pages", "api", "versioned.ts")
	stop := make(chan struct{})
	var saveWG sync.WaitGroup
	saveWG.Add(1)
	go func() {
		defer saveWG.Done()
		for i := 0; i < *flagSaves; i++ {
			v := "A"
			if i%2 == 1 {
				v = "B"
			}
			atomicWrite(saveFile, versioned(v))
			time.Sleep(60 * time.Millisecond)
		}
		close(stop)
	}()
	stotal, sfailed, ssamples := load(s.base, 0, *flagConns/2, nil, func(path string, body []byte) bool {
		if path != "/api/versioned" {
			return true
		}
		ok := string(body) == "version A" || string(body) == "version B"
		if !ok {
			wrong.Add(1)
		}
		return ok
	}, stop)
	saveWG.Wait()
	time.Sleep(2 * time.Second)
	post := s.stats()
	add(fmt.Sprintf("requests while versioned.ts was saved %d times", *flagSaves), fmt.Sprintf("%d, %d failed, %d from neither version", stotal, sfailed, wrong.Load()))
	for _, f := range ssamples {
		add("  failure", f)
	}
	add("esbuild contexts before → after the saves", fmt.Sprintf("%d → %d", pre.Bundlers, post.Bundlers))
	add("isolates before → after the saves (busy after)", fmt.Sprintf("%d → %d (%d)", pre.Isolates, post.Isolates, post.Active))

	// 3. Faults.
	fmt.Fprintln(os.Stderr, "reliability: faults")
	tried, survived, notes := faults(s)
	add("faults tried / survived (answered as the platform would, server still serving)", fmt.Sprintf("%d / %d", tried, survived))
	for _, n := range notes {
		add("  fault", n)
	}

	// 4. Hostile input.
	fmt.Fprintln(os.Stderr, "reliability: bad input")
	btried, bok, bnotes := badInput(s)
	add("bad inputs tried / answered 4xx with the process alive", fmt.Sprintf("%d / %d", btried, bok))
	for _, n := range bnotes {
		add("  bad input", n)
	}

	after := s.stats()
	rssAfter := proc.RSS(s.cmd.Process.Pid)
	add("RSS / goroutines / isolates / esbuild contexts at the end", fmt.Sprintf("%s / %d / %d / %d", proc.MiB(rssAfter), after.Goroutines, after.Isolates, after.Bundlers))
	if s.cmd.ProcessState != nil {
		add("process", "EXITED: "+s.cmd.ProcessState.String())
	} else {
		add("process", "alive, answering")
	}
	s.stop()

	// 5. Fuzzing.
	if *flagFuzz != "0" && *flagFuzz != "" {
		fmt.Fprintf(os.Stderr, "reliability: fuzzing %s per target\n", *flagFuzz)
		cmd := exec.Command("bash", filepath.Join(repo, "bench", "fuzz.sh"), *flagFuzz)
		cmd.Dir = repo
		out, err := cmd.CombinedOutput()
		execs, crashed := parseFuzz(string(out))
		v := fmt.Sprintf("%d executions, %d crashes", execs, len(crashed))
		if err != nil && len(crashed) == 0 {
			v += " (fuzz.sh: " + err.Error() + ")"
		}
		add("fuzz executions / crashes (bench/fuzz.sh)", v)
		for _, c := range crashed {
			add("  crash", c)
		}
		if len(crashed) > 0 {
			os.Stderr.Write(out) // what go test said about each failing target
		}
	}
	printTable(rows)
	return nil
}

var faultRoutes = map[string]string{
	"f-throws.ts":     "export const config = { runtime: 'edge' }\nexport default () => { throw new Error('fault: throws') }\n",
	"f-rejects.ts":    "export const config = { runtime: 'edge' }\nexport default async () => { await null; throw new Error('fault: rejects') }\n",
	"f-number.ts":     "export const config = { runtime: 'edge' }\nexport default () => 42\n",
	"f-never.ts":      "export const config = { runtime: 'edge' }\nexport default () => new Promise(() => {})\n",
	"f-spin.ts":       "export const config = { runtime: 'edge' }\nexport default () => { for (;;) {} }\n",
	"f-unhandled.ts":  "export const config = { runtime: 'edge' }\nexport default () => { Promise.reject(new Error('fault: nobody catches me')); return new Response('ok') }\n",
	"f-streamerr.ts":  "export const config = { runtime: 'edge' }\nexport default () => new Response(new ReadableStream({ async start(c) { c.enqueue(new TextEncoder().encode('one\\n')); await new Promise(r => setTimeout(r, 20)); c.error(new Error('fault: stream broke')) } }))\n",
	"f-slowstream.ts": "export const config = { runtime: 'edge' }\nlet cancelled = 0\nexport default (req: Request) => new URL(req.url).searchParams.has('count') ? new Response(String(cancelled)) : new Response(new ReadableStream({ async pull(c) { await new Promise(r => setTimeout(r, 50)); c.enqueue(new TextEncoder().encode('tick\\n')) }, cancel() { cancelled++ } }))\n",
	"f-alloc.ts":      "export const config = { runtime: 'edge' }\nexport default () => { const a: any[] = []; for (;;) a.push(new Array(1e5).fill(Math.random())) }\n",
	"versioned.ts":    versioned("A"),
}

func versioned(v string) string {
	return "export const config = { runtime: 'edge' }\nexport default () => new Response('version " + v + "')\n"
}

func start(bin, project string) (*server, error) {
	port, err := proc.FreePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "serve", project, "--port", strconv.Itoa(port), "--timeout", "5s", "--max-heap", "400MB", "--ui")
	cmd.Env = append(os.Environ(), "HOME="+filepath.Dir(project))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out := &bytes.Buffer{}
	mu := &sync.Mutex{}
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	s := &server{cmd: cmd, base: fmt.Sprintf("http://127.0.0.1:%d", port), dir: project, out: out, mu: mu}
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		once := sync.Once{}
		for sc.Scan() {
			line := sc.Text()
			mu.Lock()
			out.WriteString(line + "\n")
			if out.Len() > 1<<20 { // keep the newest half MB: the log of a load test is long
				tail := append([]byte(nil), out.Bytes()[out.Len()-(512<<10):]...)
				out.Reset()
				out.Write(tail)
			}
			if u, ok := strings.CutPrefix(line, "ui on "); ok {
				s.ui = u
			}
			mu.Unlock()
			if strings.HasPrefix(line, "ready on ") {
				once.Do(func() { close(ready) })
			}
		}
	}()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() { _ = cmd.Wait(); pw.Close() }()
	select {
	case <-ready:
	case <-time.After(60 * time.Second):
		s.stop()
		return nil, fmt.Errorf("edgeplay did not get ready:\n%s", out.String())
	}
	return s, nil
}

func (s *server) stop() {
	if s.cmd.Process != nil {
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	}
}

func (s *server) stats() stats {
	var st stats
	res, err := http.Get(s.base + "/__edgeplay/stats")
	if err != nil {
		return st
	}
	defer res.Body.Close()
	_ = json.NewDecoder(res.Body).Decode(&st)
	return st
}

func (s *server) alive() bool {
	c := &http.Client{Timeout: 5 * time.Second}
	res, err := c.Get(s.base + "/api/hello")
	if err != nil {
		return false
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res.StatusCode == 200 && string(b) == "Hello world!"
}

// load runs conns workers over the route mix until d passes (or stop is
// closed when d is 0). check may reject a body. It returns the requests
// made, the failures, and up to 5 failure descriptions.
func load(base string, d time.Duration, conns int, tick func(time.Duration), check func(string, []byte) bool, stop chan struct{}) (int64, int64, []string) {
	echo := bytes.Repeat([]byte("0123456789abcdef"), 4096) // 64 KB
	type req struct {
		method, path string
		body         []byte
		want         func([]byte) bool
	}
	mix := []req{
		{"GET", "/api/hello", nil, func(b []byte) bool { return string(b) == "Hello world!" }},
		{"GET", "/api/json", nil, func(b []byte) bool { return string(b) == `{"name":"Jim Halpert"}` }},
		{"GET", "/api/stream?n=3&delay=1", nil, func(b []byte) bool { return bytes.Count(b, []byte("data: chunk")) == 3 }},
		{"POST", "/api/echo", echo, func(b []byte) bool { return bytes.Contains(b, []byte(`"length":65536`)) }},
	}
	if check != nil {
		mix = append(mix, req{"GET", "/api/versioned", nil, nil})
	}
	var total, failed atomic.Int64
	var mu sync.Mutex
	var samples []string
	fail := func(s string) {
		failed.Add(1)
		mu.Lock()
		if len(samples) < 5 {
			samples = append(samples, s)
		}
		mu.Unlock()
	}
	ctx, cancel := context.WithCancel(context.Background())
	if d > 0 {
		ctx, cancel = context.WithTimeout(context.Background(), d)
	} else if stop != nil {
		go func() { <-stop; cancel() }()
	}
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < conns; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true}, Timeout: 30 * time.Second}
			for i := w; ctx.Err() == nil; i++ {
				r := mix[i%len(mix)]
				hreq, _ := http.NewRequestWithContext(ctx, r.method, base+r.path, bytes.NewReader(r.body))
				res, err := client.Do(hreq)
				if ctx.Err() != nil {
					return
				}
				total.Add(1)
				if err != nil {
					fail(r.path + ": " + err.Error())
					continue
				}
				b, err := io.ReadAll(res.Body)
				res.Body.Close()
				if ctx.Err() != nil {
					return
				}
				switch {
				case err != nil:
					fail(r.path + ": reading the body: " + err.Error())
				case res.StatusCode != 200:
					fail(fmt.Sprintf("%s: status %d: %.120s", r.path, res.StatusCode, b))
				case r.want != nil && !r.want(b):
					fail(fmt.Sprintf("%s: unexpected body %.120q", r.path, b))
				case check != nil && !check(r.path, b):
					fail(fmt.Sprintf("%s: body from neither version: %.80q", r.path, b))
				}
				if w == 0 && tick != nil {
					tick(time.Since(start))
				}
			}
		}(w)
	}
	wg.Wait()
	return total.Load(), failed.Load(), samples
}

// faults requests each fault route, checks the answer is the platform's
// and that the server still serves.
func faults(s *server) (tried, survived int, notes []string) {
	client := &http.Client{Timeout: 15 * time.Second}
	check := func(name string, fn func() (bool, string)) {
		tried++
		ok, detail := fn()
		if ok && s.alive() {
			survived++
			notes = append(notes, name+": "+detail)
		} else {
			notes = append(notes, name+": FAILED: "+detail)
		}
	}
	status := func(path string, want int, contains string) func() (bool, string) {
		return func() (bool, string) {
			res, err := client.Get(s.base + path)
			if err != nil {
				return false, err.Error()
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			first := strings.SplitN(string(b), "\n", 2)[0]
			return res.StatusCode == want && strings.Contains(string(b), contains), fmt.Sprintf("%d %.90s", res.StatusCode, first)
		}
	}
	check("throws", status("/api/f-throws", 500, "fault: throws"))
	check("rejects", status("/api/f-rejects", 500, "fault: rejects"))
	check("returns a non-Response", status("/api/f-number", 500, "Expected an instance of Response"))
	check("never settles", status("/api/f-never", 504, "EDGE_FUNCTION_INVOCATION_TIMEOUT"))
	check("spins forever", status("/api/f-spin", 504, "EDGE_FUNCTION_INVOCATION_TIMEOUT"))
	check("unhandled rejection", func() (bool, string) {
		ok, d := status("/api/f-unhandled", 200, "ok")()
		time.Sleep(200 * time.Millisecond)
		s.mu.Lock()
		logged := strings.Contains(s.out.String(), "nobody catches me")
		s.mu.Unlock()
		return ok && logged, d + fmt.Sprintf(", logged: %v", logged)
	})
	check("stream errors half-way", func() (bool, string) {
		res, err := client.Get(s.base + "/api/f-streamerr")
		if err != nil {
			return false, err.Error()
		}
		b, rerr := io.ReadAll(res.Body)
		res.Body.Close()
		return rerr != nil && strings.Contains(string(b), "one"), fmt.Sprintf("%d, got %q then %v", res.StatusCode, b, rerr)
	})
	check("client disconnects mid-stream", func() (bool, string) {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", s.base+"/api/f-slowstream", nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			cancel()
			return false, err.Error()
		}
		buf := make([]byte, 5)
		_, _ = io.ReadFull(res.Body, buf)
		cancel()
		res.Body.Close()
		time.Sleep(300 * time.Millisecond)
		r2, err := client.Get(s.base + "/api/f-slowstream?count")
		if err != nil {
			return false, err.Error()
		}
		b, _ := io.ReadAll(r2.Body)
		r2.Body.Close()
		return string(b) != "0", "the stream's cancel ran " + string(b) + " time(s)"
	})
	check("allocates without bound", status("/api/f-alloc", 500, ""))
	return tried, survived, notes
}

// badInput sends hostile bytes and requests and checks each gets a 4xx
// (or is closed) and the process lives.
func badInput(s *server) (tried, ok int, notes []string) {
	addr := strings.TrimPrefix(s.base, "http://")
	raw := func(name string, data []byte) {
		tried++
		c, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			notes = append(notes, name+": FAILED: "+err.Error())
			return
		}
		c.SetDeadline(time.Now().Add(10 * time.Second))
		_, _ = c.Write(data)
		line, _ := bufio.NewReader(c).ReadString('\n')
		c.Close()
		code := 0
		if f := strings.Fields(line); len(f) >= 2 {
			code, _ = strconv.Atoi(f[1])
		}
		good := (code >= 400 && code < 500 || line == "") && s.alive()
		if good {
			ok++
		} else {
			notes = append(notes, fmt.Sprintf("%s: FAILED: %q", name, strings.TrimSpace(line)))
		}
	}
	rnd := rand.New(rand.NewSource(1))
	garbage := make([]byte, 4096)
	rnd.Read(garbage)
	raw("garbage on the socket", garbage)
	raw("1 MB request line", append(append([]byte("GET /api/hello?"), bytes.Repeat([]byte("a"), 1<<20)...), " HTTP/1.1\r\nHost: x\r\n\r\n"...))
	for _, m := range []string{"G ET", "GET\x00", "\xff\xfe", "FOO BAR"} {
		raw("invalid method "+strconv.Quote(m), []byte(m+" /api/hello HTTP/1.1\r\nHost: x\r\n\r\n"))
	}
	for _, p := range []string{"/api/\x00hello", "/api/\xff\xfe", "/api/../../etc/passwd", "/api/%2e%2e/%2e%2e/etc/passwd", "/api/..%2f..%2fetc%2fpasswd", "/api/%c0%ae%c0%ae/etc/passwd", "/api/users/%00", "/api/users/%ff"} {
		raw("path "+strconv.Quote(p), []byte("GET "+p+" HTTP/1.1\r\nHost: x\r\n\r\n"))
	}
	for _, h := range []string{"X-A: \x00\r\n", "X-A: \xff\xfe\r\n", "X\x00A: 1\r\n", strings.Repeat("X-Big: "+strings.Repeat("h", 4000)+"\r\n", 10)} {
		raw("header "+strconv.Quote(h[:min(len(h), 12)]), []byte("GET /api/hello HTTP/1.1\r\nHost: x\r\n"+h+"\r\n"))
	}
	// The UI's API: a foreign Host or Origin, no token.
	if s.ui != "" {
		u := strings.TrimPrefix(s.ui, "http://")
		uiAddr, q, _ := strings.Cut(u, "/")
		token := strings.TrimPrefix(q, "?token=")
		ui := func(name, host, origin, tok string) {
			tried++
			c, err := net.DialTimeout("tcp", uiAddr, 5*time.Second)
			if err != nil {
				notes = append(notes, name+": FAILED: "+err.Error())
				return
			}
			defer c.Close()
			c.SetDeadline(time.Now().Add(5 * time.Second))
			req := "POST /rpc/Info HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 2\r\n"
			if origin != "" {
				req += "Origin: " + origin + "\r\n"
			}
			if tok != "" {
				req += "X-Edgeplay-Token: " + tok + "\r\n"
			}
			_, _ = io.WriteString(c, req+"\r\n[]")
			line, _ := bufio.NewReader(c).ReadString('\n')
			if strings.Contains(line, " 403 ") && s.alive() {
				ok++
			} else {
				notes = append(notes, fmt.Sprintf("%s: FAILED: %q", name, strings.TrimSpace(line)))
			}
		}
		ui("UI API with a rebinding Host", "evil.example:"+strings.Split(uiAddr, ":")[1], "", token)
		ui("UI API with a foreign Origin", uiAddr, "http://evil.example", token)
		ui("UI API without the token", uiAddr, "", "")
		ui("UI API with a wrong token", uiAddr, "", "0123456789abcdef0123456789abcdef")
	}
	return tried, ok, notes
}

var fuzzRe = regexp.MustCompile(`(?m)^\s*(\S+)\s+\S+\s+(\d+)\s+\d+\s+(.+)$`)

// parseFuzz reads fuzz.sh's table: target, package, executions, new,
// crashes (0, the failing input, or how the run failed). crashed names
// each target that did not end with 0, and why.
func parseFuzz(out string) (execs int64, crashed []string) {
	for _, m := range fuzzRe.FindAllStringSubmatch(out, -1) {
		if !strings.HasPrefix(m[1], "Fuzz") {
			continue
		}
		n, _ := strconv.ParseInt(m[2], 10, 64)
		execs += n
		if c := strings.TrimSpace(m[3]); c != "0" {
			crashed = append(crashed, m[1]+": "+c)
		}
	}
	return execs, crashed
}

func atomicWrite(path, src string) {
	tmp := path + ".tmp"
	_ = os.WriteFile(tmp, []byte(src), 0o644)
	_ = os.Rename(tmp, path)
}

func pct(a, b int64) float64 {
	if a == 0 {
		return 0
	}
	return 100 * float64(b-a) / float64(a)
}

func printTable(rows [][2]string) {
	w := 0
	for _, r := range rows {
		w = max(w, len([]rune(r[0])))
	}
	fmt.Println("edgeplay reliability")
	fmt.Println(strings.Repeat("-", w+2+40))
	for _, r := range rows {
		fmt.Printf("%s%s  %s\n", r[0], strings.Repeat(" ", w-len([]rune(r[0]))), r[1])
	}
}
