// Package engine is edgeplay's core: it opens a Next.js project, builds
// every edge route in pages/api with esbuild, runs each in the goja edge
// runtime behind a loopback HTTP server, rebuilds a route the moment one of
// its inputs is saved, and publishes routes, builds, exchanges and logs as
// events. It knows nothing of windows: the desktop app and the headless
// commands both drive it through this API.
//
//	e, err := engine.New(engine.Options{Dir: dir, Port: 3000, Log: os.Stdout})
//	if err != nil { … }
//	stop := e.Subscribe(func(ev engine.Event) { … }) // routes, builds, exchanges, logs
//	defer stop()
//	if err := e.Start(ctx); err != nil { … }
//	<-e.Ready() // every route built once
//	fmt.Println("ready on", e.URL())
//	…
//	e.Close()
//
// Check builds every route once without serving, for CI.
package engine
