package routes

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/edgeplay/edgeplay/engine/diag"
)

// SegmentKind is how one path segment of a route matches a URL segment.
type SegmentKind int

const (
	Static           SegmentKind = iota // "users": the same text, byte for byte
	Dynamic                             // "[id]": one non-empty segment
	CatchAll                            // "[...slug]": one or more segments
	OptionalCatchAll                    // "[[...slug]]": zero or more segments
)

func (k SegmentKind) String() string {
	switch k {
	case Static:
		return "static"
	case Dynamic:
		return "dynamic"
	case CatchAll:
		return "catch-all"
	case OptionalCatchAll:
		return "optional catch-all"
	}
	return fmt.Sprintf("SegmentKind(%d)", int(k))
}

// Segment is one part of a route's path.
type Segment struct {
	Kind  SegmentKind
	Value string // the static text, or the param name for the other kinds

	// Prefix and Suffix are the text around the brackets of a segment such
	// as "user-[id]" or "[id].json". Next's dev router matches that text
	// literally and gives the param only the part in between; they are
	// empty for the usual "[id]".
	Prefix, Suffix string
}

// Route is one API route file.
type Route struct {
	Pattern  string    // as Next writes it: "/api/users/[id]", "/api" for pages/api/index.ts
	File     string    // project-relative, forward slashes: "pages/api/users/[id].ts"
	Segments []Segment // the segments after the leading "/": api, users, [id]
}

// Table is a project's API routes. Build it with Scan or Build; it is
// read-only afterwards and safe for concurrent use.
type Table struct {
	Dir    string    // "pages/api" or "src/pages/api" (forward slashes)
	Routes []*Route  // in Next's precedence order (getSortedRoutes)
	Diags  diag.List // conflicts and duplicates, in Next's words

	// Matching state, compiled once from Routes. A Table written as a
	// literal (the zero Table, or one whose Routes were set by hand) is
	// compiled on its first Match instead of in Build.
	once sync.Once
	m    *matchers
}

// Extensions are the route file extensions, most preferred first. The first
// four are Next's default pageExtensions, in their order; .mjs is routed too
// (Next only routes it when next.config's pageExtensions lists it).
var Extensions = []string{".tsx", ".ts", ".jsx", ".js", ".mjs"}

// FindDir returns the folder that holds the API routes, relative to the
// root of fsys: "pages/api", or "src/pages/api". Like Next, it looks at
// pages/ first and only uses src/pages/ when there is no pages/ at the root;
// so a pages/ folder without api/ hides src/pages/api, and the error says so.
// The error is a diag.Message without a location (its text names the
// folders).
func FindDir(fsys fs.FS) (string, error) {
	for _, pages := range []string{"pages", "src/pages"} {
		if !isDir(fsys, pages) {
			continue
		}
		if isDir(fsys, pages+"/api") {
			return pages + "/api", nil
		}
		text := fmt.Sprintf("%s/ has no api/ folder, so this project has no API routes. Create %s/api/hello.ts to start.", pages, pages)
		if pages == "pages" && isDir(fsys, "src/pages/api") {
			text = "pages/ has no api/ folder. Next.js uses pages/ at the root over src/pages/, so src/pages/api is not served: move it to pages/api, or remove pages/."
		}
		return "", diag.Message{Kind: diag.Error, Text: text}
	}
	return "", diag.Message{Kind: diag.Error, Text: "This is not a Next.js project with API routes: it has neither pages/api nor src/pages/api. Create pages/api/hello.ts to start."}
}

func isDir(fsys fs.FS, name string) bool {
	fi, err := fs.Stat(fsys, name)
	return err == nil && fi.IsDir()
}

// IsRouteFile reports whether a file in the api folder is a route, by its
// name (a base name or a path, either slash style): it ends in one of
// Extensions, it is not a TypeScript declaration file (.d.ts), and its name
// without the extension is not empty. Names starting with "_" or "." are
// routes too: Next only treats _app, _document and _error specially at the
// root of pages/, and it serves pages/api/.hidden.js as /api/.hidden.
func IsRouteFile(name string) bool {
	_, ok := stem(path.Base(toSlash(name)))
	return ok
}

