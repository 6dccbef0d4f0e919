package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/edgeplay/edgeplay/engine/bundle"
	"github.com/edgeplay/edgeplay/engine/diag"
	"github.com/edgeplay/edgeplay/engine/edge"
	"github.com/edgeplay/edgeplay/engine/envfile"
	"github.com/edgeplay/edgeplay/engine/graph"
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
	// One build graph for every route: a module shared by 300 routes is
	// built once, and one analysis gives every route's size.
	g := graph.New(graph.Options{Root: root})
	defer g.Close()
	units := make([]*graph.Unit, len(table.Routes))
	parallel(len(table.Routes), func(i int) {
		rep.Routes[i], units[i] = checkRoute(g, root, table.Routes[i])
	})
	var an []graph.Route
	for i, r := range table.Routes {
		if units[i] != nil {
			an = append(an, graph.Route{File: r.File, Page: r.Pattern, Limit: opts.MaxSize})
		}
	}
	results := g.Analyze(an)
	parallel(len(table.Routes), func(i int) {
		if units[i] != nil {
			loadRoute(&rep.Routes[i], units[i], results[rep.Routes[i].File], env.Vars)
		}
	})
	// Each problem once, with the routes it affects: a broken lib that 300
	// routes import is one problem, not 300.
	type failure struct {
		text   string
		routes []string
	}
	var order []string
	byText := map[string]*failure{}
	note := func(text, route string) {
		f := byText[text]
		if f == nil {
			f = &failure{text: text}
			byText[text] = f
			order = append(order, text)
		}
		f.routes = append(f.routes, route)
	}
	for _, ri := range rep.Routes {
		for _, d := range ri.Diags {
			switch {
			case d.Kind == diag.Error:
				note(d.String(), ri.Pattern)
			case d.ID == diag.IDDynamicCode:
				note(d.String()+" (next build rejects dynamic code in edge routes)", ri.Pattern)
			case d.ID == diag.IDNodeModule && !opts.AllowNodeImports:
				note(d.String()+" (edgeplay check fails on Node.js imports; --allow-node-imports relaxes it)", ri.Pattern)
			}
		}
	}
	for _, text := range order {
		f := byText[text]
		line := f.text
		if len(f.routes) > 1 {
			first := firstLineOf(text)
			line = first + fmt.Sprintf(" [%d routes: %s]", len(f.routes), listRoutes(f.routes, 3)) + text[len(first):]
		}
		rep.Failures = append(rep.Failures, line)
	}
	rep.OK = len(rep.Failures) == 0
	return rep, nil
}

func firstLineOf(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// ListRoutes names the first n routes of l and counts the rest.
func ListRoutes(l []string, n int) string { return listRoutes(l, n) }

func listRoutes(l []string, n int) string {
	if len(l) <= n {
		return strings.Join(l, ", ")
	}
	return strings.Join(l[:n], ", ") + fmt.Sprintf(" and %d more", len(l)-n)
}

// parallel runs fn(0..n-1) on as many goroutines as there are CPUs.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			fn(i)
		}(i)
	}
	wg.Wait()
}

// checkRoute reads a route's config and, for an edge route, builds its
// modules; the unit is nil when there is nothing more to check.
func checkRoute(g *graph.Graph, root string, r *routes.Route) (RouteInfo, *graph.Unit) {
	ri := RouteInfo{Pattern: r.Pattern, File: r.File, Runtime: string(bundle.RuntimeEdge), BuiltAt: time.Now()}
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(r.File)))
	if err != nil {
		ri.State = StateFailed
		ri.Diags.Add(readError(r.File, err))
		return ri, nil
	}
	if d, bad := notSource(r.File, src); bad { // as serve says it, not esbuild's dump of the bytes
		ri.State = StateFailed
		ri.Diags.Add(d)
		return ri, nil
	}
	runtime, cfg := bundle.DetectRuntime(r.File, r.Pattern, src)
	ri.Runtime = string(runtime)
	ri.Diags = cfg
	if cfg.HasErrors() {
		ri.State = StateFailed
		return ri, nil
	}
	if runtime == bundle.RuntimeNodeJS {
		if errs := bundle.CheckSyntax(r.File, src); errs.HasErrors() {
			ri.State = StateFailed
			ri.Diags = append(ri.Diags, errs...)
			return ri, nil
		}
		ri.State = StateNode
		return ri, nil
	}
	u, err := g.Load(r.File)
	if err != nil {
		ri.State = StateFailed
		ri.Diags.Add(diag.Errorf(diag.IDBuild, "%v", err).At(r.File, 0, 0))
		return ri, nil
	}
	return ri, u
}

// loadRoute takes the route's analysis and loads it in the runtime, so
// that a missing default export or a module that throws at load is caught.
func loadRoute(ri *RouteInfo, u *graph.Unit, res *bundle.Result, env map[string]string) {
	ri.Diags = append(ri.Diags, u.Diags...)
	if res != nil {
		ri.Build = res
		ri.Diags = diag.Union(ri.Diags, res.Diags)
		ri.Oversize = res.Gzip > res.Limit
	}
	if u.Failed() || (res != nil && res.Failed()) {
		ri.State = StateFailed
		return
	}
	script, err := edge.NewModuleScript(ri.File, ri.Pattern, 1, u.Entry, u.Modules)
	if err != nil {
		ri.State = StateFailed
		ri.Diags.Add(toDiag(err, ri.File))
		return
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
				m.Location = &diag.Location{File: ri.File}
			}
		}
		ri.Diags.Add(m)
		return
	}
	ri.State = StateOK
}
