// [Web Crypto API]: https://w3c.github.io/webcrypto/
// [Crypto]: https://w3c.github.io/webcrypto/#crypto-interface

const kInternal = Symbol('internal');

class Crypto {
  constructor(key = undefined) {
    if (key !== kInternal) throw new TypeError('Illegal constructor');
  }

  // crypto.subtle is not implemented yet: say so instead of returning
  // something that does nothing.
  get subtle() {
    throw new Error('crypto.subtle is not supported by edgeplay yet');
  }

  // https://w3c.github.io/webcrypto/#Crypto-method-getRandomValues
  getRandomValues(array) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'getRandomValues' on 'Crypto'");
    if (!(this instanceof Crypto)) throw new TypeError('Illegal invocation');
    // WebIDL: array is an ArrayBufferView; the rest is checked in Go.
    if (!ArrayBuffer.isView(array)) {
      throw new TypeError("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.");
    }
    return native.getRandomValues(array);
  }

  // https://w3c.github.io/webcrypto/#Crypto-method-randomUUID
  randomUUID() {
    if (!(this instanceof Crypto)) throw new TypeError('Illegal invocation');
    return native.randomUUID();
  }
}
internals.tag(Crypto);

// https://w3c.github.io/webcrypto/#cryptokey-interface
class CryptoKey {
  constructor() { internals.illegalConstructor(); }
}
internals.tag(CryptoKey);

// https://w3c.github.io/webcrypto/#subtlecrypto-interface
class SubtleCrypto {
  constructor() { internals.illegalConstructor(); }
}
internals.tag(SubtleCrypto);

internals.defineGlobal('Crypto', Crypto);
internals.defineGlobal('CryptoKey', CryptoKey);
internals.defineGlobal('SubtleCrypto', SubtleCrypto);
internals.defineGlobal('crypto', new Crypto(kInternal));
