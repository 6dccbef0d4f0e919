package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/edgeplay/edgeplay/engine/edge"
	"github.com/edgeplay/edgeplay/engine/routes"
	"github.com/edgeplay/edgeplay/engine/traffic"
)

// The platform's request limits, with the codes Vercel names them by.
const (
	DefaultMaxBody   = 4_500_000 // bytes: FUNCTION_PAYLOAD_TOO_LARGE (413)
	DefaultMaxURL    = 14 << 10  // bytes of request target: URL_TOO_LONG (414)
	DefaultMaxHeader = 16 << 10  // bytes of all request headers: REQUEST_HEADER_TOO_LARGE (431)
)

// Options configure a Server.
type Options struct {
	Timeout   time.Duration // time to first byte (and to wait for a first build)
	MaxBody   int64
	MaxURL    int
	MaxHeader int
	Journal   *traffic.Journal
	// Log receives one line per request (" GET /api/hello 200 in 1ms")
	// and the errors routes throw. nil: no output.
	Log io.Writer
	// Stats, when set, answers GET /__edgeplay/stats (loopback peers
	// only) with its JSON: live goroutines, isolates, bundlers. Routes
	// live under /api, so the path cannot shadow one.
	Stats func() any
}

// Server serves a project's routes.
type Server struct {
	opts  Options
	table atomic.Pointer[Table]
	port  atomic.Int32
	logMu sync.Mutex
	hs    *http.Server
}

// New makes a server; SetTable gives it routes.
func New(opts Options) *Server {
	if opts.Timeout <= 0 {
		opts.Timeout = 25 * time.Second
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxURL <= 0 {
		opts.MaxURL = DefaultMaxURL
	}
	if opts.MaxHeader <= 0 {
		opts.MaxHeader = DefaultMaxHeader
	}
	if opts.Journal == nil {
		opts.Journal = traffic.NewJournal(traffic.Options{})
	}
	s := &Server{opts: opts}
	s.table.Store(&Table{Routes: &routes.Table{}, States: map[string]*RouteState{}})
	s.hs = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		// Headers beyond the limit are answered 431 by net/http itself;
		// the slack lets ServeHTTP answer with the platform's code first.
		MaxHeaderBytes: opts.MaxHeader + 4096,
	}
	return s
}

// SetTable replaces the routes. Goroutine-safe.
func (s *Server) SetTable(t *Table) { s.table.Store(t) }

// Listen opens host:port, or the next free port above it (up to 100
// tries) when port is taken, as next dev does. Port 0 picks any port.
func Listen(host string, port int) (net.Listener, error) {
	var last error
	for i := 0; i < 100; i++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port+i)))
		if err == nil {
			return ln, nil
		}
		last = err
		if port == 0 || !errors.Is(err, syscall.EADDRINUSE) {
			break
		}
	}
	return nil, fmt.Errorf("listen on %s: %w", net.JoinHostPort(host, strconv.Itoa(port)), last)
}

// Serve answers requests on ln until Close.
func (s *Server) Serve(ln net.Listener) error {
	if a, ok := ln.Addr().(*net.TCPAddr); ok {
		s.port.Store(int32(a.Port))
	}
	err := s.hs.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Close stops listening and waits up to 2 s for requests in flight.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.hs.Shutdown(ctx); err != nil {
		return s.hs.Close()
	}
	return nil
}

// Origin is the URL routes see as their own origin: next dev names its
// host localhost whatever the Host header says.
func (s *Server) Origin() string {
	return "http://localhost:" + strconv.Itoa(int(s.port.Load()))
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/__edgeplay/stats" && s.opts.Stats != nil && isLoopback(r.RemoteAddr) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(s.opts.Stats())
		return
	}
	hdr := requestHeaders(r, int(s.port.Load()))
	rec := s.opts.Journal.Begin(r.RemoteAddr, r.Method, s.Origin()+r.RequestURI, r.URL.Path, toTraffic(hdr))
	st := &exchange{s: s, w: w, r: r, rec: rec, start: time.Now(), status: 0}
	defer st.finish()
	st.serve(hdr)
}

