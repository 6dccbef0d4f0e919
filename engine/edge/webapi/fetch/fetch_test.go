package fetch_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"go.uber.org/goleak"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/fetch"
	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestHeaders(t *testing.T)  { webapitest.RunFile(t, "testdata/headers_test.js") }
func TestRequest(t *testing.T)  { webapitest.RunFile(t, "testdata/request_test.js") }
func TestResponse(t *testing.T) { webapitest.RunFile(t, "testdata/response_test.js") }

// testServer is the network the fetch tests talk to. Handlers that wait
// for the test (lockstep streams, hanging requests) use named gates.
type testServer struct {
	*httptest.Server
	client *http.Client

	mu        sync.Mutex
	gates     map[string]chan struct{}
	cancelled map[string]chan struct{}
	started   map[string]chan struct{}
}

func (s *testServer) chanOf(m map[string]chan struct{}, name string) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := m[name]
	if !ok {
		c = make(chan struct{})
		m[name] = c
	}
	return c
}

func closeOnce(c chan struct{}) {
	select {
	case <-c:
	default:
		close(c)
	}
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	s := &testServer{gates: map[string]chan struct{}{}, cancelled: map[string]chan struct{}{}, started: map[string]chan struct{}{}}
	mux := http.NewServeMux()
	// /echo: the request as JSON.
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		hdr := map[string]string{}
		for k, v := range r.Header {
			hdr[strings.ToLower(k)] = strings.Join(v, ", ")
		}
		if r.Host != "" {
			hdr["host"] = r.Host
		}
		w.Header().Set("content-type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"method": r.Method, "url": r.URL.String(), "headers": hdr, "body": string(body),
			"chunked": len(r.TransferEncoding) > 0 && r.TransferEncoding[0] == "chunked", "length": r.ContentLength,
		})
	})
	// /lockstep?name=N: "one", then waits for /open?name=N, then "two".
	mux.HandleFunc("/lockstep", func(w http.ResponseWriter, r *http.Request) {
		name := r.URL.Query().Get("name")
		w.Header().Set("content-type", "text/plain")
		_, _ = io.WriteString(w, "one")
		w.(http.Flusher).Flush()
		select {
		case <-s.chanOf(s.gates, name):
		case <-r.Context().Done():
			return
		}
		_, _ = io.WriteString(w, "two")
	})
	mux.HandleFunc("/open", func(w http.ResponseWriter, r *http.Request) {
		closeOnce(s.chanOf(s.gates, r.URL.Query().Get("name")))
	})
	// /chunks?n=N&ms=M: N chunks "chunk i\n", M ms apart.
	mux.HandleFunc("/chunks", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
		for i := 0; i < n; i++ {
			if i > 0 {
				time.Sleep(time.Duration(ms) * time.Millisecond)
			}
			fmt.Fprintf(w, "chunk %d\n", i)
			w.(http.Flusher).Flush()
		}
	})
	// /hang?name=N: never answers; /slowbody?name=N answers one chunk and
	// then hangs. Both report their cancellation at /cancelled?name=N.
	hang := func(headFirst bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			name := r.URL.Query().Get("name")
			if headFirst {
				_, _ = io.WriteString(w, "first")
				w.(http.Flusher).Flush()
			}
			closeOnce(s.chanOf(s.started, name))
			if r.Method == http.MethodPost {
				// A server notices a client going away only by reading:
				// the streamed body ends with an error when it does.
				_, _ = io.Copy(io.Discard, r.Body)
			}
			<-r.Context().Done()
			closeOnce(s.chanOf(s.cancelled, name))
		}
	}
	mux.HandleFunc("/hang", hang(false))
	mux.HandleFunc("/slowbody", hang(true))
	mux.HandleFunc("/cancelled", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-s.chanOf(s.cancelled, r.URL.Query().Get("name")):
			_, _ = io.WriteString(w, "yes")
		case <-time.After(5 * time.Second):
			_, _ = io.WriteString(w, "no")
		}
	})
	// /redirect?n=N&status=S&to=path: N redirects, then to (default /echo).
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		n, _ := strconv.Atoi(q.Get("n"))
		status, _ := strconv.Atoi(q.Get("status"))
		if status == 0 {
			status = 302
		}
		to := q.Get("to")
		if to == "" {
			to = "/echo"
		}
		if n <= 0 {
			http.Redirect(w, r, to, status)
			return
		}
		q.Set("n", strconv.Itoa(n-1))
		http.Redirect(w, r, "/redirect?"+q.Encode(), status)
	})
	// /status?code=C&text=T
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		code, _ := strconv.Atoi(r.URL.Query().Get("code"))
		w.WriteHeader(code)
		if code != 204 && code != 304 {
			_, _ = io.WriteString(w, "body")
		}
	})
	mux.HandleFunc("/cookies", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Set-Cookie", "a=1; Path=/")
		w.Header().Add("Set-Cookie", "b=2, c=3")
		w.Header().Add("X-Multi", "x")
		w.Header().Add("X-Multi", "y")
		_, _ = io.WriteString(w, "ok")
	})
	// /upload-lockstep: reads the first chunk of a streamed body, opens
	// gate "uploaded-first", then reads the rest and answers it all.
	mux.HandleFunc("/upload-lockstep", func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, 1)
		if _, err := io.ReadFull(r.Body, buf); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		closeOnce(s.chanOf(s.gates, "uploaded-first"))
		rest, _ := io.ReadAll(r.Body)
		fmt.Fprintf(w, "%s%s|chunked=%v", buf, rest, len(r.TransferEncoding) > 0)
	})
	mux.HandleFunc("/wait", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-s.chanOf(s.gates, r.URL.Query().Get("name")):
			_, _ = io.WriteString(w, "opened")
		case <-time.After(5 * time.Second):
			_, _ = io.WriteString(w, "timeout")
		}
	})
	// /reject-body: answers 413 without reading a streamed body.
	mux.HandleFunc("/reject-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("connection", "close")
		w.WriteHeader(413)
		_, _ = io.WriteString(w, "too large")
	})
	s.Server = httptest.NewServer(mux)
	s.client = &http.Client{Transport: &http.Transport{}}
	t.Cleanup(func() {
		s.mu.Lock()
		for _, c := range s.gates {
			closeOnce(c)
		}
		s.mu.Unlock()
		s.client.CloseIdleConnections()
		s.Server.Close()
	})
	return s
}

