package timers_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestTimers(t *testing.T) { webapitest.RunFile(t, "testdata/timers_test.js") }
