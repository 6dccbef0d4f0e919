// [structuredClone]: https://html.spec.whatwg.org/multipage/structured-data.html#dom-structuredclone
// [StructuredSerializeInternal]: https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal
// [StructuredDeserialize]: https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize
//
// Serialize and deserialize run as one walk: each value's copy is made as
// soon as the value is read. The memory map gives cycles and shared
// references (an ArrayBuffer shared by two views is copied once). Kinds come
// from Go (clone.go), which sees internal slots.

const OBJECT = 0, ARRAY = 1, BOOLEAN = 2, NUMBER = 3, BIGINT = 4, STRING = 5, DATE = 6, REGEXP = 7;
const ARRAY_BUFFER = 8, TYPED_ARRAY = 9, MAP = 10, SET = 11, ERROR = 12, UNCLONEABLE = 13;

// Intrinsics, taken before route code runs.
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const ObjectPrototype = Object.prototype;
const getPrototypeOf = Object.getPrototypeOf;
const objectKeys = Object.keys;
const hasOwn = Object.prototype.hasOwnProperty;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const defineProperty = Object.defineProperty;
const isView = ArrayBuffer.isView;
const BooleanValueOf = Boolean.prototype.valueOf;
const NumberValueOf = Number.prototype.valueOf;
const BigIntValueOf = BigInt.prototype.valueOf;
const StringValueOf = String.prototype.valueOf;
const DateGetTime = Date.prototype.getTime;
const RegExpSource = getter(RegExp.prototype, 'source');
const RegExpFlags = getter(RegExp.prototype, 'flags');
const ArrayBufferSlice = ArrayBuffer.prototype.slice;
const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
const TypedArrayName = getter(TypedArrayPrototype, Symbol.toStringTag);
const TypedArrayBuffer = getter(TypedArrayPrototype, 'buffer');
const TypedArrayByteOffset = getter(TypedArrayPrototype, 'byteOffset');
const TypedArrayLength = getter(TypedArrayPrototype, 'length');
const DataViewBuffer = getter(DataView.prototype, 'buffer');
const DataViewByteOffset = getter(DataView.prototype, 'byteOffset');
const DataViewByteLength = getter(DataView.prototype, 'byteLength');
const MapForEach = Map.prototype.forEach;
const MapSet = Map.prototype.set;
const SetForEach = Set.prototype.forEach;
const SetAdd = Set.prototype.add;
const WeakMapHas = WeakMap.prototype.has;
const WeakSetHas = WeakSet.prototype.has;
const DOMExceptionName = getter(DOMException.prototype, 'name');
const DOMExceptionMessage = getter(DOMException.prototype, 'message');
const typedArrays = {
  __proto__: null,
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array,
  BigInt64Array, BigUint64Array,
};
const errorTypes = {
  __proto__: null,
  Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};
// Objects with internal state of the engine that are not ordinary objects:
// iterators and generators (WeakMap and WeakSet are brand-checked below).
const iteratorPrototypes = [
  getPrototypeOf([][Symbol.iterator]()), getPrototypeOf(new Map()[Symbol.iterator]()),
  getPrototypeOf(new Set()[Symbol.iterator]()), getPrototypeOf(''[Symbol.iterator]()),
  getPrototypeOf(function* () {}).prototype,
];

// Platform objects (instances of the Web API interfaces) are not ordinary:
// only the [Serializable] ones clone. Their prototypes are looked up on the
// first call, once every API has been set up.
const platformInterfaces = ['URL', 'URLSearchParams', 'URLPattern', 'Headers', 'Request', 'Response', 'FormData', 'Blob', 'File',
  'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamDefaultController',
  'ReadableByteStreamController', 'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
  'TransformStream', 'TransformStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
  'TextEncoderStream', 'TextDecoderStream', 'CompressionStream', 'DecompressionStream', 'TextEncoder', 'TextDecoder',
  'EventTarget', 'Event', 'AbortController', 'Crypto', 'CryptoKey', 'SubtleCrypto', 'FetchEvent'];
let platformPrototypes = null;
function platformInterfaceOf(value) {
  if (platformPrototypes === null) {
    platformPrototypes = new Map();
    for (let i = 0; i < platformInterfaces.length; i++) {
      const C = global[platformInterfaces[i]];
      if (typeof C === 'function' && C.prototype) platformPrototypes.set(C.prototype, platformInterfaces[i]);
    }
  }
  for (let p = getPrototypeOf(value); p !== null && p !== ObjectPrototype; p = getPrototypeOf(p)) {
    const name = platformPrototypes.get(p);
    if (name !== undefined) return name;
  }
  return undefined;
}

function dataCloneError(what) {
  return new DOMException(what + ' could not be cloned.', 'DataCloneError');
}

function describe(value) {
  if (typeof value === 'function') return (value.name ? 'function ' + value.name : 'function') + '()';
  if (typeof value === 'symbol') return String(value);
  return '#<Object>';
}

