package graph

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
		t.Fatalf("%v (run go test ./engine/graph -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s: got\n%s\nwant\n%s", name, got, want)
	}
}

// diagnose builds a route as the engine does (its modules, then the
// analysis of every route) and returns its diagnostics, each once.
func diagnose(t *testing.T, root, file string, limit int) diag.List {
	t.Helper()
	g := New(Options{Root: root})
	defer g.Close()
	u, err := g.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	page := "/" + strings.TrimSuffix(strings.TrimPrefix(file, "pages/"), filepath.Ext(file))
	if limit == 0 {
		limit = 1 << 20
	}
	res := g.Analyze([]Route{{File: file, Page: page, Limit: limit}})[file]
	return diag.Union(u.Diags, res.Diags)
}

func TestDiagnostics(t *testing.T) {
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
		{
			name:  "missing-package",
			files: map[string]string{"pages/api/p.ts": "import pad from '@acme/left-pad/fmt'\nexport default () => new Response(pad('x'))\n"},
			route: "pages/api/p.ts",
		},
		{
			name: "missing-export",
			files: map[string]string{
				"pages/api/x.ts": "import { nope } from '../../lib/a'\nexport default () => new Response(String(nope))\n",
				"lib/a.ts":       "export const yes = 1\n",
			},
			route: "pages/api/x.ts",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeFiles(t, tt.files)
			var s strings.Builder
			for _, d := range diagnose(t, root, tt.route, tt.limit) {
				s.WriteString(d.Format())
			}
			golden(t, tt.name, s.String())
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
