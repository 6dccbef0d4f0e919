package edge

import (
	"testing"

	"github.com/dop251/goja"
)

func TestQuoteClassFieldKeywords(t *testing.T) {
	tests := []struct{ src, want string }{
		{"class A { set = 1; }\nnew A().set", "1"},
		{"class A {\n  get = () => 2\n  set = (k, v) => k + v\n}\nnew A().get() + new A().set(1, 2)", "5"},
		{"class A { async = 3 }\nnew A().async", "3"},
		{"class A { get }\n'get' in new A()", "true"},
		{"class A { get x() { return 4 } set x(v) {} async m() { return 1 } }\nnew A().x", "4"},
		{"var o = { get: 1, set: 2 }; o.get + o.set", "3"},
	}
	for _, tt := range tests {
		code, _ := quoteClassFieldKeywords(tt.src)
		v, err := goja.New().RunString(code)
		if err != nil {
			t.Errorf("%q: %v (code %q)", tt.src, err, code)
			continue
		}
		if v.String() != tt.want {
			t.Errorf("%q: got %s, want %s", tt.src, v, tt.want)
		}
	}
	// Anything else stays an error, unchanged.
	if code, ok := quoteClassFieldKeywords("let x = ;"); ok || code != "let x = ;" {
		t.Errorf("unrelated error rewritten: %q", code)
	}
}
