package streams_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestStreams(t *testing.T) { webapitest.RunFile(t, "testdata/streams_test.js") }
