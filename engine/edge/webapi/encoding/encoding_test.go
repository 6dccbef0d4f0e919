package encoding_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestEncoding(t *testing.T) { webapitest.RunFile(t, "testdata/encoding_test.js") }