// stem returns a route file's base name without its extension and the
// extension's rank in Extensions.
func stem(base string) (int, bool) {
	if strings.HasSuffix(base, ".d.ts") {
		return 0, false
	}
	for i, ext := range Extensions {
		if strings.HasSuffix(base, ext) && len(base) > len(ext) {
			return i, true
		}
	}
	return 0, false
}

// Scan finds the api folder of a project (fsys is rooted at the project)
// and builds its table from every route file below it. Only a failure to
// read the api folder itself is an error; an unreadable sub-folder is
// skipped, as the dev server's watcher skips it.
//
// Symbolic links to folders are not followed (neither does the watcher, so
// edits inside them would go unseen), and each one gets a warning: a link
// that points back at a folder holding it is named a loop, others are
// named unfollowed. next dev 16.4.6 (Turbopack) does not serve routes
// through a folder link either: one made while it runs answers 404, and
// with one present at start it answered no request at all (measured).
// Links to files are routes like the files themselves.
func Scan(fsys fs.FS) (*Table, error) {
	dir, err := FindDir(fsys)
	if err != nil {
		return nil, err
	}
	var files []string
	var links diag.List
	err = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && p == dir:
			return err
		case err != nil:
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			if m, ok := folderLink(fsys, dir, p); ok {
				links.Add(m)
			} else if IsRouteFile(d.Name()) {
				files = append(files, p)
			}
		case !d.IsDir() && IsRouteFile(d.Name()):
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	t := Build(dir, files)
	if len(links) > 0 {
		t.Diags = append(t.Diags, links...)
		t.Diags.Sort()
	}
	return t, nil
}

// folderLink returns the warning for a symbolic link p that leads to a
// folder; ok is false for a link to anything else, or one that leads
// nowhere (the build of a route file reports that). A loop is found by
// comparing the target with each folder above the link, which works where
// fs.Stat's results are the OS's (os.DirFS); elsewhere every folder link is
// reported as unfollowed, which is still true.
func folderLink(fsys fs.FS, apiDir, p string) (m diag.Message, ok bool) {
	target, err := fs.Stat(fsys, p)
	if err != nil || !target.IsDir() {
		return m, false
	}
	m = diag.Message{Kind: diag.Warning, ID: diag.IDFolderLink, Location: &diag.Location{File: p}}
	for up := path.Dir(p); ; up = path.Dir(up) {
		if fi, err := fs.Stat(fsys, up); err == nil && os.SameFile(fi, target) {
			m.Text = fmt.Sprintf("%s is a symbolic link to %s, a folder that holds it: following it would loop forever. edgeplay does not follow it. Remove the link, or point it at a folder outside %s.", p, up, apiDir)
			return m, true
		}
		if up == "." || up == "/" {
			break
		}
	}
	m.Text = fmt.Sprintf("%s is a symbolic link to a folder, and edgeplay does not follow folder links: no route in it is served (next dev does not serve routes through folder links either). Replace the link with the folder itself, or keep the shared code outside pages/api and import it from route files.", p)
	return m, true
}

