package compression

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/hex"
	"io"
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// Vectors made by zlib itself (an implementation other than Go's).
var helloVectors = []struct {
	format int
	name   string
	hex    string
}{
	{formatDeflate, "deflate", "789ccb48cdc9c95728cf2fca4901001a0b045d"},
	{formatDeflateRaw, "deflate-raw", "cb48cdc9c95728cf2fca490100"},
	{formatGzip, "gzip", "1f8b0800000000000003cb48cdc9c95728cf2fca49010085114a0d0b000000"},
}

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// inflateChunks runs an inflater over the chunks and returns the output,
// the first error, and whether trailing data was reported.
func inflateChunks(format int, chunks [][]byte) (out []byte, err error, trailing, ended bool) {
	f := newInflater(format)
	for _, c := range chunks {
		b, err := f.write(c)
		out = append(out, b...)
		if err != nil {
			return out, err, f.trailing, f.ended
		}
		if f.trailing {
			return out, nil, true, f.ended
		}
	}
	b, err := f.finish()
	out = append(out, b...)
	return out, err, f.trailing, f.ended
}

func TestInflateVectorsEverySplit(t *testing.T) {
	defer goleak.VerifyNone(t)
	for _, v := range helloVectors {
		in := mustHex(t, v.hex)
		// Two chunks split at every byte, and one byte per chunk.
		for i := 0; i <= len(in); i++ {
			out, err, trailing, ended := inflateChunks(v.format, [][]byte{in[:i], in[i:]})
			if string(out) != "hello world" || err != nil || trailing || !ended {
				t.Errorf("%s split at %d: got %q, err %v, trailing %v, ended %v", v.name, i, out, err, trailing, ended)
			}
		}
		var ones [][]byte
		for i := range in {
			ones = append(ones, in[i:i+1])
		}
		if out, err, _, ended := inflateChunks(v.format, ones); string(out) != "hello world" || err != nil || !ended {
			t.Errorf("%s byte by byte: got %q, err %v", v.name, out, err)
		}
	}
}

func TestInflateErrors(t *testing.T) {
	defer goleak.VerifyNone(t)
	gz := mustHex(t, helloVectors[2].hex)
	zl := mustHex(t, helloVectors[0].hex)
	raw := mustHex(t, helloVectors[1].hex)
	badCRC := bytes.Clone(gz)
	badCRC[len(badCRC)-5] ^= 1
	badAdler := bytes.Clone(zl)
	badAdler[len(badAdler)-1] ^= 1
	fdict := []byte{0x78, 0xbb, 0x12, 0x34, 0x56, 0x78} // FDICT set (0x78bb % 31 == 0), some dictionary id
	tests := []struct {
		name     string
		format   int
		chunks   [][]byte
		errPart  string // "" : no error
		trailing bool
		want     string
	}{
		{"gzip bad magic", formatGzip, [][]byte{[]byte("not gzip at all")}, "not valid", false, ""},
		{"gzip bad crc", formatGzip, [][]byte{badCRC}, "not valid", false, ""},
		{"zlib bad adler", formatDeflate, [][]byte{badAdler}, "not valid", false, ""},
		{"zlib fdict", formatDeflate, [][]byte{fdict}, "not valid", false, ""},
		{"raw bad block type", formatDeflateRaw, [][]byte{{0x07}}, "not valid", false, ""},
		{"gzip trailing in chunk", formatGzip, [][]byte{append(bytes.Clone(gz), 0)}, "", true, "hello world"},
		{"gzip second member", formatGzip, [][]byte{gz, gz}, "", true, "hello world"},
		{"zlib trailing chunk", formatDeflate, [][]byte{zl, {1, 2}}, "", true, "hello world"},
		{"raw trailing", formatDeflateRaw, [][]byte{append(bytes.Clone(raw), 'x')}, "", true, "hello world"},
		{"empty chunk after end is fine", formatGzip, [][]byte{gz, {}}, "", false, "hello world"},
	}
	for _, tc := range tests {
		out, err, trailing, _ := inflateChunks(tc.format, tc.chunks)
		if tc.errPart == "" && err != nil || tc.errPart != "" && (err == nil || !strings.Contains(err.Error(), tc.errPart)) {
			t.Errorf("%s: err %v, want %q", tc.name, err, tc.errPart)
		}
		if trailing != tc.trailing || string(out) != tc.want {
			t.Errorf("%s: got %q trailing %v, want %q trailing %v", tc.name, out, trailing, tc.want, tc.trailing)
		}
	}
	// Truncated input: every proper prefix ends without reaching the end;
	// the output so far is kept.
	for i := 0; i < len(gz); i++ {
		_, err, _, ended := inflateChunks(formatGzip, [][]byte{gz[:i]})
		if err != nil || ended {
			t.Errorf("gzip prefix %d: err %v ended %v, want not ended and no error (checkEnd throws)", i, err, ended)
		}
	}
}

