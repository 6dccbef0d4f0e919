package console_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestFormat(t *testing.T) {
	src, err := os.ReadFile("testdata/console_test.js")
	if err != nil {
		t.Fatal(err)
	}
	// The format function is internal; expose it to this test only.
	webapitest.RunSourceWith(t, "console_test.js", string(src), func(iso *webapitest.Isolate, rt *goja.Runtime) {
		_ = rt.Set("internals_format", iso.Internals.Get("format"))
		_ = rt.Set("internals_formatTime", iso.Internals.Get("formatTime"))
	})
}

func TestConsoleLevels(t *testing.T) {
	iso := webapitest.New(t, nil)
	_, err := iso.Eval(`console.log('a', {b: 1}); console.error('e'); console.warn('w'); console.group('g'); console.info('in'); console.groupEnd(); console.count(); console.count(); console.assert(false, 'x %d', 1)`, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := "log: a { b: 1 }\nerror: e\nwarn: w\nlog: g\ninfo:   in\nlog: default: 1\nlog: default: 2\nwarn: Assertion failed: x 1"
	if got := strings.Join(iso.Console(), "\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// consoleLines runs src in a fresh isolate and returns its console lines.
func consoleLines(t *testing.T, src string) string {
	t.Helper()
	iso := webapitest.New(t, nil)
	if _, err := iso.Eval(src, 0); err != nil {
		t.Fatal(err)
	}
	return strings.Join(iso.Console(), "\n")
}

// TestTable: console.table's output is Node 20's, byte for byte.
func TestTable(t *testing.T) {
	cases := []struct{ src, want string }{
		{`console.table([{a:1,b:'Y'},{a:'Z',b:2}])`, `log: ┌─────────┬─────┬─────┐
│ (index) │ a   │ b   │
├─────────┼─────┼─────┤
│ 0       │ 1   │ 'Y' │
│ 1       │ 'Z' │ 2   │
└─────────┴─────┴─────┘`},
		{`console.table({x:{v:1},y:{v:22}})`, `log: ┌─────────┬────┐
│ (index) │ v  │
├─────────┼────┤
│ x       │ 1  │
│ y       │ 22 │
└─────────┴────┘`},
		{`console.table([[1,2],[3,4,5]])`, `log: ┌─────────┬───┬───┬───┐
│ (index) │ 0 │ 1 │ 2 │
├─────────┼───┼───┼───┤
│ 0       │ 1 │ 2 │   │
│ 1       │ 3 │ 4 │ 5 │
└─────────┴───┴───┴───┘`},
		{`console.table([1,'two'])`, `log: ┌─────────┬────────┐
│ (index) │ Values │
├─────────┼────────┤
│ 0       │ 1      │
│ 1       │ 'two'  │
└─────────┴────────┘`},
		{`console.table(5)`, `log: 5`},
		{`console.table([{a:1,b:2}],['a'])`, `log: ┌─────────┬───┐
│ (index) │ a │
├─────────┼───┤
│ 0       │ 1 │
└─────────┴───┘`},
		{`console.table(new Map([['k',{v:1}]]))`, `log: ┌───────────────────┬─────┬──────────┐
│ (iteration index) │ Key │ Values   │
├───────────────────┼─────┼──────────┤
│ 0                 │ 'k' │ { v: 1 } │
└───────────────────┴─────┴──────────┘`},
		{`console.table(new Set([1,2]))`, `log: ┌───────────────────┬────────┐
│ (iteration index) │ Values │
├───────────────────┼────────┤
│ 0                 │ 1      │
│ 1                 │ 2      │
└───────────────────┴────────┘`},
		{`console.table([{a:{x:1,y:2,z:3}}])`, `log: ┌─────────┬──────────┐
│ (index) │ a        │
├─────────┼──────────┤
│ 0       │ [Object] │
└─────────┴──────────┘`},
	}
	for _, c := range cases {
		if got := consoleLines(t, c.src); got != c.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", c.src, got, c.want)
		}
	}
}

// TestConsoleMethods: group indentation, count, assert, dir, time
// warnings, with Node's words and levels.
func TestConsoleMethods(t *testing.T) {
	got := consoleLines(t, `
	  console.group('outer');
	  console.log('a\nb');
	  console.group();
	  console.warn('deep');
	  console.groupEnd();
	  console.groupCollapsed('c');
	  console.groupEnd();
	  console.groupEnd();
	  console.groupEnd(); // one too many: nothing
	  console.log('flush');
	  console.count('x'); console.count('x'); console.countReset('x'); console.count('x');
	  console.countReset('nope');
	  console.assert(true, 'never');
	  console.assert(false, {a: 1});
	  console.assert(false);
	  console.assert(0, '%s!', 'fmt');
	  console.dir('s');
	  console.dir({a: {b: {c: {d: {}}}}}, {depth: 0});
	  console.dir({a: {b: {c: {d: {}}}}}, {depth: null});
	  console.timeEnd('nope'); console.timeLog('nope');
	  console.time('a'); console.time('a');
	  console.debug('dbg'); console.info('inf');
	`)
	want := `log: outer
log:   a
  b
warn:     deep
log:   c
log: flush
log: x: 1
log: x: 2
log: x: 1
warn: Warning: Count for 'nope' does not exist
warn: Assertion failed: [object Object]
warn: Assertion failed
warn: Assertion failed: fmt!
log: 's'
log: { a: [Object] }
log: { a: { b: { c: { d: {} } } } }
warn: Warning: No such label 'nope' for console.timeEnd()
warn: Warning: No such label 'nope' for console.timeLog()
warn: Warning: Label 'a' already exists for console.time()
debug: dbg
info: inf`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestTime: durations are Node's format with sub-millisecond precision.
func TestTime(t *testing.T) {
	got := consoleLines(t, `console.time(); console.timeLog(undefined, 'extra', 1); console.timeEnd(); console.time('x'); console.timeEnd('x')`)
	re := regexp.MustCompile(`^log: default: \d+(\.\d{1,3})?ms extra 1\nlog: default: \d+(\.\d{1,3})?ms\nlog: x: \d+(\.\d{1,3})?ms$`)
	if !re.MatchString(got) {
		t.Errorf("got\n%s", got)
	}
	iso := webapitest.New(t, nil)
	iso.Do(func(rt *goja.Runtime) { _ = rt.Set("internals_formatTime", iso.Internals.Get("formatTime")) })
	v, err := iso.Eval(`JSON.stringify([0.0321, 12.3456, 1500, 61234.5, 3723004].map(internals_formatTime))`, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := `["0.032ms","12.346ms","1.500s","1:01.234 (m:ss.mmm)","1:02:03.004 (h:mm:ss.mmm)"]`; v != want {
		t.Errorf("formatTime: got %v, want %s", v, want)
	}
}

// TestTrace: console.trace prints "Trace: …" and the caller's frames, with
// the console's own frames left out.
func TestTrace(t *testing.T) {
	iso := webapitest.New(t, nil)
	iso.Do(func(rt *goja.Runtime) {
		_, err := rt.RunScript("route.js", "function handler() {\n  console.trace('here %d', 1);\n}\nfunction outer() { handler(); }\nouter();")
		if err != nil {
			t.Fatal(err)
		}
	})
	got := strings.Join(iso.Console(), "\n")
	want := "error: Trace: here 1\n    at handler (route.js:2:16)\n    at outer (route.js:4:27)\n    at <anonymous> (route.js:5:6)"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
