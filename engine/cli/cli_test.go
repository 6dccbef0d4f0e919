package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseFlagsAroundDir(t *testing.T) {
	tests := []struct {
		args    []string
		dir     string
		port    int
		timeout time.Duration
		err     string
	}{
		{args: nil, port: 3000, timeout: 25 * time.Second},
		{args: []string{"proj"}, dir: "proj", port: 3000, timeout: 25 * time.Second},
		{args: []string{"proj", "--port", "4000", "--timeout", "2s"}, dir: "proj", port: 4000, timeout: 2 * time.Second},
		{args: []string{"--port", "4000", "proj", "--timeout=2s"}, dir: "proj", port: 4000, timeout: 2 * time.Second},
		{args: []string{"--port=4000", "proj"}, dir: "proj", port: 4000, timeout: 25 * time.Second},
		{args: []string{"a", "b"}, err: "expected one project folder, got 2: a b"},
		{args: []string{"proj", "--port"}, err: "flag needs an argument: -port"},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(&bytes.Buffer{})
		port := fs.Int("port", 3000, "")
		timeout := fs.Duration("timeout", 25*time.Second, "")
		dir, err := parse(fs, tt.args)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%q: err %v, want %q", tt.args, err, tt.err)
			}
			continue
		}
		if err != nil || dir != tt.dir || *port != tt.port || *timeout != tt.timeout {
			t.Errorf("%q: got %q %d %v %v, want %q %d %v", tt.args, dir, *port, *timeout, err, tt.dir, tt.port, tt.timeout)
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int
		err  bool
	}{
		{"1MB", 1 << 20, false}, {"1.5mb", 3 << 19, false}, {"512kb", 512 << 10, false}, {"2097152", 2 << 20, false},
		{"hobby", 1 << 20, false}, {"pro", 2 << 20, false}, {"enterprise", 4 << 20, false},
		{"", 0, true}, {"-1MB", 0, true}, {"lots", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("%q: got %d %v, want %d (error %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestCheckCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pages/api/a.ts", "export const config = { runtime: 'edge' }\nexport default () => new Response('a')\n")
	var out, errOut bytes.Buffer
	if code := Check([]string{dir, "--json"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out.String(), errOut.String())
	}
	var rep struct {
		OK     bool `json:"ok"`
		Routes []struct {
			Pattern string `json:"pattern"`
			State   string `json:"state"`
			Build   struct {
				Raw  int `json:"raw"`
				Gzip int `json:"gzip"`
			} `json:"build"`
		} `json:"routes"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if !rep.OK || len(rep.Routes) != 1 || rep.Routes[0].Pattern != "/api/a" || rep.Routes[0].Build.Gzip == 0 {
		t.Errorf("report: %+v", rep)
	}

	write("pages/api/b.ts", "import fs from 'fs'\nexport const config = { runtime: 'edge' }\nexport default () => new Response(fs.readFileSync('x'))\n")
	out.Reset()
	if code := Check([]string{"--max-size", "1MB", dir}, &out, &errOut); code != 1 {
		t.Errorf("node import: exit %d, want 1\n%s", code, out.String())
	}
	if !strings.Contains(out.String(), "✗ 1 problem(s):") || !strings.Contains(out.String(), "pages/api/b.ts:1:16") {
		t.Errorf("output:\n%s", out.String())
	}
	out.Reset()
	if code := Check([]string{dir, "--allow-node-imports"}, &out, &errOut); code != 0 {
		t.Errorf("--allow-node-imports: exit %d\n%s", code, out.String())
	}
	if code := Check([]string{dir, "--max-size", "nonsense"}, &out, &errOut); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
	if code := Check([]string{filepath.Join(dir, "missing")}, &out, &errOut); code != 1 {
		t.Errorf("missing folder: exit %d, want 1", code)
	}
}
