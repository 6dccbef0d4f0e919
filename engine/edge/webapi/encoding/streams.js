// [TextDecoderStream]: https://encoding.spec.whatwg.org/#interface-textdecoderstream
// [TextEncoderStream]: https://encoding.spec.whatwg.org/#interface-textencoderstream
//
// A TextDecoderStream's decoder is a TextDecoder (the original class, taken
// before any route runs): "decode and enqueue a chunk" is decode(chunk,
// {stream: true}) and "flush and enqueue" is decode(), the same decoder
// state machines in Go, kept across chunk boundaries.

const TD = global.TextDecoder;
const decode = TD.prototype.decode;
const tdEncoding = Object.getOwnPropertyDescriptor(TD.prototype, 'encoding').get;
const utf8Encode = internals.utf8Encode;
const streamOptions = { stream: true };

const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
function isBufferSource(v) {
  if (ArrayBuffer.isView(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  try { arrayBufferByteLength.call(v); return true; } catch (e) { return false; }
}

// A decode error is reported as the stream's, not TextDecoder's.
function decodeError(e) {
  if (e instanceof TypeError) return new TypeError(String(e.message).replace("Failed to execute 'decode' on 'TextDecoder'", 'TextDecoderStream'));
  return e;
}

class TextDecoderStream {
  #decoder;
  #fatal;
  #ignoreBOM;
  #transform;

  // https://encoding.spec.whatwg.org/#dom-textdecoderstream
  constructor(label = 'utf-8', options = undefined) {
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeError("Failed to construct 'TextDecoderStream': The provided value is not of type 'TextDecoderOptions'.");
    }
    // 1–5. Get an encoding from label (RangeError for failure or
    // replacement); set fatal and ignoreBOM; make the decoder.
    const fatal = Boolean(options != null && options.fatal);
    const ignoreBOM = Boolean(options != null && options.ignoreBOM);
    let decoder;
    try {
      decoder = new TD(label, { fatal, ignoreBOM });
    } catch (e) {
      if (e instanceof RangeError) throw new RangeError(String(e.message).replace("'TextDecoder'", "'TextDecoderStream'"));
      throw e;
    }
    this.#decoder = decoder;
    this.#fatal = fatal;
    this.#ignoreBOM = ignoreBOM;
    // 6–9. A transform stream running "decode and enqueue a chunk" and
    // "flush and enqueue".
    this.#transform = new internals.TransformStream({
      // [decode and enqueue a chunk]: https://encoding.spec.whatwg.org/#decode-and-enqueue-a-chunk
      transform(chunk, controller) {
        // 1. Convert chunk to an AllowSharedBufferSource.
        if (!isBufferSource(chunk)) {
          throw new TypeError("TextDecoderStream: The provided chunk is not of type '(ArrayBuffer or ArrayBufferView)'.");
        }
        // 2–4. Decode it (errors throw when fatal); enqueue the output if
        // it is non-empty.
        let out;
        try { out = decode.call(decoder, chunk, streamOptions); } catch (e) { throw decodeError(e); }
        if (out.length > 0) controller.enqueue(out);
      },
      // [flush and enqueue]: https://encoding.spec.whatwg.org/#flush-and-enqueue
      flush(controller) {
        let out;
        try { out = decode.call(decoder); } catch (e) { throw decodeError(e); }
        if (out.length > 0) controller.enqueue(out);
      },
    });
  }

  get encoding() { return tdEncoding.call(this.#decoder); }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }
  get readable() { return this.#transform.readable; }
  get writable() { return this.#transform.writable; }
}
internals.tag(TextDecoderStream);

class TextEncoderStream {
  #pendingHighSurrogate = null;
  #transform;

  // https://encoding.spec.whatwg.org/#dom-textencoderstream
  constructor() {
    const self = this;
    this.#transform = new internals.TransformStream({
      // [encode and enqueue a chunk]: https://encoding.spec.whatwg.org/#encode-and-enqueue-a-chunk
      transform(chunk, controller) {
        // 1. Convert chunk to a DOMString.
        if (typeof chunk === 'symbol') throw new TypeError('TextEncoderStream: Cannot convert a Symbol value to a string.');
        let s = typeof chunk === 'string' ? chunk : String(chunk);
        // 2–4. A high surrogate left over from the last chunk goes in front;
        // a high surrogate at the end waits for the next chunk. Lone
        // surrogates encode as U+FFFD (EF BF BD).
        const pending = self.#pendingHighSurrogate;
        if (pending !== null) {
          s = pending + s;
          self.#pendingHighSurrogate = null;
        }
        const n = s.length;
        if (n > 0) {
          const last = s.charCodeAt(n - 1);
          if (last >= 0xD800 && last <= 0xDBFF) {
            self.#pendingHighSurrogate = s[n - 1];
            s = s.slice(0, n - 1);
          }
        }
        // 5. If output is non-empty, enqueue it as a Uint8Array.
        if (s.length > 0) controller.enqueue(utf8Encode(s));
      },
      // [encode and flush]: https://encoding.spec.whatwg.org/#encode-and-flush
      flush(controller) {
        // 1–2. A high surrogate still waiting is an error: U+FFFD.
        if (self.#pendingHighSurrogate !== null) {
          self.#pendingHighSurrogate = null;
          controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
        }
      },
    });
  }

  get encoding() { this.#transform; return 'utf-8'; }
  get readable() { return this.#transform.readable; }
  get writable() { return this.#transform.writable; }
}
internals.tag(TextEncoderStream);

internals.defineGlobal('TextDecoderStream', TextDecoderStream);
internals.defineGlobal('TextEncoderStream', TextEncoderStream);
