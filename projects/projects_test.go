package projects

import (
	"os"
	"path/filepath"
	"testing"
)

func TestExtractKeepsUserEdits(t *testing.T) {
	dst := t.TempDir()
	if _, err := Extract(Sample, dst); err != nil {
		t.Fatal(err)
	}
	hello := filepath.Join(dst, "pages", "api", "hello.ts")
	orig, err := os.ReadFile(hello)
	if err != nil {
		t.Fatal(err)
	}
	// An unedited file that went missing comes back; an edited one stays.
	edited := filepath.Join(dst, "pages", "api", "json.ts")
	if err := os.WriteFile(edited, []byte("// mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(hello); err != nil {
		t.Fatal(err)
	}
	if _, err := Extract(Sample, dst); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(hello); string(got) != string(orig) {
		t.Fatal("missing file not restored")
	}
	if got, _ := os.ReadFile(edited); string(got) != "// mine\n" {
		t.Fatalf("user edit overwritten: %q", got)
	}
}
