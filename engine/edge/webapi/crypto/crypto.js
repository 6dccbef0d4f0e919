// [Web Crypto API]: https://w3c.github.io/webcrypto/
// [Crypto]: https://w3c.github.io/webcrypto/#crypto-interface

const kInternal = Symbol('internal');

class Crypto {
  constructor(key = undefined) {
    if (key !== kInternal) throw new TypeError('Illegal constructor');
  }

  // https://w3c.github.io/webcrypto/#Crypto-attribute-subtle
  get subtle() {
    if (!(this instanceof Crypto)) throw new TypeError('Illegal invocation');
    return subtle;
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

internals.defineGlobal('Crypto', Crypto);
internals.defineGlobal('crypto', new Crypto(kInternal));
// CryptoKey, SubtleCrypto and the `subtle` instance are in subtle.js.
