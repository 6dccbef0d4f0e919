// [Streams]: https://streams.spec.whatwg.org/
const exports = {};
const module = { exports };
/*@vendor web-streams-polyfill*/
const S = exports;
const names = [
  'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
  'ReadableStreamDefaultController', 'ReadableByteStreamController',
  'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
  'TransformStream', 'TransformStreamDefaultController',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
];
for (let i = 0; i < names.length; i++) internals.defineGlobal(names[i], S[names[i]]);

const ReadableStream = S.ReadableStream;
internals.ReadableStream = ReadableStream;
internals.isReadableStream = (v) => v instanceof ReadableStream;

// readableFromBytes makes a stream that yields one Uint8Array and closes.
internals.readableFromBytes = function readableFromBytes(u8) {
  return new ReadableStream({
    type: 'bytes',
    start(c) {
      if (u8.byteLength > 0) c.enqueue(u8);
      c.close();
    },
  });
};

// readAllBytes reads a stream to its end and returns one Uint8Array.
// [read all bytes]: https://streams.spec.whatwg.org/#readablestreamdefaultreader-read-all-bytes
internals.readAllBytes = async function readAllBytes(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    const c = r.value;
    if (!(c instanceof Uint8Array)) {
      throw new TypeError('Received non-Uint8Array chunk');
    }
    chunks.push(c);
    total += c.byteLength;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let off = 0;
  for (let i = 0; i < chunks.length; i++) {
    out.set(chunks[i], off);
    off += chunks[i].byteLength;
  }
  return out;
};

// readableFromPull makes a byte stream whose chunks come from pull(), a
// function returning a promise of a Uint8Array, or null at the end.
// cancel(reason) is called when the consumer cancels.
internals.readableFromPull = function readableFromPull(pull, cancel) {
  return new ReadableStream({
    type: 'bytes',
    async pull(c) {
      const chunk = await pull();
      if (chunk === null) {
        c.close();
        const req = c.byobRequest;
        if (req) req.respond(0);
      } else if (chunk.byteLength > 0) {
        c.enqueue(chunk);
      }
    },
    cancel(reason) {
      if (cancel) return cancel(reason);
    },
  });
};
