// Package webapi is the registry of the Web APIs that edgeplay installs into
// every isolate. Each API lives in its own folder under webapi/ (url,
// encoding, fetch, streams, …) and registers itself from init:
//
//	//go:embed url.js
//	var source string
//
//	func init() {
//		webapi.Register(webapi.API{
//			Name:   "url",
//			Order:  20,
//			Spec:   "https://url.spec.whatwg.org/",
//			JS:     source,
//			Native: natives, // Go functions the JS sees as native.parse, …
//		})
//	}
//
// The JS of an API is the body of a strict-mode function
// `function (native, internals, global) {…}`: `native` holds the API's Go
// functions, `internals` is an object shared by all APIs for what they must
// see of each other (never visible to routes), and `global` is globalThis.
// An API defines its globals with internals.defineGlobal, which makes them
// non-enumerable like WebIDL interfaces.
//
// Every API's JS is compiled once per process (Programs); Install runs the
// compiled programs in a new runtime, so per-isolate set-up does no parsing.
// Adding an API is adding a folder and one import line in webapi/all.
package webapi
