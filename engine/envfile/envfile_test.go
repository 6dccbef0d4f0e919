package envfile

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// kv is an ordered expectation: the variables in the order Parse returns
// them.
type kv [][2]string

type parseCase struct {
	name  string
	src   string
	want  kv
	diags []string // "line:col id", in order
}

// parseCases hold what dotenv 16.3.1's parse returns for each source; the
// expected values were checked against it (and @next/env 16.4.6).
func parseCases() []parseCase {
	return []parseCase{
		{"plain", "A=1", kv{{"A", "1"}}, nil},
		{"export", "export A=1", kv{{"A", "1"}}, nil},
		{"export with tabs", "export\tA=1", kv{{"A", "1"}}, nil},
		{"a key named export", "export=1", kv{{"export", "1"}}, nil},
		{"spaces around =", "A = 1  ", kv{{"A", "1"}}, nil},
		{"indented", "   A=1", kv{{"A", "1"}}, nil},
		{"tab before value", "A=\t1", kv{{"A", "1"}}, nil},
		{"colon and space", "A: 1", kv{{"A", "1"}}, nil},
		{"export and colon", "export A: 1", kv{{"A", "1"}}, nil},
		{"colon without space", "A:1\nB=2", kv{{"B", "2"}}, []string{"1:0 env-syntax"}},
		{"empty", "A=", kv{{"A", ""}}, nil},
		{"empty with spaces", "A=   \nB=2", kv{{"A", ""}, {"B", "2"}}, nil},
		{"empty quotes", `A=""`, kv{{"A", ""}}, nil},
		{"blank lines and comments", "\n# comment\n\n  # indented comment\nA=1\n\n", kv{{"A", "1"}}, nil},
		{"comment after value", "A=1 # note", kv{{"A", "1"}}, nil},
		{"hash without space", "A=1#note", kv{{"A", "1"}}, nil},
		{"hash in single quotes", "A='1 # not a comment'", kv{{"A", "1 # not a comment"}}, nil},
		{"hash in double quotes", `A="#1"`, kv{{"A", "#1"}}, nil},
		{"comment after quotes", `A="x" # note`, kv{{"A", "x"}}, nil},
		{"value is only a hash", "A=#", kv{{"A", ""}}, nil},
		{"double quotes expand newlines", `A="a\nb\rc"`, kv{{"A", "a\nb\rc"}}, nil},
		{"single quotes keep backslashes", `A='a\nb'`, kv{{"A", `a\nb`}}, nil},
		{"backticks keep backslashes", "A=`a\\nb`", kv{{"A", `a\nb`}}, nil},
		{"unquoted keeps backslashes", `A=a\nb`, kv{{"A", `a\nb`}}, nil},
		{"backticks hold both quotes", "A=`it's \"x\"`", kv{{"A", `it's "x"`}}, nil},
		{"spaces inside quotes kept", `A="  x  "`, kv{{"A", "  x  "}}, nil},
		{"escaped double quote", `A="a\"b"`, kv{{"A", `a\"b`}}, nil},
		{"escaped single quote", `A='it\'s'`, kv{{"A", `it\'s`}}, nil},
		{"multi-line double quotes", "A=\"line 1\nline 2\"\nB=2", kv{{"A", "line 1\nline 2"}, {"B", "2"}}, nil},
		{"multi-line single quotes", "KEY='-----BEGIN-----\nabc\n-----END-----'", kv{{"KEY", "-----BEGIN-----\nabc\n-----END-----"}}, nil},
		{"multi-line swallows an assignment", "A=\"abc\nB=2\"\nC=3", kv{{"A", "abc\nB=2"}, {"C", "3"}}, []string{"1:2 env-multiline"}},
		{"unclosed double quote", "A=\"abc\nB=2", kv{{"A", `"abc`}, {"B", "2"}}, []string{"1:2 env-quote"}},
		{"unclosed single quote", "A='abc", kv{{"A", "'abc"}}, []string{"1:2 env-quote"}},
		{"quote then more text", `A="x" y`, kv{{"A", `"x" y`}}, []string{"1:2 env-quote"}},
		{"equals in value", "A=b=c", kv{{"A", "b=c"}}, nil},
		{"url", "URL=https://example.com/?a=1&b=2", kv{{"URL", "https://example.com/?a=1&b=2"}}, nil},
		{"key characters", "A.B-C_1=x", kv{{"A.B-C_1", "x"}}, nil},
		{"space in key", "MY KEY=1", nil, []string{"1:0 env-syntax"}},
		{"bare word", "A\nB=2", kv{{"B", "2"}}, []string{"1:0 env-syntax"}},
		{"no key", "=1", nil, []string{"1:0 env-syntax"}},
		{"garbage indented", "  what is this\nA=1", kv{{"A", "1"}}, []string{"1:2 env-syntax"}},
		{"duplicate key", "A=1\nB=2\nA=3", kv{{"A", "3"}, {"B", "2"}}, []string{"3:0 env-duplicate"}},
		{"empty key then quoted line", "A=\n'x'", kv{{"A", "x"}}, nil},
		{"crlf", "A=1\r\nB=\"x\r\ny\"\r\n", kv{{"A", "1"}, {"B", "x\ny"}}, nil},
		{"cr only", "A=1\rB=2", kv{{"A", "1"}, {"B", "2"}}, nil},
		{"byte order mark", "\ufeffA=1", kv{{"A", "1"}}, nil},
		{"unicode value", "A=héllo wörld ✓", kv{{"A", "héllo wörld ✓"}}, nil},
		{"no-break spaces trimmed", "A=\u00a0x\u00a0", kv{{"A", "x"}}, nil},
		{"array-index keys first", "B=1\n2=two\n1=one\n01=z\nA=x", kv{{"1", "one"}, {"2", "two"}, {"B", "1"}, {"01", "z"}, {"A", "x"}}, nil},
		{"__proto__ is dropped", "__proto__=1\nA=2", kv{{"A", "2"}}, []string{"1:0 env-syntax"}},
		{"dollar signs untouched by parse", "A=$B ${C:-d} \\$E", kv{{"A", "$B ${C:-d} \\$E"}}, nil},
		{"invalid utf-8 replaced", "A=a\xffb", kv{{"A", "a\ufffdb"}}, nil},
	}
}

