//go:build desktop && linux && webkit2_41

package main

/*
#cgo pkg-config: gtk+-3.0 webkit2gtk-4.1
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <gtk/gtk.h>
#include <webkit2/webkit2.h>

// Have libglvnd's EGL read its list of vendors now (it does so once per
// process, on the first EGL call). 0x3055 is EGL_EXTENSIONS.
static void edgeplay_egl_vendors(void) {
	void *egl = dlopen("libEGL.so.1", RTLD_NOW | RTLD_GLOBAL);
	if (egl == NULL) return;
	const char *(*query)(void *, int) = (const char *(*)(void *, int))dlsym(egl, "eglQueryString");
	if (query != NULL) query(NULL, 0x3055);
}

// Initialise GTK and WebKit's process-wide display the way the window
// process needs them, before Wails creates the window: a web view made
// and dropped here is what makes WebKit set up its display.
static int edgeplay_preinit(void) {
	if (!gtk_init_check(NULL, NULL)) return 0;
	GtkWidget *view = webkit_web_view_new();
	g_object_ref_sink(view);
	gtk_widget_destroy(view);
	g_object_unref(view);
	return 1;
}
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
// process needs an EGL display, and it gets one: the driver search path
// is pointed nowhere while GTK and WebKit set up this process's display,
// and restored before WebKit starts its child processes (when the window
// loads its page), which inherit the environment of that moment.
//
// EDGEPLAY_GL=1, or a LIBGL_DRIVERS_PATH of the user's own, leaves all
// of it alone.
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
	// GLX: GTK loads its driver while it initialises. EGL: WebKit sets up
	// this process's display only after it started the web process, so
	// the driver path cannot be restored in between; instead libglvnd is
	// made to read its (then empty) vendor list now, which it keeps for
	// the life of the process.
	none := os.DevNull + "/none"
	os.Setenv("LIBGL_DRIVERS_PATH", none)
	os.Setenv("__EGL_VENDOR_LIBRARY_FILENAMES", none)
	C.edgeplay_egl_vendors()
	C.edgeplay_preinit()
	os.Unsetenv("LIBGL_DRIVERS_PATH")
	os.Unsetenv("__EGL_VENDOR_LIBRARY_FILENAMES")
}
