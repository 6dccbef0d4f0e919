// Package diag is the one message type for everything a user can act on:
// build errors, Node.js imports, route conflicts, size warnings and runtime
// errors. It is shaped like esbuild's logger.Msg so that esbuild messages,
// goja exception positions and edgeplay's own checks all print the same way:
//
//	pages/api/fs.ts:1:15: warning: A Node.js module is loaded ('fs' at line 1) which is not supported in the Edge Runtime.
//	    1 | import fs from 'fs'
//	      |                ^
//	  note: imported by pages/api/fs.ts
//
// Warnings carry a stable ID so that they can be silenced; errors do not,
// because an error cannot be turned into a non-error.
package diag
