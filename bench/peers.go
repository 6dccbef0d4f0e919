package main

import (
	"fmt"
	"github.com/edgeplay/edgeplay/bench/internal/proc"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

// The peers, pinned to what DESIGN.md measured: next 16.4.6 with react 19
// and typescript 5 (7.x has no JS API next can load), and Vercel's
// standalone edge-runtime.
var (
	nextPackages        = []string{"next@16.4.6", "react@19", "react-dom@19", "typescript@5", "@types/react@19", "@types/node@20"}
	edgeRuntimePackages = []string{"edge-runtime@4"}
)

// setupPeers installs the peers into bench/.peers (once; later runs reuse
// it) and returns them. next dev needs node_modules as a real folder in
// the project (Turbopack rejects a symlinked one), so the sample is copied
// next to it and measured there.
func setupPeers(repo, sample, tmp string) ([]*peer, error) {
	if _, err := exec.LookPath("npm"); err != nil {
		return nil, fmt.Errorf("npm is not installed")
	}
	base := filepath.Join(repo, "bench", ".peers")
	nextDir := filepath.Join(base, "next-sample")
	erDir := filepath.Join(base, "edge-runtime")
	var peers []*peer

	if err := npmInstall(nextDir, nextPackages); err != nil {
		fmt.Fprintln(os.Stderr, "bench: next dev not measured:", err)
	} else {
		nextBin := filepath.Join(nextDir, "node_modules", "next", "dist", "bin", "next")
		peers = append(peers, &peer{
			name:  "next dev",
			hello: "/api/hello",
			start: func(dir string, port int) *exec.Cmd {
				return exec.Command("node", nextBin, "dev", "-p", strconv.Itoa(port), "-H", "127.0.0.1")
			},
			copyProject: func() (string, error) {
				// Fresh sources, the installed node_modules, no build cache:
				// a cold start.
				if err := os.RemoveAll(filepath.Join(nextDir, ".next")); err != nil {
					return "", err
				}
				if err := os.RemoveAll(filepath.Join(nextDir, "pages")); err != nil {
					return "", err
				}
				return nextDir, proc.CopyDir(sample, nextDir)
			},
			helloFile:   "pages/api/hello.ts",
			helloSource: edgeHello,
		})
	}

	if err := npmInstall(erDir, edgeRuntimePackages); err != nil {
		fmt.Fprintln(os.Stderr, "bench: edge-runtime not measured:", err)
	} else {
		script := filepath.Join(erDir, "hello.js")
		src := "addEventListener('fetch', (event) => event.respondWith(new Response('Hello world!')))\n"
		if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
			return peers, err
		}
		erBin := filepath.Join(erDir, "node_modules", "edge-runtime", "dist", "cli", "index.js")
		peers = append(peers, &peer{
			name:  "edge-runtime",
			hello: "/",
			start: func(dir string, port int) *exec.Cmd {
				return exec.Command("node", erBin, "--listen", "--port", strconv.Itoa(port), script)
			},
			copyProject: func() (string, error) { return erDir, nil },
		})
	}
	return peers, nil
}

func npmInstall(dir string, pkgs []string) error {
	if _, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json")); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte("{\"private\": true}\n"), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "bench: npm install %v in %s\n", pkgs, dir)
	cmd := exec.Command("npm", append([]string{"install", "--no-audit", "--no-fund"}, pkgs...)...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stderr, os.Stderr
	return cmd.Run()
}
