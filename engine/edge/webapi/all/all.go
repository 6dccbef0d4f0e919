// Package all links every Web API into the binary. Import it for its side
// effects; adding an API is adding its folder and one line here.
package all

import (
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/webidl"
)
