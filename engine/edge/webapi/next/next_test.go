package next_test

import (
	"os"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestNextServer(t *testing.T) { webapitest.RunFile(t, "testdata/next_test.js") }

// TestAgainstNext runs testdata/next_cases.js and compares each result
// with what the real next/server gave for it (testdata/next_expected.json,
// written by testdata/gen/gen_next.js).
func TestAgainstNext(t *testing.T) {
	runCases(t, "testdata/next_cases.js", "testdata/next_expected.json", "nextCases")
}

// TestUserAgentAgainstNext compares userAgentFromString on real UA strings
// with next/server's (ua-parser-js 1.0.35 plus Next's isBot).
func TestUserAgentAgainstNext(t *testing.T) {
	runCases(t, "testdata/ua_cases.js", "testdata/ua_expected.json", "uaCases")
}

func runCases(t *testing.T, casesFile, expectedFile, casesVar string) {
	cases, err := os.ReadFile(casesFile)
	if err != nil {
		t.Fatal(err)
	}
	expected, err := os.ReadFile(expectedFile)
	if err != nil {
		t.Fatal(err)
	}
	src := string(cases) + `
;(function () {
  const expected = ` + string(expected) + `;
  const s = globalThis[Symbol.for('edgeplay.next/server')];
  const env = { NextRequest: s.NextRequest, NextResponse: s.NextResponse, NextURL: s.NextURL, userAgentFromString: s.userAgentFromString };
  for (const name of Object.keys(` + casesVar + `)) {
    test(name, async () => {
      assert(name in expected, 'no expected value: run testdata/gen (see testdata/README.md)');
      assertEquals(JSON.parse(JSON.stringify(await ` + casesVar + `[name](env))), expected[name]);
    });
  }
  for (const name of Object.keys(expected)) if (!(name in ` + casesVar + `)) test(name, () => { throw new Error('expected value of a case that is gone'); });
})();`
	webapitest.RunSource(t, casesFile, src)
}

// TestFromServer checks the fast path the server's requests take.
func TestFromServer(t *testing.T) {
	webapitest.RunSourceWith(t, "fromserver_test.js", `
	const fromGo = (url, headers) => new internals.NextRequest(internals.kRequestFromGo, ['GET', url, headers || [], null, 0]);
	test('url and nextUrl', () => {
	  const r = fromGo('http://127.0.0.1:3000/api/x?y=1');
	  assertEquals(r.url, 'http://localhost:3000/api/x?y=1', 'Next reads 127.0.0.1 as localhost');
	  assertEquals(r.nextUrl.hostname, 'localhost');
	  const s = fromGo('http://example.test/a/');
	  assertEquals(s.url, 'http://example.test/a/');
	  assertEquals(s.nextUrl.pathname, '/a/');
	  assertEquals(s.nextUrl.href, 'http://example.test/a/');
	});
	test('cookies', () => {
	  const r = fromGo('http://localhost/', ['cookie', 'a=1; b=2']);
	  assertEquals(r.cookies.get('b'), { name: 'b', value: '2' });
	  assertEquals(r.cookies.size, 2);
	});
	test('geo, ip, page, ua', () => {
	  const r = fromGo('http://localhost/');
	  assertEquals([r.geo, r.ip], [undefined, undefined]);
	  assertThrows(() => r.page, Error, 'The request.page has been deprecated in favour of `+"`URLPattern`"+`');
	  assertThrows(() => r.ua, Error, 'The request.ua has been removed in favour of `+"`userAgent`"+` function');
	});
	test('NextFetchEvent is the second argument', () => {
	  const r = fromGo('http://localhost/');
	  const ev = new internals.NextFetchEvent(r, '/api/x');
	  assertEquals(ev.request, r);
	  assertEquals(ev.sourcePage, '/api/x');
	  assertThrows(() => ev.respondWith(), Error, 'accepts an async API directly');
	});
	test('userAgent is lazy and cached', () => {
	  const { userAgent } = globalThis[Symbol.for('edgeplay.next/server')];
	  const ua = userAgent(fromGo('http://localhost/', ['user-agent', 'curl/8.4.0']));
	  assertEquals([ua.ua, ua.browser.name, ua.isBot], ['curl/8.4.0', undefined, false], 'ua-parser-js 1.0.35 knows no curl');
	  assertEquals(userAgent(fromGo('http://localhost/')).ua, '');
	});`, func(iso *webapitest.Isolate, rt *goja.Runtime) { _ = rt.Set("internals", iso.Internals) })
}
