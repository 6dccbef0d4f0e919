//go:build ui || desktop

package main

import (
	"embed"
	"io/fs"
)

// The frontend, built by `npm run build` in frontend/ (make build does
// it). Behind a build tag so that a fresh clone can vet, test and build
// the headless binary before the frontend exists.
//
//go:embed all:frontend/dist
var dist embed.FS

func uiAssets() fs.FS {
	sub, err := fs.Sub(dist, "frontend/dist")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	return sub
}
