package engine

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/coder/websocket"
)

// A TypeScript route, bundled and served, talks to a WebSocket server
// (here a real one on loopback) and answers with what came back; the
// route's console shows a refused handshake.
func TestLiveWebSocket(t *testing.T) {
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/refuse" {
			http.Error(w, "no", http.StatusUnauthorized)
			return
		}
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		typ, data, err := c.Read(r.Context())
		if err != nil {
			return
		}
		_ = c.Write(r.Context(), typ, append([]byte("echo: "), data...))
		_ = c.Close(websocket.StatusNormalClosure, "done")
	}))
	defer upstream.Close()
	e, _ := liveProject(t, map[string]string{
		"pages/api/ws.ts": edgeHead + `export default async function handler(req: Request): Promise<Response> {
  const target = new URL(req.url).searchParams.get('to')!
  const ws = new WebSocket(target)
  const events: string[] = []
  await new Promise<void>((resolve) => {
    ws.onopen = () => { events.push('open'); ws.send('hi from the edge') }
    ws.onmessage = (e: MessageEvent) => events.push('message ' + e.data)
    ws.onerror = () => events.push('error')
    ws.onclose = (e: CloseEvent) => { events.push('close ' + e.code + ' ' + e.reason + ' ' + e.wasClean); resolve() }
  })
  return Response.json(events)
}
`,
	}, Options{})
	wsURL := "ws" + strings.TrimPrefix(upstream.URL, "http")
	code, body := get(t, e.URL()+"/api/ws?to="+url.QueryEscape(wsURL+"/echo"))
	if want := `["open","message echo: hi from the edge","close 1000 done true"]`; code != 200 || body != want {
		t.Errorf("echo: %d %s, want %s", code, body, want)
	}
	code, body = get(t, e.URL()+"/api/ws?to="+url.QueryEscape(wsURL+"/refuse"))
	if want := `["error","close 1006  false"]`; code != 200 || body != want {
		t.Errorf("refused: %d %s, want %s", code, body, want)
	}
	var logged string
	for _, x := range e.Journal().Exchanges() {
		for _, l := range x.Logs {
			logged += l.Level + ": " + l.Text + "\n"
		}
	}
	if !strings.Contains(logged, "error: WebSocket connection to '"+wsURL+"/refuse' failed: the server answered 401 Unauthorized instead of switching protocols") {
		t.Errorf("console of the refused connection:\n%s", logged)
	}
}
