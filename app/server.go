package app

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ServerOptions configure browser mode.
type ServerOptions struct {
	Host string // default 127.0.0.1; the UI's API is loopback-only whatever the engine's host
	Port int    // 0: any free port
	// Assets is the built frontend (frontend/dist). nil: the page says
	// how to build a binary with the UI.
	Assets fs.FS
	// Token is the per-run secret; empty: a random one.
	Token string
}

// Server is browser mode: the same UI as the desktop window, served on
// loopback, its calls as POST /rpc/<Method> and its events as SSE.
//
// Security: the API answers only with the per-run token (in the page URL
// printed on the terminal), only to loopback peers, and only when Host
// names this server and Origin (when sent) is this server: a web page the
// user visits cannot call it, and DNS rebinding (a foreign name resolving
// to 127.0.0.1) gets 403.
type Server struct {
	app   *App
	opts  ServerOptions
	ln    net.Listener
	hs    *http.Server
	port  string
	token string

	mu      sync.Mutex
	clients map[*sseClient]struct{}
}

// rpcMethods are the App methods the UI may call (API.md); nothing else
// on App (Startup, Open, Close, …) is reachable over HTTP.
var rpcMethods = map[string]bool{
	"Info": true, "Routes": true, "Diagnostics": true, "Exchanges": true, "Exchange": true,
	"ClearTraffic": true, "Send": true, "CurlFor": true, "ExportHAR": true, "ImportCurl": true,
	"SavedRequests": true, "SaveRequest": true, "DeleteRequest": true, "History": true,
	"Bundle": true, "SetLimit": true, "OpenInEditor": true, "Settings": true, "SetEditor": true,
	"SetTheme": true, "OpenProject": true, "PickProject": true,
}

// NewServer listens for browser mode.
func NewServer(a *App, opts ServerOptions) (*Server, error) {
	if opts.Host == "" {
		opts.Host = "127.0.0.1"
	}
	if ip := net.ParseIP(opts.Host); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("the UI listens on loopback only, not %s", opts.Host)
	}
	if opts.Token == "" {
		opts.Token = randomID(16)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(opts.Host, strconv.Itoa(opts.Port)))
	if err != nil {
		return nil, fmt.Errorf("ui: %w", err)
	}
	s := &Server{app: a, opts: opts, ln: ln, token: opts.Token, clients: map[*sseClient]struct{}{}}
	s.port = strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	s.hs = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go s.hs.Serve(ln)
	return s, nil
}

// URL is the page to open, with its token.
func (s *Server) URL() string {
	return "http://" + net.JoinHostPort(s.opts.Host, s.port) + "/?token=" + s.token
}

// Close stops the server and ends every event stream.
func (s *Server) Close() error {
	s.mu.Lock()
	for c := range s.clients {
		c.close()
	}
	s.clients = map[*sseClient]struct{}{}
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.hs.Shutdown(ctx); err != nil {
		return s.hs.Close()
	}
	return nil
}

// ServeHTTP checks where a request comes from, then serves the page, an
// RPC call or the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.trusted(r) {
		http.Error(w, "403 Forbidden: edgeplay's UI answers only to its own page on loopback", http.StatusForbidden)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	switch {
	case strings.HasPrefix(r.URL.Path, "/rpc/"):
		if !s.authorized(r.Header.Get("X-Edgeplay-Token")) {
			writeJSONError(w, http.StatusForbidden, "missing or wrong token: open the ui URL that `edgeplay serve --ui` printed")
			return
		}
		s.rpc(w, r, strings.TrimPrefix(r.URL.Path, "/rpc/"))
	case r.URL.Path == "/events":
		if !s.authorized(r.URL.Query().Get("token")) {
			writeJSONError(w, http.StatusForbidden, "missing or wrong token")
			return
		}
		s.events(w, r)
	default:
		s.static(w, r)
	}
}

// trusted: a loopback peer, Host naming this server, Origin (if any) this
// server.
func (s *Server) trusted(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return false
	}
	if !s.ownHost(r.Host) {
		return false
	}
	if o := r.Header.Get("Origin"); o != "" {
		rest, ok := strings.CutPrefix(o, "http://")
		if !ok || !s.ownHost(rest) {
			return false
		}
	}
	return true
}

