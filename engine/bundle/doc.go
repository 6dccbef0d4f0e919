// Package bundle builds one edge route with esbuild's Go API, in process:
// one incremental context per route, TypeScript and JSX, node_modules with
// the edge conditions (edge-light, worker, browser), tsconfig paths, output
// goja can run (an IIFE with what goja lacks lowered), a source map, a
// metafile-based size report, and Next's diagnostics:
//
//   - `next/server` resolves to edgeplay's shim, so no node_modules/next is
//     needed;
//
//   - a Node.js built-in import is a warning in Next's words with the import
//     trace, and becomes a stub that throws Next's runtime error when touched
//     (as next dev does, so optional Node paths of libraries keep working);
//
//   - the bundle's gzip size is checked against the edge limit.
//
//     b, err := bundle.New(bundle.Options{Root: dir, File: "pages/api/hello.ts", Limit: bundle.DefaultLimit})
//     res := b.Build() // or Rebuild() after a save
//     fmt.Println(res.Gzip, res.Diags)
//     b.Close()
package bundle
