// [SubtleCrypto]: https://w3c.github.io/webcrypto/#subtlecrypto-interface
// [CryptoKey]: https://w3c.github.io/webcrypto/#cryptokey-interface
//
// This half does what WebIDL and the generic method steps do: convert the
// arguments, normalize the algorithm, check that the key's algorithm and
// usages permit the operation. The algorithm-specific steps and the crypto
// run in Go (native.*). Every method is async, so any throw is a rejection,
// as WebIDL says for promise-returning operations.

const DOMExc = global.DOMException;
const jsonStringify = JSON.stringify;
const jsonParse = JSON.parse;

// A CryptoKey's internal slots live in one private field: the Go handle
// (opaque to JS; key material never leaves Go but through exportKey), and
// copies of type, extractable, the algorithm's name and the usages that
// user code cannot change. algorithm and usages are the cached objects the
// attributes return.
let slotsOf;
class CryptoKey {
  #s;
  constructor(key = undefined, slots = undefined) {
    if (key !== kInternal) internals.illegalConstructor();
    this.#s = slots;
  }
  get type() { return slotsOrThrow(this).type; }
  get extractable() { return slotsOrThrow(this).extractable; }
  get algorithm() { return slotsOrThrow(this).algorithm; }
  get usages() { return slotsOrThrow(this).usagesCached; }
  static {
    slotsOf = (k) => (k !== null && typeof k === 'object' && #s in k ? k.#s : undefined);
  }
}
internals.tag(CryptoKey);
function slotsOrThrow(k) {
  const s = slotsOf(k);
  if (s === undefined) throw new TypeError('Illegal invocation');
  return s;
}

native.bind(function makeKey(handle, type, extractable, algorithm, usages) {
  return new CryptoKey(kInternal, {
    handle, type, extractable, name: algorithm.name, algorithm,
    usages, usagesCached: usages.slice(),
  });
});

const usageNames = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey'];
const formats = ['raw', 'spki', 'pkcs8', 'jwk'];

const fail = (method, msg) => new TypeError(`Failed to execute '${method}' on 'SubtleCrypto': ${msg}`);
const domError = (msg, name) => new DOMExc(msg, name);
const isBufferSource = (v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v);

// Argument conversions (WebIDL).
function keyArg(v, method, pos) {
  const s = slotsOf(v);
  if (s === undefined) throw fail(method, `parameter ${pos} is not of type 'CryptoKey'.`);
  return s;
}
function bufferArg(v, method, pos) {
  if (!isBufferSource(v)) throw fail(method, `parameter ${pos} is not of type '(ArrayBuffer or ArrayBufferView)'.`);
  return v;
}
function formatArg(v, method) {
  const f = `${v}`;
  if (!formats.includes(f)) throw fail(method, `The provided value '${f}' is not a valid enum value of type KeyFormat.`);
  return f;
}
// sequence<KeyUsage>, duplicates dropped.
function usagesArg(v, method) {
  if (v === null || typeof v !== 'object' || typeof v[Symbol.iterator] !== 'function') {
    throw fail(method, 'The provided value cannot be converted to a sequence.');
  }
  const list = Array.isArray(v) ? v : Array.from(v);
  const out = [];
  for (let i = 0; i < list.length; i++) {
    const u = `${list[i]}`;
    if (!usageNames.includes(u)) throw fail(method, `The provided value '${u}' is not a valid enum value of type KeyUsage.`);
    if (!out.includes(u)) out.push(u);
  }
  return out;
}
function stringSequence(v, what) {
  if (v === null || typeof v !== 'object' || typeof v[Symbol.iterator] !== 'function') {
    throw new TypeError(`${what} cannot be converted to a sequence.`);
  }
  const list = Array.isArray(v) ? v : Array.from(v);
  const out = [];
  for (let i = 0; i < list.length; i++) out.push(`${list[i]}`);
  return out;
}

// The JsonWebKey dictionary, members in WebIDL (lexicographic) order.
const jwkStrings = ['alg', 'crv', 'd', 'dp', 'dq', 'e', 'k', 'kty', 'n', 'p', 'q', 'qi', 'use', 'x', 'y'];
function toJWK(v) {
  const out = {};
  if (v === undefined || v === null) return out;
  if (typeof v !== 'object' && typeof v !== 'function') throw new TypeError('The key data is not a JsonWebKey dictionary.');
  for (let i = 0; i < jwkStrings.length; i++) {
    const m = jwkStrings[i];
    const x = v[m];
    if (x !== undefined) out[m] = `${x}`;
  }
  if (v.ext !== undefined) out.ext = !!v.ext;
  if (v.key_ops !== undefined) out.key_ops = stringSequence(v.key_ops, 'JsonWebKey.key_ops');
  if (v.oth !== undefined) out.oth = true;
  return out;
}

// [EnforceRange] integer conversion.
function enforceRange(v, max, what) {
  const x = Number(v);
  if (!Number.isFinite(x)) throw new TypeError(`${what} is not a finite number.`);
  const t = Math.trunc(x);
  if (t < 0 || t > max) throw new TypeError(`${what} is outside the range 0 to ${max}.`);
  return t;
}

// [Algorithm normalization]: https://w3c.github.io/webcrypto/#algorithm-normalization-normalize-an-algorithm
// The registry is built on first use, so isolates that never touch
// crypto.subtle don't pay for it.
let registry;
function buildRegistry() {
  const B = 'buffer', H = 'hash', UL = 'ulong', US = 'ushort', O = 'octet', S = 'string', BI = 'bigint', K = 'key';
  // Dictionaries: [member, type, required], in WebIDL order (inherited
  // members first, then lexicographic).
  const none = [];
  const hmacParams = [['hash', H, true], ['length', UL, false]];
  const rsaGen = [['modulusLength', UL, true], ['publicExponent', BI, true], ['hash', H, true]];
  const rsaImport = [['hash', H, true]];
  const ecParams = [['namedCurve', S, true]];
  const aesLength = [['length', US, true]];
  const ecdhDerive = [['public', K, true]];
  const table = (entries) => {
    const m = Object.create(null);
    for (let i = 0; i < entries.length; i++) m[entries[i][0].toLowerCase()] = entries[i];
    return m;
  };
  const cipher = table([
    ['RSA-OAEP', [['label', B, false]]],
    ['AES-CTR', [['counter', B, true], ['length', O, true]]],
    ['AES-CBC', [['iv', B, true]]],
    ['AES-GCM', [['additionalData', B, false], ['iv', B, true], ['tagLength', O, false]]],
  ]);
  const signing = table([
    ['RSASSA-PKCS1-v1_5', none], ['RSA-PSS', [['saltLength', UL, true]]],
    ['ECDSA', [['hash', H, true]]], ['HMAC', none], ['Ed25519', none],
  ]);
  const kw = table([['AES-KW', none]]);
  return {
    encrypt: cipher, decrypt: cipher, sign: signing, verify: signing, wrapKey: kw, unwrapKey: kw,
    digest: table([['SHA-1', none], ['SHA-256', none], ['SHA-384', none], ['SHA-512', none]]),
    generateKey: table([
      ['RSASSA-PKCS1-v1_5', rsaGen], ['RSA-PSS', rsaGen], ['RSA-OAEP', rsaGen],
      ['ECDSA', ecParams], ['ECDH', ecParams],
      ['AES-CTR', aesLength], ['AES-CBC', aesLength], ['AES-GCM', aesLength], ['AES-KW', aesLength],
      ['HMAC', hmacParams], ['Ed25519', none], ['X25519', none],
    ]),
    importKey: table([
      ['RSASSA-PKCS1-v1_5', rsaImport], ['RSA-PSS', rsaImport], ['RSA-OAEP', rsaImport],
      ['ECDSA', ecParams], ['ECDH', ecParams], ['HMAC', hmacParams],
      ['AES-CTR', none], ['AES-CBC', none], ['AES-GCM', none], ['AES-KW', none],
      ['PBKDF2', none], ['HKDF', none], ['Ed25519', none], ['X25519', none],
    ]),
    deriveBits: table([
      ['ECDH', ecdhDerive], ['X25519', ecdhDerive],
      ['HKDF', [['hash', H, true], ['info', B, true], ['salt', B, true]]],
      ['PBKDF2', [['hash', H, true], ['iterations', UL, true], ['salt', B, true]]],
    ]),
    'get key length': table([
      ['AES-CTR', aesLength], ['AES-CBC', aesLength], ['AES-GCM', aesLength], ['AES-KW', aesLength],
      ['HMAC', hmacParams], ['HKDF', none], ['PBKDF2', none],
    ]),
  };
}

const asciiLower = (s) => s.replace(/[A-Z]+/g, (c) => c.toLowerCase());

function normalize(op, alg) {
  // 1. A DOMString is {name: alg}. (A non-object converts to DOMString.)
  if (alg === null || (typeof alg !== 'object' && typeof alg !== 'function')) return normalize(op, { name: `${alg}` });
  if (registry === undefined) registry = buildRegistry();
  const nameValue = alg.name;
  if (nameValue === undefined) throw new TypeError("Algorithm: the required member 'name' is missing.");
  const name = `${nameValue}`;
  const entry = registry[op][asciiLower(name)];
  if (entry === undefined) throw domError(`Unrecognized algorithm name '${name}' for ${op}.`, 'NotSupportedError');
  const out = { name: entry[0] };
  const members = entry[1];
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    const m = member[0];
    const v = alg[m];
    if (v === undefined) {
      if (member[2]) throw new TypeError(`${entry[0]}: the required member '${m}' is missing.`);
      continue;
    }
    out[m] = convertMember(v, member[1], `${entry[0]}: ${m}`);
  }
  return out;
}

