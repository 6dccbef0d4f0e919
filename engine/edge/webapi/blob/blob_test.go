package blob_test

import (
	"os"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestBlob(t *testing.T) {
	src, err := os.ReadFile("testdata/blob_test.js")
	if err != nil {
		t.Fatal(err)
	}
	webapitest.RunSourceWith(t, "blob_test.js", string(src), func(iso *webapitest.Isolate, rt *goja.Runtime) {
		_ = rt.Set("internals", iso.Internals)
	})
}
