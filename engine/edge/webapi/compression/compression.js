// [Compression]: https://compression.spec.whatwg.org/
// The byte work is in Go (compression.go, inflate.go); this file is the
// WebIDL surface and the transform algorithms.

// [CompressionFormat]: https://compression.spec.whatwg.org/#enumdef-compressionformat
const FORMATS = { __proto__: null, deflate: 0, 'deflate-raw': 1, gzip: 2 };

function toFormat(args, iface) {
  if (args.length < 1) {
    throw new TypeError(`Failed to construct '${iface}': 1 argument required, but only 0 present.`);
  }
  // WebIDL enum: convert to a DOMString (a Symbol throws), then match.
  const v = args[0];
  if (typeof v === 'symbol') throw new TypeError(`Failed to construct '${iface}': Cannot convert a Symbol value to a string.`);
  const s = String(v);
  const f = FORMATS[s];
  if (f !== undefined) return f;
  // 1. If format is unsupported in CompressionStream, throw a TypeError.
  if (s === 'brotli') {
    throw new TypeError(`Failed to construct '${iface}': The compression format 'brotli' is not supported by edgeplay yet (supported: 'gzip', 'deflate', 'deflate-raw').`);
  }
  throw new TypeError(`Failed to construct '${iface}': The provided value '${s}' is not a valid enum value of type CompressionFormat.`);
}

const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
function isBufferSource(v) {
  if (ArrayBuffer.isView(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  try { arrayBufferByteLength.call(v); return true; } catch (e) { return false; }
}

function checkChunk(chunk, iface) {
  // 1. If chunk is not a BufferSource type, then throw a TypeError.
  if (!isBufferSource(chunk)) {
    throw new TypeError(`${iface}: The provided chunk is not of type '(ArrayBuffer or ArrayBufferView)'.`);
  }
}

// [CompressionStream]: https://compression.spec.whatwg.org/#compression-stream
class CompressionStream {
  #transform;

  constructor(format) {
    const f = toFormat(arguments, 'CompressionStream');
    const ctx = native.compressor(f);
    // Set up this's transform with the transform and flush algorithms
    // below (the readable side's cancel releases the context early).
    this.#transform = new internals.TransformStream({
      // [compress and enqueue a chunk]
      transform(chunk, controller) {
        let out;
        try {
          checkChunk(chunk, 'CompressionStream');
          // 2. Compress chunk with the format and context.
          out = native.compress(ctx, chunk);
        } catch (e) {
          native.release(ctx); // the stream errors: free the context now
          throw e;
        }
        // 3–5. Enqueue the output unless it is empty.
        if (out !== null) controller.enqueue(out);
      },
      // [compress flush and enqueue]
      flush(controller) {
        const out = native.compressFinish(ctx);
        if (out !== null) controller.enqueue(out);
      },
      cancel() { native.release(ctx); },
    });
  }

  // [GenericTransformStream]: https://streams.spec.whatwg.org/#generictransformstream
  get readable() { return this.#transform.readable; }
  get writable() { return this.#transform.writable; }
}
internals.tag(CompressionStream);

// [DecompressionStream]: https://compression.spec.whatwg.org/#decompression-stream
class DecompressionStream {
  #transform;

  constructor(format) {
    const f = toFormat(arguments, 'DecompressionStream');
    const ctx = native.decompressor(f);
    this.#transform = new internals.TransformStream({
      // [decompress and enqueue a chunk]
      transform(chunk, controller) {
        let out;
        try {
          checkChunk(chunk, 'DecompressionStream');
          // 2. Decompress; an error throws a TypeError (native.decompress).
          out = native.decompress(ctx, chunk);
        } catch (e) {
          native.release(ctx);
          throw e;
        }
        // 3–5. Enqueue the output unless it is empty.
        if (out !== null) controller.enqueue(out);
        // 6. If the end of the compressed input has been reached and the
        // context has not fully consumed chunk, throw a TypeError.
        native.checkTrailing(ctx);
      },
      // [decompress flush and enqueue]
      flush(controller) {
        // 1–2. Decompress the end of input; enqueue what comes out.
        const out = native.decompressFinish(ctx);
        if (out !== null) controller.enqueue(out);
        // 3. If the end of the compressed input has not been reached,
        // throw a TypeError.
        native.checkEnd(ctx);
      },
      cancel() { native.release(ctx); },
    });
  }

  get readable() { return this.#transform.readable; }
  get writable() { return this.#transform.writable; }
}
internals.tag(DecompressionStream);

internals.defineGlobal('CompressionStream', CompressionStream);
internals.defineGlobal('DecompressionStream', DecompressionStream);
