// Package cli implements the headless commands, `edgeplay serve` and
// `edgeplay check`. main.go only dispatches to them. Flags may stand before
// or after the project folder (`edgeplay serve DIR --port 4000`), which
// Go's flag package alone does not allow.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/edgeplay/edgeplay/engine"
	"github.com/edgeplay/edgeplay/engine/bundle"
	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge"
	"github.com/edgeplay/edgeplay/projects"
)

// Usage is the top-level help.
const Usage = `edgeplay — the local development loop for Next.js edge routes

Usage:
  edgeplay                     open the desktop app (last project, or the sample)
  edgeplay open DIR            open the desktop app on a project
  edgeplay serve [DIR] [flags] build, serve and watch the edge routes of a project
  edgeplay check [DIR] [flags] build every route once; exit 1 on errors (for CI)
  edgeplay help [COMMAND]

With no DIR, serve and check use the built-in sample project.
`

// parse parses flags and at most one positional argument, in any order.
func parse(fs *flag.FlagSet, args []string) (string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return "", err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) > 1 {
		return "", fmt.Errorf("expected one project folder, got %d: %s", len(pos), strings.Join(pos, " "))
	}
	if len(pos) == 1 {
		return pos[0], nil
	}
	return "", nil
}

// sizeFlag parses sizes such as 1MB, 1.5mb, 512kb, 2097152, or a plan name.
type sizeFlag struct{ n int }

func (s *sizeFlag) String() string { return bundle.FormatBytes(s.n) }

func (s *sizeFlag) Set(v string) error {
	n, err := ParseSize(v)
	if err != nil {
		return err
	}
	s.n = n
	return nil
}

// ParseSize reads a size: bytes, or a number with kb/mb (powers of 1024),
// or a plan name (hobby 1 MB, pro 2 MB, enterprise 4 MB).
func ParseSize(v string) (int, error) {
	s := strings.ToLower(strings.TrimSpace(v))
	if n, ok := bundle.Plans[s]; ok {
		return n, nil
	}
	mult := 1.0
	for _, suf := range []struct {
		s string
		m float64
	}{{"mib", bundle.MB}, {"mb", bundle.MB}, {"m", bundle.MB}, {"kib", 1024}, {"kb", 1024}, {"k", 1024}, {"b", 1}} {
		if strings.HasSuffix(s, suf.s) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, suf.s)), suf.m
			break
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		return 0, fmt.Errorf("invalid size %q: use bytes or a number with kb or mb (1MB, 1.5mb, 512kb), or a plan: hobby, pro, enterprise", v)
	}
	return int(f * mult), nil
}

// projectDir resolves DIR, or extracts the sample when it is empty.
func projectDir(dir string, stderr io.Writer) (string, error) {
	if dir != "" {
		return dir, nil
	}
	dst, err := projects.DefaultDir(projects.Sample)
	if err != nil {
		return "", err
	}
	if _, err := projects.Extract(projects.Sample, dst); err != nil {
		return "", err
	}
	fmt.Fprintf(stderr, "edgeplay: no project folder given; using the built-in sample at %s\n", dst)
	return dst, nil
}

// UI starts browser mode over a running engine and returns the page's
// URL and a function that stops it. main wires it (app.Server), so that
// engine/ never depends on the UI layer.
type UI func(e *engine.Engine, port int) (url string, stop func(), err error)

// Serve runs `edgeplay serve` without browser mode.
func Serve(args []string, stdout, stderr io.Writer) int { return ServeWith(args, stdout, stderr, nil) }

// ServeWith runs `edgeplay serve`; ui serves --ui. It returns the exit code.
func ServeWith(args []string, stdout, stderr io.Writer, ui UI) int {
	start := time.Now()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	port := fs.Int("port", 3000, "port to listen on (the next free one if taken)")
	host := fs.String("host", "127.0.0.1", "address to listen on; anything but loopback exposes the routes to the network")
	timeout := fs.Duration("timeout", 25*time.Second, "time limit for a route's first byte (the platform's is 25s)")
	maxSize := &sizeFlag{n: bundle.DefaultLimit}
	fs.Var(maxSize, "max-size", "bundle size limit, gzip (1MB, 2MB, 4MB or hobby, pro, enterprise)")
	maxHeap := &sizeFlag{n: 1 << 30}
	fs.Var(maxHeap, "max-heap", "stop a request (500) that grows the heap by more than this while it runs (the platform gives a function 128MB)")
	isoMem := &sizeFlag{n: edge.DefaultIsolateMemory}
	fs.Var(isoMem, "isolate-memory", "memory the idle isolates of all routes may hold; past it the least recently used are given back")
	withUI := fs.Bool("ui", false, "also serve the UI for a browser, on loopback, with a per-run token (printed)")
	uiPort := fs.Int("ui-port", 0, "port of the UI with --ui (default: any free port)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: edgeplay serve [DIR] [--port N] [--host H] [--timeout D] [--max-size SIZE] [--ui [--ui-port N]]")
		fs.PrintDefaults()
	}
	dir, err := parse(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "edgeplay serve:", err)
		return 2
	}
	if dir, err = projectDir(dir, stderr); err != nil {
		fmt.Fprintln(stderr, "edgeplay serve:", err)
		return 1
	}
	if ip := net.ParseIP(*host); (ip == nil || !ip.IsLoopback()) && *host != "localhost" {
		fmt.Fprintf(stderr, "edgeplay: warning: listening on %s exposes every route of the project, its env variables as the routes use them, and the traffic to other machines on the network.\n", *host)
	}
	e, err := engine.New(engine.Options{Dir: dir, Host: *host, Port: *port, Timeout: *timeout, MaxSize: maxSize.n, MaxHeap: int64(maxHeap.n), IsolateMemory: int64(isoMem.n), Log: stdout})
	if err != nil {
		fmt.Fprintln(stderr, "edgeplay serve:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := e.Start(ctx); err != nil {
		fmt.Fprintln(stderr, "edgeplay serve:", err)
		e.Close()
		return 1
	}
	if *withUI {
		if ui == nil {
			fmt.Fprintln(stderr, "edgeplay serve: --ui: this build has no UI layer")
			e.Close()
			return 1
		}
		url, stopUI, err := ui(e, *uiPort)
		if err != nil {
			fmt.Fprintln(stderr, "edgeplay serve:", err)
			e.Close()
			return 1
		}
		defer stopUI()
		fmt.Fprintf(stdout, "ui on %s\n", url)
	}
	select {
	case <-e.Ready():
		routes := e.Routes()
		edgeCount := 0
		for _, r := range routes {
			if r.Runtime == string(bundle.RuntimeEdge) {
				edgeCount++
			}
		}
		fmt.Fprintf(stdout, "ready on %s (%d routes, %d edge, in %dms)\n", e.URL(), len(routes), edgeCount, time.Since(start).Milliseconds())
	case <-ctx.Done():
	}
	<-ctx.Done()
	fmt.Fprintln(stdout, "edgeplay: shutting down")
	if err := e.Close(); err != nil {
		fmt.Fprintln(stderr, "edgeplay serve:", err)
	}
	return 0
}

