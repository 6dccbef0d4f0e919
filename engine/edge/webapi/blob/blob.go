// Package blob installs the File API's Blob and File.
//
// A Blob keeps its bytes flattened in one Uint8Array made when it is
// constructed (parts are copied once); slice() shares that memory, as
// nothing ever writes to it: every read (arrayBuffer, bytes, stream) hands
// out a copy. Bodies of Request/Response/fetch built from a Blob use the
// bytes directly.
//
// For other APIs (structuredClone, FormData, fetch) the JS leaves on
// internals:
//
//	internals.isBlob(v)                 -> boolean (Blob or File)
//	internals.isFile(v)                 -> boolean
//	internals.blobParts(blob)           -> Uint8Array of the blob's bytes (shared: do not write to it)
//	internals.makeBlob(bytes, type)     -> Blob that takes ownership of bytes (a Uint8Array)
//	internals.makeFile(bytes, name, type, lastModified) -> File, likewise
//
// [File API]: https://w3c.github.io/FileAPI/
package blob

import (
	_ "embed"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed blob.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:  "blob",
		Order: 45, // after streams (Blob.stream) and encoding; before fetch
		Spec:  "https://w3c.github.io/FileAPI/",
		JS:    source,
	})
}
