// Package formdata installs FormData, its multipart/form-data serialiser
// (bodies of Request, Response and fetch) and the parsers behind
// request.formData() and response.formData().
//
// Multipart bodies are parsed in Go with mime/multipart: the JS hands the
// whole body over and gets a flat list of entries back. For other APIs the
// JS leaves on internals:
//
//	internals.isFormData(v)               -> boolean
//	internals.serializeFormData(fd)       -> [Uint8Array body, boundary]
//	internals.parseFormData(bytes, type)  -> FormData, or throws a TypeError
//
// [FormData]: https://xhr.spec.whatwg.org/#interface-formdata
// [multipart/form-data parser]: https://andreubotella.github.io/multipart-form-data/
package formdata

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed formdata.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:   "formdata",
		Order:  46, // after blob; before fetch
		Spec:   "https://xhr.spec.whatwg.org/#interface-formdata",
		JS:     source,
		Native: natives,
	})
}

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	return map[string]any{
		// parseMultipart(bytes, contentType) -> [name, filename|null, type, value, …]
		// where value is a string for fields and a Uint8Array for files.
		"parseMultipart": func(call goja.FunctionCall) goja.Value {
			body, ok := webapi.Bytes(rt, call.Argument(0))
			if !ok {
				webapi.Throw(rt, "TypeError", "Failed to parse body as FormData: not a byte sequence")
			}
			entries, err := ParseMultipart(body, call.Argument(1).String())
			if err != nil {
				webapi.Throw(rt, "TypeError", "Failed to parse body as FormData: "+err.Error())
			}
			out := make([]any, 0, 4*len(entries))
			for _, e := range entries {
				if e.File {
					out = append(out, e.Name, e.Filename, e.Type, webapi.NewUint8Array(rt, e.Value))
				} else {
					out = append(out, e.Name, nil, "", decodeUTF8(e.Value))
				}
			}
			return rt.ToValue(out)
		},
	}
}

// Entry is one part of a multipart/form-data body.
type Entry struct {
	Name     string
	File     bool   // the part had a filename parameter (even an empty one)
	Filename string // when File
	Type     string // when File: the part's Content-Type, "text/plain" if it had none
	Value    []byte
}

// MaxParts bounds the parts of one body, so a hostile body cannot make
// millions of tiny entries.
const MaxParts = 10000

// ParseMultipart parses body as multipart/form-data with the boundary of
// contentType. Any malformation (no boundary, a part without a form-data
// Content-Disposition or a name, a missing closing delimiter) is an error.
func ParseMultipart(body []byte, contentType string) ([]Entry, error) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, fmt.Errorf("invalid Content-Type %q: %v", contentType, err)
	}
	if mt != "multipart/form-data" {
		return nil, fmt.Errorf("Content-Type %q is not multipart/form-data", mt)
	}
	boundary := params["boundary"]
	if boundary == "" {
		return nil, errors.New("the Content-Type has no boundary")
	}
	// The closing delimiter must be there: mime/multipart accepts a body
	// that just stops after a part.
	if !bytes.Contains(body, []byte("--"+boundary+"--")) {
		return nil, errors.New("the body has no closing boundary")
	}
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	var out []Entry
	for {
		// NextRawPart: the body of a part is taken as it is (no
		// quoted-printable decoding), as browsers and undici do.
		p, err := r.NextRawPart()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if len(out) >= MaxParts {
			return nil, fmt.Errorf("more than %d parts", MaxParts)
		}
		e, err := entryOf(p.Header)
		if err != nil {
			return nil, err
		}
		e.Value, err = io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
}

func entryOf(h textproto.MIMEHeader) (Entry, error) {
	cd := h.Get("Content-Disposition")
	if cd == "" {
		return Entry{}, errors.New("a part has no Content-Disposition header")
	}
	disp, params, err := mime.ParseMediaType(cd)
	if err != nil {
		return Entry{}, fmt.Errorf("a part has an invalid Content-Disposition %q: %v", cd, err)
	}
	if disp != "form-data" {
		return Entry{}, fmt.Errorf("a part's Content-Disposition is %q, not form-data", disp)
	}
	name, ok := params["name"]
	if !ok {
		return Entry{}, errors.New("a part has no name")
	}
	e := Entry{Name: unescape(name)}
	if fn, ok := params["filename"]; ok {
		e.File = true
		e.Filename = unescape(fn)
		e.Type = h.Get("Content-Type")
		if e.Type == "" {
			e.Type = "text/plain"
		}
	}
	return e, nil
}

// unescape undoes the serialiser's escapes of LF, CR and '"' in names.
var unescaper = strings.NewReplacer("%0A", "\n", "%0a", "\n", "%0D", "\r", "%0d", "\r", "%22", `"`)

func unescape(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	return unescaper.Replace(s)
}

// decodeUTF8 is the Encoding Standard's "UTF-8 decode without BOM": a
// BOM stays, and each invalid byte becomes U+FFFD.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		sb.WriteRune(r) // utf8.RuneError for an invalid byte
		b = b[n:]
	}
	return sb.String()
}
