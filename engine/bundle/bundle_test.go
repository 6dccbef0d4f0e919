package bundle

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edgeplay/edgeplay/engine/diag"
)

var update = flag.Bool("update", false, "update golden files")

// project writes files into a temporary project folder.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func build(t *testing.T, dir, file string, limit int) *Result {
	t.Helper()
	b, err := New(Options{Root: dir, File: file, Page: "/" + strings.TrimSuffix(strings.TrimPrefix(file, "pages/"), filepath.Ext(file)), Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b.Build()
}

func formatDiags(l diag.List) string {
	var s strings.Builder
	for _, d := range l {
		s.WriteString(d.Format())
	}
	return s.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./engine/bundle -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s: got\n%s\nwant\n%s", name, got, want)
	}
}

func TestBuildDiagnostics(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		route string
		limit int
	}{
		{
			name: "node-import-deep",
			files: map[string]string{
				"pages/api/fs.ts":               "import { read } from '../../lib/read'\nexport const config = { runtime: 'edge' }\nexport default () => new Response(read())\n",
				"lib/read.ts":                   "import { helper } from 'dep'\nexport const read = () => helper()\n",
				"node_modules/dep/package.json": `{"name":"dep","main":"index.js"}`,
				"node_modules/dep/index.js":     "const fs = require('node:fs')\nconst path = require('path')\nexports.helper = () => fs.readFileSync(path.join('a'))\n",
			},
			route: "pages/api/fs.ts",
		},
		{
			name:  "syntax-error",
			files: map[string]string{"pages/api/bad.ts": "export const config = { runtime: 'edge' }\nexport default (req: Request) => new Response('x'\n"},
			route: "pages/api/bad.ts",
		},
		{
			name:  "missing-import",
			files: map[string]string{"pages/api/m.ts": "import x from './nope'\nexport default () => new Response(x)\n"},
			route: "pages/api/m.ts",
		},
		{
			name: "over-limit",
			files: map[string]string{
				"pages/api/big.ts": "import { data } from '../../lib/data'\nimport { small } from '../../lib/small'\nexport default () => new Response(data + small)\n",
				"lib/data.ts":      "export const data = " + fmt.Sprintf("%q", pseudoRandom(6000)) + "\n",
				"lib/small.ts":     "export const small = 'tiny'\n",
			},
			route: "pages/api/big.ts",
			limit: 4000,
		},
		{
			name:  "unicode-property",
			files: map[string]string{"pages/api/re.ts": "export default () => new Response(String(/\\p{L}+/u.test('é')) + /[\\p{Script_Extensions=Greek}]/u.test('α') + new RegExp('\\\\p{L}' + 'x', 'u'))\n"},
			route: "pages/api/re.ts",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := project(t, tt.files)
			res := build(t, dir, tt.route, tt.limit)
			golden(t, tt.name, formatDiags(res.Diags))
		})
	}
}

// pseudoRandom makes incompressible text deterministically.
func pseudoRandom(n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = alphabet[x%uint32(len(alphabet))]
	}
	return string(b)
}
