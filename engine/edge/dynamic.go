package edge

import (
	"reflect"
	"sort"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// DynamicCodeText is Next's text for eval and its relatives in an edge
// route, at build time (next build fails) and at run time (the runtime
// throws an EvalError with it).
const DynamicCodeText = "Dynamic Code Evaluation (e. g. 'eval', 'new Function') not allowed in Edge Runtime"

// dynamicCode finds what Next's edge build rejects as dynamic code: calls
// of eval and Function (with or without new) and WebAssembly.compile /
// instantiate, in the bundle's AST, reported at their original source
// positions. The runtime's own modules (next/server shim, Node stubs) are
// skipped. Next scans the same shapes in its webpack plugin; a call that
// is never taken at run time still fails `next build`, which is why
// `edgeplay check` reports it rather than waiting for a request.
func dynamicCode(prog *ast.Program, code string) diag.List {
	// The walk costs ~0.1 s per MB of bundle: skip it when none of the
	// names can occur.
	if !strings.Contains(code, "eval") && !strings.Contains(code, "Function") && !strings.Contains(code, "WebAssembly") {
		return nil
	}
	var out diag.List
	seen := map[string]bool{}
	sm := inlineSrcMap(code)
	// Line starts of the bundle: goja's File.Position maps through
	// go-sourcemap, which can land on the previous line (see srcMap).
	var lineStarts []int
	report := func(idx file.Idx, what string) {
		if sm == nil {
			return
		}
		if lineStarts == nil {
			lineStarts = []int{0}
			for i := 0; i < len(code); i++ {
				if code[i] == '\n' {
					lineStarts = append(lineStarts, i+1)
				}
			}
		}
		off := int(idx) - prog.File.Base()
		line := sort.Search(len(lineStarts), func(i int) bool { return lineStarts[i] > off }) // 1-based
		col := off - lineStarts[line-1]
		name, l, c, ok := sm.lookup(line, col)
		if !ok || strings.Contains(name, ":") {
			return // runtime code (edgeplay:next/server, edgeplay-node:fs) or unmapped
		}
		loc := &diag.Location{File: name, Line: l, Column: c}
		key := loc.Position()
		if seen[key] {
			return
		}
		seen[key] = true
		out.Add(diag.Message{Kind: diag.Warning, ID: diag.IDDynamicCode, Location: loc,
			Text:  DynamicCodeText + " (" + what + ")",
			Notes: []diag.Note{{Text: "The edge runtime throws an EvalError here, and `next build` rejects the route. Learn More: https://nextjs.org/docs/messages/edge-dynamic-code-evaluation"}}})
	}
	callee := func(e ast.Expression) (string, file.Idx) {
		switch c := e.(type) {
		case *ast.Identifier:
			if c.Name == "eval" || c.Name == "Function" {
				return string(c.Name), c.Idx
			}
		case *ast.DotExpression:
			if id, ok := c.Left.(*ast.Identifier); ok && id.Name == "WebAssembly" &&
				(c.Identifier.Name == "compile" || c.Identifier.Name == "instantiate") {
				return "WebAssembly." + string(c.Identifier.Name), id.Idx
			}
		}
		return "", 0
	}
	walkAST(reflect.ValueOf(prog), func(n any) {
		switch x := n.(type) {
		case *ast.CallExpression:
			if name, idx := callee(x.Callee); name != "" {
				report(idx, name+"()")
			}
		case *ast.NewExpression:
			if name, idx := callee(x.Callee); name == "Function" {
				report(idx, "new "+name+"()")
			}
		}
	})
	return out
}

var (
	idxType  = reflect.TypeOf(file.Idx(0))
	fileType = reflect.TypeOf((*file.File)(nil))
)

// walkAST calls fn for every pointer in the tree under v. goja's ast has
// no visitor; reflection keeps this independent of its ~70 node types.
func walkAST(v reflect.Value, fn func(any)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type() == fileType {
			return
		}
		fn(v.Interface())
		walkAST(v.Elem(), fn)
	case reflect.Interface:
		if !v.IsNil() {
			walkAST(v.Elem(), fn)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if f.Type() == idxType || !v.Type().Field(i).IsExported() {
				continue
			}
			walkAST(f, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkAST(v.Index(i), fn)
		}
	}
}
