// Package edge is edgeplay's Edge Runtime: it runs a built route in goja
// isolates and turns requests into Responses.
//
// An isolate is a goja Runtime with its own event loop goroutine, every Web
// API installed (webapi/all), and the route's bundle evaluated once. A
// Generation is one build of one route: its compiled Program and a small
// pool of isolates. Several requests may interleave on one isolate, as on
// the real edge, while the pool grows up to a few isolates so that a slow
// request does not hold up the others.
//
//	script, err := edge.Compile("pages/api/hello.ts", "/api/hello", bundleCode)
//	gen := edge.NewGeneration(script, edge.Options{Env: env, Timeout: 25 * time.Second})
//	res, err := gen.Invoke(ctx, &edge.Request{Method: "GET", URL: "http://localhost:3000/api/hello"})
//	// res.Status, res.Header, res.Body or res.Stream
//	gen.Close()
//
// Limits: a request that has no response head after Options.Timeout is
// answered with a timeout error; if the isolate is spinning (one job running
// longer than the limit), it is interrupted and discarded, and the pool
// replaces it. Other requests and routes are never blocked by it.
package edge
