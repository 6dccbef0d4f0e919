// Package routes turns a Next.js project's pages/api tree into a route
// table and matches URL paths against it exactly as the Next.js dev server
// does: the same files count as routes, the same precedence (static >
// dynamic > catch-all > optional catch-all, from sorted-routes.ts), the
// same conflict errors, and dynamic params merged into the query the way
// edge API routes see them.
//
// It is pure: Scan reads an fs.FS, Build takes file names.
//
//	t, err := routes.Scan(os.DirFS(projectDir))
//	r, params, ok := t.Match("/api/users/42")
//	// r.Pattern == "/api/users/[id]", params == [{Name: "id", Values: ["42"]}]
//	q := routes.InjectParams("x=1", params) // "x=1&id=42"
package routes
