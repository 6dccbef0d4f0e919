// Command edgeplay is the local development loop for Next.js edge routes:
// a desktop app, and the headless commands `serve` and `check`.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/edgeplay/edgeplay/engine/cli"
)

func main() {
	// A dev server's live heap is small (tens of MB) but its garbage rate
	// under a load test is high; the default GOGC=100 lets RSS grow to
	// twice the live heap. 50 keeps it near the live set for a few per
	// cent of throughput. GOGC in the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	args := os.Args[1:]
	if len(args) == 0 {
		os.Exit(desktop())
	}
	switch args[0] {
	case "serve":
		os.Exit(cli.Serve(args[1:], os.Stdout, os.Stderr))
	case "check":
		os.Exit(cli.Check(args[1:], os.Stdout, os.Stderr))
	case "help", "-h", "--help":
		if len(args) > 1 && (args[1] == "serve" || args[1] == "check") {
			run := map[string]func([]string, *os.File, *os.File) int{
				"serve": func(a []string, o, e *os.File) int { return cli.Serve(a, o, e) },
				"check": func(a []string, o, e *os.File) int { return cli.Check(a, o, e) },
			}
			os.Exit(run[args[1]]([]string{"-h"}, os.Stdout, os.Stderr))
		}
		fmt.Print(cli.Usage)
	default:
		fmt.Fprintf(os.Stderr, "edgeplay: unknown command %q\n\n%s", args[0], cli.Usage)
		os.Exit(2)
	}
}

// desktop starts the desktop app. The window is the next milestone; until
// it lands this build says so instead of pretending.
func desktop() int {
	fmt.Fprint(os.Stderr, "edgeplay: the desktop app is not part of this build yet.\n"+
		"Run `edgeplay serve [DIR]` to build, serve and watch a project's edge routes,\n"+
		"or `edgeplay check [DIR]` to check them for CI.\n")
	return 2
}
