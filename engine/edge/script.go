package edge

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

// GlobalName is the global the bundle's IIFE assigns the route module to.
const GlobalName = "__edgeplay_route"

// bundleFileName is the name goja knows a bundle by. Frames in it are
// positions the source map does not cover.
const bundleFileName = "/__edgeplay_bundle.js"

// Script is a route's bundle compiled for goja, shared by all isolates of
// a generation.
type Script struct {
	File    string // project-relative route file, "pages/api/hello.ts"
	Page    string // the route pattern, "/api/hello"
	BuildID int
	// DynamicCode lists eval/new Function uses in the bundle, at their
	// source positions: warnings in serve, failures in check.
	DynamicCode diag.List

	program *goja.Program // compiled now, or on first use (see lazyCompileBytes)
	code    string        // kept only until a lazy compile ran
	once    sync.Once
	err     error

	// A route built as modules (NewModuleScript) has these instead.
	entry   string
	modules map[string]*Module

	// minCost is the smallest memory an isolate of the route measured at
	// set-up (budget.go).
	minCost atomic.Int64
}

// lazyCompileBytes: a bundle this big is parsed at build time (syntax
// errors, dynamic code) but compiled on its first isolate. A compiled
// program of a large bundle holds its constants a second time (the
// sample's oversize route: ~3 MB), and most routes of a project are not
// requested in a given session; small bundles compile in well under a
// millisecond and are compiled at once, so a save costs nothing later.
const lazyCompileBytes = 256 << 10

// compiled returns the script's program, compiling it on first use.
// Goroutine-safe.
func (s *Script) compiled() (*goja.Program, error) {
	s.once.Do(func() {
		if s.program != nil {
			return
		}
		ast, err := goja.Parse(bundleFileName, s.code, webapi.NoFileSourceMaps)
		if err == nil {
			s.program, err = goja.CompileAST(ast, true)
		}
		if err != nil {
			s.err = diag.Errorf(diag.IDBuild, "the edge runtime cannot compile the bundle of %s: %s", s.File, firstLine(err.Error())).At(s.File, 0, 0)
		}
		s.code = ""
	})
	return s.program, s.err
}

// Compile parses and compiles a bundle (with its inline source map).
// Syntax errors the runtime cannot parse come back as a diag message.
func Compile(file, page string, buildID int, code string) (*Script, error) {
	// The program is named as a file at the root of a URL path, so that
	// goja resolves the source map's project-relative sources
	// ("pages/api/x.ts") to "/pages/api/x.ts"; an opaque name such as
	// "edgeplay:bundle/…" would swallow every mapped file name.
	ast, err := goja.Parse(bundleFileName, code, webapi.NoFileSourceMaps)
	if err != nil {
		if fixed, ok := quoteClassFieldKeywords(code); ok {
			code = fixed
			ast, err = goja.Parse(bundleFileName, code, webapi.NoFileSourceMaps)
		}
	}
	if err != nil {
		return nil, diag.Errorf(diag.IDBuild, "the edge runtime cannot parse the bundle of %s: %s", file, firstLine(err.Error())).At(file, 0, 0)
	}
	sc := &Script{File: file, Page: page, BuildID: buildID, DynamicCode: dynamicCode(ast, code)}
	if len(code) > lazyCompileBytes {
		sc.code = code
		return sc, nil
	}
	prog, err := goja.CompileAST(ast, true)
	if err != nil {
		return nil, diag.Errorf(diag.IDBuild, "the edge runtime cannot compile the bundle of %s: %s", file, firstLine(err.Error())).At(file, 0, 0)
	}
	sc.program = prog
	return sc, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// pageName is how Next names a route in its errors: "pages/api/x".
func (s *Script) pageName() string {
	return "pages" + s.Page
}
