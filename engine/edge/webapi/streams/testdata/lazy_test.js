// The polyfill is evaluated on first touch (streams.js); these check that
// the globals then look as WebIDL says, and that a route's own value wins.

test('globals become data properties, non-enumerable', () => {
  const names = ['ReadableStream', 'WritableStream', 'TransformStream', 'ReadableStreamBYOBReader',
    'ReadableStreamDefaultReader', 'ReadableStreamBYOBRequest', 'ReadableStreamDefaultController', 'ReadableByteStreamController',
    'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'TransformStreamDefaultController',
    'ByteLengthQueuingStrategy', 'CountQueuingStrategy'];
  void ReadableStream; // loads
  for (const n of names) {
    const d = Object.getOwnPropertyDescriptor(globalThis, n);
    assertEquals(typeof d.value, 'function', n);
    assertEquals([d.writable, d.enumerable, d.configurable], [true, false, true], n);
    assertEquals(d.value.name, n);
  }
  assertEquals(Object.keys(globalThis).filter((k) => k.includes('Stream') || k.includes('Queuing')), []);
});

test('instanceof works across the lazy boundary', async () => {
  const s = new Response('x').body;
  assert(s instanceof ReadableStream);
  assert(new CompressionStream('gzip').writable instanceof WritableStream);
  assert(new TextEncoderStream().readable instanceof ReadableStream);
});
