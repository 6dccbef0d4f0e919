//go:build !desktop

package main

import (
	"fmt"
	"os"
)

// desktop would start the window; this binary was built without it (the
// headless build needs no GTK/WebKit). It says how to get it.
func desktop(dir string) int {
	fmt.Fprint(os.Stderr, "edgeplay: this binary was built without the desktop app.\n"+
		"Build it with `make desktop` (needs Node.js and, on Linux, libgtk-3-dev and libwebkit2gtk-4.1-dev),\n"+
		"or use `edgeplay serve [DIR] --ui` to get the same UI in a browser.\n")
	return 2
}
