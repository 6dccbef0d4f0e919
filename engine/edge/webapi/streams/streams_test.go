package streams_test

import (
	"os"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

// The test files are lowered by esbuild as routes are (goja has no
// for-await or async generators of its own), then run in an isolate.
func TestStreams(t *testing.T)        { runLowered(t, "testdata/streams_test.js") }
func TestReadable(t *testing.T)       { runLowered(t, "testdata/readable_test.js") }
func TestByteStreams(t *testing.T)    { runLowered(t, "testdata/bytes_test.js") }
func TestTeeAndPipe(t *testing.T)     { runLowered(t, "testdata/tee_pipe_test.js") }
func TestAsyncIteration(t *testing.T) { runLowered(t, "testdata/iteration_test.js") }
func TestLazyGlobals(t *testing.T)    { runLowered(t, "testdata/lazy_test.js") }
func TestWritableAndTransform(t *testing.T) {
	runLowered(t, "testdata/writable_transform_test.js")
}

func runLowered(t *testing.T, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	webapitest.RunSource(t, path, lower(t, string(src)))
}

// lower transforms src with the bundle's settings for what goja lacks.
func lower(t *testing.T, src string) string {
	t.Helper()
	res := api.Transform(src, api.TransformOptions{
		Target:    api.ESNext,
		Supported: map[string]bool{"async-generator": false, "for-await": false},
		Loader:    api.LoaderJS,
	})
	if len(res.Errors) > 0 {
		t.Fatalf("esbuild: %v", res.Errors)
	}
	return string(res.Code)
}

// withInternals exposes the internals object to a test file.
func withInternals(iso *webapitest.Isolate, rt *goja.Runtime) { _ = rt.Set("internals", iso.Internals) }

// TestNotLoadedUntilTouched: set-up and a route that never touches a stream
// (new Response('Hello')) leave the polyfill unevaluated; a route's own
// assignment before the first touch wins.
func TestNotLoadedUntilTouched(t *testing.T) {
	webapitest.RunSourceWith(t, "lazy_fresh_test.js", `
	const isLazy = (n) => typeof Object.getOwnPropertyDescriptor(globalThis, n).get === 'function';
	const lazyAtStart = isLazy('ReadableStream') && isLazy('TransformStream');
	test('set-up leaves the polyfill unevaluated', () => { assert(lazyAtStart); });
	test('a string Response and text() do not evaluate it', async () => {
	  const r = new Response('Hello');
	  assertEquals(await r.text(), 'Hello');
	  assertEquals(internals.isReadableStream({}), false);
	  void TextEncoderStream; // the class, not an instance
	  assert(isLazy('ReadableStream'));
	});
	test('an assignment before the first touch wins', () => {
	  globalThis.CountQueuingStrategy = 'mine';
	  assertEquals(CountQueuingStrategy, 'mine');
	  assertEquals(typeof ReadableStream, 'function'); // evaluates
	  assertEquals(CountQueuingStrategy, 'mine');
	  assert(!isLazy('WritableStream'));
	  assertEquals(typeof internals.loadStreams().CountQueuingStrategy, 'function');
	});
	`, withInternals)
}

// TestServerReadsChunkByChunk drives a Response body the way the server
// does (engine/edge/stream.go: internals.getReader, then readChunk with a
// done(kind, value) callback per chunk): a chunk reaches the reader before
// the route has produced the next one, through TextEncoderStream and
// CompressionStream alike.
func TestServerReadsChunkByChunk(t *testing.T) {
	webapitest.RunSourceWith(t, "server_read_test.js", `
	const next = (reader) => new Promise((res) => internals.readChunk(reader, (kind, v) => res([kind, v])));
	const text = (u8) => new TextDecoder().decode(u8);
	test('TextEncoderStream body', async () => {
	  let ctl;
	  const src = new ReadableStream({ start(c) { ctl = c; } });
	  const res = new Response(src.pipeThrough(new TextEncoderStream()));
	  const parts = internals.responseParts(res);
	  assertEquals(parts[3], internals.BODY_STREAM);
	  const reader = internals.getReader(parts[4]);
	  ctl.enqueue('one');
	  let [kind, v] = await next(reader);
	  assertEquals([kind, text(v)], [0, 'one']);
	  let pending = next(reader), got = null;
	  pending.then((x) => { got = x; });
	  await new Promise((r) => setTimeout(r, 5));
	  assertEquals(got, null, 'the second read waits for the route');
	  ctl.enqueue('two');
	  [kind, v] = await pending;
	  assertEquals([kind, text(v)], [0, 'two']);
	  ctl.close();
	  assertEquals((await next(reader))[0], 1);
	});
	test('CompressionStream body: a chunk per write, gunzips to the input', async () => {
	  let ctl;
	  const src = new ReadableStream({ start(c) { ctl = c; } });
	  const res = new Response(src.pipeThrough(new TextEncoderStream()).pipeThrough(new CompressionStream('gzip')));
	  const reader = internals.getReader(internals.responseParts(res)[4]);
	  const chunks = [];
	  for (const s of ['alpha ', 'beta ', 'gamma']) {
	    ctl.enqueue(s);
	    const [kind, v] = await next(reader);
	    assertEquals(kind, 0);
	    assert(v instanceof Uint8Array && v.length > 0);
	    chunks.push(v);
	  }
	  ctl.close();
	  for (;;) {
	    const [kind, v] = await next(reader);
	    if (kind === 1) break;
	    chunks.push(v);
	  }
	  const back = await new Response(ReadableStream.from(chunks).pipeThrough(new DecompressionStream('gzip'))).text();
	  assertEquals(back, 'alpha beta gamma');
	});
	test('a non-Uint8Array chunk is an error (kind 2) and cancels', async () => {
	  let reason;
	  const res = new Response(new ReadableStream({ start(c) { c.enqueue('str'); }, cancel(r) { reason = r; } }));
	  const [kind, e] = await next(internals.getReader(internals.responseParts(res)[4]));
	  assertEquals(kind, 2);
	  assert(e instanceof TypeError);
	  await new Promise((r) => setTimeout(r, 0));
	  assert(reason instanceof TypeError);
	});
	`, withInternals)
}

// TestLoweredForAwait runs for-await and async generators as esbuild lowers
// them for goja (the bundle's Supported settings): the helpers call
// stream[Symbol.asyncIterator]() and, on break, return().
func TestLoweredForAwait(t *testing.T) {
	src := `
	test('lowered for await over a ReadableStream', async () => {
	  const got = [];
	  for await (const c of ReadableStream.from(['a', 'b', 'c'])) got.push(c);
	  assertEquals(got, ['a', 'b', 'c']);
	});
	test('lowered for await: break cancels the stream', async () => {
	  let reason = 'none';
	  const s = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { reason = r; } });
	  for await (const c of s) { if (c === 1) break; }
	  assertEquals(reason, undefined);
	  assert(!s.locked);
	});
	test('lowered for await over values({preventCancel: true})', async () => {
	  let cancelled = false;
	  const s = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); }, cancel() { cancelled = true; } });
	  for await (const c of s.values({ preventCancel: true })) break;
	  assert(!cancelled);
	  assertEquals((await s.getReader().read()).value, 2);
	});
	test('ReadableStream.from(lowered async generator), cancel calls return', async () => {
	  let finished = false;
	  async function* gen() {
	    try { yield 1; yield 2; yield 3; } finally { finished = true; }
	  }
	  const r = ReadableStream.from(gen()).getReader();
	  assertEquals((await r.read()).value, 1);
	  await r.cancel();
	  assert(finished, 'the generator ran its finally');
	  const all = [];
	  for await (const x of ReadableStream.from(gen())) all.push(x);
	  assertEquals(all, [1, 2, 3]);
	});
	test('lowered for await: a throw in the body cancels the stream', async () => {
	  let cancelled = false;
	  const s = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel() { cancelled = true; } });
	  await assertRejects(async () => { for await (const c of s) throw new Error('x'); }, Error, 'x');
	  assert(cancelled);
	});
	`
	out := lower(t, src)
	if !strings.Contains(out, "__forAwait") {
		t.Fatalf("esbuild did not lower for-await:\n%s", out)
	}
	webapitest.RunSource(t, "lowered_test.js", out)
}
