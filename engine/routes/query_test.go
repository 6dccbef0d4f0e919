package routes

import (
	"testing"
)

// TestRequestURL replays requests sent to next dev 16.4.6 on oracleFiles,
// each with req.url as the route printed it: Match and RequestURL together
// must give the same bytes.
func TestRequestURL(t *testing.T) {
	t.Parallel()
	const origin = "http://localhost:3111"
	tests := []struct {
		path, query string
		want        string
	}{
		{"/api/echo", "x=1", "/api/echo?x=1"},
		{"/api/echo", "", "/api/echo"}, // also for "/api/echo?"
		{"/api/users/42", "x=1", "/api/users/42?x=1&id=42"},
		{"/api/users/42", "id=7&x=1&id=8", "/api/users/42?id=42&x=1"},
		{"/api/users/a%20b", "a=%20b&flag&c=a+b&d=%7E~", "/api/users/a%20b?a=+b&flag=&c=a+b&d=%7E%7E&id=a+b"},
		{"/api/users/42%2F5", "", "/api/users/42%2F5?id=42%2F5"},
		{"/api/files/a/b%20c/%C3%A9", "x=1", "/api/files/a/b%20c/%C3%A9?x=1&path=a&path=b+c&path=%C3%A9"},
		{"/api/files/a/b%2Fc", "", "/api/files/a/b%2Fc?path=a&path=b%2Fc"},
		{"/api/docs", "", "/api/docs"},
		{"/api/docs", "slug=1", "/api/docs?slug=1"},
		{"/api/docs/x/y", "slug=q&z=1", "/api/docs/x/y?slug=x&slug=y&z=1"},
		{"/api/docs/a", "slug=z&slug=w", "/api/docs/a?slug=a"},
		{"/api/m/user-5", "", "/api/m/user-5?id=5"},
		{"/api/n/7", "b=1&a=2&10=x&2=y", "/api/n/7?0=7&2=y&10=x&b=1&a=2"},
		{"/api/echo", "q=%E2%82", "/api/echo?q=%EF%BF%BD"},
		{"/api/echo", "r=%zz", "/api/echo?r=%25zz"},
		{"/api/echo", "t=%C3%A9&u=%7e&v=*-._~!'()", "/api/echo?t=%C3%A9&u=%7E&v=*-._%7E%21%27%28%29"},
		{"/api/echo", "w=a%2Bb+c&x=%25", "/api/echo?w=a%2Bb+c&x=%25"},
		{"/api/echo", "__proto__=1&a=1", "/api/echo?__proto__=1&a=1"},
		{"/api/echo", "x=1&x=2&y=3&x=4", "/api/echo?x=1&x=2&x=4&y=3"},
		{"/api/echo", "=v&k=&&k2", "/api/echo?=v&k=&k2="},
		{"/api/echo", "2=a&1=b&01=c&4294967295=d&4294967294=e", "/api/echo?1=b&2=a&4294967294=e&01=c&4294967295=d"},
		{"/api/echo", "nxtPfoo=1&foo=2", "/api/echo?foo=1"},
		{"/api/echo", "nxtIbar=1", "/api/echo?bar=1"},
		{"/api/echo", "nxtP=1", "/api/echo?nxtP=1"},
		{"/api/echo", "nxtPa=1&nxtPa=2", "/api/echo"},
		{"/api/users/42", "x=1&nxtPid=9", "/api/users/42?x=1&id=9"},
		{"/api/echo", "_rsc=1&a=1", "/api/echo?a=1"},
		{"/api/echo", "__nextDataReq=1&a=1", "/api/echo?__nextDataReq=1&a=1"},
		{"/api/echo", "__nextLocale=en&a=1", "/api/echo?__nextLocale=en&a=1"},
		{"/api/echo", "f=x.rsc", "/api/echo?f=x"},
		{"/api/echo", "f=x.rsc&g=1", "/api/echo?f=x.rsc&g=1"},
		{"/api/users/a.rsc", "f=x.rsc", "/api/users/a?f=x.rsc&id=a.rsc"},
		{"/api/users/a.rsc", "", "/api/users/a?id=a.rsc"},
	}
	tb := Build("pages/api", oracleFiles)
	for _, tt := range tests {
		_, params, ok := tb.Match(tt.path)
		if !ok {
			t.Errorf("%q: got no match", tt.path)
			continue
		}
		if got := RequestURL(origin, tt.path, tt.query, params); got != origin+tt.want {
			t.Errorf("%q %q: got %q want %q", tt.path, tt.query, got, origin+tt.want)
		}
	}
}

func TestInjectParams(t *testing.T) {
	t.Parallel()
	id := []Param{{Name: "id", Values: []string{"42"}}}
	tests := []struct {
		query  string
		params []Param
		want   string
	}{
		{"", nil, ""},
		{"x=1", nil, "x=1"},
		{"a=%20b", nil, "a=+b"}, // Next re-encodes the whole query
		{"flag", nil, "flag="},
		{"x=1", id, "x=1&id=42"},
		{"", id, "id=42"},
		{"id=7&x=1&id=8", id, "id=42&x=1"},
		{"a=%20b", []Param{{Name: "path", Values: []string{"a", "b c/é"}, CatchAll: true}}, "a=+b&path=a&path=b+c%2F%C3%A9"},
		{"x=1", []Param{{Name: "slug", CatchAll: true}}, "x=1"}, // an absent optional catch-all
		{"path=old&x=1&path=old2", []Param{{Name: "path", Values: []string{"a", "b"}, CatchAll: true}}, "path=a&path=b&x=1"},
		{"x=1", []Param{{Name: "a", Values: []string{"1"}}, {Name: "b", Values: []string{"2"}}}, "x=1&a=1&b=2"},
		{"b=1", []Param{{Name: "0", Values: []string{"z"}}}, "0=z&b=1"},
		{"f=x.rsc", nil, "f=x"},
		{"q=%F0%9F%98%80&r=%F0%9F%98&s=%C0%80&t=%ED%A0%80", nil, "q=%F0%9F%98%80&r=%EF%BF%BD&s=%EF%BF%BD%EF%BF%BD&t=%EF%BF%BD%EF%BF%BD%EF%BF%BD"},
	}
	for _, tt := range tests {
		if got := InjectParams(tt.query, tt.params); got != tt.want {
			t.Errorf("%q %+v: got %q want %q", tt.query, tt.params, got, tt.want)
		}
	}
}

func TestDecodeUTF8(t *testing.T) {
	t.Parallel()
	// Replacement per maximal ill-formed subsequence, as the Encoding
	// standard (and so URLSearchParams) decodes.
	tests := []struct {
		in   string
		want string
	}{
		{"abc", "abc"},
		{"\xe2\x82", "\ufffd"},
		{"\xe2\x82x", "\ufffdx"},
		{"\xe2\x82\xe2\x82\xac", "\ufffd€"},
		{"\xc0\x80", "\ufffd\ufffd"},
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"},
		{"\xf0\x9f\x98", "\ufffd"},
		{"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd"},
		{"\xff", "\ufffd"},
		{"\x80a", "\ufffda"},
	}
	for _, tt := range tests {
		if got := decodeUTF8([]byte(tt.in)); got != tt.want {
			t.Errorf("%q: got %q want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkRequestURL(b *testing.B) {
	params := []Param{{Name: "id", Values: []string{"42"}}}
	b.ReportAllocs()
	for b.Loop() {
		RequestURL("http://localhost:3000", "/api/users/42", "x=1&y=two", params)
	}
}