// runFetchFile runs a JS test file with SERVER set to the test server's
// URL and fetch using the test's client.
func runFetchFile(t *testing.T, path string, opts fetch.Options) {
	t.Helper()
	s := newTestServer(t)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	opts.Client = s.client
	webapitest.RunSourceWith(t, path, string(src), func(iso *webapitest.Isolate, rt *goja.Runtime) {
		fetch.Configure(iso.Host, opts)
		_ = rt.Set("SERVER", s.URL)
		_ = rt.Set("internals", iso.Internals)
	})
}

func TestFetch(t *testing.T) { runFetchFile(t, "testdata/fetch_test.js", fetch.Options{}) }

func TestFetchTimeout(t *testing.T) {
	s := newTestServer(t)
	webapitest.RunSourceWith(t, "timeout_test.js", `
	test('a configured timeout fails the fetch', async () => {
	  const e = await assertRejects(fetch(SERVER + '/hang?name=t'), TypeError, 'fetch failed');
	  assertEquals(e.cause.code, 'ETIMEDOUT');
	  assert(e.cause.message.includes('fetch timed out after 100ms'), e.cause.message);
	});
	test('the timeout covers the body too', async () => {
	  const r = await fetch(SERVER + '/slowbody?name=t2');
	  const e = await assertRejects(r.text(), TypeError, 'terminated');
	  assert(e.cause.message.includes('timed out'), e.cause.message);
	});`, func(iso *webapitest.Isolate, rt *goja.Runtime) {
		fetch.Configure(iso.Host, fetch.Options{Client: s.client, Timeout: 100 * time.Millisecond})
		_ = rt.Set("SERVER", s.URL)
	})
}

// TestIsolateStopCancels stops an isolate with fetches in flight (one
// waiting for its head, one reading a body, one uploading a stream): each
// request is cancelled, and no goroutine is left (TestMain's goleak).
func TestIsolateStopCancels(t *testing.T) {
	s := newTestServer(t)
	iso := webapitest.New(t, nil)
	iso.Do(func(rt *goja.Runtime) {
		fetch.Configure(iso.Host, fetch.Options{Client: s.client})
		_ = rt.Set("SERVER", s.URL)
		_, err := rt.RunString(`
		  fetch(SERVER + '/hang?name=head').catch(() => {});
		  fetch(SERVER + '/slowbody?name=body').then((r) => r.text()).catch(() => {});
		  const never = new ReadableStream({ pull() { return new Promise(() => {}); } });
		  fetch(SERVER + '/hang?name=upload', { method: 'POST', body: never, duplex: 'half' }).catch(() => {});
		`)
		if err != nil {
			t.Fatal(err)
		}
	})
	for _, name := range []string{"head", "body", "upload"} {
		select {
		case <-s.chanOf(s.started, name):
		case <-time.After(5 * time.Second):
			t.Fatalf("request %s never reached the server", name)
		}
	}
	iso.Loop.Stop()
	<-iso.Loop.Done()
	for _, name := range []string{"head", "body", "upload"} {
		select {
		case <-s.chanOf(s.cancelled, name):
		case <-time.After(5 * time.Second):
			t.Fatalf("request %s was not cancelled when the isolate stopped", name)
		}
	}
}
