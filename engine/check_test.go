package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheck(t *testing.T) {
	ok := edgeHead + "export default () => new Response('ok')\n"
	tests := []struct {
		name  string
		files map[string]string
		opts  CheckOptions
		ok    bool
		want  []string // substrings of the failures, in order
	}{
		{name: "clean", files: map[string]string{"pages/api/a.ts": ok, "pages/api/node.ts": "export default (req, res) => res.json({})\n"}, ok: true},
		{name: "src/pages", files: map[string]string{"src/pages/api/a.ts": ok}, ok: true},
		{name: "node import fails", files: map[string]string{"pages/api/a.ts": "import fs from 'node:fs'\n" + edgeHead + "export default () => new Response(fs.readFileSync('x'))\n"},
			want: []string{"pages/api/a.ts:1:16: warning: A Node.js module is loaded ('node:fs' at line 1) which is not supported in the Edge Runtime."}},
		{name: "node import allowed", files: map[string]string{"pages/api/a.ts": "import fs from 'node:fs'\n" + edgeHead + "export default () => new Response(fs.readFileSync('x'))\n"},
			opts: CheckOptions{AllowNodeImports: true}, ok: true},
		{name: "deep node import", files: map[string]string{
			"pages/api/a.ts": "import { x } from '../../lib/x'\n" + edgeHead + "export default () => new Response(x)\n",
			"lib/x.ts":       "import { join } from 'path'\nexport const x = join('a', 'b')\n"},
			want: []string{"lib/x.ts:1:22: warning: A Node.js module is loaded ('path' at line 1)"}},
		{name: "eval", files: map[string]string{"pages/api/a.ts": edgeHead + "export default () => new Response(eval('1'))\n"},
			want: []string{"pages/api/a.ts:2:35: warning: Dynamic Code Evaluation (e. g. 'eval', 'new Function') not allowed in Edge Runtime (eval())"}},
		{name: "over the limit", files: map[string]string{"pages/api/a.ts": ok}, opts: CheckOptions{MaxSize: 100},
			want: []string{`error: The Edge Function "pages/api/a" size is`}},
		{name: "syntax error", files: map[string]string{"pages/api/a.ts": edgeHead + "export default () => {\n"},
			want: []string{"pages/api/a.ts:3:1: error: Unexpected end of file"}},
		{name: "syntax error in a Node.js route", files: map[string]string{"pages/api/a.ts": "export default function (\n"},
			want: []string{"pages/api/a.ts:2:1: error: Expected identifier but found end of file"}},
		{name: "bad runtime", files: map[string]string{"pages/api/a.ts": "export const config = { runtime: 'foo' }\nexport default () => new Response('x')\n"},
			want: []string{`pages/api/a.ts:1:34: error: Provided runtime "foo" is not supported. Please leave it empty or choose one of: experimental-edge, edge, nodejs`}},
		{name: "no default export", files: map[string]string{"pages/api/a.ts": edgeHead + "export const x = 1\n"},
			want: []string{`The Edge Function "pages/api/a" must export a default function`}},
		{name: "throws at load", files: map[string]string{"pages/api/a.ts": edgeHead + "throw new Error('at load')\nexport default () => new Response('x')\n"},
			want: []string{"pages/api/a.ts:2:7: error: the route fails to load: Error: at load"}},
		{name: "conflict", files: map[string]string{"pages/api/[a].ts": ok, "pages/api/[b].ts": ok},
			want: []string{"You cannot use different slug names for the same dynamic path ('a' !== 'b')."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.Dir = writeProject(t, tt.files)
			opts.Env = []string{}
			rep, err := Check(opts)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK != tt.ok {
				t.Errorf("ok = %v, failures:\n%s", rep.OK, strings.Join(rep.Failures, "\n"))
			}
			if len(rep.Failures) < len(tt.want) {
				t.Fatalf("failures:\n%s\nwant:\n%s", strings.Join(rep.Failures, "\n"), strings.Join(tt.want, "\n"))
			}
			for i, w := range tt.want {
				if !strings.Contains(rep.Failures[i], w) {
					t.Errorf("failure %d:\ngot  %s\nwant %s", i, rep.Failures[i], w)
				}
			}
		})
	}
}
