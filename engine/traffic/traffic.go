package traffic

import (
	"sync"
	"sync/atomic"
	"time"
)

// Limits on what an exchange keeps, so that a long stream or a large body
// cannot grow the journal without bound.
const (
	DefaultCapacity  = 10000
	BodyPreviewBytes = 64 << 10 // request and response body previews
	ChunkPreview     = 4 << 10  // per chunk
	MaxChunks        = 10000    // chunk records per exchange (sizes keep counting)
	MaxLogs          = 1000     // console lines per exchange
	// DefaultBodyBudget bounds the bytes of body previews and chunk data
	// the whole journal keeps. 10,000 exchanges of 64 KB uploads would
	// otherwise hold 640 MB; past the budget the oldest exchanges lose
	// their bodies (BodiesDropped) and keep everything else.
	DefaultBodyBudget = 48 << 20
)

// Header is one header field, in order.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Chunk is one piece of a streamed response body.
type Chunk struct {
	Index  int           `json:"index"`
	Offset time.Duration `json:"offset"` // since the exchange started
	Size   int           `json:"size"`
	Data   []byte        `json:"data"` // up to ChunkPreview bytes
}

// Log is one console line.
type Log struct {
	Time  time.Time `json:"time"`
	Level string    `json:"level"` // log, info, debug, warn, error
	Text  string    `json:"text"`
	Route string    `json:"route,omitempty"`
	Seq   uint64    `json:"seq,omitempty"` // the exchange, 0 when none
}

// ErrorInfo is an error the route threw, or one the server answered for.
type ErrorInfo struct {
	Name    string `json:"name"`
	Message string `json:"message"`
	Stack   string `json:"stack"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"` // 1-based
}

// Timing of an exchange.
type Timing struct {
	Queue time.Duration `json:"queue"` // until the route started running
	TTFB  time.Duration `json:"ttfb"`  // until the response head was written
	Total time.Duration `json:"total"`
}

// Exchange is one request and its response.
type Exchange struct {
	Seq         uint64     `json:"seq"`
	Start       time.Time  `json:"start"`
	Method      string     `json:"method"`
	URL         string     `json:"url"`                // as the client sent it (origin + request target)
	RouteURL    string     `json:"routeUrl,omitempty"` // as the route saw it: req.url, params merged
	Path        string     `json:"path"`
	Client      string     `json:"client,omitempty"` // the peer's address
	Route       string     `json:"route,omitempty"`  // pattern, "/api/users/[id]"
	File        string     `json:"file,omitempty"`
	BuildID     int        `json:"buildId,omitempty"`
	ReqHeader   []Header   `json:"requestHeaders"`
	ReqBody     []byte     `json:"requestBody,omitempty"`
	ReqBodySize int64      `json:"requestBodySize"`
	Status      int        `json:"status"`
	RespHeader  []Header   `json:"responseHeaders"`
	RespBody    []byte     `json:"responseBody,omitempty"` // preview
	RespSize    int64      `json:"responseSize"`
	Stream      bool       `json:"stream"`
	Chunks      []Chunk    `json:"chunks,omitempty"`
	ChunkCount  int        `json:"chunkCount"`
	Logs        []Log      `json:"logs,omitempty"`
	Error       *ErrorInfo `json:"error,omitempty"`
	// Background is the work the route passed to event.waitUntil, which
	// runs on after the response: nil when there was none.
	Background *Background `json:"background,omitempty"`
	Timing     Timing      `json:"timing"`
	Done       bool        `json:"done"`
	// BodiesDropped: the journal's body budget was spent on newer
	// exchanges, so this one's bodies and chunk contents are gone.
	BodiesDropped bool `json:"bodiesDropped,omitempty"`
}

// Background is the state of an exchange's waitUntil work.
type Background struct {
	Done  bool          `json:"done"`
	At    time.Duration `json:"at,omitempty"`    // when it settled, since the exchange started
	Error string        `json:"error,omitempty"` // the first rejection, or why it was stopped
}

