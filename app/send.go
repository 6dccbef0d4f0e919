package app

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/edgeplay/edgeplay/engine/traffic"
)

// SendResult names the connection a composer request went out on: the
// exchange with this client address in the journal is its answer.
type SendResult struct {
	Client string `json:"client"`
}

// Send sends the composer's request as real HTTP to the project's server,
// so the answer is what any client gets and it shows in the traffic log.
// It returns as soon as the connection is made; the response streams in
// as traffic events. Only the project's own server is a valid target:
// the UI is not a general HTTP client (and browser mode must not become
// one for whoever holds its token).
func (a *App) Send(r ComposerRequest) (SendResult, error) {
	e, err := a.engine()
	if err != nil {
		return SendResult{}, err
	}
	st, err := a.requests()
	if err != nil {
		return SendResult{}, err
	}
	target, err := resolveTarget(e.URL(), r.URL)
	if err != nil {
		return SendResult{}, err
	}
	method := strings.ToUpper(strings.TrimSpace(r.Method))
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	switch r.BodyKind {
	case "", "none":
	case "file":
		b, err := base64.StdEncoding.DecodeString(r.Body)
		if err != nil {
			return SendResult{}, fmt.Errorf("the file body is not base64: %v", err)
		}
		body = strings.NewReader(string(b))
	default:
		body = strings.NewReader(r.Body)
	}
	req, err := http.NewRequest(method, target, body)
	if err != nil {
		return SendResult{}, fmt.Errorf("cannot build the request: %v", err)
	}
	for _, h := range r.Headers {
		if strings.TrimSpace(h.Name) == "" {
			continue
		}
		if strings.EqualFold(h.Name, "host") {
			req.Host = h.Value
			continue
		}
		req.Header.Add(h.Name, h.Value)
	}
	if body != nil && req.Header.Get("Content-Type") == "" {
		switch r.BodyKind {
		case "json":
			req.Header.Set("Content-Type", "application/json")
		case "form":
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		case "file":
			req.Header.Set("Content-Type", "application/octet-stream")
		default:
			req.Header.Set("Content-Type", "text/plain;charset=UTF-8")
		}
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", "edgeplay/"+Version)
	}
	var (
		local     string
		once      sync.Once
		connected = make(chan struct{}) // closed when local is set
		failed    = make(chan error, 1)
	)
	trace := &httptrace.ClientTrace{GotConn: func(ci httptrace.GotConnInfo) {
		once.Do(func() {
			local = ci.Conn.LocalAddr().String()
			close(connected)
		})
	}}
	// A long stream may stay open for minutes: no overall timeout, but
	// the request ends when the App switches project or closes.
	ctx, cancel := context.WithCancel(context.Background())
	req = req.WithContext(httptrace.WithClientTrace(ctx, trace))
	// A connection of its own per request, so that its local address
	// names exactly this exchange.
	client := &http.Client{
		Transport:     &http.Transport{DisableKeepAlives: true, DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	go func() {
		defer cancel()
		res, err := client.Do(req)
		entry := HistoryEntry{ComposerRequest: r, Time: now()}
		if err != nil {
			failed <- err
			return
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		entry.Status = res.StatusCode
		<-connected // a response implies a connection
		for _, x := range e.Journal().Exchanges() {
			if x.Client == local {
				entry.Seq = x.Seq
			}
		}
		if err := st.addHistory(entry); err != nil {
			e.Logf("edgeplay: saving the composer history: %v\n", err)
		}
		a.emit(EventHistory, nil)
	}()
	select {
	case <-connected:
		return SendResult{Client: local}, nil
	case err := <-failed:
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return SendResult{}, fmt.Errorf("sending %s %s: %v", method, target, err)
	case <-time.After(10 * time.Second):
		cancel()
		return SendResult{}, fmt.Errorf("sending %s %s: no connection within 10s", method, target)
	}
}

// resolveTarget makes the composer's URL absolute against the server and
// refuses any other origin.
func resolveTarget(server, raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errors.New("enter a URL or a path such as /api/hello")
	}
	base, err := url.Parse(server)
	if err != nil {
		return "", err
	}
	u, err := base.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("invalid URL %q: %v", raw, err)
	}
	port := base.Port()
	sameHost := u.Hostname() == base.Hostname() || u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1" || u.Hostname() == "::1"
	if u.Scheme != "http" || !sameHost || u.Port() != port {
		return "", fmt.Errorf("the composer sends requests to this project's server (%s); %q is another origin", server, raw)
	}
	u.Host = base.Host // the address the server listens on
	return u.String(), nil
}

func fromTrafficRequest(r traffic.Request) ComposerRequest {
	c := ComposerRequest{Method: r.Method, URL: r.URL, Headers: r.Header, BodyKind: "none"}
	if c.Headers == nil {
		c.Headers = []traffic.Header{}
	}
	if len(r.Body) > 0 {
		ct := ""
		for _, h := range r.Header {
			if strings.EqualFold(h.Name, "content-type") {
				ct = strings.ToLower(h.Value)
			}
		}
		switch {
		case !isUTF8(r.Body):
			c.BodyKind, c.Body = "file", base64.StdEncoding.EncodeToString(r.Body)
		case strings.Contains(ct, "json"):
			c.BodyKind, c.Body = "json", string(r.Body)
		case strings.Contains(ct, "x-www-form-urlencoded"):
			c.BodyKind, c.Body = "form", string(r.Body)
		default:
			c.BodyKind, c.Body = "text", string(r.Body)
		}
	}
	return c
}
