package next_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestNextServer(t *testing.T) { webapitest.RunFile(t, "testdata/next_test.js") }