// StructuredSerializeInternal + StructuredDeserialize of value.
function clone(value, memory) {
  // 3–4. Primitives are their own copy; symbols cannot be cloned.
  const t = typeof value;
  if (t !== 'object' || value === null) {
    if (t === 'function' || t === 'symbol') throw dataCloneError(describe(value));
    return value;
  }
  // 1. If memory[value] exists, return it (cycles, shared references).
  const seen = memory.get(value);
  if (seen !== undefined) return seen;

  let out;
  switch (native.kind(value)) {
    case BOOLEAN: out = new Boolean(BooleanValueOf.call(value)); break;
    case NUMBER: out = new Number(NumberValueOf.call(value)); break;
    case BIGINT: out = Object(BigIntValueOf.call(value)); break;
    case STRING: out = new String(StringValueOf.call(value)); break;
    case DATE: out = new Date(DateGetTime.call(value)); break;
    // 11. RegExp: source and flags; lastIndex is not kept.
    case REGEXP: out = new RegExp(RegExpSource.call(value), RegExpFlags.call(value)); break;
    // 12. ArrayBuffer: a detached one throws; otherwise copy the bytes.
    case ARRAY_BUFFER:
      if (native.isDetached(value)) throw new DOMException('An ArrayBuffer is detached and could not be cloned.', 'DataCloneError');
      out = ArrayBufferSlice.call(value, 0);
      break;
    // 13. Views clone their buffer through memory, then view it the same way.
    case TYPED_ARRAY: {
      const buffer = TypedArrayBuffer.call(value);
      if (native.isDetached(buffer)) throw new DOMException('An ArrayBuffer is detached and could not be cloned.', 'DataCloneError');
      const Ctor = typedArrays[TypedArrayName.call(value)];
      out = new Ctor(clone(buffer, memory), TypedArrayByteOffset.call(value), TypedArrayLength.call(value));
      break;
    }
    case MAP: return cloneMap(value, memory);
    case SET: return cloneSet(value, memory);
    case ARRAY: return cloneArray(value, memory);
    case ERROR: return cloneError(value, memory);
    case UNCLONEABLE: throw dataCloneError(describe(value));
    default: return cloneObject(value, memory);
  }
  memory.set(value, out);
  return out;
}

// 14. Map: copy the entries, then clone each key and value.
function cloneMap(value, memory) {
  const out = new Map();
  memory.set(value, out);
  const entries = [];
  MapForEach.call(value, (v, k) => { entries.push(k, v); });
  for (let i = 0; i < entries.length; i += 2) MapSet.call(out, clone(entries[i], memory), clone(entries[i + 1], memory));
  return out;
}

// 15. Set.
function cloneSet(value, memory) {
  const out = new Set();
  memory.set(value, out);
  const entries = [];
  SetForEach.call(value, (v) => { entries.push(v); });
  for (let i = 0; i < entries.length; i++) SetAdd.call(out, clone(entries[i], memory));
  return out;
}

// 17. Array: the same length (holes stay holes), then every enumerable own
// property, indices and others.
function cloneArray(value, memory) {
  const out = new Array(getOwnPropertyDescriptor(value, 'length').value);
  memory.set(value, out);
  copyProperties(value, out, memory);
  return out;
}

// 26. Ordinary objects: a new plain object with the enumerable own string
// keys. (Prototype and private fields stay behind.)
function copyProperties(value, out, memory) {
  const keys = objectKeys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    // The property may have gone while cloning an earlier one.
    if (!hasOwn.call(value, key)) continue;
    const v = clone(value[key], memory);
    // CreateDataProperty: '__proto__' is an own property, not the prototype.
    if (key === '__proto__') defineProperty(out, key, { value: v, writable: true, enumerable: true, configurable: true });
    else out[key] = v;
  }
}

// 16. Error: name (one of the standard ones, else "Error"), message if it
// is an own data property; the stack and cause come along too.
function cloneError(value, memory) {
  if (DOMException.prototype.isPrototypeOf(value)) {
    let name;
    try { name = DOMExceptionName.call(value); } catch (e) { name = undefined; }
    if (name !== undefined) {
      // DOMException is [Serializable]: name and message.
      const out = new DOMException(DOMExceptionMessage.call(value), name);
      memory.set(value, out);
      copyStack(value, out);
      return out;
    }
  }
  const name = value.name;
  const Ctor = typeof name === 'string' && errorTypes[name] !== undefined ? errorTypes[name] : Error;
  const messageDesc = getOwnPropertyDescriptor(value, 'message');
  const message = messageDesc !== undefined && 'value' in messageDesc ? String(messageDesc.value) : undefined;
  const out = message === undefined ? new Ctor() : new Ctor(message);
  memory.set(value, out);
  copyStack(value, out);
  const causeDesc = getOwnPropertyDescriptor(value, 'cause');
  if (causeDesc !== undefined && 'value' in causeDesc) {
    defineProperty(out, 'cause', { value: clone(causeDesc.value, memory), writable: true, enumerable: false, configurable: true });
  }
  return out;
}

function copyStack(value, out) {
  const d = getOwnPropertyDescriptor(value, 'stack');
  if (d !== undefined && typeof d.value === 'string') {
    defineProperty(out, 'stack', { value: d.value, writable: true, enumerable: false, configurable: true });
  }
}

