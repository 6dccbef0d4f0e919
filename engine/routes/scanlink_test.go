package routes

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Symbolic links in the api folder, on a real disk: links to files are
// routes; links to folders are not followed, and each gets a warning that
// says whether it loops.
func TestScanLinks(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	api := filepath.Join(root, "pages", "api")
	for _, d := range []string{filepath.Join(api, "sub"), filepath.Join(root, "shared")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{filepath.Join(api, "sub", "a.ts"), filepath.Join(root, "shared", "b.ts"), filepath.Join(root, "real.ts")} {
		if err := os.WriteFile(f, []byte("export default () => new Response('x')\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"sub/up":    "..",               // the api folder: a loop
		"loop":      ".",                // its own folder: a loop
		"dir.ts":    ".",                // a loop with a route's name
		"shared":    "../../shared",     // a folder elsewhere: not followed
		"file.ts":   "../../real.ts",    // a file: a route
		"self.ts":   "self.ts",          // loops on itself: a route whose build fails
		"dangle.ts": "../../missing.ts", // leads nowhere: likewise
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(api, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	tb, err := Scan(os.DirFS(root))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/api/dangle", "/api/file", "/api/self", "/api/sub/a"}
	if got := patterns(tb); !reflect.DeepEqual(got, want) {
		t.Errorf("routes: got %q want %q", got, want)
	}
	var texts []string
	for _, d := range tb.Diags {
		texts = append(texts, d.String())
	}
	wantDiags := []string{
		"pages/api/dir.ts: warning: pages/api/dir.ts is a symbolic link to pages/api, a folder that holds it: following it would loop forever.",
		"pages/api/loop: warning: pages/api/loop is a symbolic link to pages/api, a folder that holds it",
		"pages/api/shared: warning: pages/api/shared is a symbolic link to a folder, and edgeplay does not follow folder links",
		"pages/api/sub/up: warning: pages/api/sub/up is a symbolic link to pages/api, a folder that holds it",
	}
	if len(texts) != len(wantDiags) {
		t.Fatalf("diagnostics: got %d want %d:\n%s", len(texts), len(wantDiags), strings.Join(texts, "\n"))
	}
	for i := range wantDiags {
		if !strings.HasPrefix(texts[i], wantDiags[i]) {
			t.Errorf("diagnostic %d:\ngot  %s\nwant %s…", i, texts[i], wantDiags[i])
		}
	}
}
