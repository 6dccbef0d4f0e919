// Package bundle holds what every esbuild build of edge code shares
// (engine/graph runs the builds): the options (BaseOptions: the edge
// conditions edge-light, worker, browser; the syntax goja lacks, lowered;
// TypeScript and JSX; NODE_ENV), the edge plugin, the size report and
// Next's diagnostics:
//
//   - `next/server` resolves to edgeplay's shim, so no node_modules/next is
//     needed;
//
//   - a Node.js built-in import is a warning in Next's words with the import
//     trace, and becomes a stub that throws Next's runtime error when touched
//     (as next dev does, so optional Node paths of libraries keep working);
//
//   - a route's gzip size is checked against the edge limit (SizeDiags);
//
//   - \p{…} in regular expressions is made to work in goja or reported
//     (UnicodeRegexps);
//
//   - a route's runtime is read from its config as Next reads it
//     (DetectRuntime), and Node.js routes are syntax-checked (CheckSyntax).
package bundle
