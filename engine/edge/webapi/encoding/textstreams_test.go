package encoding_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestTextStreams(t *testing.T) { webapitest.RunFile(t, "testdata/textstreams_test.js") }