// Event kinds.
const (
	EventBackground = "exchange:background" // waitUntil work settled: Exchange
	EventStart      = "exchange:start"
	EventHead       = "exchange:head"
	EventChunk      = "exchange:chunk"
	EventLog        = "exchange:log"
	EventEnd        = "exchange:end"
)

// Event is a change to the journal. Exchange is a snapshot (a copy) for
// start, head and end; Chunk and Log carry only the new item.
type Event struct {
	Kind     string    `json:"kind"`
	Seq      uint64    `json:"seq"`
	Exchange *Exchange `json:"exchange,omitempty"`
	Chunk    *Chunk    `json:"chunk,omitempty"`
	Log      *Log      `json:"log,omitempty"`
}

// Options configure a Journal.
type Options struct {
	Capacity   int         // exchanges kept; 0 means DefaultCapacity
	BodyBudget int64       // body bytes kept over all exchanges; 0 means DefaultBodyBudget
	Publish    func(Event) // called for every change; must not block
}

// Journal records exchanges. Goroutine-safe.
type Journal struct {
	opts Options
	mu   sync.Mutex
	ring []*Recorder
	head int
	n    int
	seq  uint64

	bodyBytes atomic.Int64 // body bytes held by the exchanges in ring
}

// NewJournal makes a journal.
func NewJournal(opts Options) *Journal {
	if opts.Capacity <= 0 {
		opts.Capacity = DefaultCapacity
	}
	if opts.BodyBudget <= 0 {
		opts.BodyBudget = DefaultBodyBudget
	}
	return &Journal{opts: opts, ring: make([]*Recorder, opts.Capacity)}
}

// Recorder records one exchange while it happens. Goroutine-safe: the
// server writes the head and chunks while the route's loop adds logs.
type Recorder struct {
	j     *Journal
	mu    sync.Mutex
	x     Exchange
	bytes int64 // body bytes this exchange holds, counted in j.bodyBytes
}

// hold accounts n more body bytes of r (r.mu held) and reports whether the
// journal is over its budget.
func (r *Recorder) hold(n int) bool {
	if n == 0 {
		return false
	}
	r.bytes += int64(n)
	return r.j.bodyBytes.Add(int64(n)) > r.j.opts.BodyBudget
}

// trim drops the bodies of the oldest exchanges until the journal is
// under three quarters of its budget. Lock order: j.mu, then each r.mu.
func (j *Journal) trim() {
	j.mu.Lock()
	defer j.mu.Unlock()
	target := j.opts.BodyBudget * 3 / 4
	for i := 0; i < j.n && j.bodyBytes.Load() > target; i++ {
		r := j.ring[(j.head-j.n+i+len(j.ring))%len(j.ring)]
		if r == nil {
			continue
		}
		r.mu.Lock()
		if r.bytes > 0 {
			r.x.ReqBody, r.x.RespBody = nil, nil
			for k := range r.x.Chunks {
				r.x.Chunks[k].Data = nil
			}
			j.bodyBytes.Add(-r.bytes)
			r.bytes = 0
			r.x.BodiesDropped = true
		}
		r.mu.Unlock()
	}
}

// release forgets r's bytes (r leaves the ring).
func (j *Journal) release(r *Recorder) {
	r.mu.Lock()
	j.bodyBytes.Add(-r.bytes)
	r.bytes = 0
	r.mu.Unlock()
}

// Begin starts an exchange. client is the peer's address ("127.0.0.1:54321"):
// the composer finds the exchange its request made by its own local address.
func (j *Journal) Begin(client, method, url, path string, header []Header) *Recorder {
	r := &Recorder{j: j, x: Exchange{Start: time.Now(), Client: client, Method: method, URL: url, Path: path, ReqHeader: header}}
	j.mu.Lock()
	j.seq++
	r.x.Seq = j.seq
	if old := j.ring[j.head]; old != nil {
		j.release(old)
	}
	j.ring[j.head] = r
	j.head = (j.head + 1) % len(j.ring)
	if j.n < len(j.ring) {
		j.n++
	}
	j.mu.Unlock()
	r.publish(EventStart, nil, nil, true)
	return r
}

