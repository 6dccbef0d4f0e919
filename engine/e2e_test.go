package engine

import (
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSampleProject serves projects/sample over real HTTP on loopback.
func TestSampleProject(t *testing.T) {
	e := startEngine(t, Options{Dir: filepath.Join("..", "projects", "sample"), NoWatch: true, Env: []string{"GREETING=from shell"}}, 30*time.Second)
	port := e.URL()[strings.LastIndex(e.URL(), ":")+1:]
	tests := []struct {
		method, path, body string
		status             int
		contains           string
		ctype              string
	}{
		{"GET", "/api/hello", "", 200, "Hello world!", "text/plain;charset=UTF-8"},
		{"GET", "/api/json", "", 200, `{"name":"Jim Halpert"}`, "application/json"},
		{"GET", "/api/query?email=jim@dm.com", "", 200, "jim@dm.com", "text/plain;charset=UTF-8"},
		{"GET", "/api/users/42?x=1", "", 200, `"url":"http://localhost:` + port + `/api/users/42?x=1&id=42"`, "application/json"},
		{"GET", "/api/files/a/b%20c", "", 200, `"path":["a","b c"]`, "application/json"},
		{"GET", "/api/docs", "", 200, `"slug":[]`, "application/json"},
		{"GET", "/api/env", "", 200, `"greeting":"from shell"`, "application/json"},
		{"POST", "/api/echo", "hi there", 200, `"body":"hi there"`, "application/json"},
		{"GET", "/api/stream?n=3&delay=1", "", 200, "data: chunk 3 of 3", "text/event-stream"},
		{"GET", "/api/throws", "", 500, "no user id given", ""},
		{"GET", "/api/node-fs", "", 500, "The edge runtime does not support Node.js 'fs' module.", ""},
		{"GET", "/api/eval", "", 500, "Dynamic Code Evaluation (e. g. 'eval', 'new Function') not allowed in Edge Runtime", ""},
		{"GET", "/api/node", "", 501, "is a Node.js API route", ""},
		{"GET", "/api/nope", "", 404, "could not be found", ""},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, e.URL()+tt.path, strings.NewReader(tt.body))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status || !strings.Contains(string(b), tt.contains) {
			t.Errorf("%s %s: got %d %q, want %d containing %q", tt.method, tt.path, res.StatusCode, b, tt.status, tt.contains)
		}
		if tt.ctype != "" && res.Header.Get("content-type") != tt.ctype {
			t.Errorf("%s: content-type %q want %q", tt.path, res.Header.Get("content-type"), tt.ctype)
		}
	}
	if n := len(e.Journal().Exchanges()); n != len(tests) {
		t.Errorf("journal has %d exchanges, want %d", n, len(tests))
	}
}
