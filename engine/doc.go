// Package engine is edgeplay's core: it opens a Next.js project, builds
// its edge routes in pages/api as one build graph (engine/graph), runs each
// in the goja edge runtime behind a loopback HTTP server, rebuilds what a
// save touches the moment it lands, and publishes routes, builds,
// exchanges and logs as events. It knows nothing of windows: the desktop
// app and the headless commands both drive it through this API.
//
// The Engine coordinates: the watcher's batches become graph changes and
// route builds (entry.go: a route's modules from the graph, a new edge
// generation that adopts the old one's isolates), a request for a route
// not built yet has it built first, and the analysis of every route's size
// runs after the builds of a moment, in a lull of requests.
//
//	e, err := engine.New(engine.Options{Dir: dir, Port: 3000, Log: os.Stdout})
//	if err != nil { … }
//	stop := e.Subscribe(func(ev engine.Event) { … }) // routes, builds, exchanges, logs
//	defer stop()
//	if err := e.Start(ctx); err != nil { … }
//	<-e.Ready() // every route built once (requests are answered before)
//	fmt.Println("ready on", e.URL())
//	…
//	e.Close()
//
// Check builds every route once without serving, for CI.
package engine
