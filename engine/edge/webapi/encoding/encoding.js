// [Encoding]: https://encoding.spec.whatwg.org/
const utf8Labels = ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8'];

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') { return native.encode(String(input)); }
  encodeInto(source, destination) {
    const bytes = native.encode(String(source));
    // Write only whole characters that fit.
    let n = Math.min(bytes.length, destination.length);
    while (n > 0 && n < bytes.length && (bytes[n] & 0xc0) === 0x80) n--;
    destination.set(bytes.subarray(0, n));
    let read = 0;
    const s = String(source);
    let written = 0;
    for (let i = 0; i < s.length && written < n; i++) {
      const c = s.codePointAt(i);
      const len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      written += len;
      read += c > 0xffff ? 2 : 1;
      if (c > 0xffff) i++;
    }
    return { read, written: n };
  }
}
internals.tag(TextEncoder);

class TextDecoder {
  #fatal;
  #ignoreBOM;
  #pending = null;
  #bomSeen = false;
  constructor(label = 'utf-8', options = {}) {
    const l = String(label).trim().toLowerCase();
    if (!utf8Labels.includes(l)) {
      throw new RangeError(`The encoding label provided ('${label}') is not supported by edgeplay yet (only utf-8).`);
    }
    this.#fatal = Boolean(options && options.fatal);
    this.#ignoreBOM = Boolean(options && options.ignoreBOM);
  }
  get encoding() { return 'utf-8'; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }
  decode(input = undefined, options = {}) {
    const stream = Boolean(options && options.stream);
    let bytes = input === undefined ? new Uint8Array(0) : input instanceof ArrayBuffer ? new Uint8Array(input) : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : null;
    if (bytes === null) throw new TypeError("Failed to execute 'decode' on 'TextDecoder': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.");
    if (this.#pending !== null) {
      const joined = new Uint8Array(this.#pending.length + bytes.length);
      joined.set(this.#pending);
      joined.set(bytes, this.#pending.length);
      bytes = joined;
      this.#pending = null;
    }
    const [text, consumed] = native.decode(bytes, this.#fatal, this.#ignoreBOM || this.#bomSeen, stream);
    if (stream) {
      if (consumed < bytes.length) this.#pending = bytes.slice(consumed);
      if (consumed > 0) this.#bomSeen = true;
    } else {
      this.#bomSeen = false;
    }
    return text;
  }
}
internals.tag(TextDecoder);

function atob(data) {
  internals.requiredArgs(arguments.length, 1, "'atob'");
  return native.atob(String(data));
}
function btoa(data) {
  internals.requiredArgs(arguments.length, 1, "'btoa'");
  return native.btoa(String(data));
}

internals.defineGlobal('TextEncoder', TextEncoder);
internals.defineGlobal('TextDecoder', TextDecoder);
internals.defineGlobal('atob', atob);
internals.defineGlobal('btoa', btoa);
internals.utf8Encode = (s) => native.encode(s);
internals.utf8Decode = (u8) => native.decode(u8, false, false, false)[0];
