// [Blob]: https://w3c.github.io/FileAPI/#blob-section
// [File]: https://w3c.github.io/FileAPI/#file-section
//
// The classes are defined on first use: Blob and File start as accessors
// on the global object whose getter defines them (and turns the globals
// into the plain data properties WebIDL specifies), so an isolate whose
// route never touches a Blob pays nothing for them. Nothing can be a Blob
// before then, so internals.isBlob answers false without defining them.

let B = null; // [Blob, File, kInternal, normalizeType] once defined

function define() {
  const kInternal = Symbol('blob');
  const printableAsciiRe = /^[\x20-\x7e]*$/;
  const empty = new Uint8Array(0);

  // A type that is not printable ASCII becomes '' (step 3 of the constructor
  // and of slice); otherwise it is lower-cased.
  function normalizeType(t) {
    const s = String(t);
    return printableAsciiRe.test(s) ? s.toLowerCase() : '';
  }

  // [convert line endings to native]: this runtime's "native" is "\n", as on
  // the Linux hosts that run the edge.
  const lineBreakRe = /\r\n?/g;

  // [process blob parts]: returns the bytes of parts, concatenated.
  function processParts(parts, endings) {
    if (parts === undefined) return empty;
    if (parts === null || (typeof parts !== 'object' && typeof parts !== 'function')) {
      throw new TypeError("Failed to construct 'Blob': The provided value cannot be converted to a sequence.");
    }
    let list = parts;
    if (!Array.isArray(parts)) {
      if (typeof parts[Symbol.iterator] !== 'function') {
        throw new TypeError("Failed to construct 'Blob': The object must have a callable @@iterator property.");
      }
      list = Array.from(parts);
    }
    const chunks = new Array(list.length);
    let total = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      let c;
      if (p instanceof ArrayBuffer) c = new Uint8Array(p);
      else if (ArrayBuffer.isView(p)) c = new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
      else if (Blob.isBlob(p)) c = Blob.bytes(p);
      else {
        let s = internals.toUSVString(p);
        if (endings === 'native') s = s.replace(lineBreakRe, '\n');
        c = internals.utf8Encode(s);
      }
      chunks[i] = c;
      total += c.byteLength;
    }
    if (chunks.length === 1 && !(list[0] instanceof ArrayBuffer) && !ArrayBuffer.isView(list[0])) return chunks[0];
    const out = new Uint8Array(total);
    let off = 0;
    for (let i = 0; i < chunks.length; i++) {
      out.set(chunks[i], off);
      off += chunks[i].byteLength;
    }
    return out;
  }

  function blobOptions(options, what) {
    if (options === undefined || options === null) return { type: '', endings: 'transparent' };
    if (typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeError(`Failed to construct '${what}': The provided value is not of type '${what}PropertyBag'.`);
    }
    const endings = options.endings === undefined ? 'transparent' : String(options.endings);
    if (endings !== 'transparent' && endings !== 'native') {
      throw new TypeError(`Failed to construct '${what}': Failed to read the 'endings' property from '${what}PropertyBag': The provided value '${endings}' is not a valid enum value of type EndingType.`);
    }
    return { type: options.type === undefined ? '' : normalizeType(options.type), endings };
  }

  function copy(u8) {
    return u8.slice();
  }

  class Blob {
    #bytes;
    #type;

    constructor(blobParts = undefined, options = undefined) {
      if (blobParts === kInternal) {
        this.#bytes = options[0];
        this.#type = options[1];
        return;
      }
      const o = blobOptions(options, 'Blob');
      this.#bytes = processParts(blobParts, o.endings);
      this.#type = o.type;
    }

    get size() { return this.#bytes.byteLength; }
    get type() { return this.#type; }

    // [slice]: https://w3c.github.io/FileAPI/#slice-method-algo
    slice(start = undefined, end = undefined, contentType = undefined) {
      const size = this.#bytes.byteLength;
      // 1–2. Relative start and end: negative values count from the end,
      // both clamped to [0, size].
      const rel = (v, dflt) => {
        if (v === undefined) return dflt;
        let n = Math.trunc(Number(v));
        if (Number.isNaN(n)) n = 0;
        return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
      };
      const from = rel(start, 0);
      const to = rel(end, size);
      // 3. relativeContentType: '' unless given as printable ASCII.
      const type = contentType === undefined ? '' : normalizeType(contentType);
      // 4. span = max(relativeEnd - relativeStart, 0).
      const span = Math.max(to - from, 0);
      return new Blob(kInternal, [this.#bytes.subarray(from, from + span), type]);
    }

    stream() { return internals.readableFromBytes(copy(this.#bytes)); }
    text() { return Promise.resolve(internals.utf8Decode(this.#bytes)); }
    arrayBuffer() { return Promise.resolve(copy(this.#bytes).buffer); }
    bytes() { return Promise.resolve(copy(this.#bytes)); }

    static isBlob(v) { return v !== null && typeof v === 'object' && #bytes in v; }
    static bytes(b) { return b.#bytes; }
  }
  internals.tag(Blob);

  class File extends Blob {
    #name;
    #lastModified;

    constructor(fileBits, fileName, options = undefined) {
      if (fileBits === kInternal) {
        super(kInternal, fileName);
        this.#name = fileName[2];
        this.#lastModified = fileName[3];
        return;
      }
      if (arguments.length < 2) internals.requiredArgs(arguments.length, 2, "'constructor' on 'File'");
      const o = blobOptions(options, 'File');
      super(kInternal, [processParts(fileBits, o.endings), o.type]);
      // 2. n is fileName (a USVString; "/" is not replaced).
      this.#name = internals.toUSVString(fileName);
      // 3.3. lastModified: the option if given, else the current time.
      let lm = options === undefined || options === null || options.lastModified === undefined ? Date.now() : Number(options.lastModified);
      lm = Number.isFinite(lm) ? Math.trunc(lm) : 0;
      this.#lastModified = lm;
    }

    get name() { return this.#name; }
    get lastModified() { return this.#lastModified; }
    get webkitRelativePath() { return ''; }

    static isFile(v) { return v !== null && typeof v === 'object' && #name in v; }
  }
  internals.tag(File);
  return [Blob, File, kInternal, normalizeType];
}

const names = ['Blob', 'File'];
const load = internals.defineLazyGlobals(names, () => (B = define()), (b, i) => b[i]);

Object.defineProperty(internals, 'Blob', { get() { return load()[0]; }, configurable: true });
Object.defineProperty(internals, 'File', { get() { return load()[1]; }, configurable: true });
internals.isBlob = (v) => B !== null && B[0].isBlob(v);
internals.isFile = (v) => B !== null && B[1].isFile(v);
internals.blobParts = (b) => load()[0].bytes(b);
internals.makeBlob = (bytes, type) => {
  const b = load();
  return new b[0](b[2], [bytes, type === undefined ? '' : b[3](type)]);
};
internals.makeFile = (bytes, name, type, lastModified) => {
  const b = load();
  return new b[1](b[2], [bytes, type === undefined ? '' : b[3](type), String(name), lastModified === undefined ? Date.now() : lastModified]);
};
