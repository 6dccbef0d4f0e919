package urlpattern_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestURLPattern(t *testing.T) { webapitest.RunFile(t, "testdata/urlpattern_test.js") }

// minWPTPass is the number of WPT urlpatterntestdata.json entries that
// pass today; the test fails if a change makes fewer pass.
const minWPTPass = 363

// TestWPT runs WPT's urlpatterntestdata.json (testdata/, from
// web-platform-tests urlpattern/resources) through the JS URLPattern with a
// port of WPT's urlpatterntests.js, and prints the pass count.
func TestWPT(t *testing.T) {
	data, err := os.ReadFile("testdata/urlpatterntestdata.json")
	if err != nil {
		t.Fatal(err)
	}
	runner, err := os.ReadFile("testdata/wpt_runner.js")
	if err != nil {
		t.Fatal(err)
	}
	iso := webapitest.New(t, nil)
	iso.Do(func(rt *goja.Runtime) {
		v, err := rt.RunScript("data.js", "JSON.parse("+quoteJS(string(data))+")")
		if err != nil {
			t.Fatal(err)
		}
		_ = rt.Set("wptData", v)
	})
	v, err := iso.Eval(string(runner), 60*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	m := v.(map[string]any)
	pass, fail := toInt(m["pass"]), toInt(m["fail"])
	t.Logf("WPT urlpatterntestdata.json: %d/%d pass", pass, pass+fail)
	if os.Getenv("URLPATTERN_FAILURES") != "" {
		for _, f := range m["failures"].([]any) {
			t.Log(f)
		}
	}
	if pass < minWPTPass {
		var b strings.Builder
		for _, f := range m["failures"].([]any) {
			b.WriteString(f.(string) + "\n")
		}
		t.Errorf("%d pass, fewer than %d:\n%s", pass, minWPTPass, b.String())
	}
}

func quoteJS(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func toInt(v any) int {
	switch n := v.(type) {
	case int64:
		return int(n)
	case float64:
		return int(n)
	}
	return 0
}
