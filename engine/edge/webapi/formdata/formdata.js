// [FormData]: https://xhr.spec.whatwg.org/#interface-formdata
// Entries are kept in a flat array [name0, value0, name1, value1, …]
// where a value is a string or a File; walked with index loops.

//
// Defined on first use, like Blob (see blob.js): FormData starts as an
// accessor on the global object.

// Taken at set-up: a route may replace the global later.
const URLSearchParamsCtor = global.URLSearchParams;

let F = null; // [FormData, serialize, parse] once defined

function define() {

  // [create an entry]: https://xhr.spec.whatwg.org/#create-an-entry
  function makeEntryValue(value, filename, argc, what) {
    // 2. If value is a Blob and not a File, it becomes a File named "blob".
    // 3. If filename is given, value becomes a File named filename.
    if (internals.isBlob(value)) {
      if (argc > 2 && filename !== undefined) {
        return internals.makeFile(internals.blobParts(value), internals.toUSVString(filename), value.type,
          internals.isFile(value) ? value.lastModified : undefined);
      }
      if (!internals.isFile(value)) return internals.makeFile(internals.blobParts(value), 'blob', value.type);
      return value;
    }
    if (argc > 2) {
      throw new TypeError(`Failed to execute '${what}' on 'FormData': parameter 2 is not of type 'Blob'.`);
    }
    return internals.toUSVString(value);
  }

  class FormData {
    #list = [];

    constructor(form = undefined, submitter = undefined) {
      if (form !== undefined) {
        throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement' (there are no forms in the edge runtime).");
      }
    }

    append(name, value, filename = undefined) {
      internals.requiredArgs(arguments.length, 2, "'append' on 'FormData'");
      const n = internals.toUSVString(name);
      this.#list.push(n, makeEntryValue(value, filename, arguments.length, 'append'));
    }

    delete(name) {
      internals.requiredArgs(arguments.length, 1, "'delete' on 'FormData'");
      const n = internals.toUSVString(name);
      const l = this.#list;
      let w = 0;
      for (let r = 0; r < l.length; r += 2) {
        if (l[r] !== n) { l[w] = l[r]; l[w + 1] = l[r + 1]; w += 2; }
      }
      l.length = w;
    }

    get(name) {
      internals.requiredArgs(arguments.length, 1, "'get' on 'FormData'");
      const n = internals.toUSVString(name);
      const l = this.#list;
      for (let i = 0; i < l.length; i += 2) if (l[i] === n) return l[i + 1];
      return null;
    }

    getAll(name) {
      internals.requiredArgs(arguments.length, 1, "'getAll' on 'FormData'");
      const n = internals.toUSVString(name);
      const l = this.#list;
      const out = [];
      for (let i = 0; i < l.length; i += 2) if (l[i] === n) out.push(l[i + 1]);
      return out;
    }

    has(name) {
      internals.requiredArgs(arguments.length, 1, "'has' on 'FormData'");
      const n = internals.toUSVString(name);
      const l = this.#list;
      for (let i = 0; i < l.length; i += 2) if (l[i] === n) return true;
      return false;
    }

    // [set]: replace the first entry named name, remove the others; append
    // when there is none.
    set(name, value, filename = undefined) {
      internals.requiredArgs(arguments.length, 2, "'set' on 'FormData'");
      const n = internals.toUSVString(name);
      const v = makeEntryValue(value, filename, arguments.length, 'set');
      const l = this.#list;
      let found = false;
      let w = 0;
      for (let r = 0; r < l.length; r += 2) {
        if (l[r] === n) {
          if (found) continue;
          found = true;
          l[w] = n; l[w + 1] = v; w += 2;
          continue;
        }
        l[w] = l[r]; l[w + 1] = l[r + 1]; w += 2;
      }
      l.length = w;
      if (!found) l.push(n, v);
    }

    forEach(callback, thisArg = undefined) {
      if (typeof callback !== 'function') {
        throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
      }
      const l = this.#list;
      for (let i = 0; i < l.length; i += 2) callback.call(thisArg, l[i + 1], l[i], this);
    }

    entries() { return iterate(this, 'key+value'); }
    keys() { return iterate(this, 'key'); }
    values() { return iterate(this, 'value'); }
    [Symbol.iterator]() { return iterate(this, 'key+value'); }

    static list(f) { return f.#list; }
    static isFormData(f) { return f !== null && typeof f === 'object' && #list in f; }
  }
  internals.tag(FormData);

  // The iterator is live: it reads the entry list at each step.
  const FormDataIteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  const kTarget = Symbol('target');
  Object.defineProperty(FormDataIteratorPrototype, 'next', {
    value: function next() {
      const st = this[kTarget];
      if (!st) throw new TypeError("'next' called on an object that does not implement interface FormData Iterator.");
      const l = FormData.list(st.form);
      if (st.index >= l.length) return { value: undefined, done: true };
      const i = st.index;
      st.index += 2;
      const value = st.kind === 'key' ? l[i] : st.kind === 'value' ? l[i + 1] : [l[i], l[i + 1]];
      return { value, done: false };
    },
    writable: true, configurable: true,
  });
  Object.defineProperty(FormDataIteratorPrototype, Symbol.toStringTag, { value: 'FormData Iterator', configurable: true });
  function iterate(form, kind) {
    const it = Object.create(FormDataIteratorPrototype);
    Object.defineProperty(it, kTarget, { value: { form, kind, index: 0 } });
    return it;
  }

  // [multipart/form-data encoding]: https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart-form-data
  // Names and filenames escape LF, CR and '"' as %0A, %0D, %22; names and
  // string values have their line breaks normalised to CRLF.
  const escapeRe = /[\n\r"]/g;
  const escapes = { '\n': '%0A', '\r': '%0D', '"': '%22' };
  const escapeName = (s) => s.replace(escapeRe, (c) => escapes[c]);
  const crlfRe = /\r\n|\r|\n/g;
  const normalizeLinefeeds = (s) => s.replace(crlfRe, '\r\n');

  // serialize returns [Uint8Array body, boundary].
  function serialize(form) {
    // A boundary like undici's: dashes and random digits, never found in a
    // part by chance.
    let boundary = '----formdata-edgeplay-0';
    for (let i = 0; i < 11; i++) boundary += Math.floor(Math.random() * 10);
    const l = FormData.list(form);
    const chunks = [];
    let total = 0;
    const push = (c) => { chunks.push(c); total += c.byteLength; };
    const prefix = `--${boundary}\r\nContent-Disposition: form-data; name="`;
    for (let i = 0; i < l.length; i += 2) {
      const name = escapeName(normalizeLinefeeds(l[i]));
      const v = l[i + 1];
      if (typeof v === 'string') {
        push(internals.utf8Encode(`${prefix}${name}"\r\n\r\n${normalizeLinefeeds(v)}\r\n`));
      } else {
        push(internals.utf8Encode(`${prefix}${name}"; filename="${escapeName(v.name)}"\r\nContent-Type: ${v.type || 'application/octet-stream'}\r\n\r\n`));
        push(internals.blobParts(v));
        push(internals.utf8Encode('\r\n'));
      }
    }
    push(internals.utf8Encode(`--${boundary}--\r\n`));
    const out = new Uint8Array(total);
    let off = 0;
    for (let i = 0; i < chunks.length; i++) {
      out.set(chunks[i], off);
      off += chunks[i].byteLength;
    }
    return [out, boundary];
  }

  // [formData()]: https://fetch.spec.whatwg.org/#dom-body-formdata
  // parse(bytes, contentType) builds a FormData from a body, by its MIME
  // type's essence; a malformed body or another type is a TypeError.
  function parse(bytes, contentType) {
    const essence = contentType === null || contentType === undefined ? '' : String(contentType).split(';')[0].trim().toLowerCase();
    const fd = new FormData();
    const l = FormData.list(fd);
    if (essence === 'multipart/form-data') {
      // [name, filename|null, type, string|Uint8Array, …] from Go.
      const parts = native.parseMultipart(bytes, String(contentType));
      for (let i = 0; i < parts.length; i += 4) {
        const filename = parts[i + 1];
        l.push(parts[i], filename === null ? parts[i + 3] : internals.makeFile(parts[i + 3], filename, parts[i + 2]));
      }
      return fd;
    }
    if (essence === 'application/x-www-form-urlencoded') {
      // A leading '&' keeps URLSearchParams from stripping a leading '?',
      // which the urlencoded parser treats as part of the first name.
      const p = new URLSearchParamsCtor('&' + internals.utf8Decode(bytes));
      p.forEach((value, name) => { l.push(name, value); });
      return fd;
    }
    throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
  }
  return [FormData, serialize, parse];
}

const getter = function () { return load()[0]; };
function load() {
  if (F !== null) return F;
  F = define();
  const d = Object.getOwnPropertyDescriptor(global, 'FormData');
  if (d !== undefined && d.get === getter) internals.defineGlobal('FormData', F[0]);
  return F;
}
Object.defineProperty(global, 'FormData', {
  get: getter,
  set(v) { Object.defineProperty(global, 'FormData', { value: v, writable: true, enumerable: false, configurable: true }); },
  enumerable: false,
  configurable: true,
});

Object.defineProperty(internals, 'FormData', { get() { return load()[0]; }, configurable: true });
internals.isFormData = (v) => F !== null && F[0].isFormData(v);
internals.formDataList = (f) => load()[0].list(f);
internals.serializeFormData = (f) => load()[1](f);
internals.parseFormData = (bytes, type) => load()[2](bytes, type);
