package encoding_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestEncoding(t *testing.T) { webapitest.RunFile(t, "testdata/encoding_test.js") }

// TestInternals checks what fetch bodies use: internals.utf8Encode and
// internals.utf8Decode.
func TestInternals(t *testing.T) {
	webapitest.RunSourceWith(t, "internals_test.js", `
	test('utf8Encode and utf8Decode', () => {
	  assertEquals(internals.utf8Encode('h\u00e9\ud800'), new Uint8Array([0x68, 0xc3, 0xa9, 0xef, 0xbf, 0xbd]));
	  assertEquals(internals.utf8Decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xe2, 0x82, 0x61])), 'h\ufffda');
	  assertEquals(internals.utf8Decode(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf])), '\ufeff');
	  assertEquals(internals.utf8Decode(new Uint8Array([0x61, 0x62]).buffer), 'ab');
	  assertThrows(() => internals.utf8Decode('ab'), TypeError);
	});`, func(iso *webapitest.Isolate, rt *goja.Runtime) { _ = rt.Set("internals", iso.Internals) })
}
