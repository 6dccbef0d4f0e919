// Package routes turns a Next.js project's pages/api tree into a route
// table and matches URL paths against it as the Next.js dev server does
// (next dev 16, measured): the same files are routes, in the same precedence
// (static > dynamic > catch-all > optional catch-all, from sorted-routes.ts),
// with the same conflict errors and duplicate warnings, and the params reach
// the handler merged into req.url exactly as Next writes it.
//
// It is pure: Scan reads an fs.FS, Build takes file names, and nothing else
// touches the disk or the network.
//
//	t, err := routes.Scan(os.DirFS(projectDir))
//	if err != nil {
//		return err // no pages/api or src/pages/api: err says what to create
//	}
//	for _, m := range t.Diags {
//		fmt.Println(m) // conflicts (errors) and duplicate pages (warnings)
//	}
//	r, params, err := t.MatchErr(req.URL.EscapedPath()) // "/api/users/42"
//	switch {
//	case err != nil: // a param that is not valid percent-encoding: 400
//	case r == nil: // 404
//	default:
//		// r.File == "pages/api/users/[id].ts", params == [{id [42]}]
//		url := routes.RequestURL(origin, req.URL.EscapedPath(), req.URL.RawQuery, params)
//		// url == origin+"/api/users/42?x=1&id=42" for ?x=1
//	}
//
// Where Next's behaviour had to be interpreted (which duplicate is served,
// what happens to a conflicting route, what Next does with text around
// brackets), the doc comment of the function says what edgeplay does and
// why.
package routes
