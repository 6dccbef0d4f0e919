package compression_test

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/hex"
	"io"
	"os"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

// Made by zlib (not Go): "hello world" in each format.
var vectors = map[string]string{
	"deflate":     "789ccb48cdc9c95728cf2fca4901001a0b045d",
	"deflate-raw": "cb48cdc9c95728cf2fca490100",
	"gzip":        "1f8b0800000000000003cb48cdc9c95728cf2fca49010085114a0d0b000000",
}

func corpus() []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < 100<<10; i++ {
		b.WriteString("line ")
		b.WriteByte(byte('a' + i*7%26))
		b.WriteByte(byte(i * 31))
		b.WriteString(" of the corpus\n")
	}
	return b.Bytes()
}

func goCompress(format string, data []byte) []byte {
	var buf bytes.Buffer
	var w io.WriteCloser
	switch format {
	case "deflate":
		w = zlib.NewWriter(&buf)
	case "deflate-raw":
		w, _ = flate.NewWriter(&buf, flate.BestSpeed)
	default:
		w = gzip.NewWriter(&buf)
	}
	_, _ = w.Write(data)
	_ = w.Close()
	return buf.Bytes()
}

func setGlobals(iso *webapitest.Isolate, rt *goja.Runtime) {
	v := rt.NewObject()
	gc := rt.NewObject()
	data := corpus()
	for f, h := range vectors {
		b, _ := hex.DecodeString(h)
		_ = v.Set(f, webapi.NewUint8Array(rt, b))
		_ = gc.Set(f, webapi.NewUint8Array(rt, goCompress(f, data)))
	}
	_ = rt.Set("vectors", v)
	_ = rt.Set("goCompressed", gc)
	_ = rt.Set("goCorpus", webapi.NewUint8Array(rt, data))
}

func TestCompressionJS(t *testing.T) {
	webapitest.RunSourceWith(t, "testdata/compression_test.js", mustRead(t, "testdata/compression_test.js"), setGlobals)
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCompressInJSDecompressInGo: what CompressionStream writes, Go's
// readers read, for chunkings from one byte up.
func TestCompressInJSDecompressInGo(t *testing.T) {
	iso := webapitest.New(t, nil)
	data := corpus()
	for _, format := range []string{"gzip", "deflate", "deflate-raw"} {
		for _, size := range []int{1, 100, 4096, len(data)} {
			// One-byte chunks over the first 2 KiB only (a transform each).
			var got []byte
			iso.Do(func(rt *goja.Runtime) {
				input := data
				if size == 1 {
					input = data[:2048]
				}
				_ = rt.Set("input", webapi.NewUint8Array(rt, bytes.Clone(input)))
				_ = rt.Set("size", size)
				_ = rt.Set("format", format)
			})
			v, err := iso.Eval(`(async () => {
			  const cs = new CompressionStream(format);
			  const w = cs.writable.getWriter();
			  for (let i = 0; i < input.length; i += size) w.write(input.subarray(i, i + size));
			  w.close();
			  return new Uint8Array(await new Response(cs.readable).arrayBuffer());
			})()`, 30*time.Second)
			if err != nil {
				t.Fatalf("%s/%d: %v", format, size, err)
			}
			got, _ = v.([]byte)
			want := data
			if size == 1 {
				want = data[:2048]
			}
			var r io.Reader
			switch format {
			case "gzip":
				z, err := gzip.NewReader(bytes.NewReader(got))
				if err != nil {
					t.Fatalf("%s/%d: %v", format, size, err)
				}
				z.Multistream(false)
				r = z
			case "deflate":
				if r, err = zlib.NewReader(bytes.NewReader(got)); err != nil {
					t.Fatalf("%s/%d: %v", format, size, err)
				}
			default:
				r = flate.NewReader(bytes.NewReader(got))
			}
			out, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(out, want) {
				t.Fatalf("%s/%d: Go read %d bytes (err %v), want %d", format, size, len(out), err, len(want))
			}
		}
	}
}