// exchange is the state of one request in the server.
type exchange struct {
	s      *Server
	w      http.ResponseWriter
	r      *http.Request
	rec    *traffic.Recorder
	start  time.Time
	status int
	chunks int
	route  string
	// oversize: the route's bundle is over the size limit.
	oversize bool
}

func (x *exchange) serve(hdr []string) {
	s, r := x.s, x.r
	// Platform limits first, before any routing work.
	if len(r.RequestURI) > s.opts.MaxURL {
		x.plain(http.StatusRequestURITooLong, "URL_TOO_LONG", fmt.Sprintf("The request URL is %d bytes; the limit is %d.", len(r.RequestURI), s.opts.MaxURL))
		return
	}
	if n := headerBytes(hdr); n > s.opts.MaxHeader {
		x.plain(http.StatusRequestHeaderFieldsTooLarge, "REQUEST_HEADER_TOO_LARGE", fmt.Sprintf("The request headers are %d bytes; the limit is %d.", n, s.opts.MaxHeader))
		return
	}
	if r.ContentLength > s.opts.MaxBody {
		x.plain(http.StatusRequestEntityTooLarge, "FUNCTION_PAYLOAD_TOO_LARGE", fmt.Sprintf("The request body is %d bytes; the limit is %d.", r.ContentLength, s.opts.MaxBody))
		return
	}
	if msg := badBytes(r); msg != "" {
		x.text(http.StatusBadRequest, "Bad Request: "+msg+"\n")
		return
	}
	path := r.URL.EscapedPath()
	if path != "/api" && !strings.HasPrefix(path, "/api/") {
		x.notFound()
		return
	}
	// Next redirects a trailing slash away (trailingSlash: false).
	if len(path) > 1 && strings.HasSuffix(path, "/") {
		target := strings.TrimRight(path, "/")
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		x.w.Header().Set("Location", target)
		x.w.Header().Set("Refresh", "0;url="+target)
		x.writeBody(http.StatusPermanentRedirect, []byte(target))
		return
	}
	t := s.table.Load()
	route, params, err := t.Routes.MatchErr(path)
	if err != nil {
		x.text(http.StatusBadRequest, "Bad Request: "+err.Error()+"\n")
		return
	}
	if route == nil {
		x.notFoundIn(t, path)
		return
	}
	x.route = route.Pattern
	state := t.States[route.File]
	if state == nil {
		x.notFound()
		return
	}
	if wait := state.Wait(); !closed(wait) {
		t := time.NewTimer(s.opts.Timeout)
		select {
		case <-wait:
		case <-r.Context().Done():
			t.Stop()
			return
		case <-t.C:
			if !closed(state.Ready()) {
				x.plain(http.StatusGatewayTimeout, "EDGE_FUNCTION_INVOCATION_TIMEOUT", "The route's first build did not finish in time.")
				return
			}
			// A rebuild that takes this long: serve what there is.
		}
		t.Stop()
	}
	// A save can replace the route's generation between reading it and
	// invoking it: the old one then refuses (before it has touched the
	// request) and the request goes to the new one.
	for attempt := 0; attempt < 4; attempt++ {
		if x.invoke(r, state.Current(), route, path, params, hdr) {
			return
		}
	}
	x.fail(edge.ErrClosed) // four rebuilds in a row overtook it
}

