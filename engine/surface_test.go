package engine

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestSurface replays projects/surface/requests.json against edgeplay and
// compares each answer with what next dev gave (projects/surface/
// recorded.json, made by projects/surface/record.mjs): status, the headers
// that matter, body. It prints identical/total.
func TestSurface(t *testing.T) {
	dir := filepath.Join("..", "projects", "surface")
	var reqs []struct {
		Name    string            `json:"name"`
		Method  string            `json:"method"`
		Path    string            `json:"path"`
		Headers map[string]string `json:"headers"`
		Body    string            `json:"body"`
		Compare string            `json:"compare"`
		Differs string            `json:"differs"`
	}
	readJSON(t, filepath.Join(dir, "requests.json"), &reqs)
	var rec struct {
		Recorded []answer `json:"recorded"`
	}
	readJSON(t, filepath.Join(dir, "recorded.json"), &rec)
	want := map[string]answer{}
	for _, a := range rec.Recorded {
		want[a.Name] = a
	}

	e := startEngine(t, Options{Dir: dir, NoWatch: true}, 30*time.Second)
	port := e.URL()[strings.LastIndex(e.URL(), ":")+1:]
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	same, compared, documented := 0, 0, 0
	for _, r := range reqs {
		w, ok := want[r.Name]
		if !ok {
			t.Errorf("%s: not in recorded.json (run node projects/surface/record.mjs)", r.Name)
			continue
		}
		req, _ := http.NewRequest(r.Method, e.URL()+r.Path, strings.NewReader(r.Body))
		for k, v := range r.Headers {
			req.Header.Set(k, v)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", r.Name, err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		got := answer{Name: r.Name, Status: res.StatusCode, Headers: keptHeaders(res.Header, port), Body: ptr(normalizeAnswer(string(b), port))}
		if r.Differs != "" {
			documented++
			t.Logf("%s: documented difference: %s (next dev %d, edgeplay %d)", r.Name, r.Differs, w.Status, got.Status)
			continue
		}
		compared++
		if diff := compareAnswers(w, got, r.Compare); diff != "" {
			t.Errorf("%s %s: differs from next dev:\n%s", r.Method, r.Path, diff)
			continue
		}
		same++
	}
	fmt.Printf("surface: %d/%d answers identical to next dev (%d documented differences)\n", same, compared, documented)
}

type answer struct {
	Name    string         `json:"name"`
	Status  int            `json:"status"`
	Headers map[string]any `json:"headers"`
	Body    *string        `json:"body"`
}

func ptr(s string) *string { return &s }

var expiresRe = regexp.MustCompile(`Expires=[^;]+`)

// normalizeAnswer applies record.mjs's rules: the port becomes PORT,
// cookie expiry dates a placeholder.
func normalizeAnswer(s, port string) string {
	s = strings.ReplaceAll(s, ":"+port, ":PORT")
	return expiresRe.ReplaceAllString(s, "Expires=<date>")
}

// keptHeaders keeps what record.mjs keeps: content-type, location,
// cache-control, x-* (but x-powered-by) and set-cookie (as a list).
func keptHeaders(h http.Header, port string) map[string]any {
	out := map[string]any{}
	for k, vs := range h {
		k = strings.ToLower(k)
		switch {
		case k == "set-cookie":
			var cs []any
			for _, v := range vs {
				cs = append(cs, normalizeAnswer(v, port))
			}
			out[k] = cs
		case k == "content-type" || k == "location" || k == "cache-control" || (strings.HasPrefix(k, "x-") && k != "x-powered-by" && k != "x-edgeplay-warning"):
			out[k] = normalizeAnswer(strings.Join(vs, ", "), port)
		}
	}
	return out
}

func compareAnswers(want, got answer, mode string) string {
	var diffs []string
	if want.Status != got.Status {
		diffs = append(diffs, fmt.Sprintf("  status: next dev %d, edgeplay %d", want.Status, got.Status))
	}
	switch mode {
	case "status":
		return strings.Join(diffs, "\n")
	case "status+location":
		if want.Headers["location"] != got.Headers["location"] {
			diffs = append(diffs, fmt.Sprintf("  location: next dev %v, edgeplay %v", want.Headers["location"], got.Headers["location"]))
		}
		return strings.Join(diffs, "\n")
	}
	keys := map[string]bool{}
	for k := range want.Headers {
		keys[k] = true
	}
	for k := range got.Headers {
		keys[k] = true
	}
	var names []string
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !reflect.DeepEqual(want.Headers[k], got.Headers[k]) {
			diffs = append(diffs, fmt.Sprintf("  header %s: next dev %v, edgeplay %v", k, want.Headers[k], got.Headers[k]))
		}
	}
	wb, gb := "", ""
	if want.Body != nil {
		wb = *want.Body
	}
	if got.Body != nil {
		gb = *got.Body
	}
	if want.Body != nil && wb != gb {
		diffs = append(diffs, fmt.Sprintf("  body:\n    next dev %q\n    edgeplay %q", wb, gb))
	}
	return strings.Join(diffs, "\n")
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
