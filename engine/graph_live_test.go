package engine

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// waitSizes waits until every edge route has its size from the analysis.
func waitSizes(t *testing.T, e *Engine, n int) []RouteInfo {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		sized := 0
		routes := e.Routes()
		for _, r := range routes {
			if r.Build != nil && r.Build.Gzip > 0 {
				sized++
			}
		}
		if sized >= n {
			return routes
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d routes have a size after 20 s", sized, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A project of 50 routes sharing a lib and one route with a syntax error:
// the 50 build (the lib once), serve and get their sizes, the broken one
// answers 500 with the error at its place. A save of the lib builds the lib
// alone and rebuilds only the routes that load it; a route that does not is
// left as it was.
func TestLiveSharedLibAndBrokenRoute(t *testing.T) {
	files := map[string]string{
		"lib/shared.ts":      "export const version = 'lib v1'\nexport function greet(who: string) { return version + ' ' + who }\n",
		"pages/api/bad.ts":   edgeHead + "export default () => new Response('bad'\n",
		"pages/api/alone.ts": edgeHead + "export default () => new Response('alone')\n",
	}
	const n = 50
	for i := 0; i < n; i++ {
		files[fmt.Sprintf("pages/api/r%d.ts", i)] = edgeHead + fmt.Sprintf("import { greet } from '../../lib/shared'\nexport default () => new Response(greet('r%d'))\n", i)
	}
	e, write := liveProject(t, files, Options{})
	u := e.URL()
	for i := 0; i < n; i++ {
		if code, body := get(t, fmt.Sprintf("%s/api/r%d", u, i)); code != 200 || body != fmt.Sprintf("lib v1 r%d", i) {
			t.Fatalf("/api/r%d: %d %q", i, code, body)
		}
	}
	if code, body := get(t, u+"/api/bad"); code != 500 || !strings.Contains(body, "pages/api/bad.ts:3:1: error: Expected \")\" but found end of file") {
		t.Fatalf("/api/bad: %d %q", code, body)
	}
	routes := waitSizes(t, e, n+1)
	var alone RouteInfo
	for _, r := range routes {
		if r.File == "pages/api/alone.ts" {
			alone = r
		}
		if r.File != "pages/api/bad.ts" && r.State != StateOK {
			t.Errorf("%s: %s %v", r.File, r.State, r.Diags)
		}
	}
	st := e.Stats()
	if want := int64(n + 3); st.Graph.ModuleBuilds != want {
		t.Errorf("module builds after start: %d, want %d (each route file and the lib once)", st.Graph.ModuleBuilds, want)
	}

	write("lib/shared.ts", "export const version = 'lib v2'\nexport function greet(who: string) { return version + ' ' + who }\n")
	for i := 0; i < n; i++ {
		eventually(t, fmt.Sprintf("%s/api/r%d", u, i), 200, fmt.Sprintf("lib v2 r%d", i))
	}
	if got := e.Stats().Graph.ModuleBuilds - st.Graph.ModuleBuilds; got != 1 {
		t.Errorf("a lib save built %d modules, want 1 (the lib)", got)
	}
	for _, r := range e.Routes() {
		if r.File == "pages/api/alone.ts" && !r.BuiltAt.Equal(alone.BuiltAt) {
			t.Errorf("alone.ts, which does not load the lib, was rebuilt by the lib's save")
		}
	}
	if code, body := get(t, u+"/api/alone"); code != 200 || body != "alone" {
		t.Errorf("/api/alone: %d %q", code, body)
	}
}