// Seq is the exchange's number.
func (r *Recorder) Seq() uint64 { return r.x.Seq }

func (r *Recorder) publish(kind string, c *Chunk, l *Log, snapshot bool) {
	if r.j.opts.Publish == nil {
		return
	}
	e := Event{Kind: kind, Seq: r.x.Seq, Chunk: c, Log: l}
	if snapshot {
		r.mu.Lock()
		s := r.summaryLocked()
		r.mu.Unlock()
		e.Exchange = &s
	}
	r.j.opts.Publish(e)
}

// SetRoute records which route and build served the exchange, and the URL
// the route saw.
func (r *Recorder) SetRoute(pattern, file string, buildID int, url string) {
	r.mu.Lock()
	r.x.Route, r.x.File, r.x.BuildID = pattern, file, buildID
	r.x.RouteURL = url
	r.mu.Unlock()
}

// RequestBody records the request body as the route reads it (a preview
// and the total size).
func (r *Recorder) RequestBody(p []byte) {
	r.mu.Lock()
	r.x.ReqBodySize += int64(len(p))
	over := false
	if room := BodyPreviewBytes - len(r.x.ReqBody); room > 0 && !r.x.BodiesDropped {
		n := min(room, len(p))
		r.x.ReqBody = append(r.x.ReqBody, p[:n]...)
		over = r.hold(n)
	}
	r.mu.Unlock()
	if over {
		r.j.trim()
	}
}

// Started marks the moment the route began running.
func (r *Recorder) Started() {
	r.mu.Lock()
	r.x.Timing.Queue = time.Since(r.x.Start)
	r.mu.Unlock()
}

// Head records the response status and headers.
func (r *Recorder) Head(status int, header []Header, stream bool) {
	r.mu.Lock()
	r.x.Status, r.x.RespHeader, r.x.Stream = status, header, stream
	r.x.Timing.TTFB = time.Since(r.x.Start)
	r.mu.Unlock()
	r.publish(EventHead, nil, nil, true)
}

// Body records a complete (non-streamed) response body.
func (r *Recorder) Body(p []byte) {
	r.mu.Lock()
	r.x.RespSize = int64(len(p))
	n := min(len(p), BodyPreviewBytes)
	r.x.RespBody = append([]byte(nil), p[:n]...)
	over := r.hold(n)
	r.mu.Unlock()
	if over {
		r.j.trim()
	}
}

// Chunk records one streamed chunk, at the moment it was written.
func (r *Recorder) Chunk(p []byte) {
	r.mu.Lock()
	c := Chunk{Index: r.x.ChunkCount, Offset: time.Since(r.x.Start), Size: len(p), Data: append([]byte(nil), p[:min(len(p), ChunkPreview)]...)}
	r.x.ChunkCount++
	r.x.RespSize += int64(len(p))
	held := 0
	if room := BodyPreviewBytes - len(r.x.RespBody); room > 0 && !r.x.BodiesDropped {
		n := min(room, len(p))
		r.x.RespBody = append(r.x.RespBody, p[:n]...)
		held += n
	}
	if len(r.x.Chunks) < MaxChunks {
		kept := c
		if r.x.BodiesDropped {
			kept.Data = nil
		} else {
			held += len(kept.Data)
		}
		r.x.Chunks = append(r.x.Chunks, kept)
	}
	over := r.hold(held)
	r.mu.Unlock()
	if over {
		r.j.trim()
	}
	r.publish(EventChunk, &c, nil, false)
}

// Log records a console line the route wrote while serving this exchange.
func (r *Recorder) Log(level, text string) {
	r.mu.Lock()
	l := Log{Time: time.Now(), Level: level, Text: text, Route: r.x.Route, Seq: r.x.Seq}
	if len(r.x.Logs) < MaxLogs {
		r.x.Logs = append(r.x.Logs, l)
	}
	r.mu.Unlock()
	r.publish(EventLog, nil, &l, false)
}

