//go:build desktop && linux

package main

/*
#cgo pkg-config: gtk+-3.0
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <gtk/gtk.h>

// Have libglvnd's EGL read its list of vendors now (it does so once per
// process, on the first EGL call). 0x3055 is EGL_EXTENSIONS.
static void edgeplay_egl_vendors(void) {
	void *egl = dlopen("libEGL.so.1", RTLD_NOW | RTLD_GLOBAL);
	if (egl == NULL) return;
	const char *(*query)(void *, int) = (const char *(*)(void *, int))dlsym(egl, "eglQueryString");
	if (query != NULL) query(NULL, 0x3055);
}

// GTK initialised here, before Wails does it (a second gtk_init_check is
// a no-op), while the driver path points nowhere: GDK's GLX set-up finds
// no driver and stays without GL.
static int edgeplay_gtk_init(void) { return gtk_init_check(NULL, NULL); }
*/
import "C"

import (
	"os"
	"runtime"
)

// lightDisplay keeps Mesa's GL driver (and the LLVM it links, about 50 MB
// resident per process) out of the window process, which does not draw
// with GL: the window runs with WebKit's hardware acceleration off
// (WebviewGpuPolicyNever), so the web process paints into shared memory
// and the window copies it to the screen with cairo. Only WebKit's web
// process needs an EGL display, and it keeps one.
//
// The two ways the window process would load the driver are closed before
// Wails starts: GTK's GLX set-up runs (here) while Mesa's driver path
// points nowhere, and libglvnd's EGL reads its list of vendors (once per
// process) while that list is empty. Both variables are restored at once,
// so WebKit's child processes, started later, see the environment as it
// was. Measured on the sample: window process RSS 189 → 135 MiB.
//
// EDGEPLAY_GL=1, or GL variables of the user's own, leave all of it alone.
func lightDisplay() {
	if os.Getenv("EDGEPLAY_GL") == "1" {
		return
	}
	for _, v := range []string{"LIBGL_DRIVERS_PATH", "__EGL_VENDOR_LIBRARY_FILENAMES", "__EGL_VENDOR_LIBRARY_DIRS"} {
		if _, set := os.LookupEnv(v); set {
			return
		}
	}
	// GTK is used from this thread from now on (Wails locks it too).
	runtime.LockOSThread()
	// What Wails does before it initialises GTK, done first here.
	if st := os.Getenv("XDG_SESSION_TYPE"); os.Getenv("GDK_BACKEND") == "" && (st == "" || st == "unspecified" || st == "x11") {
		os.Setenv("GDK_BACKEND", "x11")
	}
	if _, set := os.LookupEnv("WEBKIT_DISABLE_DMABUF_RENDERER"); !set {
		// Buffers shared as DMA-BUF need EGL on both sides.
		os.Setenv("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
	}
	// (WebKit sets up this process's EGL display only after it started
	// the web process, so an environment restored in between could not
	// serve both: hence the vendor list, which libglvnd keeps.)
	none := os.DevNull + "/none"
	os.Setenv("LIBGL_DRIVERS_PATH", none)
	os.Setenv("__EGL_VENDOR_LIBRARY_FILENAMES", none)
	C.edgeplay_egl_vendors()
	C.edgeplay_gtk_init()
	os.Unsetenv("LIBGL_DRIVERS_PATH")
	os.Unsetenv("__EGL_VENDOR_LIBRARY_FILENAMES")
}
