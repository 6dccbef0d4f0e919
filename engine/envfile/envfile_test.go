package envfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParse(t *testing.T) {
	src := "# comment\nA=1\nexport B = two words # trailing\nC='single # not comment'\nD=\"line\\nbreak\"\nE=\nF: colon\nnot a line\nG=`back`\r\n"
	vars, _, diags := Parse(".env", src)
	want := map[string]string{"A": "1", "B": "two words", "C": "single # not comment", "D": "line\nbreak", "E": "", "F": "colon", "G": "back"}
	for k, v := range want {
		if vars[k] != v {
			t.Errorf("%s: got %q want %q", k, vars[k], v)
		}
	}
	if len(diags) != 1 || diags[0].Location.Line != 8 {
		t.Errorf("diags %v", diags)
	}
}

func TestLoadPriorityAndExpansion(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".env", "A=env\nB=env\nC=env\nD=env\nURL=http://${HOST:-localhost}:$PORT/x\nPRICE=\\$5\n")
	write(".env.development", "B=development\nC=development\n")
	write(".env.local", "C=local\n")
	write(".env.development.local", "D=devlocal\n")
	env, err := Load(dir, []string{"A=shell", "PORT=3000"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"A": "shell", "B": "development", "C": "local", "D": "devlocal", "URL": "http://localhost:3000/x", "PRICE": "$5"}
	for k, v := range want {
		if env.Vars[k] != v {
			t.Errorf("%s: got %q want %q", k, env.Vars[k], v)
		}
	}
	if len(env.Files) != 4 {
		t.Errorf("files %v", env.Files)
	}
}