func TestParse(t *testing.T) {
	for _, tt := range parseCases() {
		vars, diags := Parse(".env", tt.src)
		var got kv
		for _, v := range vars {
			got = append(got, [2]string{v.Key, v.Value})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q want %q", tt.name, got, tt.want)
		}
		if g := diagKeys(diags); !reflect.DeepEqual(g, tt.diags) {
			t.Errorf("%q: diags %q want %q\n%s", tt.name, g, tt.diags, formatAll(diags))
		}
	}
}

func diagKeys(l diag.List) []string {
	var out []string
	for _, m := range l {
		out = append(out, fmt.Sprintf("%d:%d %s", m.Location.Line, m.Location.Column, m.ID))
	}
	return out
}

func formatAll(l diag.List) string {
	var b strings.Builder
	for _, m := range l {
		b.WriteString(m.Format())
	}
	return b.String()
}

func TestParseVarDetails(t *testing.T) {
	vars, _ := Parse(".env", "# x\nA='1'\n\nexport B=\"2\"\nC=`3`\nD=4\nA=5")
	want := []Var{
		{Key: "A", Value: "5", Line: 7},
		{Key: "B", Value: "2", Line: 4, Quote: '"'},
		{Key: "C", Value: "3", Line: 5, Quote: '`'},
		{Key: "D", Value: "4", Line: 6},
	}
	if !reflect.DeepEqual(vars, want) {
		t.Errorf("got %+v\nwant %+v", vars, want)
	}
}