// corpus is compressible text with some noise.
func corpus(n int) []byte {
	r := rand.New(rand.NewSource(1))
	words := strings.Fields("the quick brown fox jumps over the lazy dog edge runtime stream chunk")
	var b bytes.Buffer
	for b.Len() < n {
		b.WriteString(words[r.Intn(len(words))])
		b.WriteByte(byte(' ' + r.Intn(3)))
		if r.Intn(50) == 0 {
			b.WriteByte(byte(r.Intn(256)))
		}
	}
	return b.Bytes()[:n]
}

func goCompress(t *testing.T, format int, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	var w io.WriteCloser
	switch format {
	case formatDeflate:
		w = zlib.NewWriter(&buf)
	case formatDeflateRaw:
		w, _ = flate.NewWriter(&buf, flate.BestCompression)
	default:
		w = gzip.NewWriter(&buf)
	}
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

func goDecompress(t *testing.T, format int, data []byte) []byte {
	t.Helper()
	var r io.Reader
	var err error
	switch format {
	case formatDeflate:
		r, err = zlib.NewReader(bytes.NewReader(data))
	case formatDeflateRaw:
		r = flate.NewReader(bytes.NewReader(data))
	default:
		var z *gzip.Reader
		z, err = gzip.NewReader(bytes.NewReader(data))
		if err == nil {
			z.Multistream(false)
			r = z
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("format %d: %v", format, err)
	}
	return out
}

// TestRoundTripWithGo: the deflater's output (flushed per chunk) reads
// back with Go's readers, and Go's output inflates here, in chunks of many
// sizes, large enough to cross the 32 KiB window.
func TestRoundTripWithGo(t *testing.T) {
	defer goleak.VerifyNone(t)
	data := corpus(200 << 10)
	for format := 0; format < 3; format++ {
		for _, size := range []int{1, 7, 1000, 65536, len(data)} {
			if size == 1 && format != formatGzip {
				continue
			}
			d := newDeflater(format)
			var packed []byte
			for i := 0; i < len(data); i += size {
				b, err := d.write(data[i:min(i+size, len(data))])
				if err != nil {
					t.Fatal(err)
				}
				if len(b) == 0 {
					t.Fatalf("format %d size %d: a chunk gave no output (no flush)", format, size)
				}
				packed = append(packed, b...)
			}
			b, err := d.finish()
			if err != nil {
				t.Fatal(err)
			}
			packed = append(packed, b...)
			if got := goDecompress(t, format, packed); !bytes.Equal(got, data) {
				t.Fatalf("format %d size %d: Go reads back %d bytes, want %d", format, size, len(got), len(data))
			}
			// And the other way.
			gz := goCompress(t, format, data)
			var chunks [][]byte
			for i := 0; i < len(gz); i += size {
				chunks = append(chunks, gz[i:min(i+size, len(gz))])
			}
			out, err, trailing, ended := inflateChunks(format, chunks)
			if err != nil || trailing || !ended || !bytes.Equal(out, data) {
				t.Fatalf("format %d size %d: inflated %d bytes, err %v trailing %v ended %v", format, size, len(out), err, trailing, ended)
			}
		}
	}
}

// A sync-flushed chunk's output appears with that chunk, not later.
func TestInflateStreamsSyncFlushedChunks(t *testing.T) {
	defer goleak.VerifyNone(t)
	d := newDeflater(formatGzip)
	f := newInflater(formatGzip)
	for i := 0; i < 5; i++ {
		msg := []byte(strings.Repeat("chunk ", i+1))
		c, _ := d.write(msg)
		out, err := f.write(c)
		if err != nil || !bytes.Equal(out, msg) {
			t.Fatalf("chunk %d: got %q, err %v; want %q at once", i, out, err, msg)
		}
	}
	c, _ := d.finish()
	if out, err := f.write(c); err != nil || len(out) != 0 || !f.ended {
		t.Fatalf("end: got %q, err %v, ended %v", out, err, f.ended)
	}
	f.finish()
}

// A stream dropped half-way does not keep its goroutine.
func TestDroppedInflaterEndsItsGoroutine(t *testing.T) {
	defer goleak.VerifyNone(t)
	gz := mustHex(t, helloVectors[2].hex)
	func() {
		f := newInflater(formatGzip)
		if _, err := f.write(gz[:12]); err != nil {
			t.Fatal(err)
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	base := runtime.NumGoroutine()
	for time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		if runtime.NumGoroutine() < base {
			return
		}
	}
	// goleak reports it.
}
