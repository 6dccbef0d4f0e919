// [Streams]: https://streams.spec.whatwg.org/
//
// The polyfill's module is evaluated lazily: its code is compiled once per
// process with the rest of the runtime, but running it (defining ~13 classes
// and a few hundred closures) costs more than the rest of an isolate's
// set-up, and most routes (`new Response('Hello')`) never touch a stream.
// So each global (ReadableStream, …) starts as an accessor whose getter
// evaluates the module, replaces every accessor with the plain data property
// WebIDL specifies, and returns the class. internals.* that create streams
// load it the same way. Nothing can be an instance of a stream class before
// the module has run, so internals.isReadableStream answers false without
// loading it.

const names = [
  'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
  'ReadableStreamDefaultController', 'ReadableByteStreamController',
  'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
  'TransformStream', 'TransformStreamDefaultController',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
];

let S = null; // the polyfill's exports once evaluated
let RS = null; // S.ReadableStream

function evaluate() {
  const exports = {};
  const module = { exports };
/*@vendor web-streams-polyfill*/
  return exports;
}

// The polyfill is evaluated on the first touch of any stream global.
const load = internals.defineLazyGlobals(names, () => {
  S = evaluate();
  RS = S.ReadableStream;
  return S;
}, (s, i) => s[names[i]]);

// internals.loadStreams() returns the polyfill's exports; the other APIs
// (TextEncoderStream, CompressionStream, Blob, …) reach the classes through
// these lazy getters so that defining them costs nothing.
internals.loadStreams = load;
for (let i = 0; i < names.length; i++) {
  const name = names[i];
  Object.defineProperty(internals, name, { get() { return load()[name]; }, enumerable: false, configurable: true });
}
internals.isReadableStream = (v) => RS !== null && v instanceof RS;
internals.isWritableStream = (v) => S !== null && v instanceof S.WritableStream;

// readableFromBytes makes a stream that yields one Uint8Array and closes.
internals.readableFromBytes = function readableFromBytes(u8) {
  load();
  return new RS({
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
      const e = new TypeError('Received non-Uint8Array chunk');
      reader.cancel(e).catch(() => {});
      throw e;
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
  load();
  return new RS({
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
