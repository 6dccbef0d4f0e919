package crypto

import (
	"encoding/base64"
	"math/big"
	"slices"
	"sort"

	"github.com/dop251/goja"
)

// jwk is a JsonWebKey dictionary as the JS side converted it: every
// present member is a string, except key_ops (strings) and ext.
//
// [JsonWebKey]: https://w3c.github.io/webcrypto/#JsonWebKey-dictionary
type jwk struct {
	m         map[string]string
	keyOps    []string
	hasKeyOps bool
	ext       *bool
	oth       bool
}

func readJWK(v goja.Value) *jwk {
	j := &jwk{m: map[string]string{}}
	obj, ok := v.(*goja.Object)
	if !ok {
		return j
	}
	for _, k := range obj.Keys() {
		f := obj.Get(k)
		if f == nil || goja.IsUndefined(f) {
			continue
		}
		switch k {
		case "key_ops":
			j.hasKeyOps = true
			if a, ok := f.Export().([]any); ok {
				for _, s := range a {
					str, _ := s.(string)
					j.keyOps = append(j.keyOps, str)
				}
			}
		case "ext":
			b := f.ToBoolean()
			j.ext = &b
		case "oth":
			j.oth = true
		default:
			j.m[k] = f.String()
		}
	}
	return j
}

func (j *jwk) has(name string) bool { _, ok := j.m[name]; return ok }

// bytes decodes a base64url member (RFC 7515: no padding).
func (j *jwk) bytes(name string) ([]byte, error) {
	s, ok := j.m[name]
	if !ok {
		return nil, errData("The JWK member %q is missing.", name)
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, errData("The JWK member %q is not valid base64url.", name)
	}
	return b, nil
}

func (j *jwk) bigInt(name string) (*big.Int, error) {
	b, err := j.bytes(name)
	if err != nil {
		return nil, err
	}
	return new(big.Int).SetBytes(b), nil
}

// checkCommon runs the import steps every algorithm shares: kty, use,
// key_ops and ext ("If the kty field of jwk is not …", "If usages is
// non-empty and the use field of jwk is present and is not …", "If the
// key_ops field of jwk is present, and … does not contain all of the
// specified usages", "If the ext field of jwk is present and has the value
// false and extractable is true").
func (j *jwk) checkCommon(kty, use string, extractable bool, usages []string) error {
	if j.m["kty"] != kty {
		return errData("The JWK \"kty\" member was not %q.", kty)
	}
	if u, ok := j.m["use"]; ok && len(usages) > 0 && u != use {
		return errData("The JWK \"use\" member was not %q.", use)
	}
	if j.hasKeyOps {
		for i, op := range j.keyOps {
			if slices.Contains(j.keyOps[:i], op) {
				return errData("The JWK \"key_ops\" member contains %q twice.", op)
			}
		}
		for _, u := range usages {
			if !slices.Contains(j.keyOps, u) {
				return errData("The JWK \"key_ops\" member does not contain %q.", u)
			}
		}
	}
	if j.ext != nil && !*j.ext && extractable {
		return errData("The JWK \"ext\" member was false but the key is to be extractable.")
	}
	return nil
}

// checkAlg is "If the alg field of jwk is present and is not want, throw a
// DataError".
func (j *jwk) checkAlg(want string) error {
	if a, ok := j.m["alg"]; ok && a != want {
		return errData("The JWK \"alg\" member was not %q.", want)
	}
	return nil
}

// jwkOut builds an exported JsonWebKey. Members come in the order Node's
// webcrypto writes them (what next dev gives a route, so a JSON.stringify
// of an exported key reads the same): key_ops, ext, then the key type's
// own members; anything else after them in lexicographic order.
type jwkOut map[string]any

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// jwkOrder is Node 20's member order per kty (OKP keys put crv first).
var jwkOrder = map[string][]string{
	"oct": {"key_ops", "ext", "kty", "k", "alg"},
	"RSA": {"key_ops", "ext", "kty", "n", "e", "d", "p", "q", "dp", "dq", "qi", "alg"},
	"EC":  {"key_ops", "ext", "kty", "x", "y", "crv", "d", "alg"},
	"OKP": {"key_ops", "ext", "crv", "d", "x", "kty", "alg"},
}

func (o jwkOut) object(rt *goja.Runtime, k *cryptoKey) *goja.Object {
	o["key_ops"] = k.usages
	o["ext"] = k.extractable
	kty, _ := o["kty"].(string)
	keys := make([]string, 0, len(o))
	seen := map[string]bool{}
	for _, name := range jwkOrder[kty] {
		if _, ok := o[name]; ok {
			keys = append(keys, name)
			seen[name] = true
		}
	}
	var rest []string
	for name := range o {
		if !seen[name] {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	keys = append(keys, rest...)
	obj := rt.NewObject()
	for _, name := range keys {
		v := o[name]
		if ops, ok := v.([]string); ok {
			a := make([]any, len(ops))
			for i, s := range ops {
				a[i] = s
			}
			v = rt.NewArray(a...)
		}
		_ = obj.Set(name, v)
	}
	return obj
}
