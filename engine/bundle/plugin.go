package bundle

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

const (
	pluginName    = "edgeplay"
	shimNamespace = "edgeplay"
	nodeNamespace = "edgeplay-node"
)

// nextPolyfilled are the built-ins Next.js polyfills for edge code; the
// platform accepts them, edgeplay does not provide them yet.
var nextPolyfilled = map[string]bool{"buffer": true, "events": true, "assert": true, "util": true, "async_hooks": true}

// shimSource is `next/server`: the runtime publishes the classes under a
// registered symbol (webapi/next), so the bundle only re-exports them.
const shimSource = `const s = globalThis[Symbol.for('edgeplay.next/server')];
export const NextRequest = s.NextRequest;
export const NextResponse = s.NextResponse;
export const NextURL = s.NextURL;
export const NextFetchEvent = s.NextFetchEvent;
export const RequestCookies = s.RequestCookies;
export const ResponseCookies = s.ResponseCookies;
export const userAgent = s.userAgent;
export const userAgentFromString = s.userAgentFromString;
export const URLPattern = s.URLPattern;
export const ImageResponse = s.ImageResponse;
export const after = s.after;
export const connection = s.connection;
`

// nodeDetail marks the warning of a Node.js built-in import.
type nodeDetail struct {
	Module    string // without node:
	Specifier string // as written
}

var builtinFilter = func() string {
	names := make([]string, 0, len(nodeBuiltins))
	for n := range nodeBuiltins {
		names = append(names, regexp.QuoteMeta(n))
	}
	sort.Strings(names)
	return `^(?:node:.+|(?:` + strings.Join(names, "|") + `)(?:/.*)?)$`
}()

// isBuiltin reports whether an import path names a Node.js built-in.
func isBuiltin(p string) (string, bool) {
	if strings.HasPrefix(p, "node:") {
		return strings.TrimPrefix(p, "node:"), true
	}
	if _, ok := nodeBuiltins[p]; ok {
		return p, true
	}
	return "", false
}

func edgePlugin() api.Plugin {
	return api.Plugin{Name: pluginName, Setup: func(pb api.PluginBuild) {
		pb.OnResolve(api.OnResolveOptions{Filter: `^next/server(?:\.js)?$`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			return api.OnResolveResult{Path: "next/server", Namespace: shimNamespace}, nil
		})
		pb.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: shimNamespace}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
			src := shimSource
			return api.OnLoadResult{Contents: &src, Loader: api.LoaderJS}, nil
		})
		pb.OnResolve(api.OnResolveOptions{Filter: builtinFilter}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			name, ok := isBuiltin(a.Path)
			if !ok {
				return api.OnResolveResult{}, nil
			}
			return api.OnResolveResult{
				Path:      name,
				Namespace: nodeNamespace,
				Warnings:  []api.Message{{Text: "Node.js module " + name, Detail: nodeDetail{Module: name, Specifier: a.Path}}},
			}, nil
		})
		pb.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: nodeNamespace}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
			src := nodeStub(a.Path)
			return api.OnLoadResult{Contents: &src, Loader: api.LoaderJS}, nil
		})
	}}
}

// RuntimeMessage is what touching a stubbed built-in throws, as in next dev.
func RuntimeMessage(module string) string {
	if nextPolyfilled[module] {
		return fmt.Sprintf("edgeplay does not provide Node.js '%s' module to edge routes yet (Next.js polyfills it on the edge).", module)
	}
	return fmt.Sprintf("The edge runtime does not support Node.js '%s' module.\nLearn More: https://nextjs.org/docs/messages/node-module-in-edge-runtime", module)
}

// nodeStub is the module a Node.js built-in becomes: every export is a
// proxy that throws Next's error when touched, so that merely importing it
// (a library's optional Node path) works.
func nodeStub(module string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "const message = %q;\n", RuntimeMessage(module))
	b.WriteString(`function fail() { throw new Error(message); }
const unsupported = new Proxy(function () {}, {
  get(target, prop) {
    if (prop === 'then' || prop === '__esModule' || typeof prop === 'symbol') return undefined;
    fail();
  },
  set: fail, apply: fail, construct: fail, defineProperty: fail,
});
export default unsupported;
`)
	names := nodeBuiltins[module]
	if len(names) > 0 {
		b.WriteString("export {")
		for i, n := range names {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(" unsupported as ")
			b.WriteString(n)
		}
		b.WriteString(" };\n")
	}
	return b.String()
}

// importTrace returns the chain of imports from the route to file.
func importTrace(imports map[string][]string, route, file string) []string {
	prev := map[string]string{route: ""}
	queue := []string{route}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == file {
			var chain []string
			for c := cur; c != ""; c = prev[c] {
				chain = append(chain, c)
			}
			return chain // file first, route last, as Next prints it
		}
		for _, n := range imports[cur] {
			if _, seen := prev[n]; !seen {
				prev[n] = cur
				queue = append(queue, n)
			}
		}
	}
	return []string{file}
}
