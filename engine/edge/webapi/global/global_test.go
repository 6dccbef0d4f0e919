package global_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestGlobals(t *testing.T) { webapitest.RunFile(t, "testdata/global_test.js") }

func TestEnv(t *testing.T) {
	iso := webapitest.New(t, map[string]string{"GREETING": "hi", "NODE_ENV": "test"})
	v, err := iso.Eval(`JSON.stringify([process.env.GREETING, process.env.NODE_ENV, process.env.NEXT_RUNTIME, Object.keys(process.env).length])`, 0)
	if err != nil {
		t.Fatal(err)
	}
	if v != `["hi","test","edge",3]` {
		t.Fatalf("got %v", v)
	}
}
