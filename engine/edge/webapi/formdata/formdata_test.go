package formdata_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestFormData(t *testing.T) { webapitest.RunFile(t, "testdata/formdata_test.js") }