// invoke answers r from the build snap; false, with nothing written, when
// snap's generation was closed meanwhile.
func (x *exchange) invoke(r *http.Request, snap *Snapshot, route *routes.Route, path string, params []routes.Param, hdr []string) bool {
	s := x.s
	if snap.Oversize {
		// Served, as the platform would only refuse it at deploy, but
		// never quietly: every answer and log line says so.
		x.oversize = true
		x.w.Header()["x-edgeplay-warning"] = []string{"bundle over the edge size limit: a deploy would reject this route"}
	}
	url := routes.RequestURL(s.Origin(), path, r.URL.RawQuery, params)
	x.rec.SetRoute(route.Pattern, route.File, snap.BuildID, url)
	if snap.Gen == nil {
		x.text(snap.Status, snap.Body)
		return true
	}
	req := &edge.Request{Method: r.Method, URL: url, Header: hdr, BodyLength: -1, Owner: x.rec}
	var body *bodyReader
	if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Body != nil && r.Body != http.NoBody && r.ContentLength != 0 {
		body = &bodyReader{r: http.MaxBytesReader(x.w, r.Body, s.opts.MaxBody), rec: x.rec}
		req.Body = body
		req.BodyLength = r.ContentLength
	}
	x.rec.Started()
	res, err := snap.Gen.Invoke(r.Context(), req)
	if err != nil {
		if errors.Is(err, edge.ErrClosed) {
			return false
		}
		if body != nil && body.tooLarge.Load() {
			x.plain(http.StatusRequestEntityTooLarge, "FUNCTION_PAYLOAD_TOO_LARGE", fmt.Sprintf("The request body is over the limit of %d bytes.", s.opts.MaxBody))
			return true
		}
		x.fail(err)
		return true
	}
	x.respond(res)
	return true
}

// respond writes a route's response: head, then the body or each chunk.
func (x *exchange) respond(res *edge.Response) {
	h := x.w.Header()
	// Names arrive lower-cased, as Next writes them; net/http consults the
	// canonical keys, so those are set to nil to stop it from sniffing a
	// Content-Type or adding a second Date.
	h["Content-Type"] = nil
	for i := 0; i+1 < len(res.Header); i += 2 {
		name := res.Header[i]
		switch name {
		case "content-length", "transfer-encoding", "connection", "keep-alive":
			continue // framing is the server's job
		case "date":
			h["Date"] = nil
		case "location":
			// Next's edge adapter makes a same-origin redirect relative
			// (relativizeURL): NextResponse.redirect(new URL('/x',
			// req.url)) answers "location: /x".
			h[name] = append(h[name], relativize(res.Header[i+1], x.s.Origin()))
			continue
		}
		h[name] = append(h[name], res.Header[i+1])
	}
	status := res.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if res.Stream == nil {
		x.writeBody(status, res.Body)
		return
	}
	x.status = status
	x.rec.Head(status, toTraffic(res.Header), true)
	x.w.WriteHeader(status)
	flusher, _ := x.w.(http.Flusher)
	if flusher != nil {
		flusher.Flush() // the head goes out now: clients of a stream need it
	}
	ctx := x.r.Context()
	for {
		chunk, err := res.Stream.Next(ctx)
		if err == io.EOF {
			return
		}
		if err != nil {
			res.Stream.Cancel("edgeplay: " + err.Error())
			if ctx.Err() != nil {
				x.rec.Fail(&traffic.ErrorInfo{Name: "Error", Message: "the client disconnected before the stream ended"})
				return
			}
			x.routeError(err)
			// The head is out: the only way to say "failed" is to end
			// the response without its terminating chunk.
			panic(http.ErrAbortHandler)
		}
		if x.r.Method == http.MethodHead {
			continue
		}
		if _, werr := x.w.Write(chunk); werr != nil {
			res.Stream.Cancel("client disconnected")
			x.rec.Fail(&traffic.ErrorInfo{Name: "Error", Message: "the client disconnected before the stream ended"})
			return
		}
		if flusher != nil {
			flusher.Flush()
		}
		x.chunks++
		x.rec.Chunk(chunk)
	}
}

