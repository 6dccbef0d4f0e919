package engine

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Requests that race a save never fail: one that read the route's
// generation just before a rebuild replaced (and closed) it is answered
// by the new one. Every answer comes from one of the two versions.
func TestLiveSavesUnderRequests(t *testing.T) {
	src := func(v string) string { return edgeHead + "export default () => new Response('" + v + "')\n" }
	e, _ := liveProject(t, map[string]string{"pages/api/v.ts": src("a")}, Options{})
	u := e.URL() + "/api/v"
	file := filepath.Join(e.Root(), "pages", "api", "v.ts")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var requests, failed atomic.Int64
	var firstFailure atomic.Value
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	for c := 0; c < 6; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := client.Get(u)
				var body []byte
				status := 0
				if err == nil {
					body, _ = io.ReadAll(res.Body)
					res.Body.Close()
					status = res.StatusCode
				}
				requests.Add(1)
				if err != nil || status != 200 || (string(body) != "a" && string(body) != "b") {
					failed.Add(1)
					firstFailure.CompareAndSwap(nil, fmt.Sprintf("%v %v %q", err, status, body))
				}
			}
		}()
	}
	for i := 0; i < 100; i++ {
		v := "a"
		if i%2 == 0 {
			v = "b"
		}
		tmp := file + ".tmp"
		if err := os.WriteFile(tmp, []byte(src(v)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, file); err != nil {
			t.Fatal(err)
		}
		eventually(t, u, 200, v)
	}
	close(stop)
	wg.Wait()
	t.Logf("%d requests during 100 saves, %d failed", requests.Load(), failed.Load())
	if n := failed.Load(); n > 0 {
		t.Errorf("%d of %d requests failed while the route was saved; first: %v", n, requests.Load(), firstFailure.Load())
	}
}
