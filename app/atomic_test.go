package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgeplay/edgeplay/engine/traffic"
)

// atomicWriterEnv makes the test binary a writer process (see
// TestAtomicWriterProcess) that saves into the folder it names.
const atomicWriterEnv = "EDGEPLAY_TEST_ATOMIC_WRITER"

// atomicVersions are the two contents the writer alternates between:
// large, of different lengths, so that a torn file cannot pass for one.
func atomicVersions() [2]SavedRequest {
	mk := func(name string, c byte, n int) SavedRequest {
		return SavedRequest{ID: "big-request", Name: name, ComposerRequest: ComposerRequest{
			Method: "POST", URL: "http://localhost:3000/api/echo", BodyKind: "text",
			Headers: []traffic.Header{{Name: "content-type", Value: "text/plain"}},
			Body:    strings.Repeat(string(c), n),
		}}
	}
	return [2]SavedRequest{mk("version A", 'a', 3<<20), mk("version B", 'b', 2<<20)}
}

// TestAtomicWriterProcess is not a test: run by TestAtomicSaveSurvivesKill
// as a child process, it rewrites one saved request as fast as it can,
// alternating two versions, until it is killed.
func TestAtomicWriterProcess(t *testing.T) {
	dir := os.Getenv(atomicWriterEnv)
	if dir == "" {
		t.Skip("the writer process of TestAtomicSaveSurvivesKill")
	}
	s := newRequestStore(dir)
	vs := atomicVersions()
	for i := 0; ; i++ {
		if _, err := s.save(vs[i%2]); err != nil {
			fmt.Fprintln(os.Stderr, "save:", err)
			os.Exit(2)
		}
		if i == 0 {
			fmt.Println("writing") // the parent kills from now on
		}
	}
}

// A saved request survives kill -9 of its writer at any moment: the file
// is always the old or the new complete JSON, never torn; a killed writer
// leaves at most its one temp file, which the requests list ignores.
func TestAtomicSaveSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 200 processes")
	}
	iterations := 200
	root := t.TempDir()
	s := newRequestStore(root)
	vs := atomicVersions()
	var want [2][]byte
	for i, v := range vs {
		b, _ := json.MarshalIndent(v, "", "  ")
		want[i] = append(b, '\n')
	}
	if _, err := s.save(vs[0]); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, ".edgeplay", "requests")
	file := filepath.Join(dir, "big-request.json")
	// Calibrate: the kill window spans a few saves, however slow this
	// machine (or -race) makes one; fewer processes when saves are slow.
	t0 := time.Now()
	if _, err := s.save(vs[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.save(vs[0]); err != nil {
		t.Fatal(err)
	}
	saveTime := time.Since(t0) / 2
	window := max(25*time.Millisecond, 3*saveTime)
	if saveTime > 10*time.Millisecond {
		iterations = 60
	}

	var seen [2]int
	leftovers, maxDelay := 0, 0*time.Millisecond
	start := time.Now()
	for it := 0; it < iterations; it++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestAtomicWriterProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), atomicWriterEnv+"="+root)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		if err != nil || line != "writing\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("iteration %d: the writer did not start: %q %v\n%s", it, line, err, stderr.String())
		}
		// Kill at a random moment: a save takes a few ms (5 MB written
		// and fsynced), so this lands before, in and after writes,
		// fsyncs and renames.
		delay := time.Duration(rand.Int64N(int64(window)))
		maxDelay = max(maxDelay, delay)
		time.Sleep(delay)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		if ps := cmd.ProcessState; ps == nil || ps.Success() || ps.String() != "signal: killed" {
			t.Fatalf("iteration %d: the writer ended by itself (%v):\n%s", it, ps, stderr.String())
		}

		got, err := os.ReadFile(file)
		switch {
		case err != nil:
			t.Fatalf("iteration %d: %v", it, err)
		case bytes.Equal(got, want[0]):
			seen[0]++
		case bytes.Equal(got, want[1]):
			seen[1]++
		default:
			t.Fatalf("iteration %d: torn file: %d bytes, starting %.60q, ending %.60q", it, len(got), got, got[max(0, len(got)-60):])
		}

		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var temps []string
		for _, e := range ents {
			switch name := e.Name(); {
			case name == "big-request.json":
			case strings.HasPrefix(name, ".big-request.json.tmp-"):
				temps = append(temps, name)
			default:
				t.Fatalf("iteration %d: unexpected file %s", it, name)
			}
		}
		if len(temps) > 1 {
			t.Fatalf("iteration %d: %d temp files after one killed writer: %v", it, len(temps), temps)
		}
		if len(temps) == 1 {
			leftovers++
			// The leftover is not a saved request.
			list, err := s.list()
			if err != nil || len(list) != 1 || list[0].ID != "big-request" || (list[0].Name != "version A" && list[0].Name != "version B") {
				t.Fatalf("iteration %d: list with a leftover temp file: %d requests, %v", it, len(list), err)
			}
			os.Remove(filepath.Join(dir, temps[0])) // so the next iteration counts its own
		}
	}
	if seen[0] == 0 || seen[1] == 0 {
		t.Errorf("the kills always found the same version (%v): not at random moments", seen)
	}
	msg := fmt.Sprintf("atomic save: %d iterations (writer killed with SIGKILL 0-%v after its first save) in %v: file was always complete JSON (version A %d times, B %d times); %d kills left one temp file, ignored by the list; never more than one",
		iterations, maxDelay.Round(time.Millisecond), time.Since(start).Round(time.Millisecond), seen[0], seen[1], leftovers)
	fmt.Println(msg)
	t.Log(msg)
}
