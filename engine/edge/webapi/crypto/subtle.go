package crypto

import (
	"crypto"
	"crypto/ed25519"
	_ "crypto/sha1" // SHA-1 for digest, HMAC, RSA and ECDSA
	_ "crypto/sha256"
	_ "crypto/sha512"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

// The Go half of crypto.subtle. subtle.js does what WebIDL and the
// generic SubtleCrypto method steps do (argument conversion, algorithm
// normalization, "the name member of normalizedAlgorithm is not equal to
// the name attribute of key's [[algorithm]]", usage and extractable
// checks); the natives here run the algorithm-specific steps and the
// crypto.
//
// Operations that take microseconds run on the loop and return their
// result; the JS methods are async, so a throw becomes a rejection. RSA key
// generation and expensive PBKDF2 run off the loop: they return a promise
// that a loop callback settles, so other requests keep running.
//
// [SubtleCrypto]: https://w3c.github.io/webcrypto/#subtlecrypto-interface

type subtle struct {
	rt      *goja.Runtime
	loop    *eventloop.Loop
	makeKey goja.Callable // set by native.bind: (handle, type, extractable, algorithm, usages) -> CryptoKey
}

func subtleNatives(h *webapi.Host, m map[string]any) {
	s := &subtle{rt: h.Loop.Runtime(), loop: h.Loop}
	m["bind"] = func(call goja.FunctionCall) goja.Value {
		s.makeKey, _ = goja.AssertFunction(call.Argument(0))
		return goja.Undefined()
	}
	m["digest"] = s.native(s.digest)
	m["cipher"] = s.native(s.cipher)
	m["sign"] = s.native(s.sign)
	m["verify"] = s.native(s.verify)
	m["generateKey"] = s.native(s.generateKey)
	m["importKey"] = s.native(s.importKey)
	m["exportKey"] = s.native(s.exportKey)
	m["deriveBits"] = s.native(s.deriveBits)
	// utf8Encode/utf8Decode serve wrapKey/unwrapKey of JWKs without
	// depending on the (replaceable) TextEncoder global.
	m["utf8Encode"] = func(call goja.FunctionCall) goja.Value {
		return s.rt.ToValue(s.rt.NewArrayBuffer([]byte(call.Argument(0).String())))
	}
	m["utf8Decode"] = s.native(func(call goja.FunctionCall) (goja.Value, error) {
		b, _ := webapi.Bytes(s.rt, call.Argument(0))
		if !utf8.Valid(b) {
			return nil, errData("The key data is not valid UTF-8.")
		}
		return s.rt.ToValue(string(b)), nil
	})
}

// native adapts an operation that returns an error to a goja function
// that throws the spec's error.
func (s *subtle) native(fn func(call goja.FunctionCall) (goja.Value, error)) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		v, err := fn(call)
		if err != nil {
			panic(jsError(s.rt, err))
		}
		return v
	}
}

// offLoop runs work in a goroutine and returns a promise that a loop
// callback settles with finish(result) or the error. Loop-only.
func offLoop[T any](s *subtle, work func() (T, error), finish func(T) (goja.Value, error)) goja.Value {
	p, resolve, reject := s.rt.NewPromise()
	s.loop.Go(s.loop.Reserve(), func(cb eventloop.Callback) {
		r, err := work()
		cb(func(rt *goja.Runtime) {
			if err != nil {
				_ = reject(jsError(rt, err))
				return
			}
			v, err := finish(r)
			if err != nil {
				_ = reject(jsError(rt, err))
				return
			}
			_ = resolve(v)
		})
	})
	return s.rt.ToValue(p)
}

func (s *subtle) buffer(b []byte) goja.Value { return s.rt.ToValue(s.rt.NewArrayBuffer(b)) }

// newKey wraps k in a CryptoKey. Loop-only.
func (s *subtle) newKey(k *cryptoKey) goja.Value {
	us := make([]any, len(k.usages))
	for i, u := range k.usages {
		us[i] = u
	}
	v, err := s.makeKey(goja.Undefined(), s.rt.ToValue(k), s.rt.ToValue(k.typ), s.rt.ToValue(k.extractable), k.algorithmObject(s.rt), s.rt.NewArray(us...))
	if err != nil {
		panic(err)
	}
	return v
}

