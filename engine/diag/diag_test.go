package diag

import (
	"strings"
	"testing"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		msg  Message
		want string
	}{
		{"no location", Errorf("", "boom"), "error: boom\n"},
		{
			"with code and note",
			Message{Kind: Warning, ID: IDNodeModule, Text: "A Node.js module is loaded ('fs' at line 1) which is not supported in the Edge Runtime.",
				Location: &Location{File: "pages/api/fs.ts", Line: 1, Column: 15, Length: 4, LineText: "import fs from 'fs'"},
				Notes:    []Note{{Text: "imported by the route pages/api/fs.ts"}}},
			"pages/api/fs.ts:1:16: warning: A Node.js module is loaded ('fs' at line 1) which is not supported in the Edge Runtime.\n" +
				"    1 | import fs from 'fs'\n" +
				"      |                ^^^^\n" +
				"  note: imported by the route pages/api/fs.ts\n",
		},
		{
			"tab expands and caret clamps",
			Message{Kind: Error, Text: "x", Location: &Location{File: "a.ts", Line: 12, Column: 3, Length: 40, LineText: "\tab()"}},
			"a.ts:12:4: error: x\n    12 |  ab()\n       |    ^^\n",
		},
	}
	for _, tt := range tests {
		if got := tt.msg.Format(); got != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestListErr(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list must give nil")
	}
	l.Add(Warnf(IDSizeWarning, "big"))
	if l.Err() != nil {
		t.Fatal("warnings only must give nil")
	}
	l.Add(Errorf("", "a").At("b.ts", 2, 0))
	l.Add(Errorf("", "c").At("a.ts", 9, 0))
	l.Sort()
	if l[0].Location.File != "a.ts" || l[2].Location != nil {
		t.Fatalf("sort order wrong: %v", l)
	}
	if got := l.Err().Error(); got != "a.ts:9:1: error: c (and 1 more errors)" {
		t.Fatalf("got %q", got)
	}
}

func TestUnion(t *testing.T) {
	a := Errorf(IDBuild, "a").At("x.ts", 1, 0)
	b := Warnf(IDBuild, "b").At("x.ts", 2, 0)
	aAgain := Errorf(IDBuild, "a").At("x.ts", 1, 0).WithNote("reached another way", nil)
	tests := []struct {
		in   []List
		want []string
	}{
		{nil, nil},
		{[]List{{a, b}}, []string{a.String(), b.String()}},
		{[]List{{a}, {b, aAgain}}, []string{a.String(), b.String()}},
		{[]List{{b}, {a}, {b}}, []string{b.String(), a.String()}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Union(tt.in...) {
			got = append(got, m.String())
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Union(%v):\ngot  %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
