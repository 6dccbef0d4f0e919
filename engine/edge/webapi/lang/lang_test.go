package lang_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/lang"
	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestLang(t *testing.T)                    { webapitest.RunFile(t, "testdata/lang_test.js") }
func TestRegExpUnicodeProperties(t *testing.T) { webapitest.RunFile(t, "testdata/regexp_test.js") }

// TestFuncProgram checks that the reflection funcProgram relies on still
// finds goja's compiled program, for each kind of JS function.
func TestFuncProgram(t *testing.T) {
	rt := goja.New()
	for _, src := range []string{
		"(function f() {})", "(() => 1)", "(class A { constructor() {} })", "(class B extends Error { constructor() { super(); } })",
		"({ m() {} }).m", "(async function g() {})", "(function* h() {})",
	} {
		v, err := rt.RunString(src)
		if err != nil {
			t.Fatal(err)
		}
		if lang.FuncProgram(v) == 0 {
			t.Errorf("%s: no program found", src)
		}
	}
	// A class without a constructor of its own has no program: such a
	// constructorOpt is matched by name, and keeps the frames if not found.
	if v, _ := rt.RunString("(class A {})"); lang.FuncProgram(v) != 0 {
		t.Error("an implicit constructor has no program")
	}
	if lang.FuncProgram(rt.Get("parseInt")) != 0 {
		t.Error("a native has no program")
	}
}
