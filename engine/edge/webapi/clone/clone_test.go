package clone_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestStructuredClone(t *testing.T) { webapitest.RunFile(t, "testdata/clone_test.js") }
