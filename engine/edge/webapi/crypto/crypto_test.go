package crypto_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestCrypto(t *testing.T) { webapitest.RunFile(t, "testdata/crypto_test.js") }
