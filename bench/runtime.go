package main

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/edgeplay/edgeplay/engine/edge"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
)

// helloBundle is the shape of a bundled hello route (an IIFE that assigns
// the module to edge.GlobalName), so the runtime figures do not include
// esbuild.
var helloBundle = "var " + edge.GlobalName + " = (() => ({ default: () => new Response('Hello world!') }))();\n"

// runtimeFigures measures, in this process, the set-up of one isolate with
// every Web API installed and the cost of one handler call through the
// event loop (no HTTP): the two numbers that bound req/s and the first
// request after a save.
func runtimeFigures() (setupP50, setupP95, call time.Duration, err error) {
	if err := edge.Prepare(); err != nil {
		return 0, 0, 0, err
	}
	script, err := edge.Compile("pages/api/hello.ts", "/api/hello", 1, helloBundle)
	if err != nil {
		return 0, 0, 0, err
	}
	ctx := context.Background()
	var setups []time.Duration
	for i := 0; i < 200; i++ {
		g := edge.NewGeneration(script, edge.Options{Timeout: 5 * time.Second, MaxIsolates: 1})
		t0 := time.Now()
		g.Warm()
		if err := g.Ready(ctx); err != nil {
			return 0, 0, 0, err
		}
		setups = append(setups, time.Since(t0))
		g.Close()
	}
	sort.Slice(setups, func(i, j int) bool { return setups[i] < setups[j] })
	g := edge.NewGeneration(script, edge.Options{Timeout: 5 * time.Second, MaxIsolates: 1})
	defer g.Close()
	req := &edge.Request{Method: "GET", URL: "http://localhost:3000/api/hello", Header: []string{"host", "localhost:3000"}, BodyLength: -1}
	for i := 0; i < 500; i++ { // warm-up
		if _, err := g.Invoke(ctx, req); err != nil {
			return 0, 0, 0, fmt.Errorf("invoke: %w", err)
		}
	}
	const n = 5000
	t0 := time.Now()
	for i := 0; i < n; i++ {
		if _, err := g.Invoke(ctx, req); err != nil {
			return 0, 0, 0, err
		}
	}
	return setups[len(setups)/2], setups[len(setups)*95/100], time.Since(t0) / n, nil
}
