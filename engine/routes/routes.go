package routes

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// SegmentKind is the kind of one path segment of a route.
type SegmentKind int

const (
	Static SegmentKind = iota
	Dynamic
	CatchAll
	OptionalCatchAll
)

// Segment is one part of a route's path.
type Segment struct {
	Kind  SegmentKind
	Value string // static text, or the param name
}

// Route is one API route file.
type Route struct {
	Pattern  string    // as Next writes it: "/api/users/[id]"
	File     string    // project-relative, forward slashes: "pages/api/users/[id].ts"
	Segments []Segment // after the leading slash: api, users, [id]
}

// Table is a project's routes.
type Table struct {
	Dir    string    // "pages/api" or "src/pages/api"
	Routes []*Route  // in Next's precedence order: the order Match tries them
	Diags  diag.List // conflicts and duplicates, in Next's words
}

// Extensions are the route file extensions (Next's default pageExtensions
// plus .mjs).
var Extensions = []string{".tsx", ".ts", ".jsx", ".js", ".mjs"}

// FindDir returns the folder of the API routes: Next uses pages/ at the
// root when it exists, else src/pages/.
func FindDir(fsys fs.FS) (string, error) {
	for _, d := range []string{"pages", "src/pages"} {
		if fi, err := fs.Stat(fsys, d); err == nil && fi.IsDir() {
			if fi, err := fs.Stat(fsys, d+"/api"); err == nil && fi.IsDir() {
				return d + "/api", nil
			}
			return "", fmt.Errorf("%s/ has no api/ folder: edgeplay serves the API routes in pages/api (create pages/api/hello.ts to start)", d)
		}
	}
	return "", errors.New("not a Next.js project with API routes: it has neither pages/api nor src/pages/api (create pages/api/hello.ts to start)")
}

// IsRouteFile reports whether a file name in the api folder is a route:
// one of Extensions, and not a declaration file (.d.ts).
func IsRouteFile(name string) bool {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	if strings.HasSuffix(base, ".d.ts") || strings.HasPrefix(base, ".") {
		return false
	}
	for _, ext := range Extensions {
		if strings.HasSuffix(base, ext) && len(base) > len(ext) {
			return true
		}
	}
	return false
}

// Scan walks the api folder of fsys (rooted at the project).
func Scan(fsys fs.FS) (*Table, error) {
	dir, err := FindDir(fsys)
	if err != nil {
		return nil, err
	}
	var files []string
	err = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // an unreadable folder: skipped, like next dev
		}
		if d.IsDir() {
			if p != dir && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
				return fs.SkipDir
			}
			return nil
		}
		if IsRouteFile(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return Build(dir, files), nil
}

// Build makes a table from route file paths relative to the project
// (either slash style).
func Build(dir string, files []string) *Table {
	dir = strings.Trim(strings.ReplaceAll(dir, "\\", "/"), "/")
	t := &Table{Dir: dir}
	norm := make([]string, 0, len(files))
	for _, f := range files {
		f = strings.ReplaceAll(f, "\\", "/")
		if IsRouteFile(f) && strings.HasPrefix(f, dir+"/") {
			norm = append(norm, f)
		}
	}
	sort.Strings(norm)
	// One page per URL: the first file in Next's order wins; the others are
	// duplicates.
	byPage := map[string]string{}
	var pages []string
	for _, f := range norm {
		page := pageOf(dir, f)
		if prev, ok := byPage[page]; ok {
			t.Diags.Add(diag.Message{Kind: diag.Warning, ID: diag.IDDuplicatePage, Location: &diag.Location{File: f},
				Text:  fmt.Sprintf("Duplicate page detected. %s and %s resolve to %s.", prev, f, page),
				Notes: []diag.Note{{Text: "The route is also defined here:", Location: &diag.Location{File: prev}}}})
			continue
		}
		byPage[page] = f
		pages = append(pages, page)
	}
	root := newNode()
	byPattern := map[string]*Route{}
	for _, page := range pages {
		file := byPage[page]
		segs, err := parse(page)
		if err == nil {
			err = root.insert(page, segs, 0, nil, file)
		}
		if err != nil {
			m := diag.Message{Kind: diag.Error, ID: diag.IDRouteConflict, Location: &diag.Location{File: file}, Text: err.Error()}
			var ce *conflict
			if errors.As(err, &ce) && ce.other != "" {
				m.Text = ce.msg
				m.Notes = []diag.Note{{Text: "The conflicting route is defined here:", Location: &diag.Location{File: ce.other}}}
			}
			t.Diags.Add(m)
			continue
		}
		byPattern[page] = &Route{Pattern: page, File: file, Segments: segs}
	}
	for _, p := range root.smoosh("/") {
		if r := byPattern[p]; r != nil {
			t.Routes = append(t.Routes, r)
		}
	}
	return t
}

// pageOf turns pages/api/users/index.ts into /api/users.
func pageOf(dir, file string) string {
	rel := strings.TrimPrefix(file, strings.TrimSuffix(dir, "/api")+"/")
	for _, ext := range Extensions {
		if strings.HasSuffix(rel, ext) {
			rel = strings.TrimSuffix(rel, ext)
			break
		}
	}
	rel = "/" + rel
	if rel == "/api/index" {
		return "/api"
	}
	return strings.TrimSuffix(rel, "/index")
}

// Lookup returns the route for a file, or nil.
func (t *Table) Lookup(file string) *Route {
	file = strings.ReplaceAll(file, "\\", "/")
	for _, r := range t.Routes {
		if r.File == file {
			return r
		}
	}
	return nil
}
