//go:build unix

// Unix only: the cases chmod files, make symbolic links and read the
// process's CPU time with getrusage.

package engine

// Hostile and broken project files (issue 5). Each case breaks a project on
// disk while a real engine serves it, with the watcher on, over real HTTP,
// and checks that:
//
//   - the answer (and the log, and Diagnostics) says what is wrong, where
//     (file:line:col when there is a line) and how to fix it; never a crash,
//     a hang, or a dump of garbage;
//   - /api/ok, a healthy route, keeps answering 200 throughout, unless the
//     case takes it away (pages/api or the project deleted);
//   - the process does not spin while the project is broken;
//   - fixing the files heals the route, without a restart;
//   - nothing is left behind: goroutines come back to where they were, no
//     esbuild context outlives its route, and after Close nothing of the
//     engine runs (goleak).

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"go.uber.org/goleak"

	"github.com/edgeplay/edgeplay/engine/graph"
)

const okRoute = edgeHead + "export default () => new Response('ok')\n"

// hAnswer is what a request must get: the status and every want substring,
// none of the not substrings.
type hAnswer struct {
	path   string
	status int
	want   []string
	not    []string
}

type hostileCase struct {
	name  string
	files map[string]string            // written before the engine starts, besides pages/api/ok.ts
	setup func(t *testing.T, h *hproj) // before the engine starts, after files
	skip  string                       // non-empty: the reason to skip

	breakIt func(t *testing.T, h *hproj) // nil: the project starts broken
	broken  []hAnswer
	diags   []string // substrings of Engine.Diagnostics while broken
	logs    []string // substrings of the log while broken

	fix   func(t *testing.T, h *hproj)
	fixed []hAnswer
	// cleanDiags: Diagnostics must no longer contain these once fixed.
	cleanDiags []string

	okGoes bool // the case takes /api/ok away too
	cycles int  // break and fix this many times (default 1)
}

