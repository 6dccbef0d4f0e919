package performance_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestPerformance(t *testing.T) { webapitest.RunFile(t, "testdata/performance_test.js") }
