package engine

import (
	"bufio"
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"hash"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestCompat is the compatibility proof: real npm libraries (pinned in
// projects/compat/package.json) in Next.js edge API routes, bundled from
// node_modules by edgeplay's esbuild pipeline and run in its goja runtime,
// over real HTTP on loopback. Each library is a subtest; each route answers
// a JSON object of named checks (projects/compat/lib/checks.ts) and every
// check is compared with the value Node.js gives for the same code.
func TestCompat(t *testing.T) {
	dir := filepath.Join("..", "projects", "compat")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "jose", "package.json")); err != nil {
		t.Fatalf("projects/compat/node_modules is missing: run `npm install` in projects/compat (make test does it): %v", err)
	}
	log := &syncBuffer{}
	e := startEngine(t, Options{Dir: dir, NoWatch: true, Log: log}, 60*time.Second)
	defer func() {
		if t.Failed() {
			t.Logf("engine log:\n%s", log.String())
		}
	}()
	c := &compat{t: t, url: e.URL()}

	t.Run("zod", func(t *testing.T) {
		c.checks(t, "GET", "/api/zod", "", map[string]any{
			"parse": `{"name":"Ada","email":"ada@example.com","age":36,"tags":["math","code"],"contact":{"kind":"post","city":"London"},"id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","password":"x","confirm":"x","joined":1843}`,
			"safeParseBad": `[
				{"path":"name","code":"too_small","message":"Too small: expected string to have >=2 characters"},
				{"path":"email","code":"invalid_format","message":"Invalid email address"},
				{"path":"age","code":"invalid_type","message":"Invalid input: expected int, received number"},
				{"path":"tags","code":"too_big","message":"Too big: expected array to have <=3 items"},
				{"path":"contact.number","code":"invalid_format","message":"Invalid string: must match pattern /^\\+?[0-9 ]+$/"},
				{"path":"id","code":"invalid_union","message":"Invalid input"}]`,
			"refine":           `[{"path":"confirm","code":"custom","message":"passwords differ"}]`,
			"parseThrows":      `{"isZodError":true,"name":"ZodError","issues":[{"path":"n","code":"invalid_type","message":"Invalid input: expected number, received string"}]}`,
			"prettify":         `"✖ Invalid input: expected string, received number\n  → at a\n✖ Invalid input: expected number, received string\n  → at b[1]"`,
			"flatten":          `{"errors":[],"properties":{"a":{"errors":["Invalid input: expected string, received number"]},"b":{"errors":[],"properties":{"c":{"errors":["Invalid input: expected boolean, received string"]}}}}}`,
			"coerceAndDefault": `{"n":42,"d":"dflt","b":true}`,
			"pipe":             `["A","B","C"]`,
			"enumAndRecord":    `{"e":"Invalid option: expected one of \"red\"|\"green\"","r":{"x":1,"y":2}}`,
			"jsonSchema":       `{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"a":{"type":"string"},"b":{"type":"number"}},"required":["a"],"additionalProperties":false}`,
			// zod.emoji() builds new RegExp("[\\p{Extended_Pictographic}…]", "u");
			// unicodeRegex is a /^\p{Lu}\p{Ll}+$/u literal.
			"emoji":        `[true,true,true,false,false,false,false]`,
			"unicodeRegex": `[true,true,false,true,false]`,
			// new RegExp(`^[${"\\p{L}"}\\d_]+$`, "u"): assembled at run time.
			"dynamicUnicodeRegex": `[true,true,false,false]`,
			"asyncRefine":         `[true,"not ok"]`,
		})
	})

	t.Run("nanoid", func(t *testing.T) {
		c.checks(t, "GET", "/api/nanoid", "", map[string]any{
			"default":            ids(`^[A-Za-z0-9_-]{21}$`, 50),
			"sized":              ids(`^[A-Za-z0-9_-]{10}$`, 20),
			"customAlphabet":     ids(`^[abc123]{8}$`, 50),
			"customAlphabetSize": matches(`^[0-9]{5}$`),
			"customRandom":       `"yyyyyy"`,
			"urlAlphabet":        `"useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict"`,
			"random":             `{"isUint8Array":true,"length":16}`,
			"nonSecure":          ids(`^[A-Za-z0-9_-]{21}$`, 20),
		})
	})

	t.Run("uuid", func(t *testing.T) {
		const name = "hello.example.com"
		start := time.Now()
		c.checks(t, "GET", "/api/uuid?name="+name, "", map[string]any{
			"v4":       ids(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, 20),
			"v4Random": `"10111213-1415-4617-9819-1a1b1c1d1e1f"`,
			"v4Buffer": `[0,1,2,3,4,5,70,7,136,9,10,11,12,13,14,15]`,
			// RFC 9562 name-based UUIDs, computed here with Go's crypto too.
			"v5": fmt.Sprintf(`{"dns":%q,"url":%q,"bytes":"bc19697c-fe63-55c2-951b-a0c469ef2997"}`,
				nameUUID(sha1.New(), 5, dnsNS, name), nameUUID(sha1.New(), 5, urlNS, "https://www.w3.org/")),
			"v3": fmt.Sprintf(`{"dns":%q,"url":%q}`,
				nameUUID(md5.New(), 3, dnsNS, name), nameUUID(md5.New(), 3, urlNS, "https://www.w3.org/")),
			"v1":     `"d9428888-122b-11e1-b85c-61cd3cbb3210"`,
			"v6":     `"1e1122bd-9428-6888-b85c-61cd3cbb3210"`,
			"v1ToV6": `"1ef21d2f-1207-6660-8c4f-419efbd44d48"`,
			"v6ToV1": `"f1207660-21d2-11ef-8c4f-419efbd44d48"`,
			"v7":     `"017f22e2-79b0-7000-8048-d22b2c2d2e2f"`,
			"v7Now": func(t *testing.T, v any) {
				ids(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, 10)(t, v)
				list, _ := v.([]any)
				for i, u := range list {
					s, _ := u.(string)
					if i > 0 && s <= list[i-1].(string) {
						t.Errorf("v7 ids not monotonic: %s after %s", s, list[i-1])
					}
					hex := strings.ReplaceAll(s, "-", "")[:12]
					var ms int64
					fmt.Sscanf(hex, "%x", &ms)
					if at := time.UnixMilli(ms); at.Before(start.Add(-time.Second)) || at.After(time.Now().Add(time.Second)) {
						t.Errorf("v7 %s has time %v, want about %v", s, at, start)
					}
				}
			},
			"validate":         `[true,true,true,false,false,false]`,
			"version":          `[1,4,7]`,
			"parse":            `[107,167,184,16,157,173,17,209,128,180,0,192,79,212,48,200]`,
			"stringify":        `"6ba7b810-9dad-11d1-80b4-00c04fd430c8"`,
			"stringifyInvalid": `"TypeError: Stringified UUID is invalid"`,
			"invalid":          `"TypeError: Invalid UUID"`,
		})
	})

	t.Run("date-fns", func(t *testing.T) {
		c.checks(t, "GET", "/api/date-fns", "", map[string]any{
			"timezone": `{"offset":0,"local":"2024-07-01T12:00:00.000Z"}`,
			"parseISO": `["2024-02-28T13:45:07.123Z","2024-02-28T13:45:07.000Z","2024-02-28T08:15:07.000Z","2024-02-28T00:00:00.000Z",false]`,
			"format": `["2024-02-28T13:45:07.123","Wednesday, February 28th 2024, 1:45:07 PM","Wed 28 Feb 24, 13:45, Q1, 9th, 2024-09-3",
				"Wednesday, February 28th, 2024 at 1:45:07 PM GMT+00:00","02/28/2024, 1:45 PM"]`,
			"formatLocale":             `["Mittwoch, 28. Februar 2024","mercredi 28 février","2024年2月28日"]`,
			"addDays":                  `["2024-02-29T13:45:07.123Z","2024-03-01T13:45:07.123Z","2024-02-29T00:00:00.000Z","2024-02-27T23:45:07.123Z"]`,
			"differenceInCalendarDays": `[69,1,20]`,
			"formatDistance":           `["2 months ago","less than a minute","over 3 years","69 days","vor 2 Monaten","last Monday at 9:00 AM"]`,
			"duration": `{"dur":{"years":1,"months":2,"days":3,"hours":5,"minutes":6,"seconds":7},
				"text":"1 year 2 months 3 days 5 hours 6 minutes 7 seconds","de":"1 Jahr 2 Monate 3 Tage 5 Stunden 6 Minuten 7 Sekunden"}`,
			"formatISO": `["2024-02-28T13:45:07Z","2024-02-28"]`,
			"parse":     `["2024-02-28T13:45:00.000Z",false]`,
			"calendar":  `{"weekStart":"2024-02-26T00:00:00.000Z","monthEnd":"2024-02-29T23:59:59.999Z","weekends":8,"isoWeek":9}`,
		})
	})

	// The edge platform runs in UTC wherever its user is: the same checks
	// must pass in a process whose local time zone is New York.
	t.Run("date-fns-TZ-America-New_York", func(t *testing.T) {
		if os.Getenv("EDGEPLAY_COMPAT_CHILD") != "" {
			t.Skip("already the child process")
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestCompat$/^date-fns$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "TZ=America/New_York", "EDGEPLAY_COMPAT_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			var lines []string
			for _, l := range strings.Split(string(out), "\n") {
				if strings.Contains(l, "compat_test.go") || strings.HasPrefix(strings.TrimSpace(l), "got") || strings.HasPrefix(strings.TrimSpace(l), "want") {
					lines = append(lines, l)
				}
			}
			t.Errorf("date-fns under TZ=America/New_York (%v):\n%s", err, strings.Join(lines, "\n"))
		}
	})

	t.Run("date-fns-tz", func(t *testing.T) {
		c.checks(t, "GET", "/api/date-fns-tz", "", map[string]any{
			"intlDateTimeFormat": `"Wednesday, February 28, 2024 at 8:45:07 AM EST"`,
			"intlLocales":        "[\"28.2.2024\",\"28/02/2024, 22:45:07\",\"1.234,50\u00a0€\"]", // U+00A0 before €, as ICU writes it
			"formatInTimeZone":   `["2024-02-28 08:45:07 EST -05:00","2024-07-01 02:00 Central European Summer Time","Jul 1, 2024, 5:30:00 AM +05:30"]`,
			"zonedTime":          `{"toZoned":"2024-02-28T22:45:07.000Z","fromZoned":"2024-03-10T06:30:00.000Z","offsetMs":7200000}`,
		})
	})

	t.Run("lodash-es", func(t *testing.T) {
		c.checks(t, "GET", "/api/lodash", "", map[string]any{
			"groupBy": `{"byTeam":{"red":[{"name":"ann","age":31,"team":"red"},{"name":"cat","age":31,"team":"red"}],"blue":[{"name":"bob","age":25,"team":"blue"}],
				"green":[{"name":"dan","age":40,"team":"green"}]},"byFloor":{"4":[4.2],"6":[6.1,6.3]},"byLen":{"3":["one","two"],"5":["three"]}}`,
			"collections": `{"sortBy":["bob","ann","cat","dan"],"chunk":[[0,1,2],[3,4,5],[6]],"uniqBy":3,"partition":[[0,3,6,9],[1,2,4,5,7,8]],"sum":5050,
				"strings":["fooBarBazQux","foo-bar-baz"]}`,
			"debounce":  `{"before":0,"calls":["c"],"lead":["1","4"],"cancelled":[],"flushed":["now"]}`,
			"throttle":  `[0,4]`,
			"cloneDeep": `{"distinct":true,"circular":true,"date":"2024-01-02T03:04:05.000Z","re":"/a+b/gi gi","map":1,"set":[1,2],"typed":[1,2,3],"equal":true}`,
			"merge":     `{"a":[{"b":2,"c":3},{"d":4,"e":5}],"x":{"y":9,"z":2}}`,
			"getSet":    `{"c":3,"d":4,"missing":"default","o":{"a":[{"b":{"c":3,"d":4}}],"x":[{"y":"new"}]},"pick":{"x":[{"y":"new"}]},"omit":{"q":2}}`,
			"memoize":   `[16,16,25,2]`,
			// template compiles with Function(): the edge runtime refuses.
			"template": `{"error":"EvalError: Dynamic Code Evaluation (e. g. 'eval', 'new Function') not allowed in Edge Runtime","isEvalError":true}`,
		})
	})

	t.Run("jose", func(t *testing.T) { testJose(t, c) })

	t.Run("eventsource-parser", func(t *testing.T) {
		events := `[{"comment":"a comment the parser reports"},{"retry":2500},{"id":"1","event":"greeting","data":"héllo"},{"data":"line one\nline two"},
			{"id":"3","data":"{\"delta\":\"wörld 🌍\"}"},{"event":"done","data":"[DONE]"}]`
		c.checks(t, "GET", "/api/sse?mode=parser", "", map[string]any{"feed": events})
		for _, source := range []string{"local", "fetch"} {
			t.Run(source, func(t *testing.T) { testSSE(t, c, source, events) })
		}
		// Eight clients at once, each route fetching its upstream from the
		// same server: isolates, the loop and fetch must not block each other.
		t.Run("parallel", func(t *testing.T) {
			for i := 0; i < 8; i++ {
				t.Run(fmt.Sprint(i), func(t *testing.T) {
					t.Parallel()
					testSSE(t, c, "fetch", events)
				})
			}
		})
	})

	t.Run("hono", func(t *testing.T) {
		basic := func(s string) string { return "Basic " + base64.StdEncoding.EncodeToString([]byte(s)) }
		json := "application/json"
		text := "text/plain;charset=UTF-8"
		tests := []struct {
			method, path, body string
			header             map[string]string
			status             int
			want               string
			wantHeader         map[string]string
		}{
			{"GET", "/api/hono", "", nil, 200, "hono root", map[string]string{"content-type": text, "x-order": "outer-in,outer-out"}},
			{"GET", "/api/hono/users/42?q=x&tag=a&tag=b", "", map[string]string{"x-client": "go"}, 200, `{"id":"42","q":"x","all":["a","b"],"ua":"go"}`,
				map[string]string{"content-type": json, "x-order": "outer-in,handler,outer-out"}},
			{"GET", "/api/hono/posts/7/comments/99", "", nil, 200, `{"n":"99","postId":"7"}`, nil},
			{"GET", "/api/hono/posts/7/comments/abc", "", nil, 404, `{"error":"not found","path":"/api/hono/posts/7/comments/abc"}`, map[string]string{"content-type": json}},
			{"GET", "/api/hono/files/a/b/c.txt", "", nil, 200, "file /api/hono/files/a/b/c.txt", nil},
			{"GET", "/api/hono/opt/1", "", nil, 200, `{"a":"1","b":null}`, nil},
			{"GET", "/api/hono/opt/1/2", "", nil, 200, `{"a":"1","b":"2"}`, nil},
			{"POST", "/api/hono/echo", `{"name":"ada","n":41}`, map[string]string{"content-type": json}, 201, `{"hello":"ada","n":42,"method":"POST"}`, nil},
			{"POST", "/api/hono/echo", `{"name":5}`, map[string]string{"content-type": json}, 400, `{"error":"name must be a string"}`, nil},
			{"GET", "/api/hono/html", "", nil, 200, "<h1>hi</h1>", map[string]string{"content-type": "text/html; charset=UTF-8"}},
			{"GET", "/api/hono/go", "", nil, 302, "", map[string]string{"location": "/api/hono/users/1"}},
			{"GET", "/api/hono/cookie", "", map[string]string{"cookie": "visit=before"}, 200, "seen before",
				map[string]string{"set-cookie": "visit=yes; Max-Age=60; Path=/; HttpOnly; SameSite=Lax"}},
			{"OPTIONS", "/api/hono/cors/data", "", map[string]string{"origin": "https://example.com", "access-control-request-method": "POST"}, 204, "",
				map[string]string{"access-control-allow-methods": "GET,POST", "access-control-allow-origin": "https://example.com", "access-control-max-age": "600", "vary": "Origin"}},
			{"GET", "/api/hono/cors/data", "", map[string]string{"origin": "https://example.com"}, 200, `{"ok":true}`,
				map[string]string{"access-control-allow-origin": "https://example.com", "vary": "Origin"}},
			{"GET", "/api/hono/secret/data", "", nil, 401, "Unauthorized", map[string]string{"www-authenticate": `Basic realm="Secure Area"`}},
			{"GET", "/api/hono/secret/data", "", map[string]string{"authorization": basic("ada:lovelace")}, 200, "the secret", nil},
			{"GET", "/api/hono/secret/data", "", map[string]string{"authorization": basic("ada:wrong")}, 401, "Unauthorized", nil},
			// etag() hashes the body with crypto.subtle.digest("SHA-1").
			{"GET", "/api/hono/etag/data", "", nil, 200, "etag body", map[string]string{"etag": fmt.Sprintf(`"%x"`, sha1.Sum([]byte("etag body")))}},
			{"GET", "/api/hono/secure/data", "", nil, 200, "secure", map[string]string{"x-frame-options": "SAMEORIGIN", "strict-transport-security": "max-age=15552000; includeSubDomains",
				"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "cross-origin-opener-policy": "same-origin", "origin-agent-cluster": "?1"}},
			{"GET", "/api/hono/boom", "", nil, 500, `{"error":"kaboom","name":"Error"}`, nil},
			{"GET", "/api/hono/teapot", "", nil, 418, "http 418: short and stout", nil},
			{"GET", "/api/hono/nope", "", nil, 404, `{"error":"not found","path":"/api/hono/nope"}`, nil},
			{"GET", "/api/hono/stream", "", nil, 200, "line 1\nline 2\nline 3\n", map[string]string{"content-type": "text/plain; charset=UTF-8", "x-content-type-options": "nosniff"}},
		}
		for _, tt := range tests {
			status, h, b := c.send(t, tt.method, tt.path, tt.body, tt.header)
			if status == 500 && strings.HasPrefix(string(b), "Failed to compile") {
				t.Fatalf("%s %s: %s", tt.method, tt.path, b)
			}
			if status != tt.status || string(b) != tt.want {
				t.Errorf("%s %s: got %d %q, want %d %q", tt.method, tt.path, status, b, tt.status, tt.want)
			}
			for k, v := range tt.wantHeader {
				if got := h.Get(k); got != v {
					t.Errorf("%s %s: header %s: got %q, want %q", tt.method, tt.path, k, got, v)
				}
			}
		}
	})
}

// joseClaims is the JWT payload the jose subtest signs, in the order
// JSON.stringify writes it back (so HS256/RS256/EdDSA tokens compare exactly).
const joseClaims = `{"iss":"urn:edgeplay:test","aud":"urn:edgeplay:compat","sub":"user-42","iat":1700000000,"exp":4102444800,"name":"Ada Lovelace","admin":true,"roles":["reader","writer"]}`

func testJose(t *testing.T, c *compat) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	edPub, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	const secret = "a-string-secret-at-least-256-bits-long"
	b64 := base64.RawURLEncoding.EncodeToString
	signed := func(alg string, sign func(msg []byte) []byte) string {
		msg := b64([]byte(`{"alg":"`+alg+`","typ":"JWT"}`)) + "." + b64([]byte(joseClaims))
		return msg + "." + b64(sign([]byte(msg)))
	}
	sha := func(msg []byte) []byte { h := sha256.Sum256(msg); return h[:] }
	hs256 := signed("HS256", func(msg []byte) []byte { m := hmac.New(sha256.New, []byte(secret)); m.Write(msg); return m.Sum(nil) })
	rs256 := signed("RS256", func(msg []byte) []byte {
		sig, err := rsa.SignPKCS1v15(rand.Reader, rsaKey, crypto.SHA256, sha(msg))
		if err != nil {
			t.Fatal(err)
		}
		return sig
	})
	es256 := signed("ES256", func(msg []byte) []byte {
		r, s, err := ecdsa.Sign(rand.Reader, ecKey, sha(msg))
		if err != nil {
			t.Fatal(err)
		}
		return append(r.FillBytes(make([]byte, 32)), s.FillBytes(make([]byte, 32))...) // RFC 7518 §3.4
	})
	eddsa := signed("EdDSA", func(msg []byte) []byte { return ed25519.Sign(edKey, msg) })
	pemOf := func(typ string, der []byte, err error) string {
		if err != nil {
			t.Fatal(err)
		}
		return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}))
	}
	keyForms := func(priv, pub any, jwk map[string]string) map[string]any {
		der, err := x509.MarshalPKCS8PrivateKey(priv)
		pder, perr := x509.MarshalPKIXPublicKey(pub)
		return map[string]any{"pkcs8": pemOf("PRIVATE KEY", der, err), "spki": pemOf("PUBLIC KEY", pder, perr), "jwk": jwk}
	}
	ecJWK := map[string]string{"kty": "EC", "crv": "P-256", "x": b64(ecKey.X.FillBytes(make([]byte, 32))), "y": b64(ecKey.Y.FillBytes(make([]byte, 32)))}
	input := map[string]any{
		"claims": json.RawMessage(joseClaims),
		"secret": secret,
		"rsa":    keyForms(rsaKey, &rsaKey.PublicKey, map[string]string{"kty": "RSA", "n": b64(rsaKey.N.Bytes()), "e": b64(big.NewInt(int64(rsaKey.E)).Bytes())}),
		"ec":     keyForms(ecKey, &ecKey.PublicKey, ecJWK),
		"ed":     keyForms(edKey, edPub, map[string]string{"kty": "OKP", "crv": "Ed25519", "x": b64(edPub)}),
		"tokens": map[string]string{"hs256": hs256, "rs256": rs256, "es256": es256, "eddsa": eddsa},
	}
	body, _ := json.Marshal(input)

	// verifyGo checks a token the route signed, with Go's crypto.
	verifyGo := func(alg string, verify func(msg, sig []byte) bool) func(*testing.T, any) {
		return func(t *testing.T, v any) {
			tok, _ := v.(string)
			parts := strings.Split(tok, ".")
			if len(parts) != 3 {
				t.Fatalf("not a JWS: %q", tok)
			}
			if h, _ := base64.RawURLEncoding.DecodeString(parts[0]); string(h) != `{"alg":"`+alg+`","typ":"JWT"}` {
				t.Errorf("header %s", h)
			}
			if p, _ := base64.RawURLEncoding.DecodeString(parts[1]); string(p) != joseClaims {
				t.Errorf("payload %s", p)
			}
			sig, err := base64.RawURLEncoding.DecodeString(parts[2])
			if err != nil || !verify([]byte(parts[0]+"."+parts[1]), sig) {
				t.Errorf("Go does not verify the %s signature of %s", alg, tok)
			}
		}
	}
	exact := func(want string) func(*testing.T, any) {
		return func(t *testing.T, v any) {
			if v != want {
				t.Errorf("got %s\nwant %q", jsonText(v), want)
			}
		}
	}
	both := func(fs ...func(*testing.T, any)) func(*testing.T, any) {
		return func(t *testing.T, v any) {
			for _, f := range fs {
				f(t, v)
			}
		}
	}
	verifiedBy := func(alg string) string {
		return `[{"payload":` + joseClaims + `,"protectedHeader":{"alg":"` + alg + `","typ":"JWT"}},"user-42"]`
	}
	// RFC 7638 thumbprint of the EC key, computed here.
	tp := sha256.Sum256([]byte(`{"crv":"P-256","kty":"EC","x":"` + ecJWK["x"] + `","y":"` + ecJWK["y"] + `"}`))
	sub := func(alg, kty, crv, typ string) string {
		return fmt.Sprintf(`{"alg":%q,"sub":"user-42","kty":%q,"crv":%s,"privateType":%q}`, alg, kty, crv, typ)
	}
	const prefix = "ERR_JWT_CLAIM_VALIDATION_FAILED: "
	c.checks(t, "POST", "/api/jose", string(body), map[string]any{
		"hs256Sign":            exact(hs256),
		"hs256Verify":          `{"payload":` + joseClaims + `,"protectedHeader":{"alg":"HS256","typ":"JWT"}}`,
		"hs256GeneratedSecret": `{"alg":"HS512","typ":"JWT"}`,
		"generated": `{"RS256":` + sub("RS256", "RSA", "null", "private") + `,"PS256":` + sub("PS256", "RSA", "null", "private") +
			`,"ES256":` + sub("ES256", "EC", `"P-256"`, "private") + `,"ES384":` + sub("ES384", "EC", `"P-384"`, "private") +
			`,"EdDSA":` + sub("EdDSA", "OKP", `"Ed25519"`, "private") + `}`,
		"rs256VerifyGo": verifiedBy("RS256"),
		"es256VerifyGo": verifiedBy("ES256"),
		"eddsaVerifyGo": verifiedBy("EdDSA"),
		"rs256SignForGo": both(exact(rs256), verifyGo("RS256", func(msg, sig []byte) bool {
			return rsa.VerifyPKCS1v15(&rsaKey.PublicKey, crypto.SHA256, sha(msg), sig) == nil
		})),
		"es256SignForGo": verifyGo("ES256", func(msg, sig []byte) bool {
			return len(sig) == 64 && ecdsa.Verify(&ecKey.PublicKey, sha(msg), new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:]))
		}),
		"eddsaSignForGo":  both(exact(eddsa), verifyGo("EdDSA", func(msg, sig []byte) bool { return ed25519.Verify(edPub, msg, sig) })),
		"exportRoundTrip": `{"pkcs8":true,"spki":true}`,
		"remoteJWKS": `{"compat-es256":{"alg":"ES256","kid":"compat-es256","sub":"user-42"},"compat-rs256":{"alg":"RS256","kid":"compat-rs256","sub":"user-42"},
			"compat-eddsa":{"alg":"EdDSA","kid":"compat-eddsa","sub":"user-42"},"unknownKid":"ERR_JWKS_NO_MATCHING_KEY: no applicable key found in the JSON Web Key Set"}`,
		"localJWKS":  `{"alg":"ES256","typ":"JWT","kid":"go-ec"}`,
		"decode":     `{"payload":` + joseClaims + `,"header":{"alg":"ES256","typ":"JWT"}}`,
		"thumbprint": fmt.Sprintf(`["NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",%q]`, b64(tp[:])),
		"jwe":        `{"parts":5,"dir":"user-42","header":{"alg":"dir","enc":"A256GCM"},"oaep":"user-42","kw":"user-42"}`,
		"jws":        `"plain payload"`,
		"errors": `{"tampered":"ERR_JWS_SIGNATURE_VERIFICATION_FAILED: signature verification failed",
			"wrongSecret":"ERR_JWS_SIGNATURE_VERIFICATION_FAILED: signature verification failed",
			"expired":"ERR_JWT_EXPIRED: \"exp\" claim timestamp check failed",
			"notYet":"` + prefix + `\"nbf\" claim timestamp check failed",
			"issuer":"` + prefix + `unexpected \"iss\" claim value",
			"audience":"` + prefix + `unexpected \"aud\" claim value",
			"algorithm":"ERR_JOSE_ALG_NOT_ALLOWED: \"alg\" (Algorithm) Header Parameter value not allowed",
			"malformed":"ERR_JWS_INVALID: JWS Protected Header is invalid",
			"wrongKeyType":"TypeError: Key for the RS256 algorithm must be one of type CryptoKey, KeyObject, or JSON Web Key. Received an instance of Uint8Array"}`,
	})
}

