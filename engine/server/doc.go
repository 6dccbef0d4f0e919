// Package server answers HTTP on loopback for the project's routes: it
// matches the path to a route the way Next does, waits for the route's
// first build, runs the current generation, and writes the response head
// and each body chunk the moment the route produces it (flushing), while
// the traffic journal records the exchange.
//
// Errors that are the server's own (404, 413, a failed build, a Node.js
// route) are answered here, as Next's dev server would, with a body that
// says what to do.
//
//	srv := server.New(server.Options{Routes: table, Journal: j})
//	ln, _ := server.Listen("127.0.0.1", 3000) // or the next free port
//	go srv.Serve(ln)
//	defer srv.Close()
package server