// newPair is a CryptoKeyPair dictionary.
func (s *subtle) newPair(pub, priv *cryptoKey) goja.Value {
	o := s.rt.NewObject()
	_ = o.Set("publicKey", s.newKey(pub))
	_ = o.Set("privateKey", s.newKey(priv))
	return o
}

func handle(v goja.Value) *cryptoKey {
	k, _ := v.Export().(*cryptoKey)
	if k == nil {
		panic("crypto: not a key handle")
	}
	return k
}

func stringList(v goja.Value) []string {
	a, _ := v.Export().([]any)
	out := make([]string, 0, len(a))
	for _, x := range a {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// hashes maps the registered digest names to Go's hashes.
var hashes = map[string]crypto.Hash{
	"SHA-1":   crypto.SHA1,
	"SHA-256": crypto.SHA256,
	"SHA-384": crypto.SHA384,
	"SHA-512": crypto.SHA512,
}

func hashOf(name string) (crypto.Hash, error) {
	h, ok := hashes[name]
	if !ok {
		return 0, errNotSupported("Unrecognized hash %q.", name)
	}
	return h, nil
}

func sum(h crypto.Hash, data []byte) []byte {
	d := h.New()
	d.Write(data)
	return d.Sum(nil)
}

// digest(name, data)
// https://w3c.github.io/webcrypto/#SubtleCrypto-method-digest
func (s *subtle) digest(call goja.FunctionCall) (goja.Value, error) {
	h, err := hashOf(call.Argument(0).String())
	if err != nil {
		return nil, err
	}
	data, _ := webapi.Bytes(s.rt, call.Argument(1))
	return s.buffer(sum(h, data)), nil
}

// cipher(op, algorithm, key, data): encrypt and decrypt, and the wrap and
// unwrap of AES-KW. op is "encrypt" or "decrypt".
// https://w3c.github.io/webcrypto/#SubtleCrypto-method-encrypt
func (s *subtle) cipher(call goja.FunctionCall) (goja.Value, error) {
	decrypt := call.Argument(0).String() == "decrypt"
	p := readParams(s.rt, call.Argument(1))
	k := handle(call.Argument(2))
	data, _ := webapi.Bytes(s.rt, call.Argument(3))
	var out []byte
	var err error
	switch p.name {
	case "AES-GCM":
		out, err = aesGCM(k, p, data, decrypt)
	case "AES-CBC":
		out, err = aesCBC(k, p, data, decrypt)
	case "AES-CTR":
		out, err = aesCTR(k, p, data)
	case "AES-KW":
		if decrypt {
			out, err = aesKWUnwrap(k.secret, data)
		} else {
			out, err = aesKWWrap(k.secret, data)
		}
	case "RSA-OAEP":
		out, err = rsaOAEP(k, p, data, decrypt)
	default:
		return nil, errNotSupported("%s cannot encrypt.", p.name)
	}
	if err != nil {
		return nil, err
	}
	return s.buffer(out), nil
}

// sign(algorithm, key, data)
// https://w3c.github.io/webcrypto/#SubtleCrypto-method-sign
func (s *subtle) sign(call goja.FunctionCall) (goja.Value, error) {
	p := readParams(s.rt, call.Argument(0))
	k := handle(call.Argument(1))
	data, _ := webapi.Bytes(s.rt, call.Argument(2))
	if k.typ == "public" {
		return nil, errAccess("A public key cannot sign.")
	}
	var sig []byte
	var err error
	switch p.name {
	case "HMAC":
		sig = hmacSign(k, data)
	case "RSASSA-PKCS1-v1_5", "RSA-PSS":
		sig, err = rsaSign(k, p, data)
	case "ECDSA":
		sig, err = ecdsaSign(k, p, data)
	case "Ed25519":
		sig = ed25519Sign(k, data)
	default:
		return nil, errNotSupported("%s cannot sign.", p.name)
	}
	if err != nil {
		return nil, err
	}
	return s.buffer(sig), nil
}

// verify(algorithm, key, signature, data)
// https://w3c.github.io/webcrypto/#SubtleCrypto-method-verify
func (s *subtle) verify(call goja.FunctionCall) (goja.Value, error) {
	p := readParams(s.rt, call.Argument(0))
	k := handle(call.Argument(1))
	sig, _ := webapi.Bytes(s.rt, call.Argument(2))
	data, _ := webapi.Bytes(s.rt, call.Argument(3))
	if k.typ == "private" {
		return nil, errAccess("A private key cannot verify.")
	}
	var ok bool
	var err error
	switch p.name {
	case "HMAC":
		ok = hmacVerify(k, sig, data)
	case "RSASSA-PKCS1-v1_5", "RSA-PSS":
		ok, err = rsaVerify(k, p, sig, data)
	case "ECDSA":
		ok = ecdsaVerify(k, p, sig, data)
	case "Ed25519":
		ok = ed25519.Verify(k.edPub, data, sig)
	default:
		return nil, errNotSupported("%s cannot verify.", p.name)
	}
	if err != nil {
		return nil, err
	}
	return s.rt.ToValue(ok), nil
}

// generateKey(algorithm, extractable, usages)
// https://w3c.github.io/webcrypto/#SubtleCrypto-method-generateKey
func (s *subtle) generateKey(call goja.FunctionCall) (goja.Value, error) {
	p := readParams(s.rt, call.Argument(0))
	extractable := call.Argument(1).ToBoolean()
	usages := stringList(call.Argument(2))
	switch p.name {
	case "HMAC", "AES-GCM", "AES-CBC", "AES-CTR", "AES-KW":
		if err := checkUsages(p.name, "secret", usages); err != nil {
			return nil, err
		}
		var k *cryptoKey
		var err error
		if p.name == "HMAC" {
			k, err = hmacGenerate(p)
		} else {
			k, err = aesGenerate(p)
		}
		if err != nil {
			return nil, err
		}
		k.extractable, k.usages = extractable, usages
		return s.newKey(k), nil
	case "RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP", "ECDSA", "ECDH", "Ed25519", "X25519":
		pubUsages, privUsages, err := pairUsages(p.name, usages)
		if err != nil {
			return nil, err
		}
		finish := func(pair [2]*cryptoKey) (goja.Value, error) {
			pub, priv := pair[0], pair[1]
			// The public key is always extractable (generateKey steps).
			pub.extractable, pub.usages = true, pubUsages
			priv.extractable, priv.usages = extractable, privUsages
			return s.newPair(pub, priv), nil
		}
		switch p.name {
		case "RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP":
			if err := rsaCheckGenParams(p); err != nil {
				return nil, err
			}
			// RSA key generation takes 50 ms to seconds: off the loop.
			return offLoop(s, func() ([2]*cryptoKey, error) { return rsaGenerate(p) }, finish), nil
		case "ECDSA", "ECDH":
			pair, err := ecGenerate(p)
			if err != nil {
				return nil, err
			}
			return finish(pair)
		default:
			pair, err := okpGenerate(p)
			if err != nil {
				return nil, err
			}
			return finish(pair)
		}
	}
	return nil, errNotSupported("%s cannot generate keys.", p.name)
}

// importKey(format, keyData, algorithm, extractable, usages); keyData is a
// BufferSource, or a converted JsonWebKey when format is "jwk".
// https://w3c.github.io/webcrypto/#SubtleCrypto-method-importKey
func (s *subtle) importKey(call goja.FunctionCall) (goja.Value, error) {
	format := call.Argument(0).String()
	p := readParams(s.rt, call.Argument(2))
	extractable := call.Argument(3).ToBoolean()
	usages := stringList(call.Argument(4))
	in := keyInput{format: format, extractable: extractable, usages: usages}
	if format == "jwk" {
		in.jwk = readJWK(call.Argument(1))
	} else {
		in.data, _ = webapi.Bytes(s.rt, call.Argument(1))
	}
	var k *cryptoKey
	var err error
	switch p.name {
	case "HMAC":
		k, err = hmacImport(p, in)
	case "AES-GCM", "AES-CBC", "AES-CTR", "AES-KW":
		k, err = aesImport(p, in)
	case "PBKDF2", "HKDF":
		k, err = kdfImport(p, in)
	case "RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP":
		k, err = rsaImport(p, in)
	case "ECDSA", "ECDH":
		k, err = ecImport(p, in)
	case "Ed25519", "X25519":
		k, err = okpImport(p, in)
	default:
		return nil, errNotSupported("%s cannot import keys.", p.name)
	}
	if err != nil {
		return nil, err
	}
	if err := checkUsages(k.alg, k.typ, usages); err != nil {
		return nil, err
	}
	k.extractable, k.usages = extractable, usages
	return s.newKey(k), nil
}

// keyInput is the import arguments the algorithms share.
type keyInput struct {
	format      string
	data        []byte // raw, spki, pkcs8; shares JS memory: copy what is kept
	jwk         *jwk
	extractable bool
	usages      []string
}

// exportKey(format, key); the JS side has checked extractable.
// https://w3c.github.io/webcrypto/#SubtleCrypto-method-exportKey
func (s *subtle) exportKey(call goja.FunctionCall) (goja.Value, error) {
	format := call.Argument(0).String()
	k := handle(call.Argument(1))
	var raw []byte
	var j jwkOut
	var err error
	switch k.alg {
	case "HMAC", "AES-GCM", "AES-CBC", "AES-CTR", "AES-KW":
		raw, j, err = secretExport(k, format)
	case "RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP":
		raw, j, err = rsaExport(k, format)
	case "ECDSA", "ECDH":
		raw, j, err = ecExport(k, format)
	case "Ed25519", "X25519":
		raw, j, err = okpExport(k, format)
	default:
		return nil, errNotSupported("%s keys cannot be exported.", k.alg)
	}
	if err != nil {
		return nil, err
	}
	if j != nil {
		return j.object(s.rt, k), nil
	}
	return s.buffer(raw), nil
}

// deriveBits(algorithm, baseKey, length|null)
// https://w3c.github.io/webcrypto/#SubtleCrypto-method-deriveBits
func (s *subtle) deriveBits(call goja.FunctionCall) (goja.Value, error) {
	p := readParams(s.rt, call.Argument(0))
	k := handle(call.Argument(1))
	length := -1
	if l := call.Argument(2); !goja.IsNull(l) && !goja.IsUndefined(l) {
		length = int(l.ToInteger())
	}
	switch p.name {
	case "PBKDF2":
		if err := pbkdf2Check(p, length); err != nil {
			return nil, err
		}
		work := func() ([]byte, error) { return pbkdf2Derive(k, p, length) }
		if p.iterations > pbkdf2SyncIterations {
			return offLoop(s, work, func(b []byte) (goja.Value, error) { return s.buffer(b), nil }), nil
		}
		b, err := work()
		if err != nil {
			return nil, err
		}
		return s.buffer(b), nil
	case "HKDF":
		b, err := hkdfDerive(k, p, length)
		if err != nil {
			return nil, err
		}
		return s.buffer(b), nil
	case "ECDH", "X25519":
		b, err := ecdhDerive(k, p, length)
		if err != nil {
			return nil, err
		}
		return s.buffer(b), nil
	}
	return nil, errNotSupported("%s cannot derive bits.", p.name)
}

// truncateBits is "the first length bits of secret", for ECDH and X25519;
// length < 0 is null (all of it).
func truncateBits(secret []byte, length int) ([]byte, error) {
	if length < 0 {
		return secret, nil
	}
	if length > len(secret)*8 {
		return nil, errOperation("The length (%d) is more than the %d bits the key agreement gives.", length, len(secret)*8)
	}
	out := secret[:(length+7)/8]
	if r := length % 8; r != 0 {
		out[len(out)-1] &= byte(0xFF << (8 - r))
	}
	return out, nil
}