// Check runs `edgeplay check`. It returns the exit code: 0 when every route
// passes, 1 when any fails, 2 on bad usage.
func Check(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	allowNode := fs.Bool("allow-node-imports", false, "do not fail on imports of Node.js built-ins (they fail at run time on the edge)")
	maxSize := &sizeFlag{n: bundle.DefaultLimit}
	fs.Var(maxSize, "max-size", "bundle size limit, gzip (1MB, 2MB, 4MB or hobby, pro, enterprise)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: edgeplay check [DIR] [--json] [--max-size SIZE] [--allow-node-imports]")
		fs.PrintDefaults()
	}
	dir, err := parse(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "edgeplay check:", err)
		return 2
	}
	if dir, err = projectDir(dir, stderr); err != nil {
		fmt.Fprintln(stderr, "edgeplay check:", err)
		return 1
	}
	rep, err := engine.Check(engine.CheckOptions{Dir: dir, MaxSize: maxSize.n, AllowNodeImports: *allowNode})
	if err != nil {
		fmt.Fprintln(stderr, "edgeplay check:", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep)
	} else {
		printReport(stdout, rep)
	}
	if !rep.OK {
		return 1
	}
	return 0
}

func printReport(w io.Writer, rep *engine.Report) {
	for _, d := range rep.Diags {
		fmt.Fprint(w, d.Format())
	}
	// Each diagnostic once, with the routes it affects: a broken lib
	// that 300 routes import is one message.
	var order []string
	byText := map[string]*struct {
		d      diag.Message
		routes []string
	}{}
	for _, r := range rep.Routes {
		for _, d := range r.Diags {
			if d.Kind != diag.Error && d.Kind != diag.Warning {
				continue
			}
			k := d.Format()
			x := byText[k]
			if x == nil {
				x = &struct {
					d      diag.Message
					routes []string
				}{d: d}
				byText[k] = x
				order = append(order, k)
			}
			x.routes = append(x.routes, r.Pattern)
		}
	}
	for _, k := range order {
		fmt.Fprint(w, k)
		if x := byText[k]; len(x.routes) > 1 {
			fmt.Fprintf(w, "  (in %d routes: %s)\n", len(x.routes), engine.ListRoutes(x.routes, 5))
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\nRoute\tRuntime\tSize\tGzip\tof limit\tStatus")
	for _, r := range rep.Routes {
		size, gz, pct := "-", "-", "-"
		if r.Build != nil && r.Build.Raw > 0 {
			size, gz = bundle.FormatBytes(r.Build.Raw), bundle.FormatBytes(r.Build.Gzip)
			pct = fmt.Sprintf("%.0f%%", 100*float64(r.Build.Gzip)/float64(r.Build.Limit))
		}
		status := r.State
		switch {
		case r.Oversize:
			status = "over the limit"
		case r.State == engine.StateNode:
			status = "Node.js route (not checked)"
		}
		for _, d := range r.Diags {
			if d.ID == diag.IDDynamicCode && r.State == engine.StateOK && !r.Oversize {
				status = "dynamic code (eval)"
				break
			}
			if d.ID == diag.IDNodeModule && r.State == engine.StateOK && !r.Oversize {
				status = "imports Node.js"
				break
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Pattern, r.Runtime, size, gz, pct, status)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nLimit: %s gzip per route.\n", bundle.FormatBytes(rep.Limit))
	if rep.OK {
		fmt.Fprintf(w, "✓ %d routes checked, no problems.\n", len(rep.Routes))
		return
	}
	fmt.Fprintf(w, "✗ %d problem(s):\n", len(rep.Failures))
	for _, f := range rep.Failures {
		fmt.Fprintf(w, "  - %s\n", firstLine(f))
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
