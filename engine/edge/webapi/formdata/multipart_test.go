package formdata

import (
	"strings"
	"testing"
)

func TestParseMultipart(t *testing.T) {
	const ct = "multipart/form-data; boundary=XyZ"
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	tests := []struct {
		name, body, ct string
		want           []Entry
	}{
		{"field and file", crlf("--XyZ\nContent-Disposition: form-data; name=\"a\"\n\n1\n--XyZ\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\nContent-Type: text/markdown\n\n# hi\n--XyZ--\n"), ct,
			[]Entry{{Name: "a", Value: []byte("1")}, {Name: "f", File: true, Filename: "x.txt", Type: "text/markdown", Value: []byte("# hi")}}},
		{"file without a type is text/plain", crlf("--XyZ\nContent-Disposition: form-data; name=\"f\"; filename=\"b\"\n\nraw\n--XyZ--\n"), ct,
			[]Entry{{Name: "f", File: true, Filename: "b", Type: "text/plain", Value: []byte("raw")}}},
		{"empty filename is still a file", crlf("--XyZ\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\nContent-Type: application/octet-stream\n\n\n--XyZ--\n"), ct,
			[]Entry{{Name: "f", File: true, Filename: "", Type: "application/octet-stream", Value: []byte{}}}},
		{"escaped name", crlf("--XyZ\nContent-Disposition: form-data; name=\"a%22b%0D%0Ac\"\n\nv\n--XyZ--\n"), ct,
			[]Entry{{Name: "a\"b\r\nc", Value: []byte("v")}}},
		{"preamble and epilogue ignored", crlf("junk\n--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nv\n--XyZ--\nepilogue"), ct,
			[]Entry{{Name: "a", Value: []byte("v")}}},
		{"value with CRLF inside and a dash line", crlf("--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nline1\n--Xy\nline2\n--XyZ--\n"), ct,
			[]Entry{{Name: "a", Value: []byte("line1\r\n--Xy\r\nline2")}}},
		{"quoted boundary", crlf("--a b\nContent-Disposition: form-data; name=\"a\"\n\nv\n--a b--\n"), `multipart/form-data; boundary="a b"`,
			[]Entry{{Name: "a", Value: []byte("v")}}},
		{"no parts", "--XyZ--\r\n", ct, nil},
		{"quoted-printable is not decoded", crlf("--XyZ\nContent-Disposition: form-data; name=\"a\"\nContent-Transfer-Encoding: quoted-printable\n\na=3Db\n--XyZ--\n"), ct,
			[]Entry{{Name: "a", Value: []byte("a=3Db")}}},
	}
	for _, tc := range tests {
		got, err := ParseMultipart([]byte(tc.body), tc.ct)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			g, w := got[i], tc.want[i]
			if g.Name != w.Name || g.File != w.File || g.Filename != w.Filename || g.Type != w.Type || string(g.Value) != string(w.Value) {
				t.Errorf("%s: entry %d:\ngot  %+v (%q)\nwant %+v (%q)", tc.name, i, g, g.Value, w, w.Value)
			}
		}
	}
}

func TestParseMultipartErrors(t *testing.T) {
	const ct = "multipart/form-data; boundary=XyZ"
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	tests := []struct {
		name, body, ct, contains string
	}{
		{"no boundary parameter", "--XyZ--\r\n", "multipart/form-data", "no boundary"},
		{"not multipart", "a=1", "text/plain", "not multipart/form-data"},
		{"bad content type", "", "multipart/form-data; boundary", "invalid Content-Type"},
		{"no closing delimiter", crlf("--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nv\n"), ct, "no closing boundary"},
		{"no content-disposition", crlf("--XyZ\nContent-Type: text/plain\n\nv\n--XyZ--\n"), ct, "no Content-Disposition"},
		{"not form-data", crlf("--XyZ\nContent-Disposition: attachment; name=\"a\"\n\nv\n--XyZ--\n"), ct, "not form-data"},
		{"no name", crlf("--XyZ\nContent-Disposition: form-data; filename=\"a\"\n\nv\n--XyZ--\n"), ct, "no name"},
		{"truncated headers", crlf("--XyZ\nContent-Disposition: form-data; name=\"a\"\n--XyZ--\n"), ct, ""},
		{"empty body", "", ct, "no closing boundary"},
	}
	for _, tc := range tests {
		_, err := ParseMultipart([]byte(tc.body), tc.ct)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if !strings.Contains(err.Error(), tc.contains) {
			t.Errorf("%s: error %q lacks %q", tc.name, err, tc.contains)
		}
	}
}

func TestDecodeUTF8(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abc", "abc"},
		{"\xef\xbb\xbfabc", "\ufeffabc"}, // without BOM: the BOM stays
		{"a\xffb", "a\ufffdb"},
		{"\xc3", "\ufffd"},
	} {
		if got := decodeUTF8([]byte(tc.in)); got != tc.want {
			t.Errorf("%q: got %q want %q", tc.in, got, tc.want)
		}
	}
}
