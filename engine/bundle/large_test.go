package bundle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A route whose output passes LargeOutput lets go of its esbuild context
// after each build, and the next build makes a new one: edits show, the
// imports are still found, and Close still closes.
func TestLargeRouteReleasesItsContext(t *testing.T) {
	data := "export const data = '" + pseudoRandom(LargeOutput+1024) + "'\n"
	dir := project(t, map[string]string{
		"lib/data.ts":        data,
		"pages/api/big.ts":   "import { data } from '../../lib/data'\nexport const config = { runtime: 'edge' }\nexport default () => new Response('v1 ' + data.length)\n",
		"pages/api/small.ts": "export const config = { runtime: 'edge' }\nexport default () => new Response('small')\n",
	})
	big, err := New(Options{Root: dir, File: "pages/api/big.ts", Page: "/api/big"})
	if err != nil {
		t.Fatal(err)
	}
	defer big.Close()
	small, err := New(Options{Root: dir, File: "pages/api/small.ts", Page: "/api/small"})
	if err != nil {
		t.Fatal(err)
	}
	defer small.Close()

	for i, want := range []string{"v1 ", "v2 "} {
		if i == 1 {
			src := strings.Replace(readFile(t, dir, "pages/api/big.ts"), "'v1 '", "'v2 '", 1)
			if err := os.WriteFile(filepath.Join(dir, "pages/api/big.ts"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res := big.Build()
		if res.Diags.HasErrors() || !strings.Contains(res.Code, want) || res.Raw <= LargeOutput {
			t.Fatalf("build %d: raw %d, errors %v, has %q: %v", i, res.Raw, res.Diags.HasErrors(), want, strings.Contains(res.Code, want))
		}
		if big.ctx != nil || !big.released {
			t.Errorf("build %d: the large route kept its esbuild context", i)
		}
		found := false
		for _, in := range res.Inputs {
			found = found || in.Path == "lib/data.ts"
		}
		if !found {
			t.Errorf("build %d: inputs %v lack lib/data.ts", i, res.Inputs)
		}
	}
	if res := small.Build(); res.Diags.HasErrors() || small.ctx == nil {
		t.Errorf("a small route must keep its context for incremental rebuilds")
	}
	big.Close()
	if res := big.Build(); !strings.Contains(formatDiags(res.Diags), "is closed") {
		t.Errorf("a closed bundler built again: %s", formatDiags(res.Diags))
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
