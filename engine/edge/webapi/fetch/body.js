// [Body mixin]: https://fetch.spec.whatwg.org/#body-mixin
// A body is kept in the cheapest form it arrived in — a string, bytes, a Go
// source (request bodies) or a stream — and turned into a ReadableStream only
// when `.body` is read, so that `new Response('Hello')` and `await req.text()`
// never build a stream.

const KIND_NONE = 0, KIND_STRING = 1, KIND_BYTES = 2, KIND_STREAM = 3, KIND_NATIVE = 4;

class BodyState {
  constructor(kind, value, length) {
    this.kind = kind; // one of KIND_*
    this.value = value; // string | Uint8Array | ReadableStream | Go source
    this.length = length; // byte length when known, else -1
    this.stream = kind === KIND_STREAM ? value : null;
    this.used = false;
  }
}
const noBody = () => new BodyState(KIND_NONE, null, 0);

function copyBytes(v) {
  if (v instanceof ArrayBuffer) return new Uint8Array(v.slice(0));
  return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
}

// [extract a body]: https://fetch.spec.whatwg.org/#concept-bodyinit-extract
// Returns [BodyState, Content-Type or null].
function extractBody(init) {
  if (typeof init === 'string') return [new BodyState(KIND_STRING, init, -1), 'text/plain;charset=UTF-8'];
  if (init instanceof ArrayBuffer || ArrayBuffer.isView(init)) {
    const b = copyBytes(init);
    return [new BodyState(KIND_BYTES, b, b.byteLength), null];
  }
  if (internals.isReadableStream(init)) {
    if (init.locked) throw new TypeError('Response body object should not be disturbed or locked');
    return [new BodyState(KIND_STREAM, init, -1), null];
  }
  if (internals.isURLSearchParams && internals.isURLSearchParams(init)) {
    return [new BodyState(KIND_STRING, String(init), -1), 'application/x-www-form-urlencoded;charset=UTF-8'];
  }
  if (internals.isBlob(init)) {
    // Copied: a clone's consumer may write to what bytes() returns.
    const b = internals.blobParts(init).slice();
    return [new BodyState(KIND_BYTES, b, b.byteLength), init.type === '' ? null : init.type];
  }
  if (internals.isFormData(init)) {
    const [b, boundary] = internals.serializeFormData(init);
    return [new BodyState(KIND_BYTES, b, b.byteLength), 'multipart/form-data; boundary=' + boundary];
  }
  return [new BodyState(KIND_STRING, String(init), -1), 'text/plain;charset=UTF-8'];
}

function isDisturbed(stream) {
  // web-streams-polyfill marks a stream disturbed once read or cancelled;
  // a locked stream counts as unusable too.
  return stream._disturbed === true || stream.locked;
}

function bodyUsed(b) {
  if (b.used) return true;
  return b.stream !== null && isDisturbed(b.stream);
}

function bodyStream(b) {
  if (b.stream !== null) return b.stream;
  switch (b.kind) {
    case KIND_NONE: return null;
    case KIND_STRING: b.stream = internals.readableFromBytes(internals.utf8Encode(b.value)); break;
    case KIND_BYTES: b.stream = internals.readableFromBytes(b.value); break;
    case KIND_NATIVE: b.stream = internals.readableFromNative(b.value); break;
  }
  return b.stream;
}

function unusable() {
  return new TypeError('Body is unusable: Body has already been read');
}

// consumeBytes and consumeText implement [consume body] with fast paths for
// bodies that never became a stream.
async function consumeBytes(b) {
  // A null body reads as empty and is never "used" (bodyUsed stays false).
  if (b.kind === KIND_NONE && b.stream === null) return new Uint8Array(0);
  if (bodyUsed(b)) throw unusable();
  if (b.stream === null) {
    b.used = true;
    switch (b.kind) {
      case KIND_NONE: return new Uint8Array(0);
      case KIND_STRING: return internals.utf8Encode(b.value);
      case KIND_BYTES: return b.value;
      case KIND_NATIVE: return internals.readAllNative(b.value);
    }
  }
  return internals.readAllBytes(b.stream);
}

async function consumeText(b) {
  if (b.kind === KIND_STRING && b.stream === null) {
    if (b.used) throw unusable();
    b.used = true;
    return b.value;
  }
  return internals.utf8Decode(await consumeBytes(b));
}

// cloneBody tees a stream body; other kinds are shared as they are immutable.
function cloneBody(b) {
  if (bodyUsed(b)) throw new TypeError('Response.clone: Body has already been consumed.');
  if (b.kind === KIND_NATIVE || b.kind === KIND_STREAM) {
    const [s1, s2] = bodyStream(b).tee();
    b.stream = s1;
    b.kind = KIND_STREAM;
    b.value = s1;
    const c = new BodyState(KIND_STREAM, s2, b.length);
    return c;
  }
  return new BodyState(b.kind, b.value, b.length);
}

const bodyMethods = {
  async arrayBuffer(b) {
    const u8 = await consumeBytes(b);
    return u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? u8.buffer : u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
  },
  async bytes(b) { return consumeBytes(b); },
  async text(b) { return consumeText(b); },
  async json(b) { return JSON.parse(await consumeText(b)); },
  async blob(b, type) {
    return new internals.Blob([await consumeBytes(b)], { type: type || '' });
  },
  // [formData()]: parsed by the body's Content-Type (multipart/form-data
  // or application/x-www-form-urlencoded); anything else is a TypeError.
  async formData(b, type) {
    return internals.parseFormData(await consumeBytes(b), type);
  },
};

// takeBody hands a body over to fetch: it is used from then on.
function takeBody(b) {
  if (bodyUsed(b)) throw unusable();
  if (b.kind !== KIND_NONE && b.stream === null) b.used = true;
  return b;
}

// bodyParts describes a body for Go: [kind, value, length].
function bodyParts(b) {
  if (bodyUsed(b)) throw unusable();
  if (b.stream !== null) return [KIND_STREAM, b.stream, b.length];
  return [b.kind, b.value, b.length];
}