// testSSE reads /api/sse line by line as the lines arrive: every parsed
// event is one JSON line, sent the moment it is parsed, and the source waits
// 400 ms before its last chunk, so the early events must come well before
// the last one.
func testSSE(t *testing.T, c *compat, source, events string) {
	start := time.Now()
	res, err := http.Get(c.url + "/api/sse?source=" + source)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("status %d: %s", res.StatusCode, b)
	}
	if ct := res.Header.Get("content-type"); ct != "application/x-ndjson" {
		t.Errorf("content-type %q", ct)
	}
	var got []any
	var at []time.Duration
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		at = append(at, time.Since(start))
		var v map[string]any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		delete(v, "at")
		if notes, ok := v["notes"].([]any); ok {
			got = append(notes, got...) // comments and retry come first in the source
			continue
		}
		got = append(got, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading the stream: %v (after %d lines)", err, len(at))
	}
	var want []any
	json.Unmarshal([]byte(events), &want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("events:\n got %s\nwant %s", jsonText(got), compact(events))
	}
	if len(at) == 5 && at[3]-at[0] < 250*time.Millisecond {
		t.Errorf("the first event arrived at %v and the last at %v: not streamed as parsed", at[0], at[3])
	}
}

var (
	dnsNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
	urlNS = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
)