func TestParseMessages(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // Format() of the first message
	}{
		{"colon", "PORT:3000\n", ".env:1:1: warning: This line is not a variable assignment; dotenv ignores it.\n" +
			"    1 | PORT:3000\n" +
			"      | ^^^^^^^^^\n" +
			"  note: dotenv reads 'KEY: value' only with a space after the colon: write PORT=3000 or PORT: 3000.\n"},
		{"quote", "A=1\nNAME=\"Ada\n", ".env:2:6: warning: The value of NAME starts with \" but does not end with it, so the quote is part of the value.\n" +
			"    2 | NAME=\"Ada\n" +
			"      |      ^\n" +
			"  note: Close the quote, or remove it if NAME should not start with \".\n"},
		{"duplicate", "A=1\nA=2\n", ".env:2:1: info: A is set again here; this value replaces the one on line 1.\n" +
			"    2 | A=2\n" +
			"      | ^\n" +
			"  note: .env:1:1: The earlier value is set here:\n" +
			"    1 | A=1\n" +
			"      | ^\n"},
		{"bad key", "MY KEY=1\n", ".env:1:1: warning: This line is not a variable assignment; dotenv ignores it.\n" +
			"    1 | MY KEY=1\n" +
			"      | ^^^^^^^^\n" +
			"  note: A variable name may contain only letters, digits, '_', '.' and '-'.\n"},
	}
	for _, tt := range tests {
		_, diags := Parse(".env", tt.src)
		if len(diags) == 0 {
			t.Errorf("%q: no message", tt.name)
			continue
		}
		if got := diags[0].Format(); got != tt.want {
			t.Errorf("%q: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

type loadCase struct {
	name  string
	files map[string]string // env file name → content
	shell []string
	want  map[string]string // checked keys (others may exist)
	gone  []string          // keys that must not be set
}

// loadCases hold what @next/env 16.4.6's loadEnvConfig(dir, dev=true)
// puts into process.env for each project; checked against it.
func loadCases() []loadCase {
	return []loadCase{
		{"shell variable", map[string]string{".env": "URL=http://$HOST/x"}, []string{"HOST=example.com"},
			map[string]string{"URL": "http://example.com/x"}, nil},
		{"braces", map[string]string{".env": "A=1\nB=${A}2"}, nil, map[string]string{"B": "12"}, nil},
		{"forward reference", map[string]string{".env": "B=$A-b\nA=a"}, nil, map[string]string{"B": "a-b", "A": "a"}, nil},
		{"chain", map[string]string{".env": "A=a\nB=$A/b\nC=$B/c"}, nil, map[string]string{"C": "a/b/c"}, nil},
		{"unknown is empty", map[string]string{".env": "A=[$NOPE]"}, nil, map[string]string{"A": "[]"}, nil},
		{"default when unset", map[string]string{".env": "A=${NOPE:-fallback}"}, nil, map[string]string{"A": "fallback"}, nil},
		{"default wins over the same file", map[string]string{".env": "B=b\nA=${B:-fallback}"}, nil, map[string]string{"A": "fallback"}, nil},
		{"shell wins over default", map[string]string{".env": "A=${B:-fallback}"}, []string{"B=shell"}, map[string]string{"A": "shell"}, nil},
		{"empty shell value takes the default", map[string]string{".env": "A=${B:-fallback}"}, []string{"B="}, map[string]string{"A": "fallback"}, nil},
		{"empty default", map[string]string{".env": "A=x${NOPE:-}y"}, nil, map[string]string{"A": "xy"}, nil},
		{"escaped dollar", map[string]string{".env": `PRICE=\$5 each`}, nil, map[string]string{"PRICE": "$5 each"}, nil},
		{"escaped dollar then a reference", map[string]string{".env": "A=x\nE=\\$A $A"}, nil, map[string]string{"E": `\x x`}, nil},
		{"escaped value expanded again", map[string]string{".env": "P=\\$5\nM=cost $P"}, nil, map[string]string{"P": "$5", "M": "cost "}, nil},
		{"single quotes expand too", map[string]string{".env": "B=b\nA='$B'"}, nil, map[string]string{"A": "b"}, nil},
		{"lone dollar", map[string]string{".env": "A=cost$"}, nil, map[string]string{"A": "cost$"}, nil},
		{"dollar before a non-name stops expansion", map[string]string{".env": "B=b\nA=$B $"}, nil, map[string]string{"A": "$B $"}, nil},
		{"replacement patterns", map[string]string{".env": "A=$$B $& $1 z\nB=b"}, nil, map[string]string{"A": "$$B $&  z"}, nil},
		{"replacement pattern in an inserted value", map[string]string{".env": "A=x$B!"}, []string{"B=<$'>"}, map[string]string{"A": "x<!>!"}, nil},
		{"inserted $& grows without end", map[string]string{".env": "A=x$B\nB=[$&]"}, nil, nil, []string{"A", "B"}},
		{"nested default", map[string]string{".env": "A=${X:-${Y:-deep}}"}, nil, map[string]string{"A": "deep"}, nil},
		{"default from a reference", map[string]string{".env": "Y=y\nA=${X:-$Y}"}, nil, map[string]string{"A": "y"}, nil},
		{"self reference drops the file", map[string]string{".env": "OK=1\nA=$A", ".env.local": "L=1"}, nil,
			map[string]string{"L": "1"}, []string{"OK", "A"}},
		{"cycle drops the file", map[string]string{".env": "A=$B\nB=$A"}, nil, nil, []string{"A", "B"}},
		{"shell key redefined by a file is expanded", map[string]string{".env": "S=file"}, []string{"S=a$B", "B=b"},
			map[string]string{"S": "ab"}, nil},
		{"shell key not in a file is left alone", map[string]string{".env": "A=1"}, []string{"S=a$B", "B=b"},
			map[string]string{"S": "a$B"}, nil},
		{"higher file seen by lower", map[string]string{".env.local": "HOST=local", ".env": "URL=http://$HOST"}, nil,
			map[string]string{"URL": "http://local"}, nil},
		{"lower file not seen by higher", map[string]string{".env.local": "URL=http://$HOST", ".env": "HOST=env"}, nil,
			map[string]string{"URL": "http://", "HOST": "env"}, nil},
		{"key of a lower file expands with the higher value", map[string]string{".env.local": "A=local", ".env": "A=env\nB=$A"}, nil,
			map[string]string{"A": "local", "B": "local"}, nil},
	}
}

func TestLoadExpansion(t *testing.T) {
	for _, tt := range loadCases() {
		dir := t.TempDir()
		for name, src := range tt.files {
			writeFile(t, filepath.Join(dir, name), src)
		}
		env, err := Load(dir, tt.shell)
		if err != nil {
			t.Fatalf("%q: %v", tt.name, err)
		}
		for k, v := range tt.want {
			if got, ok := env.Vars[k]; !ok || got != v {
				t.Errorf("%q: %s = %q (set %v), want %q", tt.name, k, got, ok, v)
			}
		}
		for _, k := range tt.gone {
			if v, ok := env.Vars[k]; ok {
				t.Errorf("%q: %s = %q, want unset", tt.name, k, v)
			}
		}
	}
}

func TestLoadPriority(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".env"), "A=env\nB=env\nC=env\nD=env\nE=env\nONLY_ENV=1\n")
	writeFile(t, filepath.Join(dir, ".env.development"), "B=development\nC=development\nD=development\nE=development\n")
	writeFile(t, filepath.Join(dir, ".env.local"), "C=local\nD=local\nE=local\n")
	writeFile(t, filepath.Join(dir, ".env.development.local"), "D=devlocal\nE=devlocal\n")
	writeFile(t, filepath.Join(dir, ".env.production"), "A=production\nP=1\n") // not for development
	writeFile(t, filepath.Join(dir, ".env.test"), "T=1\n")
	env, err := Load(dir, []string{"E=shell", "PATH=/bin", "NOEQUALS"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"A": "env", "B": "development", "C": "local", "D": "devlocal", "E": "shell", "ONLY_ENV": "1", "PATH": "/bin"}
	if !reflect.DeepEqual(env.Vars, want) {
		t.Errorf("got %v\nwant %v", env.Vars, want)
	}
	var files []string
	for _, f := range env.Files {
		if !filepath.IsAbs(f) {
			t.Errorf("not absolute: %s", f)
		}
		files = append(files, filepath.Base(f))
	}
	if !reflect.DeepEqual(files, Names()) {
		t.Errorf("files %v, want %v", files, Names())
	}
	if len(env.Diags) != 0 {
		t.Errorf("diags: %v", env.Diags)
	}
}

func TestLoadFiles(t *testing.T) {
	t.Run("missing files and folder", func(t *testing.T) {
		env, err := Load(filepath.Join(t.TempDir(), "nope"), []string{"A=1"})
		if err != nil || env.Vars["A"] != "1" || len(env.Files) != 0 {
			t.Errorf("%v %+v", err, env)
		}
	})
	t.Run("dir is a file", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "file")
		writeFile(t, f, "")
		if _, err := Load(f, nil); err == nil {
			t.Error("no error")
		}
	})
	t.Run("env file is a folder", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, ".env.local"), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, ".env"), "A=1")
		env, err := Load(dir, nil)
		if err != nil || len(env.Files) != 1 || env.Vars["A"] != "1" {
			t.Errorf("%v %+v", err, env)
		}
	})
	t.Run("messages name their file", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, ".env.local"), "A=1\nnot valid\n")
		writeFile(t, filepath.Join(dir, ".env"), "X=$X\n")
		env, err := Load(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range env.Diags {
			got = append(got, m.String())
		}
		want := []string{
			".env.local:2:1: warning: This line is not a variable assignment; dotenv ignores it.",
			".env:1:1: error: The value of X expands into itself without end, so Next.js fails to load .env and none of its variables are set.",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
		if !env.Diags.HasErrors() {
			t.Error("the dropped file is not an error")
		}
	})
}

func TestNames(t *testing.T) {
	want := []string{".env.development.local", ".env.local", ".env.development", ".env"}
	if got := Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v", got)
	}
	Names()[0] = "changed"
	if Names()[0] != want[0] {
		t.Error("Names shares its slice")
	}
}

func TestInterpolateTerminates(t *testing.T) {
	// Values that grow on every step must fail, not hang or eat memory.
	for _, src := range []string{"A=$A", "A=x$A", "A=$B$B\nB=$A$A", "A=${B}\nB=[$&]$A"} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, ".env"), src)
		env, err := Load(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !env.Diags.HasErrors() {
			t.Errorf("%q: no error", src)
		}
	}
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
