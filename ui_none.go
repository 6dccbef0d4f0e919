//go:build !(ui || desktop)

package main

import "io/fs"

// uiAssets is the built frontend. This binary was built without it (no
// `ui` or `desktop` tag): browser mode says how to get it, and the
// headless commands need neither Node.js nor the frontend build.
func uiAssets() fs.FS { return nil }
