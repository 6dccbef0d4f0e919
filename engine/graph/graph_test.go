package graph

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgeplay/edgeplay/engine/edge"
)

// writeFiles writes a project into a temp folder.
func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// serve loads file from g and answers one GET with it.
func serve(t testing.TB, g *Graph, file string) (int, string) {
	t.Helper()
	u, err := g.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if u.Failed() {
		t.Fatalf("%s failed: %v", file, u.Diags)
	}
	sc, err := edge.NewModuleScript(file, "/api/x", 1, u.Entry, u.Modules)
	if err != nil {
		t.Fatal(err)
	}
	gen := edge.NewGeneration(sc, edge.Options{Timeout: 10 * time.Second})
	defer gen.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := gen.Invoke(ctx, &edge.Request{Method: "GET", URL: "http://localhost:3000/api/x", BodyLength: -1})
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return res.Status, string(res.Body)
}

func route(lib string, i int) string {
	return fmt.Sprintf(`import { greet, counter } from '../../%s'
export const config = { runtime: 'edge' }
export default function handler() {
  return new Response(greet('r%d') + ' ' + counter())
}
`, lib, i)
}

// N routes sharing a lib build the lib once; a save of the lib builds the
// lib again and nothing else; every route then serves the new code, each
// with its own module instance (its own counter).
func TestSharedModuleBuiltOnce(t *testing.T) {
	const n = 12
	files := map[string]string{
		"lib/shared.ts": `let n = 0
export function counter(): number { return ++n }
export function greet(who: string): string { return 'v1 ' + who }
`,
	}
	for i := 0; i < n; i++ {
		files[fmt.Sprintf("pages/api/r%d.ts", i)] = route("lib/shared", i)
	}
	root := writeFiles(t, files)
	g := New(Options{Root: root})
	defer g.Close()
	for i := 0; i < n; i++ {
		status, body := serve(t, g, fmt.Sprintf("pages/api/r%d.ts", i))
		if want := fmt.Sprintf("v1 r%d 1", i); status != 200 || body != want {
			t.Fatalf("r%d: %d %q, want 200 %q", i, status, body, want)
		}
	}
	if got := g.Stats().ModuleBuilds; got != n+1 {
		t.Fatalf("module builds after %d routes: %d, want %d (each route and the lib once)", n, got, n+1)
	}
	lib := filepath.Join(root, "lib", "shared.ts")
	if err := os.WriteFile(lib, []byte(strings.Replace(files["lib/shared.ts"], "v1", "v2", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if !g.Changed(map[string]bool{lib: true}) {
		t.Fatal("Changed(lib) = false: the graph does not know its routes use it")
	}
	for i := 0; i < n; i++ {
		if _, body := serve(t, g, fmt.Sprintf("pages/api/r%d.ts", i)); body != fmt.Sprintf("v2 r%d 1", i) {
			t.Fatalf("r%d after the lib save: %q", i, body)
		}
	}
	if got := g.Stats().ModuleBuilds; got != n+2 {
		t.Fatalf("module builds after the lib save: %d, want %d (the lib alone)", got, n+2)
	}
}

// A file with a syntax error fails the routes that load it, with its
// position; the 50 others build, serve and get their sizes.
func TestBrokenFileFailsOnlyItsRoutes(t *testing.T) {
	files := map[string]string{
		"lib/shared.ts": "export function greet(s: string) { return 'hi ' + s }\nexport function counter() { return 0 }\n",
		"lib/broken.ts": "export const x = (1 +\n",
		"pages/api/bad.ts": `import { x } from '../../lib/broken'
export const config = { runtime: 'edge' }
export default () => new Response(String(x))
`,
	}
	var routes []Route
	for i := 0; i < 50; i++ {
		f := fmt.Sprintf("pages/api/r%d.ts", i)
		files[f] = route("lib/shared", i)
		routes = append(routes, Route{File: f, Page: "/api/r", Limit: 1 << 20})
	}
	routes = append(routes, Route{File: "pages/api/bad.ts", Page: "/api/bad", Limit: 1 << 20})
	root := writeFiles(t, files)
	g := New(Options{Root: root})
	defer g.Close()
	u, err := g.Load("pages/api/bad.ts")
	if err != nil {
		t.Fatal(err)
	}
	if !u.Failed() || !strings.Contains(u.Diags.Errors()[0].String(), "lib/broken.ts:2:1") {
		t.Fatalf("bad.ts: want the error at lib/broken.ts:2:1, got %v", u.Diags)
	}
	for i := 0; i < 50; i++ {
		if status, _ := serve(t, g, fmt.Sprintf("pages/api/r%d.ts", i)); status != 200 {
			t.Fatalf("r%d: %d", i, status)
		}
	}
	res := g.Analyze(routes)
	for _, r := range routes[:50] {
		if res[r.File].Raw == 0 || res[r.File].Diags.HasErrors() {
			t.Fatalf("%s: analysis %+v", r.File, res[r.File])
		}
	}
	if bad := res["pages/api/bad.ts"]; bad == nil || bad.Raw == 0 {
		t.Fatalf("bad.ts: no size while its import is broken: %+v", bad)
	}
}

// A deleted lib makes its importer fail at the import, in esbuild's words
// and place; restoring it heals the route.
func TestDeletedImport(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"lib/a.ts":       "export const a = 'a v1'\n",
		"pages/api/x.ts": "import { a } from '../../lib/a'\nexport default () => new Response(a)\n",
	})
	g := New(Options{Root: root})
	defer g.Close()
	if _, body := serve(t, g, "pages/api/x.ts"); body != "a v1" {
		t.Fatalf("before: %q", body)
	}
	lib := filepath.Join(root, "lib", "a.ts")
	if err := os.Remove(lib); err != nil {
		t.Fatal(err)
	}
	g.Changed(map[string]bool{lib: true})
	u, err := g.Load("pages/api/x.ts")
	if err != nil {
		t.Fatal(err)
	}
	if errs := u.Diags.Errors(); len(errs) == 0 || !strings.Contains(errs[0].String(), `pages/api/x.ts:1:19: error: Could not resolve "../../lib/a"`) {
		t.Fatalf("after the delete: %v", u.Diags)
	}
	if err := os.WriteFile(lib, []byte("export const a = 'a v2'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	g.Changed(map[string]bool{lib: true})
	g.Retry()
	if _, body := serve(t, g, "pages/api/x.ts"); body != "a v2" {
		t.Fatalf("restored: %q", body)
	}
}
