package compression

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"runtime"
	"sync"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
)

// Go's decompressors pull their input from an io.Reader and cannot resume
// once it reports the end, while a DecompressionStream is pushed one chunk at
// a time. So each stream's decompressor runs on a goroutine of its own,
// reading from a feeder that the loop fills: the loop hands over a chunk and
// blocks until the goroutine has consumed all of it and asks for more (or
// reaches the end of the compressed data, or fails). The two never run at
// the same time, so the hand-over is all the synchronisation there is, and
// no goja value ever crosses it.
//
// The goroutine starts with the first non-empty chunk and ends at the end
// of the data, at an error, at the end of the input, or when the stream's
// handle is garbage-collected (a stream dropped half-way).
//
// Output appears when the decompressor releases it: at the end of a
// deflate block, at a sync-flush point (an empty stored block, which every
// CompressionStream chunk ends with) and whenever 32 KiB of window fill up.

const (
	errTrailing  = "Junk found after end of compressed data."
	errTruncated = "Compressed input was truncated."
)

var errFinished = errors.New("the stream has already finished")

// A reply is the goroutine's answer to one hand-over.
type reply struct {
	out      []byte
	kind     int // replyMore, replyEnd or replyErr
	leftover int // replyEnd: bytes of the last chunk after the end
	err      error
	panic    *eventloop.Panic // replyPanic
}

const (
	replyMore  = iota // all input consumed; more wanted
	replyEnd          // the end of the compressed data was reached
	replyErr          // the data is corrupt, or the input ended too soon
	replyPanic        // Go code of the decompressor panicked
)

// inflater is a DecompressionStream's context. Its methods are loop-only.
type inflater struct {
	format   int
	in       *inbox
	out      chan reply
	started  bool
	ended    bool // the end of the compressed data has been reached
	trailing bool // input came after the end
	failed   error
}

// inbox is the loop's side of the channel to the goroutine, kept apart from
// the inflater so that a cleanup attached to the inflater can close it.
type inbox struct {
	ch   chan []byte
	once sync.Once
}

func (b *inbox) close() { b.once.Do(func() { close(b.ch) }) }

func newInflater(format int) *inflater {
	f := &inflater{format: format, in: &inbox{ch: make(chan []byte)}, out: make(chan reply, 1)}
	// A stream dropped before its end must not keep its goroutine: once
	// the handle is unreachable, ending the input ends the goroutine.
	runtime.AddCleanup(f, func(b *inbox) { b.close() }, f.in)
	return f
}

// write decompresses p and returns the output it makes available.
func (f *inflater) write(p []byte) ([]byte, error) {
	if f.failed != nil {
		return nil, f.failed
	}
	if f.ended {
		if len(p) > 0 {
			f.trailing = true
		}
		return nil, nil
	}
	if len(p) == 0 {
		return nil, nil
	}
	if !f.started {
		f.started = true
		go inflate(f.format, f.in.ch, f.out)
	}
	// The goroutine reads p while this goroutine waits: p (which may be
	// the memory of a JS ArrayBuffer) is not touched by both at once, and
	// not after the reply.
	f.in.ch <- p
	return f.await()
}

// finish ends the input and returns the last output.
func (f *inflater) finish() ([]byte, error) {
	if f.failed != nil {
		return nil, f.failed
	}
	if f.ended || !f.started {
		f.in.close()
		return nil, nil
	}
	f.in.close()
	out, err := f.await()
	if f.failed == nil {
		f.failed = errFinished
	}
	return out, err
}

func (f *inflater) await() ([]byte, error) {
	r := <-f.out
	switch r.kind {
	case replyEnd:
		f.ended = true
		f.trailing = r.leftover > 0
	case replyPanic:
		f.failed = errors.New("The decompressor failed: " + r.panic.Error() + ".")
		panic(r.panic)
	case replyErr:
		f.failed = r.err
		if errors.Is(r.err, io.ErrUnexpectedEOF) {
			// The input ended inside the data: flush reports it after
			// enqueuing what came out (checkEnd).
			return r.out, nil
		}
		return nil, r.err
	}
	return r.out, nil
}

// release ends the goroutine, if any (cancel, abort, finish).
func (f *inflater) release() {
	if f.failed == nil {
		f.failed = errFinished
	}
	f.in.close()
}

// inflate is the goroutine: it runs the format's reader over the feeder
// and replies once per hand-over.
func inflate(format int, in <-chan []byte, out chan<- reply) {
	// A panic here would end the process: it goes to the loop, which
	// raises it again in the native waiting for this reply (a JS Error
	// there, as for any panic in a native).
	defer func() {
		if x := recover(); x != nil {
			select {
			case out <- reply{kind: replyPanic, panic: eventloop.CapturePanic(x)}:
			default:
			}
		}
	}()
	fd := &feeder{in: in, out: out}
	var r io.Reader
	var err error
	switch format {
	case formatDeflate:
		r, err = zlib.NewReader(fd)
	case formatDeflateRaw:
		r = flate.NewReader(fd)
	default:
		var z *gzip.Reader
		if z, err = gzip.NewReader(fd); err == nil {
			z.Multistream(false) // one member only; more is trailing data
			r = z
		}
	}
	// Read into a buffer of its own: a Read that runs out of input replies
	// with pending (handing it to the loop) before it returns.
	buf := make([]byte, 32*1024)
	for err == nil {
		var n int
		n, err = r.Read(buf)
		fd.pending = append(fd.pending, buf[:n]...)
	}
	// out has room for this one reply even when nobody waits for it (the
	// stream was released or dropped), so the goroutine always ends.
	if err == io.EOF {
		out <- reply{kind: replyEnd, out: fd.pending, leftover: len(fd.cur) - fd.pos}
		return
	}
	if err == io.ErrUnexpectedEOF {
		out <- reply{kind: replyErr, out: fd.pending, err: io.ErrUnexpectedEOF}
		return
	}
	out <- reply{kind: replyErr, err: errors.New("The compressed data was not valid: " + err.Error() + ".")}
}

// feeder is the decompressor's input: the chunk in hand, then whatever the
// loop hands over next. It is a flate.Reader (it has ReadByte), so the
// readers use it as it is, without a bufio.Reader reading ahead: after the
// end of the data, what is left of cur is exactly the trailing input.
type feeder struct {
	in      <-chan []byte
	out     chan<- reply
	cur     []byte
	pos     int
	pending []byte // output not yet replied with
	owed    bool   // a hand-over awaits its reply
	closed  bool   // the input has ended
}

// fill waits for the next chunk, first replying to the hand-over in hand.
func (fd *feeder) fill() bool {
	if fd.closed {
		return false
	}
	if fd.owed {
		fd.out <- reply{kind: replyMore, out: fd.pending}
		fd.pending = nil
	}
	c, ok := <-fd.in
	fd.owed = true // to this chunk, or to the end of the input (finish)
	if !ok {
		fd.closed = true
		return false
	}
	fd.cur, fd.pos = c, 0
	return true
}

func (fd *feeder) Read(p []byte) (int, error) {
	for fd.pos >= len(fd.cur) {
		if !fd.fill() {
			return 0, io.EOF
		}
	}
	n := copy(p, fd.cur[fd.pos:])
	fd.pos += n
	return n, nil
}

func (fd *feeder) ReadByte() (byte, error) {
	for fd.pos >= len(fd.cur) {
		if !fd.fill() {
			return 0, io.EOF
		}
	}
	c := fd.cur[fd.pos]
	fd.pos++
	return c, nil
}
