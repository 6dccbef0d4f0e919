package url_test

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestURL(t *testing.T) { webapitest.RunFile(t, "testdata/url_test.js") }

func TestURLSearchParams(t *testing.T) { webapitest.RunFile(t, "testdata/urlsearchparams_test.js") }

// TestInternals checks what fetch and the console use of this package.
func TestInternals(t *testing.T) {
	webapitest.RunSourceWith(t, "internals_test.js", `
	test('parseURL', () => {
	  assertEquals(internals.parseURL('HTTP://A/b/../c'), 'http://a/c');
	  assertEquals(internals.parseURL('c', 'http://a/b/'), 'http://a/b/c');
	  assertThrows(() => internals.parseURL('/x'), TypeError);
	  assertThrows(() => internals.parseURL('x', ''), TypeError);
	});
	test('URLSearchParamsToString and the brand check', () => {
	  const p = new URLSearchParams('a=1 2');
	  p.toString = () => 'overridden';
	  assertEquals(internals.URLSearchParamsToString(p), 'a=1+2');
	  assertEquals(internals.isURLSearchParams(p), true);
	  assertEquals(internals.isURLSearchParams({}), false);
	  assertEquals(internals.isURLSearchParams(null), false);
	});
	test('inspect', () => {
	  assertEquals(internals.inspect(new URL('http://a/b?c')),
	    'URL { href: "http://a/b?c", origin: "http://a", protocol: "http:", username: "", password: "", host: "a", hostname: "a", port: "", pathname: "/b", search: "?c", hash: "" }');
	  assertEquals(internals.inspect(new URLSearchParams('a=1&b=2')), 'URLSearchParams { "a" => "1", "b" => "2" }');
	});`, func(iso *webapitest.Isolate, rt *goja.Runtime) { _ = rt.Set("internals", iso.Internals) })
}

// knownFailures lists WPT cases that are allowed to fail, each with the
// reason (testdata/known_failures.json: {"parsing": {id: reason},
// "setters": {id: reason}}). It is empty: every case passes.
type knownFailures struct {
	Parsing map[string]string `json:"parsing"`
	Setters map[string]string `json:"setters"`
}

func loadKnownFailures(t *testing.T) knownFailures {
	t.Helper()
	var k knownFailures
	raw, err := os.ReadFile("testdata/known_failures.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &k); err != nil {
		t.Fatal(err)
	}
	return k
}

// runCases runs a JS function over the JSON test data in one isolate; the
// function returns [{id, error}] with error "" for a pass.
func runCases(t *testing.T, dataFile, fn string) []struct{ ID, Error string } {
	t.Helper()
	raw, err := os.ReadFile(dataFile)
	if err != nil {
		t.Fatal(err)
	}
	iso := webapitest.New(t, nil)
	var out []struct{ ID, Error string }
	iso.Do(func(rt *goja.Runtime) {
		f, err := rt.RunString(fn)
		if err != nil {
			t.Fatal(err)
		}
		call, _ := goja.AssertFunction(f)
		res, err := call(goja.Undefined(), rt.ToValue(string(raw)))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(res.String()), &out); err != nil {
			t.Fatal(err)
		}
	})
	return out
}

// check reports every failing case not listed as known, and every listed
// case that now passes (so the list does not go stale).
func check(t *testing.T, what string, results []struct{ ID, Error string }, known map[string]string) {
	t.Helper()
	pass := 0
	for _, r := range results {
		reason, isKnown := known[r.ID]
		switch {
		case r.Error == "":
			pass++
			if isKnown {
				t.Errorf("%s %s passes but is listed as a known failure (%s): remove it", what, r.ID, reason)
			}
		case isKnown:
			t.Logf("known failure: %s %s: %s (%s)", what, r.ID, r.Error, reason)
		default:
			t.Errorf("%s %s: %s", what, r.ID, r.Error)
		}
	}
	t.Logf("%s: %d/%d cases pass", what, pass, len(results))
}

