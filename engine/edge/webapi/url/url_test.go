package url_test

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestURL(t *testing.T) { webapitest.RunFile(t, "testdata/url_test.js") }

// TestConformance runs the WPT urltestdata.json cases.
func TestConformance(t *testing.T) {
	raw, err := os.ReadFile("testdata/urltestdata.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []any
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	iso := webapitest.New(t, nil)
	src := fmt.Sprintf(`(() => {
	  const cases = %s;
	  let pass = 0, total = 0; const fails = [];
	  const keys = ['href','origin','protocol','username','password','host','hostname','port','pathname','search','hash'];
	  for (const c of cases) {
	    if (typeof c === 'string') continue;
	    total++;
	    let u;
	    try { u = c.base === null ? new URL(c.input) : new URL(c.input, c.base); } catch (e) {
	      if (c.failure && e instanceof TypeError) pass++; else fails.push(JSON.stringify(c.input) + ' threw ' + e);
	      continue;
	    }
	    if (c.failure) { fails.push(JSON.stringify(c.input) + ' should fail'); continue; }
	    const bad = keys.filter((k) => k in c && u[k] !== c[k]);
	    if (bad.length === 0) pass++; else fails.push(JSON.stringify(c.input) + ': ' + bad.map((k) => k + '=' + JSON.stringify(u[k]) + ' want ' + JSON.stringify(c[k])).join(', '));
	  }
	  return JSON.stringify({ pass, total, fails });
	})()`, raw)
	v, err := iso.Eval(src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Pass, Total int
		Fails       []string
	}
	if err := json.Unmarshal([]byte(v.(string)), &res); err != nil {
		t.Fatal(err)
	}
	t.Logf("URL conformance: %d/%d cases pass", res.Pass, res.Total)
	for i, f := range res.Fails {
		if i < 20 {
			t.Logf("  %s", f)
		}
	}
	// Known gaps of the Go parser are listed on the issue; the floor keeps
	// the pass count from regressing.
	if res.Pass*100 < res.Total*95 {
		t.Errorf("URL conformance fell below 95%%: %d/%d", res.Pass, res.Total)
	}
}
