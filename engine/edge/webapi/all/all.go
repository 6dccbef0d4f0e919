// Package all links every Web API into the binary. Import it for its side
// effects; adding an API is adding its folder and one line here.
package all

import (
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/clone"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/compression"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/console"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/crypto"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/encoding"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/events"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/fetch"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/global"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/intl"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/lang"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/next"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/performance"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/runtime"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/streams"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/timers"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/url"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/urlpattern"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/webidl"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/websocket"
)
