package traffic

// This file exports exchanges as HAR 1.2
// (http://www.softwareishard.com/blog/har-12-spec/), the format browsers'
// network panels import and export, so that a session recorded by edgeplay
// can be opened next to one recorded in a browser or attached to a bug.
//
// Choices the spec leaves open, and why:
//
//   - startedDateTime is in UTC with milliseconds, as browsers write it, so
//     that the same journal exports the same bytes on every machine.
//   - timings: blocked is the time until the route started running (-1 when
//     it never ran: a 404 or a request refused before routing), wait the
//     rest of the time to the response head, receive the time from the head
//     to the end. The journal measures both the queue and the TTFB from the
//     start of the exchange, so wait is TTFB minus queue: otherwise the
//     queue would be counted twice and the timings would not add up to
//     time, which the spec requires them to.
//   - A body is text when it is UTF-8 and base64 otherwise. The response
//     content says so with the standard "encoding"; postData has no such
//     field in HAR 1.2, so it gets the custom "_encoding" (custom fields
//     must start with an underscore).
//   - A body larger than the journal keeps is exported as the kept preview,
//     with a comment that says how much of it that is. A preview is cut at
//     a byte count, so a trailing partial UTF-8 character is dropped rather
//     than turning a text body into base64.
//   - For a streamed response the text is the journal's body preview,
//     which is the chunks as they were sent, joined, up to 64 KiB. Joining
//     the per-chunk previews instead would splice 4 KiB cuts of larger
//     chunks into bytes that were never sent; they are used only when there
//     is no body preview. _chunks keeps each chunk's index, time and size.
//   - cookies are empty lists: the cookies are in the headers, and parsing
//     them out again would make a second copy that masking must also find.
//   - Masking replaces the values of the headers that carry credentials
//     (Authorization, Proxy-Authorization, Cookie; Set-Cookie in responses)
//     and nothing else, so a masked HAR can be shared without handing over
//     a session; tokens in URLs or bodies are the user's to notice.
//
// Custom fields per entry: _route (the route pattern), _buildId, _chunks
// and _error (what the route threw), each when there is one.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// HAROptions configure HAR.
type HAROptions struct {
	Mask    bool   // replace credential header values with "[masked]"
	Version string // edgeplay's version, for log.creator
}

// maskedValue is the value masked headers get.
const maskedValue = "[masked]"

// HAR returns the exchanges as a HAR 1.2 document: JSON indented by two
// spaces, with a fixed field order, so that equal exchanges give equal bytes.
func HAR(xs []Exchange, opts HAROptions) ([]byte, error) {
	doc := harDoc{Log: harLog{
		Version: "1.2",
		Creator: harCreator{Name: "edgeplay", Version: opts.Version},
		Entries: make([]harEntry, 0, len(xs)),
	}}
	for i := range xs {
		doc.Log.Entries = append(doc.Log.Entries, harEntryOf(&xs[i], opts))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // bodies and URLs stay readable: no \u003c for <
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("har: %w", err)
	}
	return b.Bytes(), nil
}

// The HAR structures, with fields in the order the spec lists them.
type harDoc struct {
	Log harLog `json:"log"`
}

type harLog struct {
	Version string     `json:"version"`
	Creator harCreator `json:"creator"`
	Entries []harEntry `json:"entries"`
}

type harCreator struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type harEntry struct {
	StartedDateTime string      `json:"startedDateTime"`
	Time            float64     `json:"time"`
	Request         harRequest  `json:"request"`
	Response        harResponse `json:"response"`
	Cache           struct{}    `json:"cache"`
	Timings         harTimings  `json:"timings"`
	Route           string      `json:"_route,omitempty"`
	BuildID         int         `json:"_buildId,omitempty"`
	Chunks          []harChunk  `json:"_chunks,omitempty"`
	Error           *harError   `json:"_error,omitempty"`
}

type harNV struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type harRequest struct {
	Method      string       `json:"method"`
	URL         string       `json:"url"`
	HTTPVersion string       `json:"httpVersion"`
	Cookies     []harNV      `json:"cookies"`
	Headers     []harNV      `json:"headers"`
	QueryString []harNV      `json:"queryString"`
	PostData    *harPostData `json:"postData,omitempty"`
	HeadersSize int          `json:"headersSize"`
	BodySize    int64        `json:"bodySize"`
}

type harPostData struct {
	MimeType string `json:"mimeType"`
	Text     string `json:"text"`
	Encoding string `json:"_encoding,omitempty"`
	Comment  string `json:"comment,omitempty"`
}

type harResponse struct {
	Status      int        `json:"status"`
	StatusText  string     `json:"statusText"`
	HTTPVersion string     `json:"httpVersion"`
	Cookies     []harNV    `json:"cookies"`
	Headers     []harNV    `json:"headers"`
	Content     harContent `json:"content"`
	RedirectURL string     `json:"redirectURL"`
	HeadersSize int        `json:"headersSize"`
	BodySize    int64      `json:"bodySize"`
}

type harContent struct {
	Size     int64  `json:"size"`
	MimeType string `json:"mimeType"`
	Text     string `json:"text,omitempty"`
	Encoding string `json:"encoding,omitempty"`
	Comment  string `json:"comment,omitempty"`
}

type harTimings struct {
	Blocked float64 `json:"blocked"`
	DNS     float64 `json:"dns"`
	Connect float64 `json:"connect"`
	Send    float64 `json:"send"`
	Wait    float64 `json:"wait"`
	Receive float64 `json:"receive"`
	SSL     float64 `json:"ssl"`
}

type harChunk struct {
	Index    int     `json:"index"`
	OffsetMs float64 `json:"offsetMs"`
	Size     int     `json:"size"`
}

