package app

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edgeplay/edgeplay/engine"
	"github.com/edgeplay/edgeplay/engine/traffic"
)

const edgeHead = "export const config = { runtime: 'edge' }\n"

// testApp starts a real engine on a temporary project, an App attached to
// it and a browser-mode Server, all on loopback.
func testApp(t *testing.T, files map[string]string) (*App, *Server, string) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e, err := engine.New(engine.Options{Dir: dir, Port: -1, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-e.Ready()
	a, err := New(Options{Mode: "browser", ConfigDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	a.Attach(e)
	srv, err := NewServer(a, ServerOptions{Token: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	a.SetEmitter(srv)
	t.Cleanup(func() { srv.Close(); a.Close(); e.Close() })
	return a, srv, "http://127.0.0.1:" + srv.port
}

func call(t *testing.T, base, method string, out any, args ...any) (int, string) {
	t.Helper()
	body, _ := json.Marshal(args)
	if args == nil {
		body = []byte("[]")
	}
	req, _ := http.NewRequest("POST", base+"/rpc/"+method, strings.NewReader(string(body)))
	req.Header.Set("X-Edgeplay-Token", "secret")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if out != nil && res.StatusCode == 200 {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s: %v: %s", method, err, b)
		}
	}
	return res.StatusCode, string(b)
}

func TestServerGuards(t *testing.T) {
	_, _, base := testApp(t, map[string]string{"pages/api/a.ts": edgeHead + "export default () => new Response('a')\n"})
	port := strings.TrimPrefix(base, "http://127.0.0.1:")
	tests := []struct {
		name   string
		path   string
		host   string
		origin string
		token  string
		status int
	}{
		{"good call", "/rpc/Info", "", "", "secret", 200},
		{"localhost host", "/rpc/Info", "localhost:" + port, "", "secret", 200},
		{"own origin", "/rpc/Info", "", "http://127.0.0.1:" + port, "secret", 200},
		{"no token", "/rpc/Info", "", "", "", 403},
		{"wrong token", "/rpc/Info", "", "", "guess", 403},
		{"rebinding host", "/rpc/Info", "evil.example:" + port, "", "secret", 403},
		{"other port host", "/rpc/Info", "127.0.0.1:1", "", "secret", 403},
		{"foreign origin", "/rpc/Info", "", "http://evil.example", "secret", 403},
		{"foreign origin on page", "/", "", "http://evil.example", "", 403},
		{"not an API method", "/rpc/Close", "", "", "secret", 404},
		{"lifecycle method", "/rpc/Startup", "", "", "secret", 404},
		{"page without token", "/", "", "", "", 404}, // built without assets in tests: a 404 page that explains
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := "POST"
			if !strings.HasPrefix(tt.path, "/rpc/") {
				method = "GET"
			}
			req, _ := http.NewRequest(method, base+tt.path, strings.NewReader("[]"))
			if tt.host != "" {
				req.Host = tt.host
			}
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			if tt.token != "" {
				req.Header.Set("X-Edgeplay-Token", tt.token)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tt.status {
				t.Errorf("got %d %s, want %d", res.StatusCode, b, tt.status)
			}
		})
	}
}

func TestRPCCalls(t *testing.T) {
	_, _, base := testApp(t, map[string]string{
		"pages/api/a.ts":          edgeHead + "export default () => new Response('hello a')\n",
		"pages/api/users/[id].ts": edgeHead + "export default (req: Request) => new Response(new URL(req.url).searchParams.get('id'))\n",
	})
	var info Info
	if code, body := call(t, base, "Info", &info); code != 200 || info.URL == "" || info.Limit != 1<<20 || len(info.Plans) != 3 {
		t.Fatalf("Info: %d %s", code, body)
	}
	var routes []engine.RouteInfo
	call(t, base, "Routes", &routes)
	if len(routes) != 2 || routes[0].Pattern != "/api/a" || routes[1].Pattern != "/api/users/[id]" {
		t.Fatalf("Routes: %+v", routes)
	}
	// Wrong arguments are a 400 that says what is wrong.
	if code, body := call(t, base, "Exchange", nil, "not a number"); code != 400 || !strings.Contains(body, "Exchange argument 1") {
		t.Errorf("bad argument: %d %s", code, body)
	}
	if code, body := call(t, base, "Exchange", nil); code != 400 || !strings.Contains(body, "takes 1 arguments, got 0") {
		t.Errorf("missing argument: %d %s", code, body)
	}
	// Errors of the method are a 500 with its text.
	if code, body := call(t, base, "Exchange", nil, 999); code != 500 || !strings.Contains(body, "no longer in the log") {
		t.Errorf("missing exchange: %d %s", code, body)
	}
	// Send goes out as real HTTP and the exchange it made is found by
	// the client address.
	var sent SendResult
	if code, body := call(t, base, "Send", &sent, ComposerRequest{Method: "GET", URL: "/api/users/42?x=1", BodyKind: "none"}); code != 200 || sent.Client == "" {
		t.Fatalf("Send: %d %s", code, body)
	}
	var found traffic.Exchange
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && !found.Done {
		var xs []traffic.Exchange
		call(t, base, "Exchanges", &xs)
		for _, x := range xs {
			if x.Client == sent.Client {
				call(t, base, "Exchange", &found, x.Seq)
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !found.Done || found.Status != 200 || string(found.RespBody) != "42" || found.Route != "/api/users/[id]" {
		t.Fatalf("the composer's exchange: %+v", found)
	}
	// Other origins are refused.
	if code, body := call(t, base, "Send", nil, ComposerRequest{Method: "GET", URL: "http://example.com/"}); code != 500 || !strings.Contains(body, "another origin") {
		t.Errorf("foreign send: %d %s", code, body)
	}
	// History records it, newest first.
	deadline = time.Now().Add(5 * time.Second)
	var hist []HistoryEntry
	for time.Now().Before(deadline) && len(hist) == 0 {
		call(t, base, "History", &hist)
		time.Sleep(20 * time.Millisecond)
	}
	if len(hist) != 1 || hist[0].Status != 200 || hist[0].Seq != found.Seq {
		t.Errorf("history: %+v", hist)
	}
	// Saved requests round-trip through files.
	var saved SavedRequest
	call(t, base, "SaveRequest", &saved, SavedRequest{Name: "User 42!", ComposerRequest: ComposerRequest{Method: "GET", URL: "/api/users/42"}})
	if !strings.HasPrefix(saved.ID, "user-42-") {
		t.Errorf("saved id %q", saved.ID)
	}
	var list []SavedRequest
	call(t, base, "SavedRequests", &list)
	if len(list) != 1 || list[0].Name != "User 42!" || list[0].URL != "/api/users/42" {
		t.Errorf("saved: %+v", list)
	}
	if code, _ := call(t, base, "DeleteRequest", nil, saved.ID); code != 200 {
		t.Errorf("delete: %d", code)
	}
	call(t, base, "SavedRequests", &list)
	if len(list) != 0 {
		t.Errorf("after delete: %+v", list)
	}
	if code, body := call(t, base, "DeleteRequest", nil, "../../etc/passwd"); code != 500 || !strings.Contains(body, "invalid request id") {
		t.Errorf("path in id: %d %s", code, body)
	}
	// Browser mode cannot switch projects or show dialogs.
	if code, body := call(t, base, "OpenProject", nil, "/"); code != 500 || !strings.Contains(body, "browser mode") {
		t.Errorf("OpenProject: %d %s", code, body)
	}
	// Sizes come from the analysis that follows the builds: a moment
	// after ready.
	var bi BundleInfo
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		code, body := call(t, base, "Bundle", &bi, "pages/api/a.ts")
		if code == 200 && bi.Current != nil && bi.Current.Gzip > 0 {
			break
		}
		if code != 200 || time.Now().After(deadline) {
			t.Errorf("Bundle: %d %s", code, body)
			break
		}
	}
}

// Events reach the page as SSE, batched, with chunks as their own events.
func TestEventStream(t *testing.T) {
	a, _, base := testApp(t, map[string]string{
		"pages/api/s.ts": edgeHead + `export default () => new Response(new ReadableStream({
  async start(c) { for (let i = 0; i < 3; i++) { c.enqueue(new TextEncoder().encode('x' + i)); await new Promise(r => setTimeout(r, 30)) } c.close() } }))
`,
	})
	res, err := http.Get(base + "/events?token=secret")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	lines := make(chan string, 1000)
	go func() {
		sc := bufio.NewScanner(res.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	<-lines // the stream's opening comment
	http.Get(a.Engine().URL() + "/api/s")
	var chunks, ends, batches int
	timeout := time.After(5 * time.Second)
	for ends == 0 || chunks < 3 {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatal("stream ended")
			}
			if l == "event: "+EventBatch {
				batches++
			}
			if data, ok := strings.CutPrefix(l, "data: "); ok {
				var evs []engine.Event
				if err := json.Unmarshal([]byte(data), &evs); err != nil {
					continue // another event kind
				}
				for _, ev := range evs {
					switch ev.Type {
					case "exchange:chunk":
						chunks++
					case "exchange:end":
						ends++
						if ev.Traffic.Exchange.Chunks != nil {
							t.Error("snapshots in events must not carry chunks")
						}
					}
				}
			}
		case <-timeout:
			t.Fatalf("got %d chunks, %d ends in %d batches", chunks, ends, batches)
		}
	}
	if batches < 2 {
		t.Errorf("chunks 30 ms apart came in %d batch(es): batching must not hold a stream back", batches)
	}
}

func TestBatcherCoalesces(t *testing.T) {
	var mu sync.Mutex
	var got [][]engine.Event
	b := newBatcher(func(evs []engine.Event) { mu.Lock(); got = append(got, evs); mu.Unlock() })
	snap := func(kind string, seq uint64) engine.Event {
		return engine.Event{Type: kind, Traffic: &traffic.Event{Kind: kind, Seq: seq, Exchange: &traffic.Exchange{Seq: seq}}}
	}
	chunk := engine.Event{Type: "exchange:chunk", Traffic: &traffic.Event{Kind: "exchange:chunk", Seq: 1, Chunk: &traffic.Chunk{Index: 0}}}
	for _, ev := range []engine.Event{snap("exchange:start", 1), snap("exchange:head", 1), chunk, snap("exchange:start", 2), snap("exchange:end", 1)} {
		b.add(ev)
	}
	time.Sleep(3 * flushInterval)
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("batches: %d", len(got))
	}
	var kinds []string
	for _, ev := range got[0] {
		kinds = append(kinds, fmt.Sprintf("%s/%d", ev.Type, ev.Traffic.Seq))
	}
	if want := "exchange:end/1 exchange:chunk/1 exchange:start/2"; strings.Join(kinds, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(kinds, " "), want)
	}
	// A full batch goes at once.
	got = nil
	mu.Unlock()
	for i := 0; i < maxBatch; i++ {
		b.add(engine.Event{Type: "log"})
	}
	mu.Lock()
	if len(got) != 1 || len(got[0]) != maxBatch {
		t.Errorf("full batch: %d batches", len(got))
	}
}

func TestResolveTarget(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"/api/hello", "http://127.0.0.1:3000/api/hello", ""},
		{"/api/x?a=1#f", "http://127.0.0.1:3000/api/x?a=1#f", ""},
		{"http://localhost:3000/api/x", "http://127.0.0.1:3000/api/x", ""},
		{"http://127.0.0.1:3000/api/x", "http://127.0.0.1:3000/api/x", ""},
		{"http://localhost:3001/api/x", "", "another origin"},
		{"https://localhost:3000/api/x", "", "another origin"},
		{"http://example.com/", "", "another origin"},
		{"", "", "enter a URL"},
	}
	for _, tt := range tests {
		got, err := resolveTarget("http://127.0.0.1:3000", tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: err %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q: got %q %v, want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestEditorArgs(t *testing.T) {
	tests := []struct{ cmd, want string }{
		{"code", "code -g /p/a.ts:3:5"},
		{"code -g", "code -g /p/a.ts:3:5"},
		{"'/opt/My Editor/bin/subl'", "/opt/My Editor/bin/subl /p/a.ts:3:5"},
		{"idea", "idea --line 3 --column 5 /p/a.ts"},
		{"myedit +{line} {file}", "myedit +3 /p/a.ts"},
		{"gedit", "gedit /p/a.ts"},
	}
	for _, tt := range tests {
		got, err := editorArgs(tt.cmd, "/p/a.ts", 3, 5)
		if err != nil || strings.Join(got, " ") != tt.want {
			t.Errorf("%q: got %q %v, want %q", tt.cmd, got, err, tt.want)
		}
	}
	if !terminalEditor("vim") || !terminalEditor("nvim -p") || terminalEditor("code --wait") {
		t.Error("terminalEditor")
	}
}

func TestSettingsAndAtomicWrites(t *testing.T) {
	dir := t.TempDir()
	s := newSettingsStore(filepath.Join(dir, "settings.json"))
	for _, p := range []string{"/a", "/b", "/a", "/c"} {
		if err := s.opened(p); err != nil {
			t.Fatal(err)
		}
	}
	st, _ := s.get()
	if st.LastProject != "/c" || strings.Join(st.Recent, ",") != "/c,/a,/b" || st.Theme != "system" {
		t.Errorf("settings: %+v", st)
	}
	// A damaged file is reported with its name and left alone.
	os.WriteFile(filepath.Join(dir, "settings.json"), []byte("{not json"), 0o644)
	if _, err := s.get(); err == nil || !strings.Contains(err.Error(), "settings.json is not valid JSON") {
		t.Errorf("damaged: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "settings.json")); string(b) != "{not json" {
		t.Error("damaged settings overwritten")
	}
	// No temp files stay behind.
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("files: %v", ents)
	}
}
