// [Encoding]: https://encoding.spec.whatwg.org/
// [TextEncoder]: https://encoding.spec.whatwg.org/#interface-textencoder
// [TextDecoder]: https://encoding.spec.whatwg.org/#interface-textdecoder
// [atob/btoa]: https://html.spec.whatwg.org/multipage/webappapis.html#atob

// Encodings (encoding.go) and their labels.
// https://encoding.spec.whatwg.org/#names-and-labels
const UTF8 = 0, UTF16LE = 1, UTF16BE = 2, WINDOWS1252 = 3;
const names = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];
const labels = { __proto__: null };
function addLabels(enc, list) {
  for (let i = 0; i < list.length; i++) labels[list[i]] = enc;
}
addLabels(UTF8, ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);
addLabels(UTF16BE, ['unicodefffe', 'utf-16be']);
addLabels(UTF16LE, ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']);
addLabels(WINDOWS1252, ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100',
  'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']);
// The replacement encoding's labels: a TextDecoder refuses them.
const replacementLabels = ['csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', 'iso-2022-kr', 'replacement'];

// [get an encoding]: https://encoding.spec.whatwg.org/#concept-encoding-get
// Returns an encoding index, or -1 for the replacement encoding, or
// undefined for a label this runtime does not know.
function getEncoding(label) {
  if (labels[label] !== undefined) return labels[label]; // already trimmed and lowercase
  // 1. Remove leading and trailing ASCII whitespace; ASCII lowercase.
  const l = label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').replace(/[A-Z]+/g, (m) => m.toLowerCase());
  // 2. Return the encoding the label names.
  if (labels[l] !== undefined) return labels[l];
  if (replacementLabels.indexOf(l) >= 0) return -1;
  return undefined;
}

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayName = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;

function isArrayBuffer(v) {
  if (v === null || typeof v !== 'object') return false;
  try { arrayBufferByteLength.call(v); return true; } catch (e) { return false; }
}

function isBufferSource(v) {
  return ArrayBuffer.isView(v) || isArrayBuffer(v);
}

class TextEncoder {
  // https://encoding.spec.whatwg.org/#dom-textencoder-encoding
  get encoding() { return 'utf-8'; }

  // https://encoding.spec.whatwg.org/#dom-textencoder-encode
  encode(input = '') {
    // USVString conversion and UTF-8 encode happen in Go (lone surrogates
    // become EF BF BD).
    return native.encode(typeof input === 'string' ? input : String(input));
  }

  // https://encoding.spec.whatwg.org/#dom-textencoder-encodeinto
  encodeInto(source, destination) {
    if (arguments.length < 2) internals.requiredArgs(arguments.length, 2, "'encodeInto' on 'TextEncoder'");
    const s = typeof source === 'string' ? source : String(source);
    if (!ArrayBuffer.isView(destination) || typedArrayName.call(destination) !== 'Uint8Array') {
      throw new TypeError("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.");
    }
    return native.encodeInto(s, destination);
  }
}
internals.tag(TextEncoder);

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #decoder; // Go state (encoding.go: decoder)

  // https://encoding.spec.whatwg.org/#dom-textdecoder
  constructor(label = 'utf-8', options = undefined) {
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeError("Failed to construct 'TextDecoder': The provided value is not of type 'TextDecoderOptions'.");
    }
    label = String(label);
    // 1. Let encoding be the result of getting an encoding from label.
    const enc = getEncoding(label);
    // 2. If encoding is failure or replacement, throw a RangeError.
    if (enc === undefined) {
      throw new RangeError(`Failed to construct 'TextDecoder': The encoding label provided ('${label}') is invalid or is not supported by edgeplay yet (supported: utf-8, utf-16le, utf-16be, windows-1252 and their labels).`);
    }
    if (enc === -1) throw new RangeError(`Failed to construct 'TextDecoder': The encoding label provided ('${label}') is invalid.`);
    // 3. Set this's encoding to encoding.
    this.#encoding = enc;
    // 4–5. fatal → error mode "fatal"; ignoreBOM.
    this.#fatal = Boolean(options != null && options.fatal);
    this.#ignoreBOM = Boolean(options != null && options.ignoreBOM);
    this.#decoder = native.decoder(enc, this.#fatal, this.#ignoreBOM);
  }

  get encoding() { return names[this.#encoding]; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }

  // https://encoding.spec.whatwg.org/#dom-textdecoder-decode
  decode(input = undefined, options = undefined) {
    if (input !== undefined && !isBufferSource(input)) {
      throw new TypeError("Failed to execute 'decode' on 'TextDecoder': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.");
    }
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeError("Failed to execute 'decode' on 'TextDecoder': The provided value is not of type 'TextDecodeOptions'.");
    }
    return native.decode(this.#decoder, input, Boolean(options != null && options.stream));
  }
}
internals.tag(TextDecoder);

// https://html.spec.whatwg.org/multipage/webappapis.html#dom-atob
function atob(data) {
  if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'atob'");
  // 1–2. Forgiving-base64 decode; failure throws InvalidCharacterError.
  // 3. Return the bytes as a string of code units 0–255.
  return native.atob(typeof data === 'string' ? data : String(data));
}

// https://html.spec.whatwg.org/multipage/webappapis.html#dom-btoa
function btoa(data) {
  if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'btoa'");
  // 1. A code point above U+00FF throws InvalidCharacterError.
  // 2–3. Forgiving-base64 encode the bytes.
  return native.btoa(typeof data === 'string' ? data : String(data));
}

internals.defineGlobal('TextEncoder', TextEncoder);
internals.defineGlobal('TextDecoder', TextDecoder);
internals.defineGlobal('atob', atob);
internals.defineGlobal('btoa', btoa);

// For Request/Response bodies: UTF-8 encode a string, and the Encoding
// Standard's "UTF-8 decode" (BOM removed, errors replaced) of bytes.
internals.utf8Encode = (s) => native.encode(typeof s === 'string' ? s : String(s));
internals.utf8Decode = (bytes) => {
  if (!isBufferSource(bytes)) throw new TypeError("The provided value is not of type '(ArrayBuffer or ArrayBufferView)'");
  return native.utf8Decode(bytes);
};