type harError struct {
	Name    string `json:"name"`
	Message string `json:"message"`
	Stack   string `json:"stack"`
}

func harEntryOf(x *Exchange, opts HAROptions) harEntry {
	e := harEntry{
		StartedDateTime: x.Start.UTC().Format("2006-01-02T15:04:05.000Z07:00"),
		Route:           x.Route,
		BuildID:         x.BuildID,
	}

	// Request.
	e.Request = harRequest{
		Method:      x.Method,
		URL:         x.URL,
		HTTPVersion: "HTTP/1.1",
		Cookies:     []harNV{},
		Headers:     harHeaders(x.ReqHeader, opts.Mask, "authorization", "cookie", "proxy-authorization"),
		QueryString: harQuery(x.URL),
		HeadersSize: -1,
		BodySize:    x.ReqBodySize,
	}
	if len(x.ReqBody) > 0 || x.ReqBodySize > 0 {
		pd := &harPostData{MimeType: headerValue(x.ReqHeader, "content-type")}
		pd.Text, pd.Encoding = harBody(x.ReqBody, x.ReqBodySize)
		pd.Comment = previewComment(len(x.ReqBody), x.ReqBodySize)
		e.Request.PostData = pd
	}

	// Response.
	body := x.RespBody
	if len(body) == 0 && len(x.Chunks) > 0 {
		for _, c := range x.Chunks {
			body = append(body, c.Data...)
		}
	}
	e.Response = harResponse{
		Status:      x.Status,
		StatusText:  http.StatusText(x.Status),
		HTTPVersion: "HTTP/1.1",
		Cookies:     []harNV{},
		Headers:     harHeaders(x.RespHeader, opts.Mask, "set-cookie"),
		Content: harContent{
			Size:     x.RespSize,
			MimeType: headerValue(x.RespHeader, "content-type"),
			Comment:  previewComment(len(body), x.RespSize),
		},
		RedirectURL: headerValue(x.RespHeader, "location"),
		HeadersSize: -1,
		BodySize:    x.RespSize,
	}
	e.Response.Content.Text, e.Response.Content.Encoding = harBody(body, x.RespSize)

	// Timings, as differences of the rounded moments (route started, head,
	// end) so that they add up to the rounded total exactly. Each is
	// clamped at zero: an exchange still in flight has no total yet.
	t := x.Timing
	queue, ttfb, total := ms(max(t.Queue, 0)), ms(max(t.TTFB, 0)), ms(max(t.Total, 0))
	e.Timings = harTimings{Blocked: -1, DNS: -1, Connect: -1, SSL: -1, Wait: ttfb, Receive: round3(max(total-ttfb, 0))}
	if t.Queue > 0 {
		e.Timings.Blocked = queue
		e.Timings.Wait = round3(max(ttfb-queue, 0))
	}
	e.Time = round3(max(e.Timings.Blocked, 0) + e.Timings.Send + e.Timings.Wait + e.Timings.Receive)

	for _, c := range x.Chunks {
		e.Chunks = append(e.Chunks, harChunk{Index: c.Index, OffsetMs: ms(c.Offset), Size: c.Size})
	}
	if x.Error != nil {
		e.Error = &harError{Name: x.Error.Name, Message: x.Error.Message, Stack: x.Error.Stack}
	}
	return e
}

// ms is d in milliseconds, to the microsecond.
func ms(d time.Duration) float64 { return round3(float64(d) / float64(time.Millisecond)) }

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// harHeaders converts headers, masking the values of the named ones.
func harHeaders(hs []Header, mask bool, secret ...string) []harNV {
	out := make([]harNV, 0, len(hs))
	for _, h := range hs {
		v := h.Value
		if mask {
			for _, s := range secret {
				if strings.EqualFold(h.Name, s) {
					v = maskedValue
				}
			}
		}
		out = append(out, harNV{Name: h.Name, Value: v})
	}
	return out
}

// headerValue is the first value of the named header, or "".
func headerValue(hs []Header, name string) string {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// harQuery lists the query parameters of u in order, repeats included
// (url.ParseQuery would lose both), decoded as a form decodes them; a pair
// that does not decode is listed as written.
func harQuery(u string) []harNV {
	out := []harNV{}
	u, _, _ = strings.Cut(u, "#")
	_, q, ok := strings.Cut(u, "?")
	if !ok {
		return out
	}
	for _, pair := range strings.Split(q, "&") {
		if pair == "" {
			continue
		}
		n, v, _ := strings.Cut(pair, "=")
		if d, err := url.QueryUnescape(n); err == nil {
			n = d
		}
		if d, err := url.QueryUnescape(v); err == nil {
			v = d
		}
		out = append(out, harNV{Name: n, Value: v})
	}
	return out
}

// harBody returns a body preview as HAR text and its encoding ("" or
// "base64"). size is the whole body's size: when the preview is shorter, a
// partial UTF-8 character at its end is the cut, not binary data.
func harBody(p []byte, size int64) (string, string) {
	if len(p) == 0 {
		return "", ""
	}
	q := p
	if size > int64(len(p)) {
		q = trimPartialRune(p)
	}
	if utf8.Valid(q) {
		return string(q), ""
	}
	return base64.StdEncoding.EncodeToString(p), "base64"
}

// trimPartialRune drops an incomplete UTF-8 sequence at the end of p.
func trimPartialRune(p []byte) []byte {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(p); k++ {
		c := p[len(p)-k]
		if c < 0x80 {
			return p // ASCII: nothing cut
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(p[len(p)-k:]) {
				return p[:len(p)-k]
			}
			return p
		}
	}
	return p
}

// previewComment says when a body is only partly kept.
func previewComment(kept int, size int64) string {
	if size > int64(kept) {
		return fmt.Sprintf("preview: the first %d of %d bytes", kept, size)
	}
	return ""
}