func TestHostileProjectFiles(t *testing.T) {
	tests := []hostileCase{
		{
			name: "syntax error in a route",
			breakIt: func(t *testing.T, h *hproj) {
				h.write("pages/api/bad.ts", edgeHead+"export default () => new Response('x'\n")
			},
			broken: []hAnswer{{path: "/api/bad", status: 500, want: []string{
				"Failed to compile pages/api/bad.ts",
				`pages/api/bad.ts:3:1: error: Expected ")" but found end of file`,
				"edgeplay rebuilds the route when you save a fix",
			}}},
			logs: []string{`pages/api/bad.ts:3:1: error: Expected ")" but found end of file`},
			fix: func(t *testing.T, h *hproj) {
				h.write("pages/api/bad.ts", edgeHead+"export default () => new Response('fixed')\n")
			},
			fixed: []hAnswer{{path: "/api/bad", status: 200, want: []string{"fixed"}}},
		},
		{
			name: "syntax error in an imported file",
			files: map[string]string{
				"lib/util.ts":       "export const word = 'util'\n",
				"pages/api/uses.ts": edgeHead + "import { word } from '../../lib/util'\nexport default () => new Response(word)\n",
			},
			breakIt: func(t *testing.T, h *hproj) { h.write("lib/util.ts", "export const word = {\n  a: 1,,\n}\n") },
			broken: []hAnswer{{path: "/api/uses", status: 500, want: []string{
				"Failed to compile pages/api/uses.ts", "lib/util.ts:2:8: error: Expected identifier but found \",\"",
			}}},
			fix:   func(t *testing.T, h *hproj) { h.write("lib/util.ts", "export const word = 'mended'\n") },
			fixed: []hAnswer{{path: "/api/uses", status: 200, want: []string{"mended"}}},
		},
		{
			name: "binary file named .ts",
			breakIt: func(t *testing.T, h *hproj) {
				// A PNG header (its fourth line starts with a NUL) and random
				// bytes: what a misnamed image looks like.
				b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
				r := rand.New(rand.NewPCG(1, 2))
				for range 4096 {
					b = append(b, byte(r.Uint32()))
				}
				h.writeBytes("pages/api/blob.ts", b)
			},
			broken: []hAnswer{{path: "/api/blob", status: 500,
				want: []string{
					"Failed to compile pages/api/blob.ts",
					"pages/api/blob.ts:3:1: error: pages/api/blob.ts is not a text file, so it cannot be JavaScript or TypeScript: it holds binary data (a NUL byte at offset 8)",
					"replace it with the route's source code, or move it out of the api folder",
				},
				not: []string{"Unexpected", "\x00", "PNG"}}},
			fix: func(t *testing.T, h *hproj) {
				h.write("pages/api/blob.ts", edgeHead+"export default () => new Response('source now')\n")
			},
			fixed: []hAnswer{{path: "/api/blob", status: 200, want: []string{"source now"}}},
		},
		{
			name: "UTF-16 source",
			breakIt: func(t *testing.T, h *hproj) {
				b := []byte{0xFF, 0xFE}
				for _, u := range utf16.Encode([]rune(edgeHead + "export default () => new Response('wide')\n")) {
					b = append(b, byte(u), byte(u>>8))
				}
				h.writeBytes("pages/api/wide.ts", b)
			},
			broken: []hAnswer{{path: "/api/wide", status: 500, want: []string{
				"pages/api/wide.ts:1:1: error: pages/api/wide.ts is UTF-16 text, but JavaScript and TypeScript sources must be UTF-8. Save it as UTF-8",
			}, not: []string{"Unexpected"}}},
			fix: func(t *testing.T, h *hproj) {
				h.write("pages/api/wide.ts", edgeHead+"export default () => new Response('wide')\n")
			},
			fixed: []hAnswer{{path: "/api/wide", status: 200, want: []string{"wide"}}},
		},
		{
			name:  "10 MB route",
			files: map[string]string{"pages/api/other.ts": edgeHead + "export default () => new Response('other v1')\n"},
			breakIt: func(t *testing.T, h *hproj) {
				bigRoute(t, h)
			},
			broken: []hAnswer{{path: "/api/other", status: 200, want: []string{"other v2"}}},
			fix:    func(t *testing.T, h *hproj) { h.remove("pages/api/big.ts") },
			fixed:  []hAnswer{{path: "/api/big", status: 404}},
		},
		{
			name: "symlink loop at start",
			files: map[string]string{
				"pages/api/sub/inner.ts": edgeHead + "export default () => new Response('inner')\n",
			},
			setup: func(t *testing.T, h *hproj) { h.symlink("..", "pages/api/sub/up") },
			broken: []hAnswer{
				{path: "/api/sub/inner", status: 200, want: []string{"inner"}},
				{path: "/api/sub/up/sub/inner", status: 404, want: []string{"pages/api/sub/up is a symbolic link to pages/api, a folder that holds it"}},
			},
			diags: []string{"pages/api/sub/up: warning: pages/api/sub/up is a symbolic link to pages/api, a folder that holds it: following it would loop forever. edgeplay does not follow it. Remove the link"},
			logs:  []string{"pages/api/sub/up is a symbolic link to pages/api, a folder that holds it"},
			fix:   func(t *testing.T, h *hproj) { h.remove("pages/api/sub/up") },
			fixed: []hAnswer{{path: "/api/sub/inner", status: 200, want: []string{"inner"}}},

			cleanDiags: []string{"symbolic link"},
		},
		{
			name: "symlink loops while serving",
			breakIt: func(t *testing.T, h *hproj) {
				h.symlink(".", "pages/api/loop")
				h.symlink("self.ts", "pages/api/self.ts")
				h.symlink(".", "pages/api/dir.ts") // a folder link with a route's name
			},
			broken: []hAnswer{{path: "/api/self", status: 500, want: []string{
				"pages/api/self.ts: error: pages/api/self.ts is a symbolic link that loops: it points, directly or through other links, back at itself.",
				"too many levels of symbolic links",
			}}, {path: "/api/dir", status: 404, want: []string{"pages/api/dir.ts is a symbolic link to pages/api, a folder that holds it"}}},
			diags: []string{
				"pages/api/loop is a symbolic link to pages/api, a folder that holds it",
				"pages/api/dir.ts is a symbolic link to pages/api, a folder that holds it",
			},
			fix: func(t *testing.T, h *hproj) {
				h.remove("pages/api/loop")
				h.remove("pages/api/self.ts")
				h.remove("pages/api/dir.ts")
			},
			fixed:      []hAnswer{{path: "/api/self", status: 404}},
			cleanDiags: []string{"symbolic link"},
		},
		{
			// next dev compares a route's static text with the path still
			// percent-encoded (measured, see routes.unreachableDiags): these
			// two files cannot be reached, and the 404 says why. Params are
			// decoded as Next decodes them.
			name: "names with spaces and unicode",
			files: map[string]string{
				"pages/api/hello world.ts":   edgeHead + "export default () => new Response('hello')\n",
				"pages/api/café/[id].ts":     edgeHead + "export default (req: Request) => new Response(new URL(req.url).searchParams.get('id'))\n",
				"pages/api/echo/[word].ts":   edgeHead + "export default (req: Request) => new Response(new URL(req.url).searchParams.get('word'))\n",
				"pages/api/echo/ok space.ts": edgeHead + "export default () => new Response('unreachable')\n",
			},
			broken: []hAnswer{
				{path: "/api/hello%20world", status: 404, want: []string{
					`pages/api/hello world.ts would answer /api/hello world if the path were decoded, but: No request can reach /api/hello world: clients send ' ' percent-encoded, and Next.js compares the path without decoding it. Rename "hello world" to use only ASCII letters`,
				}},
				{path: "/api/caf%C3%A9/42", status: 404, want: []string{
					`pages/api/café/[id].ts would answer /api/café/42 if the path were decoded, but: No request can reach /api/café/[id]: clients send 'é' percent-encoded`,
				}},
				{path: "/api/echo/hello%20world", status: 200, want: []string{"hello world"}},
				{path: "/api/echo/caf%C3%A9", status: 200, want: []string{"café"}},
				// A dynamic route that matches wins, as in Next: no hint.
				{path: "/api/echo/ok%20space", status: 200, want: []string{"ok space"}},
				{path: "/api/nothing%20here", status: 404, not: []string{"would answer"}},
			},
			diags: []string{
				"pages/api/hello world.ts: warning: No request can reach /api/hello world",
				"pages/api/café/[id].ts: warning: No request can reach /api/café/[id]",
			},
			fix: func(t *testing.T, h *hproj) {
				h.rename("pages/api/hello world.ts", "pages/api/hello-world.ts")
				h.rename("pages/api/café", "pages/api/cafe")
			},
			fixed: []hAnswer{
				{path: "/api/hello-world", status: 200, want: []string{"hello"}},
				{path: "/api/cafe/42", status: 200, want: []string{"42"}},
			},
			cleanDiags: []string{"/api/hello world", "/api/café"},
		},
		{
			name:  "unreadable file",
			skip:  rootSkip(),
			files: map[string]string{"pages/api/secret.ts": edgeHead + "export default () => new Response('secret')\n"},
			breakIt: func(t *testing.T, h *hproj) {
				if err := os.Chmod(h.path("pages/api/secret.ts"), 0); err != nil {
					t.Fatal(err)
				}
			},
			broken: []hAnswer{{path: "/api/secret", status: 500, want: []string{
				"pages/api/secret.ts: error: edgeplay is not allowed to read pages/api/secret.ts (permission denied). Make it readable, e.g. chmod a+r 'pages/api/secret.ts'",
			}}},
			fix: func(t *testing.T, h *hproj) {
				if err := os.Chmod(h.path("pages/api/secret.ts"), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			fixed: []hAnswer{{path: "/api/secret", status: 200, want: []string{"secret"}}},
		},
		{
			name:   "pages/api deleted and recreated",
			files:  map[string]string{"pages/api/deep/[id].ts": edgeHead + "export default () => new Response('deep')\n"},
			okGoes: true,
			cycles: 3,
			breakIt: func(t *testing.T, h *hproj) {
				if err := os.RemoveAll(h.path("pages/api")); err != nil {
					t.Fatal(err)
				}
			},
			broken: []hAnswer{
				{path: "/api/ok", status: 404, want: []string{
					"404: This page could not be found.",
					"pages/api is gone: it was deleted or renamed while edgeplay was serving, so no route is served. Restore it",
					"its routes come back, without a restart",
				}},
				{path: "/api/deep/1", status: 404, want: []string{"pages/api is gone"}},
			},
			diags: []string{"error: pages/api is gone", "pages/ has no api/ folder"},
			logs:  []string{"error: pages/api is gone"},
			fix: func(t *testing.T, h *hproj) {
				h.write("pages/api/ok.ts", okRoute)
				h.write("pages/api/deep/[id].ts", edgeHead+"export default () => new Response('deep')\n")
			},
			fixed: []hAnswer{
				{path: "/api/ok", status: 200, want: []string{"ok"}},
				{path: "/api/deep/1", status: 200, want: []string{"deep"}},
			},
			cleanDiags: []string{"is gone"},
		},
		{
			name:   "project folder removed",
			okGoes: true,
			breakIt: func(t *testing.T, h *hproj) {
				if err := os.RemoveAll(h.dir); err != nil {
					t.Fatal(err)
				}
			},
			broken: []hAnswer{{path: "/api/ok", status: 404, want: []string{
				"The project folder " + "%ROOT%" + " is gone: it was deleted or moved while edgeplay was serving",
				"Put it back and edgeplay serves it again",
			}}},
			diags: []string{"is gone"},
			logs:  []string{"error: The project folder"},
			fix:   func(t *testing.T, h *hproj) { h.write("pages/api/ok.ts", okRoute) },
			fixed: []hAnswer{{path: "/api/ok", status: 200, want: []string{"ok"}}},

			cleanDiags: []string{"is gone"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runHostile(t, tt) })
	}
}

func rootSkip() string {
	if os.Geteuid() == 0 {
		return "running as root: chmod 000 does not stop root from reading the file, so the permission error cannot happen"
	}
	return ""
}

func runHostile(t *testing.T, tt hostileCase) {
	if tt.skip != "" {
		t.Skip(tt.skip)
	}
	// Registered first, so it runs last: after the engine's Close.
	leakOpt := goleak.IgnoreCurrent()
	bundlers0 := graph.OpenContexts()
	t.Cleanup(func() {
		http.DefaultClient.CloseIdleConnections()
		if n := graph.OpenContexts() - bundlers0; n != 0 {
			t.Errorf("%d esbuild contexts still open after Close", n)
		}
		goleak.VerifyNone(t, leakOpt)
	})

	h := newHproj(t)
	h.write("pages/api/ok.ts", okRoute)
	for name, src := range tt.files {
		h.write(name, src)
	}
	if tt.setup != nil {
		tt.setup(t, h)
	}
	h.start()
	h.expect(hAnswer{path: "/api/ok", status: 200, want: []string{"ok"}})
	baseline := settledGoroutines(0)

	var poll *poller
	if !tt.okGoes {
		poll = startPoller(h.url + "/api/ok")
		t.Cleanup(func() { poll.stop() })
	}
	cycles := max(tt.cycles, 1)
	for cycle := 1; cycle <= cycles; cycle++ {
		mark := h.log.Len()
		if tt.breakIt == nil {
			mark = 0 // broken from the start
		}
		if tt.breakIt != nil {
			tt.breakIt(t, h)
		}
		for _, a := range tt.broken {
			h.expect(a)
		}
		for _, want := range tt.diags {
			h.hasDiag(want)
		}
		for _, want := range tt.logs {
			h.hasLog(mark, want)
		}
		if tt.okGoes {
			// Every route went away: so must every esbuild context.
			h.bundlersDown(bundlers0)
		}
		h.idleCPU()
		if tt.fix == nil {
			continue
		}
		tt.fix(t, h)
		for _, a := range tt.fixed {
			h.expect(a)
		}
		for _, gone := range tt.cleanDiags {
			h.noDiag(gone)
		}
		if cycles > 1 {
			t.Logf("cycle %d: %d goroutines (baseline %d), %d esbuild contexts open", cycle, runtime.NumGoroutine(), baseline, graph.OpenContexts()-bundlers0)
		}
	}
	if poll != nil {
		st := poll.stop()
		t.Logf("/api/ok meanwhile: %s", st)
		if len(st.fails) > 0 {
			t.Errorf("/api/ok failed %d of %d times while the project was broken, first: %s", len(st.fails), st.n, st.fails[0])
		}
	}

	// Nothing left behind while the engine runs on.
	if n := settledGoroutines(baseline + 2); n > baseline+2 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines: %d after the fix, %d before the break\n%s", n, baseline, buf[:runtime.Stack(buf, true)])
	}
	if open, held := graph.OpenContexts()-bundlers0, h.heldBundlers(); open != held {
		t.Errorf("%d esbuild contexts open, but the routes hold %d: the others leaked", open, held)
	}
}

// bigRoute writes a 10 MB route while the engine serves, and measures: the
// build's time, /api/ok's latency meanwhile, and how long a save of another
// route waits for the big build (they share the watch loop).
func bigRoute(t *testing.T, h *hproj) {
	var b strings.Builder
	b.WriteString(edgeHead)
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	line := make([]byte, 64)
	for i := 0; b.Len() < 10<<20; i++ {
		for j := range line {
			line[j] = alphabet[r.IntN(len(alphabet))]
		}
		fmt.Fprintf(&b, "export const k%06d = %q\n", i, line)
	}
	b.WriteString("export default () => new Response('big ' + k000000.length)\n")
	src := b.String()

	lat := startPoller(h.url + "/api/ok")
	t.Cleanup(func() { lat.stop() })
	start := time.Now()
	h.write("pages/api/big.ts", src)
	// A save of another route while the big one builds.
	time.Sleep(100 * time.Millisecond)
	saved := time.Now()
	h.write("pages/api/other.ts", edgeHead+"export default () => new Response('other v2')\n")
	var otherAt time.Duration
	done, quit := make(chan struct{}), make(chan struct{})
	t.Cleanup(func() { close(quit); <-done })
	go func() {
		defer close(done)
		for time.Since(saved) < time.Minute {
			select {
			case <-quit:
				return
			default:
			}
			if code, body := h.get("/api/other"); code == 200 && body == "other v2" {
				otherAt = time.Since(saved)
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()

	info := h.waitBuilt("pages/api/big.ts", 3*time.Minute)
	built := time.Since(start)
	<-done
	info = h.waitSized("pages/api/big.ts", 3*time.Minute) // sizes come from the analysis that follows builds
	res, err := h.client.Get(h.url + "/api/big")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	first := time.Since(start) - built
	st := lat.stop()
	gzip := 0
	if info.Build != nil {
		gzip = info.Build.Gzip
	}
	t.Logf("10 MB route (%d bytes): built in %v (esbuild %v), state %s, gzip %d; first request %v: %d %q %q",
		len(src), built.Round(time.Millisecond), buildDur(info), info.State, gzip, first.Round(time.Millisecond),
		res.StatusCode, firstLine(string(body)), res.Header.Get("x-edgeplay-warning"))
	t.Logf("a save of another route during the build answered after %v", otherAt.Round(time.Millisecond))
	t.Logf("/api/ok during the build: %s", st)
	if len(st.fails) > 0 {
		t.Errorf("/api/ok failed during the big build: %v", st.fails[0])
	}
	// Builds run off the watch loop and the server: a blocked one would
	// answer only when the big build is done. Relative to the build time,
	// so that a slow machine does not fail it.
	responsive := max(time.Second, built/4)
	if st.max > responsive {
		t.Errorf("/api/ok took up to %v while the big route built in %v: the server must stay responsive", st.max, built)
	}
	if otherAt == 0 || otherAt > responsive {
		t.Errorf("a save of another route answered after %v while the big route built", otherAt)
	}
	// Built and served flagged over the size limit, or failed with a size
	// diagnostic: either way the user is told the size, in words.
	var sized bool
	for _, d := range info.Diags {
		sized = sized || strings.Contains(d.Text, "size is") && strings.Contains(d.Text, "size limit")
	}
	switch {
	case !sized:
		t.Errorf("no size diagnostic for the 10 MB route: %+v", info.Diags)
	case res.StatusCode == 200 && (string(body) != "big 64" || res.Header.Get("x-edgeplay-warning") == ""):
		t.Errorf("the big route answered %q without the size warning header", body)
	case res.StatusCode != 200 && !strings.Contains(string(body), "size"):
		t.Errorf("the big route answered %d %q", res.StatusCode, body)
	}
}

func buildDur(ri RouteInfo) time.Duration {
	if ri.Build == nil {
		return 0
	}
	return ri.Build.Duration.Round(time.Millisecond)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// hproj is a project on disk and the engine serving it.
type hproj struct {
	t      *testing.T
	dir    string
	e      *Engine
	url    string
	log    *syncLog
	client *http.Client
}

func newHproj(t *testing.T) *hproj {
	// EvalSymlinks: on macOS the temp folder is behind a link, and the
	// messages name the folder the engine resolved.
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &hproj{t: t, dir: filepath.Join(dir, "project"), log: &syncLog{}, client: &http.Client{Transport: tr, Timeout: 2 * time.Minute}}
}

func (h *hproj) start() {
	t := h.t
	e := startEngine(t, Options{Dir: h.dir, Log: h.log}, 30*time.Second)
	h.e, h.url = e, e.URL()
}

func (h *hproj) path(name string) string { return filepath.Join(h.dir, filepath.FromSlash(name)) }

func (h *hproj) write(name, src string) { h.writeBytes(name, []byte(src)) }

func (h *hproj) writeBytes(name string, b []byte) {
	h.t.Helper()
	p := h.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		h.t.Fatal(err)
	}
}

func (h *hproj) remove(name string) {
	h.t.Helper()
	if err := os.Remove(h.path(name)); err != nil {
		h.t.Fatal(err)
	}
}

func (h *hproj) rename(from, to string) {
	h.t.Helper()
	if err := os.Rename(h.path(from), h.path(to)); err != nil {
		h.t.Fatal(err)
	}
}

func (h *hproj) symlink(target, name string) {
	h.t.Helper()
	if err := os.MkdirAll(filepath.Dir(h.path(name)), 0o755); err != nil {
		h.t.Fatal(err)
	}
	if err := os.Symlink(target, h.path(name)); err != nil {
		h.t.Fatal(err)
	}
}

func (h *hproj) get(path string) (int, string) {
	res, err := h.client.Get(h.url + path)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// expect polls until path answers as a says (15 s at most), then checks
// that the answer is clean text.
func (h *hproj) expect(a hAnswer) {
	h.t.Helper()
	for i := range a.want {
		a.want[i] = strings.ReplaceAll(a.want[i], "%ROOT%", h.dir)
	}
	deadline := time.Now().Add(15 * time.Second)
	var code int
	var body string
	for {
		code, body = h.get(a.path)
		if code == a.status && containsAll(body, a.want) {
			break
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("GET %s: last answer %d %q\nwant %d with %q", a.path, code, body, a.status, a.want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	// HOSTILE_SHOW=1 logs each error answer as the user sees it.
	if os.Getenv("HOSTILE_SHOW") != "" && a.status != 200 {
		h.t.Logf("GET %s → %d\n%s", a.path, code, body)
	}
	for _, n := range a.not {
		if strings.Contains(body, n) {
			h.t.Errorf("GET %s: the answer contains %q:\n%s", a.path, n, body)
		}
	}
	if !utf8.ValidString(body) || strings.ContainsFunc(body, func(r rune) bool { return r < ' ' && r != '\n' && r != '\t' }) {
		h.t.Errorf("GET %s: the answer is not clean text: %q", a.path, body)
	}
}

func containsAll(s string, subs []string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

func (h *hproj) diagText() string {
	var b strings.Builder
	for _, d := range h.e.Diagnostics() {
		b.WriteString(d.Format())
	}
	return b.String()
}

func (h *hproj) hasDiag(want string) {
	h.t.Helper()
	want = strings.ReplaceAll(want, "%ROOT%", h.dir)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(h.diagText(), want) {
		if time.Now().After(deadline) {
			h.t.Errorf("Diagnostics lack %q:\n%s", want, h.diagText())
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (h *hproj) noDiag(gone string) {
	h.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for strings.Contains(h.diagText(), gone) {
		if time.Now().After(deadline) {
			h.t.Errorf("Diagnostics still mention %q after the fix:\n%s", gone, h.diagText())
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (h *hproj) hasLog(from int, want string) {
	h.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(h.log.From(from), want) {
		if time.Now().After(deadline) {
			h.t.Errorf("the log lacks %q:\n%s", want, h.log.Messages(from))
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitBuilt waits for a route to exist and be built (ok or failed).
// waitSized waits for the route's size (the analysis after its build).
func (h *hproj) waitSized(file string, limit time.Duration) RouteInfo {
	h.t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		for _, ri := range h.e.Routes() {
			if ri.File == file && ri.Build != nil && ri.Build.Gzip > 0 {
				return ri
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	h.t.Fatalf("%s has no size after %v", file, limit)
	return RouteInfo{}
}

func (h *hproj) waitBuilt(file string, limit time.Duration) RouteInfo {
	h.t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		for _, ri := range h.e.Routes() {
			if ri.File == file && ri.State != StateBuilding {
				return ri
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	h.t.Fatalf("%s not built after %v", file, limit)
	return RouteInfo{}
}

// bundlersDown waits (5 s at most) for the open esbuild contexts to come
// back to n.
func (h *hproj) bundlersDown(n int64) {
	h.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for graph.OpenContexts() != n {
		if time.Now().After(deadline) {
			h.t.Errorf("%d esbuild contexts still open with no route left", graph.OpenContexts()-n)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// heldBundlers counts the esbuild contexts the engine's build graph holds.
func (h *hproj) heldBundlers() int64 {
	h.e.mu.Lock()
	defer h.e.mu.Unlock()
	return int64(h.e.graph.Stats().Contexts)
}

// idleCPU checks that the process does not spin while the project is
// broken: a watcher recursing into a loop, or retrying a folder that is
// gone, would burn a core without end. The process's CPU time (getrusage)
// is read over half-second windows; one of the first six must stay under
// 30% of a core. A spin fills all of them, while a one-off burst (the
// collection of a 10 MB route's garbage) passes.
func (h *hproj) idleCPU() {
	h.t.Helper()
	read := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			h.t.Fatal(err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	var seen []string
	for range 6 {
		before, t0 := read(), time.Now()
		time.Sleep(500 * time.Millisecond)
		used, wall := read()-before, time.Since(t0)
		if used < wall*3/10 {
			return
		}
		seen = append(seen, used.Round(time.Millisecond).String())
	}
	h.t.Errorf("the process kept using CPU while the project was broken and idle: %s in successive 500 ms windows", strings.Join(seen, ", "))
}

// settledGoroutines waits (3 s at most) for the goroutine count to come
// down to limit, and returns it; limit 0 just lets it settle.
func settledGoroutines(limit int) int {
	deadline := time.Now().Add(3 * time.Second)
	n := runtime.NumGoroutine()
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		m := runtime.NumGoroutine()
		if (limit > 0 && m <= limit) || (limit == 0 && m == n) {
			return m
		}
		n = m
	}
	return n
}

// syncLog is the engine's log, readable while it writes.
type syncLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *syncLog) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Len()
}

func (l *syncLog) From(i int) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()[i:]
}

// Messages is the log from i without the request lines.
func (l *syncLog) Messages(i int) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(l.From(i), "\n") {
		if f := strings.Fields(line); len(f) < 3 || !strings.HasPrefix(f[1], "/") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// poller requests a healthy route every 20 ms and records each answer's
// latency: the routes that are not broken must keep answering.
type poller struct {
	url   string
	once  sync.Once
	quit  chan struct{}
	done  chan struct{}
	mu    sync.Mutex
	lat   []time.Duration
	fails []string
}

type pollStats struct {
	n             int
	p50, p99, max time.Duration
	fails         []string
}

func (s pollStats) String() string {
	return fmt.Sprintf("%d requests, p50 %v, p99 %v, max %v, %d failed", s.n, s.p50, s.p99, s.max, len(s.fails))
}

func startPoller(url string) *poller {
	p := &poller{url: url, quit: make(chan struct{}), done: make(chan struct{})}
	tr := &http.Transport{}
	c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	go func() {
		defer close(p.done)
		defer tr.CloseIdleConnections()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.quit:
				return
			case <-tick.C:
			}
			t0 := time.Now()
			res, err := c.Get(url)
			var fail string
			if err != nil {
				fail = err.Error()
			} else {
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != 200 || string(b) != "ok" {
					fail = fmt.Sprintf("%d %q", res.StatusCode, b)
				}
			}
			d := time.Since(t0)
			p.mu.Lock()
			p.lat = append(p.lat, d)
			if fail != "" {
				p.fails = append(p.fails, fail)
			}
			p.mu.Unlock()
		}
	}()
	return p
}

func (p *poller) stop() pollStats {
	p.once.Do(func() { close(p.quit) })
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	st := pollStats{n: len(p.lat), fails: p.fails}
	if st.n == 0 {
		return st
	}
	l := append([]time.Duration(nil), p.lat...)
	sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
	st.p50, st.p99, st.max = l[st.n/2].Round(time.Microsecond), l[st.n*99/100].Round(time.Microsecond), l[st.n-1].Round(time.Microsecond)
	return st
}