func (s *Server) ownHost(hostport string) bool {
	h, p, err := net.SplitHostPort(hostport)
	if err != nil || p != s.port {
		return false
	}
	switch h {
	case "127.0.0.1", "localhost", "::1", s.opts.Host:
		return true
	}
	return false
}

func (s *Server) authorized(tok string) bool {
	return tok != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) == 1
}

const maxRPCBody = 32 << 20 // a composer file body may be large

// rpc calls one App method: the body is a JSON array of its arguments;
// the answer its result, or {"error": …} with 400 (bad call) or 500.
func (s *Server) rpc(w http.ResponseWriter, r *http.Request, name string) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeJSONError(w, http.StatusMethodNotAllowed, "RPC calls are POST")
		return
	}
	if !rpcMethods[name] {
		writeJSONError(w, http.StatusNotFound, fmt.Sprintf("no method %q", name))
		return
	}
	m := reflect.ValueOf(s.app).MethodByName(name)
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRPCBody))
	if err != nil {
		writeJSONError(w, http.StatusRequestEntityTooLarge, "request too large")
		return
	}
	var raw []json.RawMessage
	if len(strings.TrimSpace(string(body))) > 0 {
		if err := json.Unmarshal(body, &raw); err != nil {
			writeJSONError(w, http.StatusBadRequest, "the body must be a JSON array of arguments: "+err.Error())
			return
		}
	}
	t := m.Type()
	if len(raw) != t.NumIn() {
		writeJSONError(w, http.StatusBadRequest, fmt.Sprintf("%s takes %d arguments, got %d", name, t.NumIn(), len(raw)))
		return
	}
	args := make([]reflect.Value, t.NumIn())
	for i := range args {
		v := reflect.New(t.In(i))
		if err := json.Unmarshal(raw[i], v.Interface()); err != nil {
			writeJSONError(w, http.StatusBadRequest, fmt.Sprintf("%s argument %d: %v", name, i+1, err))
			return
		}
		args[i] = v.Elem()
	}
	out := m.Call(args)
	if errv := out[len(out)-1]; !errv.IsNil() {
		writeJSONError(w, http.StatusInternalServerError, errv.Interface().(error).Error())
		return
	}
	var result any
	if len(out) == 2 {
		result = out[0].Interface()
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(result)
}

func writeJSONError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// sseClient is one open event stream. Messages queue in a bounded
// channel; a client that falls that far behind is disconnected (the page
// reconnects and reloads its state) rather than growing memory.
type sseClient struct {
	ch   chan []byte
	once sync.Once
	done chan struct{}
}

func (c *sseClient) close() { c.once.Do(func() { close(c.done) }) }

// Emit sends an event to every open page. It implements Emitter.
func (s *Server) Emit(name string, data any) {
	s.mu.Lock()
	none := len(s.clients) == 0
	s.mu.Unlock()
	if none {
		return // no page open: nothing to encode
	}
	b, err := json.Marshal(data)
	if err != nil {
		return
	}
	msg := []byte("event: " + name + "\ndata: " + string(b) + "\n\n")
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c.ch <- msg:
		default:
			c.close()
			delete(s.clients, c)
		}
	}
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	c := &sseClient{ch: make(chan []byte, 512), done: make(chan struct{})}
	s.mu.Lock()
	s.clients[c] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
		c.close()
	}()
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, ": edgeplay events\n\n")
	flusher.Flush()
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-c.done:
			return
		case msg := <-c.ch:
			if _, err := w.Write(msg); err != nil {
				return
			}
			flusher.Flush()
		case <-ping.C:
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}

// static serves the built frontend; unknown paths get index.html (the
// UI is one page).
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "405 Method Not Allowed", http.StatusMethodNotAllowed)
		return
	}
	if s.opts.Assets == nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, "This edgeplay binary was built without its UI.\n\n"+
			"Build it with the UI: `make build` (runs `npm install && npm run build` in frontend/, then `go build -tags ui`).\n")
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	if _, err := fs.Stat(s.opts.Assets, name); err != nil {
		name = "index.html"
	}
	if name == "index.html" {
		w.Header().Set("Cache-Control", "no-store")
	}
	http.ServeFileFS(w, r, s.opts.Assets, name)
}

var _ Emitter = (*Server)(nil)
var _ http.Handler = (*Server)(nil)
