package websocket_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

// server is a real WebSocket server on loopback for the JS cases:
//
//	/echo     sends every message back as it came; a close is answered with its code and reason
//	/proto    accepts "chat" or "superchat", sends the one chosen, closes 4000 "bye"
//	/big      sends one 100 KB binary message, then closes 1000
//	/reject   answers 403 without upgrading
func server(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		ctx := r.Context()
		for {
			typ, data, err := c.Read(ctx)
			if err != nil {
				return // the library answers the close frame with the same code
			}
			if err := c.Write(ctx, typ, data); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/proto", func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"superchat", "chat"}})
		if err != nil {
			return
		}
		_ = c.Write(r.Context(), websocket.MessageText, []byte("protocol="+c.Subprotocol()+" ua="+r.Header.Get("User-Agent")))
		_ = c.Close(4000, "bye")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		b := make([]byte, 100<<10)
		for i := range b {
			b[i] = byte(i)
		}
		_ = c.Write(r.Context(), websocket.MessageBinary, b)
		_ = c.Close(websocket.StatusNormalClosure, "")
	})
	mux.HandleFunc("/reject", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusForbidden)
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestWebSocket(t *testing.T) {
	s := server(t)
	base := "ws" + strings.TrimPrefix(s.URL, "http")
	webapitest.RunSourceWith(t, "testdata/websocket_test.js", readTestFile(t), func(iso *webapitest.Isolate, rt *goja.Runtime) {
		_ = rt.Set("wsBase", base)
		_ = rt.Set("httpBase", s.URL)
	})
}

// A socket left open when its isolate stops is closed: the server sees
// the connection end.
func TestWebSocketClosedWithIsolate(t *testing.T) {
	ended := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/hold", func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer close(ended)
		ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
		defer cancel()
		_, _, _ = c.Read(ctx)
	})
	s := httptest.NewServer(mux)
	defer s.Close()
	iso := webapitest.New(t, nil)
	_, err := iso.Eval(`new Promise((resolve, reject) => {
		const ws = new WebSocket(`+"`ws"+strings.TrimPrefix(s.URL, "http")+"/hold`"+`);
		ws.onopen = () => resolve('open');
		ws.onerror = () => reject(new Error('error'));
	})`, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	iso.Loop.Stop()
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the server's connection stayed open after the isolate stopped")
	}
}

func readTestFile(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/websocket_test.js")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
