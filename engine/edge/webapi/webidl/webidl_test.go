package webidl_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestDOMException(t *testing.T) { webapitest.RunFile(t, "testdata/domexception_test.js") }