function convertMember(v, type, what) {
  switch (type) {
    case 'buffer':
      if (!isBufferSource(v)) throw new TypeError(`${what} is not of type '(ArrayBuffer or ArrayBufferView)'.`);
      return v;
    case 'hash': return normalize('digest', v).name;
    case 'ulong': return enforceRange(v, 4294967295, what);
    case 'ushort': return enforceRange(v, 65535, what);
    case 'octet': return enforceRange(v, 255, what);
    case 'string': return `${v}`;
    case 'bigint':
      if (!(v instanceof Uint8Array)) throw new TypeError(`${what} is not of type 'Uint8Array'.`);
      return v;
    case 'key': {
      const s = slotsOf(v);
      if (s === undefined) throw new TypeError(`${what} is not of type 'CryptoKey'.`);
      return s.handle;
    }
  }
  throw new TypeError(`${what}: unknown member type`);
}

// The generic checks of encrypt, sign, deriveBits, …: "If the name member
// of normalizedAlgorithm is not equal to the name attribute of the
// [[algorithm]] internal slot of key then throw an InvalidAccessError. If
// the [[usages]] internal slot of key does not contain an entry that is
// usage, then throw an InvalidAccessError."
function checkKey(alg, k, usage) {
  if (alg.name !== k.name) throw domError(`The key's algorithm (${k.name}) does not match the operation's (${alg.name}).`, 'InvalidAccessError');
  if (!k.usages.includes(usage)) throw domError(`The key's usages do not permit '${usage}'.`, 'InvalidAccessError');
}