// nameUUID is RFC 9562 §5.3/§5.5: hash(namespace bytes + name), version
// and variant bits set.
func nameUUID(h hash.Hash, version byte, ns, name string) string {
	nsb, err := hex.DecodeString(strings.ReplaceAll(ns, "-", ""))
	if err != nil {
		panic(err)
	}
	h.Write(nsb)
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | version<<4
	u[8] = u[8]&0x3f | 0x80
	x := hex.EncodeToString(u)
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

// ids checks a list of n distinct strings matching re.
func ids(re string, n int) func(*testing.T, any) {
	rx := regexp.MustCompile(re)
	return func(t *testing.T, v any) {
		list, ok := v.([]any)
		if !ok || len(list) != n {
			t.Fatalf("want %d ids, got %s", n, jsonText(v))
		}
		seen := map[string]bool{}
		for _, x := range list {
			s, _ := x.(string)
			if !rx.MatchString(s) {
				t.Errorf("id %q does not match %s", s, re)
			}
			if seen[s] {
				t.Errorf("id %q repeated", s)
			}
			seen[s] = true
		}
	}
}

func matches(re string) func(*testing.T, any) {
	rx := regexp.MustCompile(re)
	return func(t *testing.T, v any) {
		if s, _ := v.(string); !rx.MatchString(s) {
			t.Errorf("%s does not match %s", jsonText(v), re)
		}
	}
}

// compat talks to the engine serving projects/compat.
type compat struct {
	t   *testing.T
	url string
}

// noRedirect answers redirects to the test instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// do sends a request (a JSON body when there is one) and returns the
// status, the header and the body.
func (c *compat) do(t *testing.T, method, path, body string) (int, http.Header, []byte) {
	t.Helper()
	var h map[string]string
	if body != "" {
		h = map[string]string{"content-type": "application/json"}
	}
	return c.send(t, method, path, body, h)
}

func (c *compat) send(t *testing.T, method, path, body string, header map[string]string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, c.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, path, err)
	}
	return res.StatusCode, res.Header, b
}

