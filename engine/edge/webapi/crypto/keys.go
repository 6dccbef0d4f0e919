package crypto

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"slices"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

// cryptoKey is the Go side of a CryptoKey: the key material and the
// algorithm parameters. JS holds it only as an opaque handle in a private
// field of the CryptoKey (a goja wrapper of a struct with no exported
// fields shows JS nothing), so key material leaves Go only through
// exportKey.
//
// [CryptoKey]: https://w3c.github.io/webcrypto/#cryptokey-interface
type cryptoKey struct {
	typ    string // "secret", "public" or "private"
	alg    string // the algorithm's registered name, e.g. "HMAC"
	hash   string // HMAC and RSA-*: the hash's name
	curve  string // ECDSA and ECDH: the namedCurve
	bits   int    // HMAC and AES-*: the key's length in bits
	secret []byte // HMAC, AES-*, PBKDF2, HKDF
	// hashFirst: an imported HMAC key, whose algorithm Node (and so next
	// dev) lists as {name, hash, length}; a generated one is {name,
	// length, hash}.
	hashFirst bool

	rsaPriv *rsa.PrivateKey
	rsaPub  *rsa.PublicKey
	ecPriv  *ecdsa.PrivateKey // ECDSA and ECDH (P-256, P-384, P-521)
	ecPub   *ecdsa.PublicKey
	edPriv  ed25519.PrivateKey
	edPub   ed25519.PublicKey
	xPriv   *ecdh.PrivateKey // X25519
	xPub    *ecdh.PublicKey

	extractable bool
	usages      []string
}

// params is a normalized algorithm (the JS side has run "normalize an
// algorithm" and converted every dictionary member; hash is the hash's
// name). Only the members the dictionary has are set.
//
// [normalize]: https://w3c.github.io/webcrypto/#algorithm-normalization-normalize-an-algorithm
type params struct {
	name           string
	hash           string
	namedCurve     string
	length         int
	hasLength      bool
	modulusLength  int
	publicExponent []byte
	saltLength     int
	iv             []byte
	counter        []byte
	additionalData []byte
	label          []byte
	salt           []byte
	info           []byte
	tagLength      int
	hasTagLength   bool
	iterations     int
	public         *cryptoKey
}

// copyBytes copies a BufferSource's bytes ("get a copy of the bytes held
// by"): the work may continue off the loop, and JS may change the buffer.
func copyBytes(rt *goja.Runtime, v goja.Value) []byte {
	b, _ := webapi.Bytes(rt, v)
	return append([]byte{}, b...)
}

func readParams(rt *goja.Runtime, v goja.Value) *params {
	p := &params{}
	obj, ok := v.(*goja.Object)
	if !ok {
		return p
	}
	for _, k := range obj.Keys() {
		f := obj.Get(k)
		if f == nil || goja.IsUndefined(f) {
			continue
		}
		switch k {
		case "name":
			p.name = f.String()
		case "hash":
			p.hash = f.String()
		case "namedCurve":
			p.namedCurve = f.String()
		case "length":
			p.length, p.hasLength = int(f.ToInteger()), true
		case "modulusLength":
			p.modulusLength = int(f.ToInteger())
		case "publicExponent":
			p.publicExponent = copyBytes(rt, f)
		case "saltLength":
			p.saltLength = int(f.ToInteger())
		case "iv":
			p.iv = copyBytes(rt, f)
		case "counter":
			p.counter = copyBytes(rt, f)
		case "additionalData":
			p.additionalData = copyBytes(rt, f)
		case "label":
			p.label = copyBytes(rt, f)
		case "salt":
			p.salt = copyBytes(rt, f)
		case "info":
			p.info = copyBytes(rt, f)
		case "tagLength":
			p.tagLength, p.hasTagLength = int(f.ToInteger()), true
		case "iterations":
			p.iterations = int(f.ToInteger())
		case "public":
			p.public, _ = f.Export().(*cryptoKey)
		}
	}
	return p
}

// Key usages, in the order of the KeyUsage enum.
const (
	uEncrypt    = "encrypt"
	uDecrypt    = "decrypt"
	uSign       = "sign"
	uVerify     = "verify"
	uDeriveKey  = "deriveKey"
	uDeriveBits = "deriveBits"
	uWrapKey    = "wrapKey"
	uUnwrapKey  = "unwrapKey"
)

// usageRule is which usages each kind of key of an algorithm may have.
type usageRule struct{ secret, public, private []string }

