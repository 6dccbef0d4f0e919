// Package graph is a project's one build graph: every module any edge
// route loads is read, transformed and compiled once, however many routes
// import it, and a save re-does only the modules it touches.
//
// Three esbuild uses, one per concern, all with the edge options of
// bundle.BaseOptions:
//
//   - Project files (everything outside node_modules) are built one module
//     each (module.go): a one-file esbuild build to wrapped CommonJS, every
//     import resolved by esbuild's resolver and written into the code as a
//     module ID. A save of lib/shared.ts builds lib/shared.ts again — about
//     a millisecond — and nothing else; each route that loads it gets a new
//     module set with the new *edge.Module and the same ones for the rest.
//     This is how Vite and Turbopack serve code in development, and why a
//     save is quick however big the project is.
//   - Packages (node_modules) are bundled together (vendor.go), one
//     incremental esbuild context whose entry points are the package files
//     project code imports, with code splitting: hono and hono/cors share
//     hono's internals as one chunk, as one bundle would; each chunk is
//     converted to CommonJS and compiled once. Packages change rarely (an
//     npm install), so a save never pays for them.
//   - Sizes and deploy diagnostics (analyze.go) come from one esbuild
//     context over every route with code splitting, built in the background
//     after saves: what each route would ship (the chunks it loads,
//     tree-shaken as a deploy is), gzip against the limit, bytes per module,
//     Node.js built-in imports with their import trace.
//
// At run time a route is its module set (edge.NewModuleScript): each
// isolate evaluates its own instance of each module, so module state stays
// per route as on the platform, while the compiled programs are shared.
package graph
