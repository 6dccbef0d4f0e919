package edge

import (
	"strings"
	"sync/atomic"

	"github.com/edgeplay/edgeplay/engine/diag"
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

	program *program // a bundle's (Compile)

	// A route built as modules (NewModuleScript) has these instead.
	entry   string
	modules map[string]*Module

	// minCost is the smallest memory an isolate of the route measured at
	// set-up (budget.go).
	minCost atomic.Int64
}

// Compile parses and compiles a bundle (with its inline source map).
// Syntax errors the runtime cannot parse come back as a diag message.
func Compile(file, page string, buildID int, code string) (*Script, error) {
	prog, dyn, err := parseProgram("the bundle of "+file, file, code)
	if err != nil {
		return nil, err
	}
	return &Script{File: file, Page: page, BuildID: buildID, DynamicCode: dyn, program: prog}, nil
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
