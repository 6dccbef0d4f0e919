// Package app is the layer between the engine and the UI: the methods the
// window calls (bound to Wails in the desktop app, served as JSON over
// loopback HTTP in browser mode) and the engine's events forwarded to the
// UI in batches. API.md is the contract with the frontend.
//
// The App never touches Wails itself: the desktop wiring (main package,
// build tag desktop) gives it an Emitter that calls runtime.EventsEmit,
// and browser mode gives it the SSE broadcaster of Server. So the same
// methods and the same batching are tested without a window.
//
//	a := app.New(app.Options{ConfigDir: dir})
//	if err := a.Open(ctx, projectDir); err != nil { … }
//	srv, _ := app.NewServer(a, app.ServerOptions{})
//	a.SetEmitter(srv)
package app