// checks fetches a checks route and compares every named result. A want
// is a JSON text (compared structurally) or a func(*testing.T, any) for
// values that are random by design.
func (c *compat) checks(t *testing.T, method, path, body string, want map[string]any) map[string]json.RawMessage {
	t.Helper()
	status, _, b := c.do(t, method, path, body)
	if status != 200 {
		t.Fatalf("%s %s: status %d: %s", method, path, status, b)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%s %s: not JSON (%v): %s", method, path, err, b)
	}
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		raw, ok := got[name]
		if !ok {
			t.Errorf("%s: check %q missing from the answer", path, name)
			continue
		}
		var g any
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Errorf("%s: %s: %v", path, name, err)
			continue
		}
		if m, ok := g.(map[string]any); ok && len(m) == 1 && m["threw"] != nil {
			t.Errorf("%s: %s threw %v", path, name, m["threw"])
			continue
		}
		switch w := want[name].(type) {
		case string:
			var wv any
			if err := json.Unmarshal([]byte(w), &wv); err != nil {
				t.Fatalf("%s: want for %s is not JSON: %v", path, name, err)
			}
			if !reflect.DeepEqual(g, wv) {
				t.Errorf("%s: %s:\n got %s\nwant %s", path, name, raw, compact(w))
			}
		case func(*testing.T, any):
			t.Run(name, func(t *testing.T) { w(t, g) })
		default:
			t.Fatalf("%s: bad want type %T", name, w)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: check %q has no expectation (got %s)", path, name, got[name])
		}
	}
	return got
}

func compact(s string) string {
	var b bytes.Buffer
	if json.Compact(&b, []byte(s)) != nil {
		return s
	}
	return b.String()
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// syncBuffer collects the engine's log from its goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
