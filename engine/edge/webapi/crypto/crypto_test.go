package crypto_test

import (
	"os"
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestCrypto(t *testing.T) { webapitest.RunFile(t, "testdata/crypto_test.js") }

// runSubtle runs a subtle test file with testdata/helpers.js before it.
func runSubtle(t *testing.T, name string) {
	t.Helper()
	helpers, err := os.ReadFile("testdata/helpers.js")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	webapitest.RunSource(t, name, string(helpers)+"\n"+string(src))
}

func TestDigestHMAC(t *testing.T) { runSubtle(t, "digest_hmac_test.js") }
func TestAES(t *testing.T)        { runSubtle(t, "aes_test.js") }
func TestRSA(t *testing.T)        { runSubtle(t, "rsa_test.js") }
func TestEC(t *testing.T)         { runSubtle(t, "ec_test.js") }
func TestOKP(t *testing.T)        { runSubtle(t, "okp_test.js") }
func TestKDF(t *testing.T)        { runSubtle(t, "kdf_test.js") }
func TestWrap(t *testing.T)       { runSubtle(t, "wrap_test.js") }
func TestErrors(t *testing.T)     { runSubtle(t, "errors_test.js") }
