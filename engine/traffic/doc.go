// Package traffic is the exchange journal: every request a route served,
// with its headers, a bounded preview of both bodies, each response chunk
// with its time offset and size, the console lines the route wrote while
// serving it, the error it threw, and timings. The journal keeps the last
// N exchanges in a ring and reports every change through a publish hook,
// which the engine turns into events for the UI.
//
//	j := traffic.NewJournal(traffic.Options{Publish: func(e traffic.Event) { … }})
//	x := j.Begin(r.RemoteAddr, "GET", "/api/hello", …)
//	x.Head(200, header)
//	x.Chunk(data)
//	x.End(nil)
package traffic