// badBytes names what makes a request unusable for a route: a NUL or
// invalid UTF-8 in the (decoded) path, or in a header value. Routes would
// otherwise see U+FFFD or an embedded NUL in req.url and headers, which the
// platform's front never lets through.
func badBytes(r *http.Request) string {
	if strings.IndexByte(r.URL.Path, 0) >= 0 {
		return "the path contains a NUL byte (%00)"
	}
	if !utf8.ValidString(r.URL.Path) {
		return "the path is not valid UTF-8 once percent-decoded"
	}
	for name, vs := range r.Header {
		for _, v := range vs {
			if strings.IndexByte(v, 0) >= 0 || !utf8.ValidString(v) {
				return fmt.Sprintf("the value of header %s is not valid UTF-8", name)
			}
		}
	}
	return ""
}

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	ip := net.ParseIP(host)
	return err == nil && ip != nil && ip.IsLoopback()
}

// relativize returns loc without its origin when that is the server's own
// (as Next's relativizeURL does), else loc unchanged.
func relativize(loc, origin string) string {
	rest, ok := strings.CutPrefix(loc, origin)
	if !ok || (rest != "" && rest[0] != '/' && rest[0] != '?' && rest[0] != '#') {
		return loc
	}
	if rest == "" || rest[0] != '/' {
		rest = "/" + rest
	}
	return rest
}

func (x *exchange) writeBody(status int, body []byte) {
	x.status = status
	h := x.w.Header()
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	x.rec.Head(status, headerList(h), false)
	x.rec.Body(body)
	x.w.WriteHeader(status)
	if x.r.Method != http.MethodHead && len(body) > 0 {
		_, _ = x.w.Write(body)
	}
}

// text answers with a plain-text body the server made.
func (x *exchange) text(status int, body string) {
	h := x.w.Header()
	h["content-type"] = []string{"text/plain; charset=utf-8"}
	h["Content-Type"] = nil
	x.writeBody(status, []byte(body))
}

// plain answers with one of the platform's error codes.
func (x *exchange) plain(status int, code, detail string) {
	x.rec.Fail(&traffic.ErrorInfo{Name: code, Message: detail})
	x.text(status, fmt.Sprintf("%s\n\n%s\n%s\n", http.StatusText(status), code, detail))
}

func (x *exchange) notFound() {
	x.text(http.StatusNotFound, "404: This page could not be found.\n")
}

// notFoundIn is notFound with the table's explanation, when it has one.
func (x *exchange) notFoundIn(t *Table, path string) {
	if t.NotFound != nil {
		if why := t.NotFound(path); why != "" {
			x.text(http.StatusNotFound, "404: This page could not be found.\n\n"+why)
			return
		}
	}
	x.notFound()
}

// fail answers a failed invocation.
func (x *exchange) fail(err error) {
	if x.r.Context().Err() != nil {
		x.status = 499 // the client went away; nothing to write
		x.rec.Fail(&traffic.ErrorInfo{Name: "Error", Message: "the client disconnected before the response"})
		return
	}
	var e *edge.Error
	if !errors.As(err, &e) {
		x.plain(http.StatusInternalServerError, "EDGE_FUNCTION_INVOCATION_FAILED", err.Error())
		return
	}
	x.routeError(e)
	if e.Kind == edge.KindTimeout {
		x.text(http.StatusGatewayTimeout, fmt.Sprintf("An error occurred with your deployment\n\n%s\n\nThe route did not send a response within %v.\n", edge.ErrTimeout, x.s.opts.Timeout))
		return
	}
	x.text(http.StatusInternalServerError, e.Text()+"\n")
}