// TestConformance runs the WPT urltestdata.json cases: new URL(input, base)
// must throw a TypeError for failure cases and give every listed component
// otherwise.
func TestConformance(t *testing.T) {
	results := runCases(t, "testdata/urltestdata.json", `(function (raw) {
	  const cases = JSON.parse(raw);
	  const keys = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
	  const out = [];
	  for (let i = 0; i < cases.length; i++) {
	    const c = cases[i];
	    if (typeof c === 'string') continue;
	    const id = JSON.stringify(c.input) + ' against ' + JSON.stringify(c.base);
	    let u;
	    try {
	      u = c.base === null || c.base === undefined ? new URL(c.input) : new URL(c.input, c.base);
	    } catch (e) {
	      out.push({ id, error: c.failure && e instanceof TypeError ? '' : 'threw ' + e });
	      continue;
	    }
	    if (c.failure) { out.push({ id, error: 'should throw a TypeError, gave ' + u.href }); continue; }
	    const bad = [];
	    for (const k of keys) if (k in c && u[k] !== c[k]) bad.push(k + '=' + JSON.stringify(u[k]) + ' want ' + JSON.stringify(c[k]));
	    // URL.canParse and URL.parse agree with the constructor.
	    const base = c.base === null ? undefined : c.base;
	    if (!URL.canParse(c.input, base)) bad.push('canParse is false');
	    if (URL.parse(c.input, base).href !== u.href) bad.push('URL.parse differs');
	    out.push({ id, error: bad.join(', ') });
	  }
	  return JSON.stringify(out);
	})`)
	check(t, "URL conformance", results, loadKnownFailures(t).Parsing)
}

// TestSetters runs the WPT setters_tests.json cases: set one attribute of
// new URL(href), then every expected getter must match.
func TestSetters(t *testing.T) {
	results := runCases(t, "testdata/setters_tests.json", `(function (raw) {
	  const data = JSON.parse(raw);
	  const out = [];
	  for (const attr of Object.keys(data)) {
	    if (attr === 'comment') continue;
	    for (const c of data[attr]) {
	      const id = attr + ' = ' + JSON.stringify(c.new_value) + ' on ' + JSON.stringify(c.href);
	      const u = new URL(c.href);
	      const sp = u.searchParams;
	      try { u[attr] = c.new_value; } catch (e) { out.push({ id, error: 'threw ' + e }); continue; }
	      const bad = [];
	      for (const k of Object.keys(c.expected)) if (u[k] !== c.expected[k]) bad.push(k + '=' + JSON.stringify(u[k]) + ' want ' + JSON.stringify(c.expected[k]));
	      // The live searchParams follow the URL's query; the search setter
	      // parses its input into them (step 6), other setters leave them.
	      const want = new URLSearchParams(attr === 'search' ? c.new_value : u.search).toString();
	      if (sp.toString() !== want) bad.push('searchParams ' + JSON.stringify(sp.toString()) + ' want ' + JSON.stringify(want));
	      out.push({ id, error: bad.join(', ') });
	    }
	  }
	  return JSON.stringify(out);
	})`)
	check(t, "URL setters", results, loadKnownFailures(t).Setters)
}

// BenchmarkURLSearchParamsGet measures what a route does on every request:
// parse its URL and read a query parameter.
func BenchmarkURLSearchParamsGet(b *testing.B) {
	iso := webapitest.New(b, nil)
	iso.Do(func(rt *goja.Runtime) {
		v, err := rt.RunString(`() => new URL("http://localhost:3000/api/users/42?x=1&id=42").searchParams.get("id")`)
		if err != nil {
			b.Fatal(err)
		}
		fn, _ := goja.AssertFunction(v)
		b.ReportAllocs()
		b.ResetTimer()
		start := time.Now()
		for i := 0; i < b.N; i++ {
			r, err := fn(goja.Undefined())
			if err != nil || r.String() != "42" {
				b.Fatal(r, err)
			}
		}
		b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "ops/s")
	})
}
