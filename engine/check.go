package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/edgeplay/edgeplay/engine/bundle"
	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge"
	"github.com/edgeplay/edgeplay/engine/envfile"
	"github.com/edgeplay/edgeplay/engine/routes"
)

// CheckOptions configure Check.
type CheckOptions struct {
	Dir     string
	MaxSize int // gzip bytes; default 1 MB
	// AllowNodeImports keeps Node.js built-in imports from failing the
	// check (they still show as warnings).
	AllowNodeImports bool
	Env              []string // default os.Environ()
}

// Report is what Check found.
type Report struct {
	Dir    string      `json:"dir"`
	Limit  int         `json:"limit"`
	Routes []RouteInfo `json:"routes"`
	Diags  diag.List   `json:"diagnostics"` // project-level
	// Failures explains every reason the check failed, one line each.
	Failures []string `json:"failures"`
	OK       bool     `json:"ok"`
}

// Check builds every route once, loads each edge route in the runtime (so
// a missing default export or a module that throws at load is caught), and
// reports sizes and problems. It fails on build errors, route conflicts,
// bad runtime config, bundles over the limit and, unless allowed, Node.js
// built-in imports: what the platform would reject at deploy.
func Check(opts CheckOptions) (*Report, error) {
	if opts.MaxSize <= 0 {
		opts.MaxSize = bundle.DefaultLimit
	}
	if opts.Env == nil {
		opts.Env = os.Environ()
	}
	root, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	table, err := routes.Scan(os.DirFS(root))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Dir, err)
	}
	env, err := envfile.Load(root, opts.Env)
	if err != nil {
		return nil, err
	}
	rep := &Report{Dir: root, Limit: opts.MaxSize, Diags: append(table.Diags, env.Diags...)}
	for _, d := range table.Diags.Errors() {
		rep.Failures = append(rep.Failures, d.String())
	}
	rep.Routes = make([]RouteInfo, len(table.Routes))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, r := range table.Routes {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, r *routes.Route) {
			defer wg.Done()
			defer func() { <-sem }()
			rep.Routes[i] = checkRoute(root, r, opts, env.Vars)
		}(i, r)
	}
	wg.Wait()
	for _, ri := range rep.Routes {
		for _, d := range ri.Diags {
			switch {
			case d.Kind == diag.Error:
				rep.Failures = append(rep.Failures, d.String())
			case d.ID == diag.IDDynamicCode:
				rep.Failures = append(rep.Failures, d.String()+" (next build rejects dynamic code in edge routes)")
			case d.ID == diag.IDNodeModule && !opts.AllowNodeImports:
				rep.Failures = append(rep.Failures, d.String()+" (edgeplay check fails on Node.js imports; --allow-node-imports relaxes it)")
			}
		}
	}
	rep.OK = len(rep.Failures) == 0
	return rep, nil
}

func checkRoute(root string, r *routes.Route, opts CheckOptions, env map[string]string) RouteInfo {
	ri := RouteInfo{Pattern: r.Pattern, File: r.File, Runtime: string(bundle.RuntimeEdge), BuiltAt: time.Now()}
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(r.File)))
	if err != nil {
		ri.State = StateFailed
		ri.Diags.Add(readError(r.File, err))
		return ri
	}
	if d, bad := notSource(r.File, src); bad { // as serve says it, not esbuild's dump of the bytes
		ri.State = StateFailed
		ri.Diags.Add(d)
		return ri
	}
	runtime, cfg := bundle.DetectRuntime(r.File, r.Pattern, src)
	ri.Runtime = string(runtime)
	ri.Diags = cfg
	if cfg.HasErrors() {
		ri.State = StateFailed
		return ri
	}
	if runtime == bundle.RuntimeNodeJS {
		if errs := bundle.CheckSyntax(r.File, src); errs.HasErrors() {
			ri.State = StateFailed
			ri.Diags = append(ri.Diags, errs...)
			return ri
		}
		ri.State = StateNode
		return ri
	}
	b, err := bundle.New(bundle.Options{Root: root, File: r.File, Page: r.Pattern, Limit: opts.MaxSize})
	if err != nil {
		ri.State = StateFailed
		ri.Diags.Add(diag.Errorf(diag.IDBuild, "%v", err).At(r.File, 0, 0))
		return ri
	}
	defer b.Close()
	res := b.Build()
	ri.Build = res
	ri.Diags = append(ri.Diags, res.Diags...)
	ri.Oversize = res.Gzip > res.Limit
	if res.Failed() {
		ri.State = StateFailed
		return ri
	}
	script, err := edge.Compile(r.File, r.Pattern, res.ID, res.Code)
	if err != nil {
		ri.State = StateFailed
		ri.Diags.Add(toDiag(err, r.File))
		return ri
	}
	ri.Diags = append(ri.Diags, script.DynamicCode...)
	gen := edge.NewGeneration(script, edge.Options{Env: env, Timeout: 10 * time.Second})
	defer gen.Close()
	gen.Warm()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := gen.Ready(ctx); err != nil {
		ri.State = StateFailed
		m := diag.Errorf(diag.IDBuild, "the route fails to load: %v", err)
		if ee, ok := err.(*edge.Error); ok {
			m.Location = ee.Location()
			if m.Location == nil {
				m.Location = &diag.Location{File: r.File}
			}
		}
		ri.Diags.Add(m)
		return ri
	}
	ri.State = StateOK
	return ri
}