// "get key length" for deriveKey.
function keyLength(a) {
  switch (a.name) {
    case 'HMAC':
      if (a.length === undefined) return a.hash === 'SHA-384' || a.hash === 'SHA-512' ? 1024 : 512;
      if (a.length !== 0) return a.length;
      throw new TypeError('HMAC: length must not be zero.');
    case 'HKDF':
    case 'PBKDF2':
      return null;
  }
  if (a.length !== 128 && a.length !== 192 && a.length !== 256) {
    throw domError('AES key length must be 128, 192 or 256 bits.', 'OperationError');
  }
  return a.length;
}

const exportable = (name) => name !== 'PBKDF2' && name !== 'HKDF';

function checkThis(self, n, needed, method) {
  if (self !== subtle) throw new TypeError('Illegal invocation');
  internals.requiredArgs(n, needed, `'${method}' on 'SubtleCrypto'`);
}

function normalizeOr(op, fallback, alg) {
  try {
    return normalize(op, alg);
  } catch (e) {
    return normalize(fallback, alg);
  }
}

class SubtleCrypto {
  constructor(key = undefined) {
    if (key !== kInternal) internals.illegalConstructor();
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-encrypt
  async encrypt(algorithm, key, data) {
    checkThis(this, arguments.length, 3, 'encrypt');
    const k = keyArg(key, 'encrypt', 2);
    bufferArg(data, 'encrypt', 3);
    const alg = normalize('encrypt', algorithm);
    checkKey(alg, k, 'encrypt');
    return native.cipher('encrypt', alg, k.handle, data);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-decrypt
  async decrypt(algorithm, key, data) {
    checkThis(this, arguments.length, 3, 'decrypt');
    const k = keyArg(key, 'decrypt', 2);
    bufferArg(data, 'decrypt', 3);
    const alg = normalize('decrypt', algorithm);
    checkKey(alg, k, 'decrypt');
    return native.cipher('decrypt', alg, k.handle, data);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-sign
  async sign(algorithm, key, data) {
    checkThis(this, arguments.length, 3, 'sign');
    const k = keyArg(key, 'sign', 2);
    bufferArg(data, 'sign', 3);
    const alg = normalize('sign', algorithm);
    checkKey(alg, k, 'sign');
    return native.sign(alg, k.handle, data);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-verify
  async verify(algorithm, key, signature, data) {
    checkThis(this, arguments.length, 4, 'verify');
    const k = keyArg(key, 'verify', 2);
    bufferArg(signature, 'verify', 3);
    bufferArg(data, 'verify', 4);
    const alg = normalize('verify', algorithm);
    checkKey(alg, k, 'verify');
    return native.verify(alg, k.handle, signature, data);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-digest
  async digest(algorithm, data) {
    checkThis(this, arguments.length, 2, 'digest');
    bufferArg(data, 'digest', 2);
    const alg = normalize('digest', algorithm);
    return native.digest(alg.name, data);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-generateKey
  async generateKey(algorithm, extractable, keyUsages) {
    checkThis(this, arguments.length, 3, 'generateKey');
    const usages = usagesArg(keyUsages, 'generateKey');
    const alg = normalize('generateKey', algorithm);
    return native.generateKey(alg, !!extractable, usages);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-importKey
  async importKey(format, keyData, algorithm, extractable, keyUsages) {
    checkThis(this, arguments.length, 5, 'importKey');
    const f = formatArg(format, 'importKey');
    const usages = usagesArg(keyUsages, 'importKey');
    const alg = normalize('importKey', algorithm);
    // "If format is "jwk" and keyData is not a JsonWebKey dictionary" (a
    // BufferSource), or the other way round: TypeError.
    let data;
    if (f === 'jwk') {
      if (isBufferSource(keyData)) throw fail('importKey', "a 'jwk' key must be a JsonWebKey dictionary, not a BufferSource.");
      data = toJWK(keyData);
    } else {
      if (!isBufferSource(keyData)) throw fail('importKey', `a '${f}' key must be a BufferSource.`);
      data = keyData;
    }
    return native.importKey(f, data, alg, !!extractable, usages);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-exportKey
  async exportKey(format, key) {
    checkThis(this, arguments.length, 2, 'exportKey');
    const f = formatArg(format, 'exportKey');
    const k = keyArg(key, 'exportKey', 2);
    return exportKey(f, k);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-deriveBits
  async deriveBits(algorithm, baseKey, length = null) {
    checkThis(this, arguments.length, 2, 'deriveBits');
    const k = keyArg(baseKey, 'deriveBits', 2);
    // unsigned long? (no [EnforceRange]: modulo 2^32).
    const len = length === null || length === undefined ? null : (Number(length) >>> 0);
    const alg = normalize('deriveBits', algorithm);
    checkKey(alg, k, 'deriveBits');
    return native.deriveBits(alg, k.handle, len);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-deriveKey
  async deriveKey(algorithm, baseKey, derivedKeyType, extractable, keyUsages) {
    checkThis(this, arguments.length, 5, 'deriveKey');
    const k = keyArg(baseKey, 'deriveKey', 2);
    const usages = usagesArg(keyUsages, 'deriveKey');
    const alg = normalize('deriveBits', algorithm);
    const importAlg = normalize('importKey', derivedKeyType);
    const lengthAlg = normalize('get key length', derivedKeyType);
    checkKey(alg, k, 'deriveKey');
    const length = keyLength(lengthAlg);
    const secret = await native.deriveBits(alg, k.handle, length);
    return native.importKey('raw', secret, importAlg, !!extractable, usages);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-wrapKey
  async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    checkThis(this, arguments.length, 4, 'wrapKey');
    const f = formatArg(format, 'wrapKey');
    const k = keyArg(key, 'wrapKey', 2);
    const wk = keyArg(wrappingKey, 'wrapKey', 3);
    const alg = normalizeOr('wrapKey', 'encrypt', wrapAlgorithm);
    checkKey(alg, wk, 'wrapKey');
    let bytes = exportKey(f, k);
    if (f === 'jwk') bytes = native.utf8Encode(jsonStringify(bytes));
    return native.cipher('encrypt', alg, wk.handle, bytes);
  }

  // https://w3c.github.io/webcrypto/#SubtleCrypto-method-unwrapKey
  async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, keyUsages) {
    checkThis(this, arguments.length, 7, 'unwrapKey');
    const f = formatArg(format, 'unwrapKey');
    bufferArg(wrappedKey, 'unwrapKey', 2);
    const uk = keyArg(unwrappingKey, 'unwrapKey', 3);
    const usages = usagesArg(keyUsages, 'unwrapKey');
    const alg = normalizeOr('unwrapKey', 'decrypt', unwrapAlgorithm);
    const importAlg = normalize('importKey', unwrappedKeyAlgorithm);
    checkKey(alg, uk, 'unwrapKey');
    const bytes = native.cipher('decrypt', alg, uk.handle, wrappedKey);
    let data = bytes;
    if (f === 'jwk') {
      // [parse a JWK]: https://w3c.github.io/webcrypto/#concept-parse-a-jwk
      let parsed;
      try {
        parsed = jsonParse(native.utf8Decode(bytes));
      } catch (e) {
        throw domError('The unwrapped key is not a JSON Web Key.', 'DataError');
      }
      data = toJWK(parsed);
      if (data.kty === undefined) throw domError('The unwrapped JWK has no "kty" member.', 'DataError');
    }
    return native.importKey(f, data, importAlg, !!extractable, usages);
  }
}
internals.tag(SubtleCrypto);

// The steps of exportKey after argument conversion, shared with wrapKey.
function exportKey(f, k) {
  if (!exportable(k.name)) throw domError(`${k.name} keys cannot be exported.`, 'NotSupportedError');
  if (!k.extractable) throw domError('The key is not extractable.', 'InvalidAccessError');
  return native.exportKey(f, k.handle);
}

const subtle = new SubtleCrypto(kInternal);
internals.defineGlobal('CryptoKey', CryptoKey);
internals.defineGlobal('SubtleCrypto', SubtleCrypto);
