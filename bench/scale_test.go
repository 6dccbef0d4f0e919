package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The generator writes the files the scale run measures, and nothing else.
func TestWriteProject(t *testing.T) {
	dir := t.TempDir()
	routes, err := writeProject(dir, 12, "lib-test", scaleDeps)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"package.json", "tsconfig.json", "lib/shared.ts"}
	for i := 0; i < 12; i++ {
		want = append(want, "pages/api/gen/g"+strconv.Itoa(i%10)+"/r"+strconv.Itoa(i)+".ts")
	}
	sort.Strings(got)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("files:\n got %v\nwant %v", got, want)
	}

	for _, r := range routes {
		b, err := os.ReadFile(filepath.Join(dir, r.File))
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		for _, s := range []string{
			"export const config = { runtime: 'edge' }",
			"from '../../../../lib/shared'",
			"const ROUTE_MARK = '" + initialMark(r) + "'",
			"answer('r" + strconv.Itoa(r.N) + "', ROUTE_MARK",
		} {
			if !strings.Contains(src, s) {
				t.Errorf("%s lacks %q:\n%s", r.File, s, src)
			}
		}
		hono := strings.Contains(src, "import { Hono } from 'hono'")
		if want := r.N%5 == 0; hono != want || r.Hono != want {
			t.Errorf("%s: Hono app %v (route says %v), want %v", r.File, hono, r.Hono, want)
		}
		if hono {
			for _, s := range []string{"basePath('" + r.Path + "')", "app.get('/'", "export default (req: Request) => app.fetch(req)"} {
				if !strings.Contains(src, s) {
					t.Errorf("%s lacks %q", r.File, s)
				}
			}
		} else if !strings.Contains(src, "import { z } from 'zod'") || !strings.Contains(src, "export default async function handler(req: Request)") {
			t.Errorf("%s is not a zod route:\n%s", r.File, src)
		}
	}

	lib, _ := os.ReadFile(filepath.Join(dir, "lib", "shared.ts"))
	for _, s := range []string{"import { z } from 'zod'", "export const LIB_VERSION = 'lib-test'", "lib: LIB_VERSION"} {
		if !strings.Contains(string(lib), s) {
			t.Errorf("lib/shared.ts lacks %q", s)
		}
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "package.json"))
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"zod": "4.6.7", "hono": "4.13.19"}; !reflect.DeepEqual(pkg.Dependencies, want) {
		t.Errorf("dependencies %v, want %v", pkg.Dependencies, want)
	}
	sample, err := os.ReadFile(filepath.Join("..", "projects", "sample", "tsconfig.json"))
	if err != nil {
		t.Fatal(err)
	}
	if ts, _ := os.ReadFile(filepath.Join(dir, "tsconfig.json")); string(ts) != string(sample) {
		t.Errorf("tsconfig.json differs from projects/sample's:\n%s", ts)
	}
}

func TestRouteLayout(t *testing.T) {
	rs := genRoutes(23)
	if r := rs[13]; r.File != "pages/api/gen/g3/r13.ts" || r.Path != "/api/gen/g3/r13" || r.Hono {
		t.Errorf("route 13: %+v", r)
	}
	if r := rs[20]; r.Path != "/api/gen/g0/r20" || !r.Hono {
		t.Errorf("route 20: %+v", r)
	}
}

func TestAnswerHas(t *testing.T) {
	body := []byte(`{"route":"r1","mark":"r1-save3-9","lib":"lib-1-5","data":{"total":19}}`)
	for _, c := range []struct {
		field, value string
		want         bool
	}{
		{"lib", "lib-1-5", true},
		{"lib", "lib-1-", false},
		{"lib", "lib-1-55", false},
		{"mark", "r1-save3-9", true},
		{"mark", "lib-1-5", false},
	} {
		if got := answerHas(body, c.field, c.value); got != c.want {
			t.Errorf("answerHas(%s=%s) = %v", c.field, c.value, got)
		}
	}
}

func TestParseSizes(t *testing.T) {
	if got, err := parseSizes("120, 300,"); err != nil || !reflect.DeepEqual(got, []int{120, 300}) {
		t.Errorf("parseSizes = %v, %v", got, err)
	}
	for _, bad := range []string{"12x", "0", "-3"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) took it", bad)
		}
	}
}

func TestSplitPackage(t *testing.T) {
	for spec, want := range map[string][2]string{
		"next@16.4.6":    {"next", "16.4.6"},
		"@types/node@20": {"@types/node", "20"},
		"react":          {"react", "latest"},
	} {
		if n, v := splitPackage(spec); n != want[0] || v != want[1] {
			t.Errorf("splitPackage(%q) = %q, %q", spec, n, v)
		}
	}
}