function cloneObject(value, memory) {
  // A DataView: clone its buffer, view it the same way.
  if (isView(value)) {
    const buffer = DataViewBuffer.call(value);
    if (native.isDetached(buffer)) throw new DOMException('An ArrayBuffer is detached and could not be cloned.', 'DataCloneError');
    const out = new DataView(clone(buffer, memory), DataViewByteOffset.call(value), DataViewByteLength.call(value));
    memory.set(value, out);
    return out;
  }
  const proto = getPrototypeOf(value);
  if (proto !== ObjectPrototype && proto !== null) {
    if (isBlobObject(value)) return cloneBlob(value, memory);
    // 18–19. Platform objects: only the [Serializable] ones.
    const iface = platformInterfaceOf(value);
    if (iface !== undefined) return clonePlatformObject(value, iface, memory);
    // 20. Objects with other internal slots (WeakMap, WeakSet, iterators,
    // generators) cannot be cloned.
    for (let i = 0; i < iteratorPrototypes.length; i++) {
      if (iteratorPrototypes[i].isPrototypeOf(value)) throw dataCloneError(describe(value));
    }
    if (isWeakCollection(value)) throw dataCloneError(describe(value));
  }
  const out = {};
  memory.set(value, out);
  copyProperties(value, out, memory);
  return out;
}

function isWeakCollection(value) {
  try { WeakMapHas.call(value, ObjectPrototype); return true; } catch (e) { /* not a WeakMap */ }
  try { WeakSetHas.call(value, ObjectPrototype); return true; } catch (e) { /* not a WeakSet */ }
  return false;
}

// Blob and File are [Serializable] (https://w3c.github.io/FileAPI/#blob-section:
// the serialization steps keep the snapshot state and type, File adds name
// and lastModified). Their bytes are immutable, so the copy shares them.
// The blob API exposes internals.isBlob/isFile/blobParts/makeBlob/makeFile.
function isBlobObject(value) {
  return typeof internals.isBlob === 'function' && typeof internals.blobParts === 'function' && internals.isBlob(value);
}
function cloneBlob(value, memory) {
  const bytes = internals.blobParts(value);
  const out = typeof internals.isFile === 'function' && internals.isFile(value)
    ? internals.makeFile(bytes, value.name, value.type, value.lastModified)
    : internals.makeBlob(bytes, value.type);
  memory.set(value, out);
  return out;
}

// Other platform objects throw.
function clonePlatformObject(value, iface, memory) {
  if (isBlobObject(value)) return cloneBlob(value, memory);
  throw new DOMException(`${iface} object could not be cloned.`, 'DataCloneError');
}

// https://html.spec.whatwg.org/multipage/structured-data.html#dom-structuredclone
function structuredClone(value, options = undefined) {
  if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'structuredClone'");
  // StructuredSerializeOptions: {transfer: sequence<object> = []}.
  let transfer = [];
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeError("Failed to execute 'structuredClone': The provided value is not of type 'StructuredSerializeOptions'.");
    }
    const t = options.transfer;
    if (t !== undefined) {
      if (t === null || typeof t !== 'object' || typeof t[Symbol.iterator] !== 'function') {
        throw new TypeError("Failed to execute 'structuredClone': The provided value cannot be converted to a sequence.");
      }
      transfer = Array.isArray(t) ? t.slice() : Array.from(t);
      for (let i = 0; i < transfer.length; i++) {
        const x = transfer[i];
        if (x === null || (typeof x !== 'object' && typeof x !== 'function')) {
          throw new TypeError("Failed to execute 'structuredClone': Failed to convert value to 'object'.");
        }
      }
    }
  }
  // StructuredSerializeWithTransfer:
  // 1–2. Each transferable must be a (non-shared) ArrayBuffer, not detached,
  // listed once; memory maps it to its transferred copy.
  const memory = new Map();
  for (let i = 0; i < transfer.length; i++) {
    const x = transfer[i];
    if (native.kind(x) !== ARRAY_BUFFER) throw new DOMException('Value at index ' + i + ' does not have a transferable type.', 'DataCloneError');
    if (memory.has(x)) throw new DOMException('ArrayBuffer at index ' + i + ' is a duplicate of an earlier ArrayBuffer.', 'DataCloneError');
    if (native.isDetached(x)) throw new DOMException('ArrayBuffer at index ' + i + ' is already detached.', 'DataCloneError');
    memory.set(x, native.transfer(x));
  }
  // 3. Serialize (and here also deserialize) value.
  const out = clone(value, memory);
  // 4. Detach each transferred ArrayBuffer: its bytes now belong to the clone.
  for (let i = 0; i < transfer.length; i++) {
    if (native.isDetached(transfer[i])) throw new DOMException('ArrayBuffer at index ' + i + ' is already detached.', 'DataCloneError');
  }
  for (let i = 0; i < transfer.length; i++) native.detach(transfer[i]);
  return out;
}

internals.defineGlobal('structuredClone', structuredClone);
internals.structuredClone = structuredClone;
