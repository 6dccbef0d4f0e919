package edge

import (
	"sync"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

// program is code parsed for goja, compiled at once or on first use: what
// a bundle (Compile) and a module (CompileModule) both are. Goroutine-safe.
type program struct {
	what, file string // for messages: "the bundle of pages/api/x.ts", and where

	prog *goja.Program // compiled now, or on first use (see lazyCompileBytes)
	code string        // kept only until a lazy compile ran
	once sync.Once
	err  error
}

// lazyCompileBytes: code this big is parsed at build time (syntax errors,
// dynamic code) but compiled when an isolate first loads it. A compiled
// program of a large bundle holds its constants a second time (the
// sample's 1.4 MB data table: ~3 MB), and most large modules of a project
// (data tables, a route nobody calls today) are not loaded in a session;
// small code compiles in well under a millisecond and is compiled at once,
// so a save costs nothing later.
const lazyCompileBytes = 256 << 10

// parseProgram parses code (with its inline source map) and returns it
// with the dynamic code it holds. Syntax errors the runtime cannot parse
// come back as a diag message at file.
func parseProgram(what, file, code string) (*program, diag.List, error) {
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
		return nil, nil, diag.Errorf(diag.IDBuild, "the edge runtime cannot parse %s: %s", what, firstLine(err.Error())).At(file, 0, 0)
	}
	p := &program{what: what, file: file}
	dyn := dynamicCode(ast, code)
	if len(code) > lazyCompileBytes {
		p.code = code
		return p, dyn, nil
	}
	if p.prog, err = goja.CompileAST(ast, true); err != nil {
		return nil, nil, p.compileError(err)
	}
	return p, dyn, nil
}

// compiled returns the program, compiling it on first use.
func (p *program) compiled() (*goja.Program, error) {
	p.once.Do(func() {
		if p.prog != nil {
			return
		}
		ast, err := goja.Parse(bundleFileName, p.code, webapi.NoFileSourceMaps)
		if err == nil {
			p.prog, err = goja.CompileAST(ast, true)
		}
		if err != nil {
			p.err = p.compileError(err)
		}
		p.code = ""
	})
	return p.prog, p.err
}

func (p *program) compileError(err error) diag.Message {
	return diag.Errorf(diag.IDBuild, "the edge runtime cannot compile %s: %s", p.what, firstLine(err.Error())).At(p.file, 0, 0)
}