// routeError records a route's error and prints it with its mapped stack.
func (x *exchange) routeError(err error) {
	var e *edge.Error
	if !errors.As(err, &e) {
		x.rec.Fail(&traffic.ErrorInfo{Name: "Error", Message: err.Error()})
		x.s.logf(" ⨯ %s %s\n", x.route, err)
		return
	}
	info := &traffic.ErrorInfo{Name: e.Name, Message: e.Message, Stack: e.Text()}
	where := ""
	if loc := e.Location(); loc != nil {
		info.File, info.Line, info.Column = loc.File, loc.Line, loc.Column+1
		where = loc.Position() + " "
	}
	x.rec.Fail(info)
	if e.Kind == edge.KindTimeout {
		x.s.logf(" ⨯ %s%s: %s did not answer within %v (504)\n", where, edge.ErrTimeout, x.route, x.s.opts.Timeout)
		return
	}
	x.s.logf(" ⨯ %s\n", e.Text()) // the stack names the file and line
}

func (x *exchange) finish() {
	x.rec.End()
	if x.s.opts.Log == nil {
		return
	}
	d := time.Since(x.start)
	extra := ""
	if x.chunks > 0 {
		extra = fmt.Sprintf(" (%d chunks)", x.chunks)
	}
	if x.oversize {
		extra += " ⚠ bundle over the size limit"
	}
	x.s.logf(" %s %s %d in %s%s\n", x.r.Method, x.r.URL.RequestURI(), x.status, formatDuration(d), extra)
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log == nil {
		return
	}
	s.logMu.Lock()
	fmt.Fprintf(s.opts.Log, format, args...)
	s.logMu.Unlock()
}

func formatDuration(d time.Duration) string {
	if d < time.Second {
		return strconv.FormatInt(d.Milliseconds(), 10) + "ms"
	}
	return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) + "s"
}

// requestHeaders converts the request's headers to the flat lower-cased
// list routes see, with the host and the x-forwarded-* headers next dev
// adds. Sorted, so that the order is stable.
func requestHeaders(r *http.Request, port int) []string {
	names := make([]string, 0, len(r.Header)+5)
	for k := range r.Header {
		names = append(names, k)
	}
	sort.Strings(names)
	out := make([]string, 0, 2*len(names)+10)
	hasHost := false
	for _, k := range names {
		lk := strings.ToLower(k)
		if lk == "host" {
			hasHost = true
		}
		for _, v := range r.Header[k] {
			out = append(out, lk, v)
		}
	}
	if !hasHost && r.Host != "" {
		out = append(out, "host", r.Host)
	}
	add := func(name, value string) {
		if len(r.Header.Values(name)) == 0 { // as Next's ??=: a header sent empty stays as sent
			out = append(out, name, value)
		}
	}
	add("x-forwarded-host", r.Host)
	add("x-forwarded-port", strconv.Itoa(port))
	add("x-forwarded-proto", "http")
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		add("x-forwarded-for", host)
	}
	return out
}

func headerBytes(flat []string) int {
	n := 0
	for _, s := range flat {
		n += len(s) + 2
	}
	return n
}

func toTraffic(flat []string) []traffic.Header {
	out := make([]traffic.Header, 0, len(flat)/2)
	for i := 0; i+1 < len(flat); i += 2 {
		out = append(out, traffic.Header{Name: flat[i], Value: flat[i+1]})
	}
	return out
}

func headerList(h http.Header) []traffic.Header {
	names := make([]string, 0, len(h))
	for k, v := range h {
		if v != nil {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var out []traffic.Header
	for _, k := range names {
		for _, v := range h[k] {
			out = append(out, traffic.Header{Name: strings.ToLower(k), Value: v})
		}
	}
	return out
}

// bodyReader feeds the request body to the route, recording a preview.
type bodyReader struct {
	r        io.ReadCloser
	rec      *traffic.Recorder
	tooLarge atomic.Bool
}

func (b *bodyReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if n > 0 {
		b.rec.RequestBody(p[:n])
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		b.tooLarge.Store(true)
		return n, fmt.Errorf("the request body is over the limit of %d bytes (FUNCTION_PAYLOAD_TOO_LARGE)", mbe.Limit)
	}
	return n, err
}

// Close lets a cancelled body stream stop the upload.
func (b *bodyReader) Close() error { return b.r.Close() }

func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
