package routes_test

import (
	"fmt"
	"testing/fstest"

	"github.com/edgeplay/edgeplay/engine/routes"
)

func Example() {
	project := fstest.MapFS{
		"pages/api/hello.ts":            {},
		"pages/api/users/[id].ts":       {},
		"pages/api/users/[slug]/x.ts":   {},
		"pages/api/docs/[[...slug]].ts": {},
	}
	t, err := routes.Scan(project)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range t.Routes {
		fmt.Println(r.Pattern, r.File)
	}
	for _, m := range t.Diags {
		fmt.Println(m)
	}
	r, params, ok := t.Match("/api/users/42")
	fmt.Println(r.Pattern, params, ok)
	fmt.Println(routes.RequestURL("http://localhost:3000", "/api/users/42", "x=1", params))
	// Output:
	// /api/docs/[[...slug]] pages/api/docs/[[...slug]].ts
	// /api/hello pages/api/hello.ts
	// /api/users/[id] pages/api/users/[id].ts
	// pages/api/users/[slug]/x.ts: error: You cannot use different slug names for the same dynamic path ('id' !== 'slug').
	// /api/users/[id] [{id [42] false}] true
	// http://localhost:3000/api/users/42?x=1&id=42
}
