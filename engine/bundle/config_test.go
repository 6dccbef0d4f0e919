package bundle

import (
	"strings"
	"testing"

	"github.com/edgeplay/edgeplay/engine/diag"
)

func TestDetectRuntime(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Runtime
		diag string // substring of the one expected message, "" for none
		line int
	}{
		{"seed config", "export const config = {\n  runtime: 'experimental-edge',\n}\nexport default (req) => new Response('Hello world!')", RuntimeEdge, "It can be updated to 'edge' instead.", 2},
		{"edge", `export const config = { runtime: "edge" }`, RuntimeEdge, "", 0},
		{"runtime export", "export const runtime = 'edge'", RuntimeEdge, "", 0},
		{"typed config", "export const config: PageConfig = { maxDuration: 5, runtime: `edge` }", RuntimeEdge, "", 0},
		{"quoted key", `export const config = { "runtime": 'edge', regions: ['iad1'] } as const`, RuntimeEdge, "", 0},
		{"none is nodejs", "export default function h(req, res) { res.end('x') }", RuntimeNodeJS, "", 0},
		{"nodejs", "export const config = { runtime: 'nodejs' }", RuntimeNodeJS, "", 0},
		{"commented out", "// export const config = { runtime: 'edge' }\n/* export const runtime = 'edge' */\nexport default () => 1", RuntimeNodeJS, "", 0},
		{"nested other object", "export const config = { api: { bodyParser: false }, runtime: 'edge' }", RuntimeEdge, "", 0},
		{"unknown", "\nexport const config = { runtime: 'deno' }", RuntimeNodeJS, `Provided runtime "deno" is not supported. Please leave it empty or choose one of: experimental-edge, edge, nodejs`, 2},
		{"not a literal", "const r = 'edge'\nexport const config = { runtime: r }", RuntimeNodeJS, "must be a string literal", 2},
		{"string mentioning config", "const s = \"export const config = { runtime: 'edge' }\"", RuntimeNodeJS, "", 0},
	}
	for _, tt := range tests {
		got, diags := DetectRuntime("pages/api/x.ts", "/api/x", []byte(tt.src))
		if got != tt.want {
			t.Errorf("%s: got %q want %q", tt.name, got, tt.want)
		}
		if tt.diag == "" {
			if len(diags) != 0 {
				t.Errorf("%s: unexpected %v", tt.name, diags)
			}
			continue
		}
		if len(diags) != 1 || !strings.Contains(diags[0].Text, tt.diag) {
			t.Errorf("%s: got %v want %q", tt.name, diags, tt.diag)
			continue
		}
		if diags[0].Location == nil || diags[0].Location.Line != tt.line {
			t.Errorf("%s: location %+v want line %d", tt.name, diags[0].Location, tt.line)
		}
	}
}

var _ = diag.Error
