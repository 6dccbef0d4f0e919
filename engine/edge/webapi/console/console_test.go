package console_test

import (
	"os"
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
	})
}

func TestConsoleLevels(t *testing.T) {
	iso := webapitest.New(t, nil)
	_, err := iso.Eval(`console.log('a', {b: 1}); console.error('e'); console.warn('w'); console.group('g'); console.info('in'); console.groupEnd(); console.count(); console.count(); console.assert(false, 'x %d', 1)`, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := "log: a { b: 1 }\nerror: e\nwarn: w\nlog: g\ninfo:   in\ninfo: default: 1\ninfo: default: 2\nerror: Assertion failed: x 1"
	if got := strings.Join(iso.Console(), "\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