var usageRules = map[string]usageRule{
	"HMAC":              {secret: []string{uSign, uVerify}},
	"AES-GCM":           {secret: []string{uEncrypt, uDecrypt, uWrapKey, uUnwrapKey}},
	"AES-CBC":           {secret: []string{uEncrypt, uDecrypt, uWrapKey, uUnwrapKey}},
	"AES-CTR":           {secret: []string{uEncrypt, uDecrypt, uWrapKey, uUnwrapKey}},
	"AES-KW":            {secret: []string{uWrapKey, uUnwrapKey}},
	"PBKDF2":            {secret: []string{uDeriveKey, uDeriveBits}},
	"HKDF":              {secret: []string{uDeriveKey, uDeriveBits}},
	"RSASSA-PKCS1-v1_5": {public: []string{uVerify}, private: []string{uSign}},
	"RSA-PSS":           {public: []string{uVerify}, private: []string{uSign}},
	"RSA-OAEP":          {public: []string{uEncrypt, uWrapKey}, private: []string{uDecrypt, uUnwrapKey}},
	"ECDSA":             {public: []string{uVerify}, private: []string{uSign}},
	"Ed25519":           {public: []string{uVerify}, private: []string{uSign}},
	"ECDH":              {public: []string{}, private: []string{uDeriveKey, uDeriveBits}},
	"X25519":            {public: []string{}, private: []string{uDeriveKey, uDeriveBits}},
}

// checkUsages is the "If usages contains an entry which is not …, then
// throw a SyntaxError" step of importKey and generateKey, for a key of
// type typ ("pair" for generateKey of a key pair: either kind's usages).
func checkUsages(alg, typ string, usages []string) error {
	r := usageRules[alg]
	var allowed []string
	switch typ {
	case "secret":
		allowed = r.secret
	case "public":
		allowed = r.public
	case "private":
		allowed = r.private
	case "pair":
		allowed = append(append([]string{}, r.public...), r.private...)
	}
	for _, u := range usages {
		if !slices.Contains(allowed, u) {
			return errSyntax("Cannot create a key using the specified key usages.")
		}
	}
	// importKey 9 / generateKey 8: a secret or private key needs a usage.
	if (typ == "secret" || typ == "private") && len(usages) == 0 {
		return errSyntax("Usages cannot be empty when creating a key.")
	}
	return nil
}

// pairUsages splits a key pair's usages into the public and private keys'.
func pairUsages(alg string, usages []string) (pub, priv []string, err error) {
	if err := checkUsages(alg, "pair", usages); err != nil {
		return nil, nil, err
	}
	r := usageRules[alg]
	pub, priv = []string{}, []string{}
	for _, u := range usages {
		if slices.Contains(r.public, u) {
			pub = append(pub, u)
		}
		if slices.Contains(r.private, u) {
			priv = append(priv, u)
		}
	}
	if len(priv) == 0 {
		return nil, nil, errSyntax("Usages cannot be empty when creating a key.")
	}
	return pub, priv, nil
}

// algorithmObject is the key's [[algorithm]] as JS sees it: a KeyAlgorithm
// dictionary and its subtype (HmacKeyAlgorithm, RsaHashedKeyAlgorithm, …).
func (k *cryptoKey) algorithmObject(rt *goja.Runtime) *goja.Object {
	o := rt.NewObject()
	_ = o.Set("name", k.alg)
	switch k.alg {
	case "HMAC":
		if k.hashFirst {
			_ = o.Set("hash", hashObject(rt, k.hash))
			_ = o.Set("length", k.bits)
		} else {
			_ = o.Set("length", k.bits)
			_ = o.Set("hash", hashObject(rt, k.hash))
		}
	case "AES-GCM", "AES-CBC", "AES-CTR", "AES-KW":
		_ = o.Set("length", k.bits)
	case "RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP":
		pub := k.rsaPub
		_ = o.Set("modulusLength", pub.N.BitLen())
		_ = o.Set("publicExponent", webapi.NewUint8Array(rt, exponentBytes(pub.E)))
		_ = o.Set("hash", hashObject(rt, k.hash))
	case "ECDSA", "ECDH":
		_ = o.Set("namedCurve", k.curve)
	}
	return o
}

func hashObject(rt *goja.Runtime, name string) *goja.Object {
	h := rt.NewObject()
	_ = h.Set("name", name)
	return h
}

// exponentBytes is e as a big-endian BigInteger without leading zeros.
func exponentBytes(e int) []byte {
	var b []byte
	for e > 0 {
		b = append([]byte{byte(e)}, b...)
		e >>= 8
	}
	return b
}

// exportDER is the spki and pkcs8 cases of an asymmetric key's export:
// spki of a public key (pub), pkcs8 of a private one (priv).
// https://w3c.github.io/webcrypto/#dfn-SubtleCrypto-method-exportKey
func exportDER(k *cryptoKey, format string, pub, priv any) ([]byte, jwkOut, error) {
	var b []byte
	var err error
	switch {
	case format == "spki" && k.typ != "public":
		return nil, nil, errAccess("Only a public key can be exported as spki.")
	case format == "spki":
		b, err = x509.MarshalPKIXPublicKey(pub)
	case k.typ != "private":
		return nil, nil, errAccess("Only a private key can be exported as pkcs8.")
	default:
		b, err = x509.MarshalPKCS8PrivateKey(priv)
	}
	if err != nil {
		return nil, nil, errOperation("%v", err)
	}
	return b, nil, nil
}
