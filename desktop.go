//go:build desktop

package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/edgeplay/edgeplay/app"
	"github.com/edgeplay/edgeplay/engine"
	"github.com/edgeplay/edgeplay/projects"
)

//go:embed build/appicon.png
var appIcon []byte

// wailsEmitter forwards the App's (already batched) events to the window.
type wailsEmitter struct{ ctx context.Context }

func (w wailsEmitter) Emit(name string, data any) { runtime.EventsEmit(w.ctx, name, data) }

// desktop runs the window: on first run on the built-in sample project,
// later on the last project opened. dir, when given on the command line
// (`edgeplay open DIR`), wins.
func desktop(dir string) int {
	lightDisplay()
	a, err := app.New(app.Options{
		Mode:   "desktop",
		Sample: isSample,
		Engine: engine.Options{Log: os.Stdout},
		PickFolder: func(ctx context.Context) (string, error) {
			return runtime.OpenDirectoryDialog(ctx, runtime.OpenDialogOptions{Title: "Open a Next.js project"})
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "edgeplay:", err)
		return 1
	}
	a.OnProject(func(info app.Info) {
		if ctx := a.Context(); ctx != nil {
			runtime.WindowSetTitle(ctx, "edgeplay — "+info.Project.Name)
		}
	})
	err = wails.Run(&options.App{
		Title:            "edgeplay",
		Width:            1280,
		Height:           820,
		MinWidth:         900,
		MinHeight:        560,
		BackgroundColour: &options.RGBA{R: 24, G: 24, B: 27, A: 255},
		AssetServer:      &assetserver.Options{Assets: uiAssets()},
		OnStartup: func(ctx context.Context) {
			a.Startup(ctx)
			a.SetEmitter(wailsEmitter{ctx})
			if err := openStartProject(ctx, a, dir); err != nil {
				fmt.Fprintln(os.Stderr, "edgeplay:", err)
			}
		},
		OnShutdown: a.Shutdown,
		Linux: &linux.Options{
			Icon:        appIcon,
			ProgramName: "edgeplay",
			// No GPU process: a dev tool's window does not need one, and
			// it keeps WebKit's memory down (Wails' default too).
			WebviewGpuPolicy: linux.WebviewGpuPolicyNever,
		},
		Bind: []interface{}{a},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "edgeplay:", err)
		return 1
	}
	return 0
}

// openStartProject opens dir, else the last project, else the sample.
func openStartProject(ctx context.Context, a *app.App, dir string) error {
	if dir == "" {
		if s, err := a.Settings(); err == nil && s.LastProject != "" {
			if fi, err := os.Stat(s.LastProject); err == nil && fi.IsDir() {
				dir = s.LastProject
			}
		}
	}
	if dir == "" {
		d, err := projects.DefaultDir(projects.Sample)
		if err != nil {
			return err
		}
		if dir, err = projects.Extract(projects.Sample, d); err != nil {
			return err
		}
	}
	return a.Open(ctx, dir)
}