// Fail records the error the exchange ended with.
func (r *Recorder) Fail(e *ErrorInfo) {
	r.mu.Lock()
	r.x.Error = e
	r.mu.Unlock()
}

// End finishes the exchange.
// Background records that the exchange's waitUntil work settled (errText
// empty on success). It may come after End: the work outlives the response.
func (r *Recorder) Background(errText string) {
	r.mu.Lock()
	r.x.Background = &Background{Done: true, At: time.Since(r.x.Start), Error: errText}
	r.mu.Unlock()
	r.publish(EventBackground, nil, nil, true)
}

func (r *Recorder) End() {
	r.mu.Lock()
	if r.x.Done {
		r.mu.Unlock()
		return
	}
	r.x.Done = true
	r.x.Timing.Total = time.Since(r.x.Start)
	r.mu.Unlock()
	r.publish(EventEnd, nil, nil, true)
}

// Snapshot returns a copy of the exchange as it is now.
func (r *Recorder) Snapshot() Exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.snapshotLocked()
}

// summaryLocked is the exchange without its bodies, chunks and console
// lines: what events carry (chunks and lines come as events of their own,
// bodies with Journal.Get). Copying 64 KB previews into three events per
// exchange made a load test of uploads churn hundreds of MB.
func (r *Recorder) summaryLocked() Exchange {
	x := r.x
	x.ReqHeader = append([]Header(nil), x.ReqHeader...)
	x.RespHeader = append([]Header(nil), x.RespHeader...)
	x.ReqBody, x.RespBody, x.Chunks, x.Logs = nil, nil, nil, nil
	if x.Error != nil {
		e := *x.Error
		x.Error = &e
	}
	if x.Background != nil {
		b := *x.Background
		x.Background = &b
	}
	return x
}

func (r *Recorder) snapshotLocked() Exchange {
	x := r.x
	x.ReqHeader = append([]Header(nil), x.ReqHeader...)
	x.RespHeader = append([]Header(nil), x.RespHeader...)
	x.ReqBody = append([]byte(nil), x.ReqBody...)
	x.RespBody = append([]byte(nil), x.RespBody...)
	x.Chunks = append([]Chunk(nil), x.Chunks...)
	x.Logs = append([]Log(nil), x.Logs...)
	if x.Error != nil {
		e := *x.Error
		x.Error = &e
	}
	return x
}

// Exchanges returns snapshots of the kept exchanges, oldest first.
func (j *Journal) Exchanges() []Exchange {
	j.mu.Lock()
	recs := make([]*Recorder, 0, j.n)
	start := (j.head - j.n + len(j.ring)) % len(j.ring)
	for i := 0; i < j.n; i++ {
		recs = append(recs, j.ring[(start+i)%len(j.ring)])
	}
	j.mu.Unlock()
	out := make([]Exchange, len(recs))
	for i, r := range recs {
		out[i] = r.Snapshot()
	}
	return out
}

// Get returns the exchange with seq, if it is still kept.
func (j *Journal) Get(seq uint64) (Exchange, bool) {
	j.mu.Lock()
	var rec *Recorder
	for i := 0; i < j.n; i++ {
		r := j.ring[(j.head-1-i+2*len(j.ring))%len(j.ring)]
		if r != nil && r.x.Seq == seq {
			rec = r
			break
		}
	}
	j.mu.Unlock()
	if rec == nil {
		return Exchange{}, false
	}
	return rec.Snapshot(), true
}

// Clear drops every kept exchange (sequence numbers keep increasing).
func (j *Journal) Clear() {
	j.mu.Lock()
	for i := range j.ring {
		if j.ring[i] != nil {
			j.release(j.ring[i])
		}
		j.ring[i] = nil
	}
	j.head, j.n = 0, 0
	j.mu.Unlock()
}
