// Command edgeplay is the local development loop for Next.js edge routes:
// a desktop app, and the headless commands `serve` and `check`.
package main

import (
	"fmt"
	"os"

	"github.com/edgeplay/edgeplay/app"
	"github.com/edgeplay/edgeplay/engine"
	"github.com/edgeplay/edgeplay/engine/cli"
	"github.com/edgeplay/edgeplay/projects"
)

func main() {
	tuneGC()
	args := os.Args[1:]
	if len(args) == 0 {
		os.Exit(desktop(""))
	}
	switch args[0] {
	case "serve":
		os.Exit(cli.ServeWith(args[1:], os.Stdout, os.Stderr, browserUI))
	case "open":
		if len(args) != 2 {
			fmt.Fprintln(os.Stderr, "usage: edgeplay open DIR")
			os.Exit(2)
		}
		os.Exit(desktop(args[1]))
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

// browserUI is `edgeplay serve --ui`: the desktop window's UI, served on
// loopback for a browser, over the engine serve started.
func browserUI(e *engine.Engine, port int) (string, func(), error) {
	a, err := app.New(app.Options{Mode: "browser", Sample: isSample})
	if err != nil {
		return "", nil, err
	}
	a.Attach(e)
	srv, err := app.NewServer(a, app.ServerOptions{Port: port, Assets: uiAssets()})
	if err != nil {
		a.Close()
		return "", nil, err
	}
	a.SetEmitter(srv)
	return srv.URL(), func() { a.Close(); srv.Close() }, nil
}

// isSample reports whether dir is the extracted built-in sample project.
func isSample(dir string) bool {
	d, err := projects.DefaultDir(projects.Sample)
	return err == nil && d == dir
}
