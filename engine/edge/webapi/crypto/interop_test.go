package crypto_test

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

// jsHelpers are the conversions the interop scripts use.
const jsHelpers = `
const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (s) => new Uint8Array(s.match(/../g).map((h) => parseInt(h, 16)));
const msg = new TextEncoder().encode('interop message');
`

func evalJS(t *testing.T, iso *webapitest.Isolate, src string) map[string]any {
	t.Helper()
	v, err := iso.Eval(jsHelpers+"(async () => {"+src+"})()", 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("got %T, want an object", v)
	}
	return m
}

func unhex(t *testing.T, m map[string]any, k string) []byte {
	t.Helper()
	s, ok := m[k].(string)
	if !ok {
		t.Fatalf("%s: got %T", k, m[k])
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var message = []byte("interop message")

// TestInteropJSSignsGoVerifies: signatures made in JS verify with Go's
// standard library on the key JS exported.
func TestInteropJSSignsGoVerifies(t *testing.T) {
	iso := webapitest.New(t, nil)
	m := evalJS(t, iso, `
		const s = crypto.subtle, out = {};
		const e = new Uint8Array([1, 0, 1]);
		const rs = await s.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: e, hash: 'SHA-256' }, true, ['sign', 'verify']);
		out.rsSpki = hex(await s.exportKey('spki', rs.publicKey));
		out.rsSig = hex(await s.sign('RSASSA-PKCS1-v1_5', rs.privateKey, msg));
		const ps = await s.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: e, hash: 'SHA-256' }, true, ['sign', 'verify']);
		out.psSpki = hex(await s.exportKey('spki', ps.publicKey));
		out.psSig = hex(await s.sign({ name: 'RSA-PSS', saltLength: 32 }, ps.privateKey, msg));
		const es = await s.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
		out.esSpki = hex(await s.exportKey('spki', es.publicKey));
		out.esSig = hex(await s.sign({ name: 'ECDSA', hash: 'SHA-256' }, es.privateKey, msg));
		const ed = await s.generateKey('Ed25519', true, ['sign', 'verify']);
		out.edSpki = hex(await s.exportKey('spki', ed.publicKey));
		out.edSig = hex(await s.sign('Ed25519', ed.privateKey, msg));
		const hm = await s.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
		out.hmKey = hex(await s.exportKey('raw', hm));
		out.hmSig = hex(await s.sign('HMAC', hm, msg));
		const x = await s.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
		out.ecdhPkcs8 = hex(await s.exportKey('pkcs8', x.privateKey));
		out.ecdhPub = hex(await s.exportKey('raw', x.publicKey));
		return out;`)
	digest := sha256.Sum256(message)

	parse := func(name string) any {
		k, err := x509.ParsePKIXPublicKey(unhex(t, m, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return k
	}
	if err := rsa.VerifyPKCS1v15(parse("rsSpki").(*rsa.PublicKey), crypto.SHA256, digest[:], unhex(t, m, "rsSig")); err != nil {
		t.Errorf("RSASSA-PKCS1-v1_5: %v", err)
	}
	if err := rsa.VerifyPSS(parse("psSpki").(*rsa.PublicKey), crypto.SHA256, digest[:], unhex(t, m, "psSig"), &rsa.PSSOptions{SaltLength: 32}); err != nil {
		t.Errorf("RSA-PSS: %v", err)
	}
	sig := unhex(t, m, "esSig")
	if len(sig) != 64 {
		t.Fatalf("ECDSA signature is %d bytes, want 64 (r || s)", len(sig))
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])
	if !ecdsa.Verify(parse("esSpki").(*ecdsa.PublicKey), digest[:], r, s) {
		t.Error("ECDSA: signature does not verify")
	}
	if !ed25519.Verify(parse("edSpki").(ed25519.PublicKey), message, unhex(t, m, "edSig")) {
		t.Error("Ed25519: signature does not verify")
	}
	mac := hmac.New(sha256.New, unhex(t, m, "hmKey"))
	mac.Write(message)
	if !hmac.Equal(mac.Sum(nil), unhex(t, m, "hmSig")) {
		t.Error("HMAC: signatures differ")
	}
	// The ECDH private key JS exported agrees with its public key.
	k, err := x509.ParsePKCS8PrivateKey(unhex(t, m, "ecdhPkcs8"))
	if err != nil {
		t.Fatal(err)
	}
	pub, err := k.(*ecdsa.PrivateKey).PublicKey.Bytes()
	if err != nil || hex.EncodeToString(pub) != hex.EncodeToString(unhex(t, m, "ecdhPub")) {
		t.Errorf("ECDH: pkcs8 public key %x, raw export %x", pub, unhex(t, m, "ecdhPub"))
	}
}

// TestInteropGoSignsJSVerifies: keys and signatures made with Go's standard
// library import and verify in JS; JS signs with the Go key and Go
// verifies; ECDH between a Go key and a JS key agrees.
func TestInteropGoSignsJSVerifies(t *testing.T) {
	digest := sha256.Sum256(message)
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	rsaSig, _ := rsa.SignPKCS1v15(nil, rsaKey, crypto.SHA256, digest[:])
	pssSig, _ := rsa.SignPSS(rand.Reader, rsaKey, crypto.SHA256, digest[:], &rsa.PSSOptions{SaltLength: 32})
	ecKey, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	h384 := crypto.SHA384.New()
	h384.Write(message)
	er, es, _ := ecdsa.Sign(rand.Reader, ecKey, h384.Sum(nil))
	ecSig := make([]byte, 96)
	er.FillBytes(ecSig[:48])
	es.FillBytes(ecSig[48:])
	edPub, edPriv, _ := ed25519.GenerateKey(rand.Reader)
	edSig := ed25519.Sign(edPriv, message)
	xKey, _ := ecdh.X25519().GenerateKey(rand.Reader)

	spki := func(k any) string {
		b, err := x509.MarshalPKIXPublicKey(k)
		if err != nil {
			t.Fatal(err)
		}
		return hex.EncodeToString(b)
	}
	pkcs8 := func(k any) string {
		b, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		return hex.EncodeToString(b)
	}
	iso := webapitest.New(t, nil)
	m := evalJS(t, iso, fmt.Sprintf(`
		const s = crypto.subtle, out = {};
		const rsPub = await s.importKey('spki', fromHex(%q), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
		out.rs = await s.verify('RSASSA-PKCS1-v1_5', rsPub, fromHex(%q), msg);
		const psPub = await s.importKey('spki', fromHex(%q), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
		out.ps = await s.verify({ name: 'RSA-PSS', saltLength: 32 }, psPub, fromHex(%q), msg);
		const esPub = await s.importKey('spki', fromHex(%q), { name: 'ECDSA', namedCurve: 'P-384' }, false, ['verify']);
		out.es = await s.verify({ name: 'ECDSA', hash: 'SHA-384' }, esPub, fromHex(%q), msg);
		const edPub = await s.importKey('spki', fromHex(%q), 'Ed25519', false, ['verify']);
		out.ed = await s.verify('Ed25519', edPub, fromHex(%q), msg);
		const rsPriv = await s.importKey('pkcs8', fromHex(%q), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
		out.rsSig = hex(await s.sign('RSASSA-PKCS1-v1_5', rsPriv, msg));
		const esPriv = await s.importKey('pkcs8', fromHex(%q), { name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign']);
		out.esSig = hex(await s.sign({ name: 'ECDSA', hash: 'SHA-384' }, esPriv, msg));
		const goX = await s.importKey('spki', fromHex(%q), 'X25519', false, []);
		const jsX = await s.generateKey('X25519', false, ['deriveBits']);
		out.xPub = hex(await s.exportKey('raw', jsX.publicKey));
		out.xShared = hex(await s.deriveBits({ name: 'X25519', public: goX }, jsX.privateKey, 256));
		return out;`,
		spki(&rsaKey.PublicKey), hex.EncodeToString(rsaSig),
		spki(&rsaKey.PublicKey), hex.EncodeToString(pssSig),
		spki(&ecKey.PublicKey), hex.EncodeToString(ecSig),
		spki(edPub), hex.EncodeToString(edSig),
		pkcs8(rsaKey), pkcs8(ecKey), spki(xKey.PublicKey())))
	for _, k := range []string{"rs", "ps", "es", "ed"} {
		if m[k] != true {
			t.Errorf("%s: JS verify gave %v, want true", k, m[k])
		}
	}
	if err := rsa.VerifyPKCS1v15(&rsaKey.PublicKey, crypto.SHA256, digest[:], unhex(t, m, "rsSig")); err != nil {
		t.Errorf("JS RSASSA-PKCS1-v1_5 signature: %v", err)
	}
	sig := unhex(t, m, "esSig")
	if !ecdsa.Verify(&ecKey.PublicKey, h384.Sum(nil), new(big.Int).SetBytes(sig[:48]), new(big.Int).SetBytes(sig[48:])) {
		t.Error("JS ECDSA P-384 signature does not verify in Go")
	}
	jsPub, err := ecdh.X25519().NewPublicKey(unhex(t, m, "xPub"))
	if err != nil {
		t.Fatal(err)
	}
	shared, _ := xKey.ECDH(jsPub)
	if got := unhex(t, m, "xShared"); hex.EncodeToString(got) != hex.EncodeToString(shared) {
		t.Errorf("X25519: JS %x, Go %x", got, shared)
	}
}