// Build makes the table of the route files among files, which are paths
// relative to the project in either slash style; files outside dir, and
// files that are not routes (see IsRouteFile), are left out.
//
// Two files with the same URL are a duplicate, a warning in Next's words
// (one per file not served). The one served is an index file in a
// sub-folder over a sibling file (users/index.ts over users.ts: next dev 16
// with Turbopack reads sub-folders last and the last one wins), then the
// first in Extensions order (a.ts over a.js). Between extensions Turbopack
// keeps the file it reads last, in the order the file system lists the
// folder, so next dev has no fixed answer there; the pageExtensions order is
// the one Next's webpack mode and its sortByPageExts intend.
//
// A conflict is an error. With one in the tree, next dev 16 answered every
// request with 500 until it was fixed (measured). Build reports it and
// leaves out only the route that causes it, so that the rest of the project
// keeps working while the user fixes it: the files are inserted in path
// order as into Next's UrlNode tree, a file whose insertion fails is
// dropped, and of a route and an optional catch-all with the same
// specificity, the optional catch-all is dropped. A server that wants the
// all-500 behaviour can check Diags.HasErrors().
func Build(dir string, files []string) *Table {
	dir = cleanPath(dir)
	t := &Table{Dir: dir}
	pagesDir := path.Dir(dir)

	type candidate struct {
		file  string
		index bool // pages/api/x/index.ts rather than pages/api/x.ts
		ext   int
	}
	byPage := map[string][]candidate{}
	seen := map[string]bool{}
	for _, f := range files {
		f = cleanPath(f)
		if seen[f] || !strings.HasPrefix(f, dir+"/") {
			continue
		}
		seen[f] = true
		base := path.Base(f)
		ext, ok := stem(base)
		if !ok {
			continue
		}
		page, index := pageOf(pagesDir, f, Extensions[ext])
		byPage[page] = append(byPage[page], candidate{file: f, index: index, ext: ext})
	}

	var entries []*entry
	for page, cands := range byPage {
		sort.Slice(cands, func(i, j int) bool {
			a, b := cands[i], cands[j]
			if a.index != b.index {
				return a.index
			}
			if a.ext != b.ext {
				return a.ext < b.ext
			}
			return a.file < b.file
		})
		win := cands[0].file
		for _, c := range cands[1:] {
			t.Diags.Add(diag.Message{
				Kind:     diag.Warning,
				ID:       diag.IDDuplicatePage,
				Text:     fmt.Sprintf("Duplicate page detected. %s and %s both resolve to %s.", nextName(pagesDir, win), nextName(pagesDir, c.file), page),
				Location: &diag.Location{File: c.file},
				Notes:    []diag.Note{{Text: "The route is served from this file:", Location: &diag.Location{File: win}}},
			})
		}
		entries = append(entries, &entry{file: win, page: page})
	}
	// Next inserts pages in the order its watcher lists them, a directory
	// walk; sorting by file path gives the same order for a tree read in
	// sorted order, and makes the reported side of a conflict stable.
	sort.Slice(entries, func(i, j int) bool { return entries[i].file < entries[j].file })

	tr := newTree()
	for _, e := range entries {
		e.segs = parsePage(e.page)
		if c := tr.insert(e); c != nil {
			t.Diags.Add(c.message(e.file))
		}
		t.Diags = append(t.Diags, unreachableDiags(e)...)
	}
	for _, e := range tr.sorted(&t.Diags) {
		t.Routes = append(t.Routes, e.route())
	}
	t.Diags.Sort()
	t.once.Do(t.compile)
	return t
}

// pageOf turns pages/api/users/index.ts into /api/users, as Next's
// absolutePathToPage does; index reports the index case.
func pageOf(pagesDir, file, ext string) (page string, index bool) {
	page = strings.TrimSuffix(strings.TrimPrefix(file, pagesDir), ext)
	if strings.HasSuffix(page, "/index") {
		return strings.TrimSuffix(page, "/index"), true
	}
	return page, false
}

// nextName is how Next names a page file in its duplicate warning: relative
// to the pages folder, under "pages/" (so also for src/pages).
func nextName(pagesDir, file string) string {
	return "pages" + strings.TrimPrefix(file, pagesDir)
}

// Lookup returns the route served from file (a project-relative path in
// either slash style), or nil when the file is not a route of the table:
// not a route file, the losing side of a duplicate, or dropped by a
// conflict.
func (t *Table) Lookup(file string) *Route {
	return t.compiled().byFile[cleanPath(file)]
}

func toSlash(p string) string { return strings.ReplaceAll(p, "\\", "/") }

// cleanPath normalises a project-relative path: forward slashes, no "./"
// or duplicate slashes, no trailing slash.
func cleanPath(p string) string {
	p = path.Clean(toSlash(p))
	if p == "." {
		return ""
	}
	return strings.TrimPrefix(p, "/")
}
