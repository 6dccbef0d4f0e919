package traffic

import (
	"bytes"
	"errors"
	"os/exec"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// chromeSample is Chrome's "Copy as cURL (bash)" of a fetch() POST, as it
// writes it since Chrome 120 (cookies as -b, one option per line).
const chromeSample = `curl 'http://localhost:3000/api/users?page=2' \
  -H 'accept: */*' \
  -H 'accept-language: en-GB,en;q=0.9' \
  -H 'content-type: application/json' \
  -b 'session=abc123; theme=dark' \
  -H 'origin: http://localhost:3000' \
  -H 'priority: u=1, i' \
  -H 'referer: http://localhost:3000/users' \
  -H 'sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"' \
  -H 'sec-ch-ua-mobile: ?0' \
  -H 'sec-ch-ua-platform: "macOS"' \
  -H 'sec-fetch-dest: empty' \
  -H 'sec-fetch-mode: cors' \
  -H 'sec-fetch-site: same-origin' \
  -H 'user-agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' \
  --data-raw '{"name":"Ada","tags":["a","b"]}'`

// chromeANSISample is what Chrome writes when a value has a ', a ! or a
// control character: $'…' with \uXXXX escapes.
const chromeANSISample = `curl 'http://localhost:3000/api/notes' \
  -H 'content-type: text/plain' \
  --data-raw $'it\'s done\u0021\nline two\u0009tabbed \\ backslash'`

// chromeCmdSample is Chrome's "Copy as cURL (cmd)" of the same kind of
// request: every argument in ^"…^", every special character ^-escaped, a
// quote inside a value as \^", a newline inside one as ^ and two newlines.
const chromeCmdSample = "curl ^\"http://localhost:3000/api/users?page=2^&sort=name^\" ^\r\n" +
	"  -H ^\"accept: */*^\" ^\r\n" +
	"  -H ^\"content-type: application/json^\" ^\r\n" +
	"  -b ^\"session=abc123; theme=dark^\" ^\r\n" +
	"  -H ^\"user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)^\" ^\r\n" +
	"  --data-raw ^\"^{^\\^\"name^\\^\":^\\^\"Ada 100^%^\\^\",^\\^\"note^\\^\":^\\^\"a^\n\nb^\\^\"^}^\""

// firefoxSample is Firefox's "Copy as cURL (POSIX)": one line, -X after
// the URL, Accept-Encoding and Connection kept as headers.
const firefoxSample = `curl 'http://localhost:3000/api/login' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br, zstd' -H 'Content-Type: application/x-www-form-urlencoded' -H 'Origin: http://localhost:3000' -H 'Connection: keep-alive' -H 'Cookie: a=1' -H 'Sec-Fetch-Dest: empty' -H 'Priority: u=0' --data-raw 'user=ada&pass=s3cr%21t'`

// windowsQuotesSample is the older Windows style (Firefox before 2023, and
// many hand-written examples): plain double quotes, "" for a quote inside,
// ^ continuations.
const windowsQuotesSample = "curl \"http://localhost:3000/api/x?a=1&b=2\" ^\n" +
	"  -X PUT ^\n" +
	"  -H \"Content-Type: application/json\" ^\n" +
	"  --data-raw \"{\"\"a\"\":1,\"\"b\"\":\"\"x y\"\"}\""

// postmanSample is Postman's cURL code snippet: long options, a JSON body
// over several lines inside single quotes.
const postmanSample = `curl --location 'http://localhost:3000/api/items' \
--header 'Content-Type: application/json' \
--header 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30' \
--data '{
    "name": "widget",
    "qty": 3
}'`

func TestParseCurl(t *testing.T) {
	h := func(kv ...string) []Header {
		var out []Header
		for i := 0; i+1 < len(kv); i += 2 {
			out = append(out, Header{Name: kv[i], Value: kv[i+1]})
		}
		return out
	}
	form := "application/x-www-form-urlencoded"
	tests := []struct {
		name string
		cmd  string
		want Request
	}{
		{"plain GET", `curl https://example.com/`, Request{Method: "GET", URL: "https://example.com/"}},
		{"chrome bash", chromeSample, Request{Method: "POST", URL: "http://localhost:3000/api/users?page=2",
			Header: h("accept", "*/*", "accept-language", "en-GB,en;q=0.9", "content-type", "application/json",
				"origin", "http://localhost:3000", "priority", "u=1, i", "referer", "http://localhost:3000/users",
				"sec-ch-ua", `"Chromium";v="131", "Not_A Brand";v="24"`, "sec-ch-ua-mobile", "?0",
				"sec-ch-ua-platform", `"macOS"`, "sec-fetch-dest", "empty", "sec-fetch-mode", "cors",
				"sec-fetch-site", "same-origin",
				"user-agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
				"Cookie", "session=abc123; theme=dark"),
			Body: []byte(`{"name":"Ada","tags":["a","b"]}`)}},
		{"chrome bash, CRLF line ends", strings.ReplaceAll(chromeSample, "\n", "\r\n"), Request{Method: "POST", URL: "http://localhost:3000/api/users?page=2",
			Header: h("accept", "*/*", "accept-language", "en-GB,en;q=0.9", "content-type", "application/json",
				"origin", "http://localhost:3000", "priority", "u=1, i", "referer", "http://localhost:3000/users",
				"sec-ch-ua", `"Chromium";v="131", "Not_A Brand";v="24"`, "sec-ch-ua-mobile", "?0",
				"sec-ch-ua-platform", `"macOS"`, "sec-fetch-dest", "empty", "sec-fetch-mode", "cors",
				"sec-fetch-site", "same-origin",
				"user-agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
				"Cookie", "session=abc123; theme=dark"),
			Body: []byte(`{"name":"Ada","tags":["a","b"]}`)}},
		{"chrome $'…'", chromeANSISample, Request{Method: "POST", URL: "http://localhost:3000/api/notes",
			Header: h("content-type", "text/plain"), Body: []byte("it's done!\nline two\ttabbed \\ backslash")}},
		{"chrome cmd", chromeCmdSample, Request{Method: "POST", URL: "http://localhost:3000/api/users?page=2&sort=name",
			Header: h("accept", "*/*", "content-type", "application/json",
				"user-agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "Cookie", "session=abc123; theme=dark"),
			Body: []byte("{\"name\":\"Ada 100%\",\"note\":\"a\nb\"}")}},
		{"firefox", firefoxSample, Request{Method: "POST", URL: "http://localhost:3000/api/login",
			Header: h("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
				"Accept", "*/*", "Accept-Language", "en-US,en;q=0.5", "Accept-Encoding", "gzip, deflate, br, zstd",
				"Content-Type", form, "Origin", "http://localhost:3000", "Connection", "keep-alive",
				"Cookie", "a=1", "Sec-Fetch-Dest", "empty", "Priority", "u=0"),
			Body: []byte("user=ada&pass=s3cr%21t")}},
		{"windows plain quotes", windowsQuotesSample, Request{Method: "PUT", URL: "http://localhost:3000/api/x?a=1&b=2",
			Header: h("Content-Type", "application/json"), Body: []byte(`{"a":1,"b":"x y"}`)}},
		{"windows one line", `curl.exe ^"http://localhost:3000/api/a^" -H ^"x-a: 1^"`, Request{Method: "GET", URL: "http://localhost:3000/api/a", Header: h("x-a", "1")}},
		{"windows backslashes", "curl \"http://x/\" ^\n -d \"a\\\\\\\"b\\c\"", Request{Method: "POST", URL: "http://x/",
			Header: h("Content-Type", form), Body: []byte(`a\"b\c`)}},
		{"postman", postmanSample, Request{Method: "POST", URL: "http://localhost:3000/api/items",
			Header: h("Content-Type", "application/json", "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30"),
			Body:   []byte("{\n    \"name\": \"widget\",\n    \"qty\": 3\n}")}},

		// curl's documentation.
		{"-d joined with &", `curl -d "name=curl" -d "tool=cmdline" https://example.com`, Request{Method: "POST", URL: "https://example.com",
			Header: h("Content-Type", form), Body: []byte("name=curl&tool=cmdline")}},
		{"data flavours", `curl --data a=1 --data-ascii b=2 --data-binary c=3 --data-raw @d http://x`, Request{Method: "POST", URL: "http://x",
			Header: h("Content-Type", form), Body: []byte("a=1&b=2&c=3&@d")}},
		{"--data-urlencode name=", `curl --data-urlencode "name=I am Daniel" https://example.com`, Request{Method: "POST", URL: "https://example.com",
			Header: h("Content-Type", form), Body: []byte("name=I+am+Daniel")}},
		{"--data-urlencode forms", `curl --data-urlencode '=a&b=c' --data-urlencode 'café/ü~x' --data-urlencode 'k=v@w' --data-urlencode 'a@b=c' http://x`, Request{Method: "POST", URL: "http://x",
			Header: h("Content-Type", form), Body: []byte("a%26b%3Dc&caf%C3%A9%2F%C3%BC~x&k=v%40w&a@b=c")}},
		{"-G moves data to the query", `curl -G -d "q=1" --data-urlencode "r=a b" 'http://x/search?a=b#top'`, Request{Method: "GET", URL: "http://x/search?a=b&q=1&r=a+b#top"}},
		{"-G with -X", `curl --get -X DELETE -d id=3 http://x/items`, Request{Method: "DELETE", URL: "http://x/items?id=3"}},
		{"--url-query", `curl --url-query "a=b c" --url-query "+raw=%20" http://x/?z=1`, Request{Method: "GET", URL: "http://x/?z=1&a=b+c&raw=%20"}},
		{"--url-query encodes control characters", `curl --url-query $'a=\x1a' http://x`, Request{Method: "GET", URL: "http://x?a=%1A"}},
		{"-I", `curl -I http://x`, Request{Method: "HEAD", URL: "http://x"}},
		{"--head with -G data", `curl --head -G -d a=1 http://x`, Request{Method: "HEAD", URL: "http://x?a=1"}},
		{"-u", `curl -u ada:s3cret:x http://x`, Request{Method: "GET", URL: "http://x", Header: h("Authorization", "Basic YWRhOnMzY3JldDp4")}},
		{"-u empty password", `curl --user 'ada:' http://x`, Request{Method: "GET", URL: "http://x", Header: h("Authorization", "Basic YWRhOg==")}},
		{"-A -e, last wins", `curl -A one -A two -e 'http://r/;auto' --referer http://r2/ http://x`, Request{Method: "GET", URL: "http://x", Header: h("User-Agent", "two", "Referer", "http://r2/")}},
		{"-H wins over -A -u -b", `curl -A ua -u a:b -b c=d -H 'user-agent: mine' -H 'Authorization: Bearer t' -H 'cookie: e=f' http://x`, Request{Method: "GET", URL: "http://x",
			Header: h("user-agent", "mine", "Authorization", "Bearer t", "cookie", "e=f")}},
		{"-A and -e trimmed, empty sends none", `curl -A '' -e '  ' -A ' ua ' http://x`, Request{Method: "GET", URL: "http://x", Header: h("User-Agent", "ua")}},
		{"-A empty last", `curl -A ua -A '' http://x`, Request{Method: "GET", URL: "http://x"}},
		{"-b joined", `curl -b ' a=1 ' --cookie 'b=2; c=3' http://x`, Request{Method: "GET", URL: "http://x", Header: h("Cookie", "a=1; b=2; c=3")}},
		{"-b empty", `curl -b '' http://x`, Request{Method: "GET", URL: "http://x"}},
		{"-H removal and empty value", `curl -H 'Accept:' -H 'Content-Type:' -H 'X-Empty;' -H '  X-Pad  :   v  ' -d a http://x`, Request{Method: "POST", URL: "http://x",
			Header: h("X-Empty", "", "X-Pad", "v"), Body: []byte("a")}},
		{"-X overrides", `curl -X PATCH -X PUT -d a http://x`, Request{Method: "PUT", URL: "http://x", Header: h("Content-Type", form), Body: []byte("a")}},
		{"GET with a body", `curl -X GET --data-raw '{}' -H 'content-type: application/json' http://x`, Request{Method: "GET", URL: "http://x", Header: h("content-type", "application/json"), Body: []byte("{}")}},
		{"empty -d is a POST", `curl -d '' http://x`, Request{Method: "POST", URL: "http://x", Header: h("Content-Type", form), Body: []byte{}}},
		{"--json", `curl --json '{"a":' --json '1}' http://x`, Request{Method: "POST", URL: "http://x",
			Header: h("Content-Type", "application/json", "Accept", "application/json"), Body: []byte(`{"a":1}`)}},
		{"--json keeps a given accept", `curl --json '{}' -H 'Accept: text/plain' http://x`, Request{Method: "POST", URL: "http://x",
			Header: h("Accept", "text/plain", "Content-Type", "application/json"), Body: []byte(`{}`)}},
		{"-F", `curl -F name=Ada -F 'bio="says \"hi\"; twice";type=text/plain' -F 'note=a;b' -F 'f=x;filename=a.txt;headers="X-Part: 1"' --form-string 'raw=@not a file;type=x' http://x/up`, Request{Method: "POST", URL: "http://x/up",
			Header: h("Content-Type", "multipart/form-data; boundary=------------------------edgeplay"),
			Body: []byte("--------------------------edgeplay\r\n" +
				"Content-Disposition: form-data; name=\"name\"\r\n\r\nAda\r\n" +
				"--------------------------edgeplay\r\n" +
				"Content-Disposition: form-data; name=\"bio\"\r\nContent-Type: text/plain\r\n\r\nsays \"hi\"; twice\r\n" +
				"--------------------------edgeplay\r\n" +
				"Content-Disposition: form-data; name=\"note\"\r\n\r\na\r\n" +
				"--------------------------edgeplay\r\n" +
				"Content-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\nX-Part: 1\r\n\r\nx\r\n" +
				"--------------------------edgeplay\r\n" +
				"Content-Disposition: form-data; name=\"raw\"\r\n\r\n@not a file;type=x\r\n" +
				"--------------------------edgeplay--\r\n")}},
		{"-F boundary clash and a given multipart type", `curl -H 'Content-Type: multipart/mixed' -F 'a=------------------------edgeplay' -F 'q"=1' http://x`, Request{Method: "POST", URL: "http://x",
			Header: h("Content-Type", "multipart/mixed; boundary=------------------------edgeplay1"),
			Body: []byte("--------------------------edgeplay1\r\n" +
				"Content-Disposition: form-data; name=\"a\"\r\n\r\n------------------------edgeplay\r\n" +
				"--------------------------edgeplay1\r\n" +
				"Content-Disposition: form-data; name=\"q%22\"\r\n\r\n1\r\n" +
				"--------------------------edgeplay1--\r\n")}},

		// Flags and their spellings.
		{"clusters and attached values", `curl -sSLk -XPOST -H'X-A: 1' -sd'a=1' -o/dev/null -w '%{http_code}' http://x`, Request{Method: "POST", URL: "http://x",
			Header: h("X-A", "1", "Content-Type", form), Body: []byte("a=1")}},
		{"ignored flags", `curl --compressed -s -S -k -L -v -i --location --insecure --http1.1 --http2 -g --globoff -N --no-buffer -f --fail-with-body --no-progress-meter -# -0 -4 -6 --output out.json -m 5 --max-time 5 --connect-timeout 2 -x http://proxy:8080 --retry 3 -D - -c jar.txt --no-keepalive http://x`, Request{Method: "GET", URL: "http://x"}},
		{"--url and --", `curl --url http://x/a -H 'x: 1'`, Request{Method: "GET", URL: "http://x/a", Header: h("x", "1")}},
		{"-- ends the flags", `curl -H 'x: 1' -- -v`, Request{Method: "GET", URL: "http://-v", Header: h("x", "1")}},
		{"no scheme", `curl localhost:3000/api/hello?u=http://y`, Request{Method: "GET", URL: "http://localhost:3000/api/hello?u=http://y"}},
		{"prompt, path to curl", `$ /usr/bin/curl http://x`, Request{Method: "GET", URL: "http://x"}},
		{"--no-get undoes -G", `curl -G --no-get -d a=1 http://x`, Request{Method: "POST", URL: "http://x", Header: h("Content-Type", form), Body: []byte("a=1")}},
		{"a quoted flag is a flag", `curl '-X' "PUT" http://x`, Request{Method: "PUT", URL: "http://x"}},

		// Shell syntax.
		{"pipe ends the command", `curl -s http://x/api | jq .`, Request{Method: "GET", URL: "http://x/api"}},
		{"&& and ; end the command", `curl http://x && echo done; curl http://y`, Request{Method: "GET", URL: "http://x"}},
		{"trailing & is fine", "curl http://x &  \n", Request{Method: "GET", URL: "http://x"}},
		{"redirections dropped", `curl http://x > out.json 2>/dev/null 2>&1 <in.txt &>all.log -H 'a: 1'`, Request{Method: "GET", URL: "http://x", Header: h("a", "1")}},
		{"comments", "# fetch it\ncurl http://x \\\n  -H 'a: 1' # the header\n", Request{Method: "GET", URL: "http://x", Header: h("a", "1")}},
		{"a # inside a word is not a comment", `curl http://x/#frag -H a:#1`, Request{Method: "GET", URL: "http://x/#frag", Header: h("a", "#1")}},
		{"double quotes", `curl -H "X-Q: \"hi\" \$HOME \\ \a \` + "`" + `" "http://x"`, Request{Method: "GET", URL: "http://x", Header: h("X-Q", "\"hi\" $HOME \\ \\a `")}},
		{"double quotes continue lines", "curl \"http://x/\\\nlong\"", Request{Method: "GET", URL: "http://x/long"}},
		{"concatenated quoting", `curl 'http://'"x"/a\ b$'\x41\101\u00e9\U0001F600' -d $'\cA\e\?\a\b\f\v\r\t\"'`, Request{Method: "POST", URL: "http://x/a bAA\u00e9\U0001F600",
			Header: h("Content-Type", form), Body: []byte("\x01\x1b?\a\b\f\v\r\t\"")}},
		{"$'…' keeps unknown escapes", `curl http://x -d $'\q\x\u-\z'`, Request{Method: "POST", URL: "http://x", Header: h("Content-Type", form), Body: []byte(`\q\x\u-\z`)}},
		{"$'…' bytes and NUL", `curl http://x -d $'\xff\0a\u0000'`, Request{Method: "POST", URL: "http://x", Header: h("Content-Type", form), Body: []byte("\xff\x00a\x00")}},
		{`$"…"`, `curl $"http://x"`, Request{Method: "GET", URL: "http://x"}},
		{"backslash escapes outside quotes", `curl http://x/\'\"\ \\`, Request{Method: "GET", URL: `http://x/'" \`}},
		{"trailing backslash", "curl http://x \\", Request{Method: "GET", URL: "http://x"}},
		{"a second curl command on the next line", "curl http://x -H 'a: 1'\ncurl http://y", Request{Method: "GET", URL: "http://x", Header: h("a", "1")}},
		{"a caret line end inside POSIX quotes is data", "curl http://x \\\n  --data-raw ' ^\n' -d \" ^\n\" -d $'\\' ^\n'", Request{Method: "POST", URL: "http://x",
			Header: h("Content-Type", form), Body: []byte(" ^\n& ^\n&' ^\n")}},
		{"cmd with a stray single quote", "curl \"http://x/it's\" ^\n -H \"a: 1\"", Request{Method: "GET", URL: "http://x/it's", Header: h("a", "1")}},
		{"lost continuations", "curl http://x\n  -H 'a: 1'\n  -d b", Request{Method: "POST", URL: "http://x", Header: h("a", "1", "Content-Type", form), Body: []byte("b")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseCurl(tc.cmd)
			if err != nil {
				t.Fatalf("ParseCurl: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n  %#v\nwant\n  %#v", got, tc.want)
			}
		})
	}
}

func TestParseCurlErrors(t *testing.T) {
	tests := []struct {
		cmd    string
		offset int
		msg    string
	}{
		{"", -1, "the command is empty"},
		{"  \r\n\t ", -1, "the command is empty"},
		{"# just a comment", -1, "the command is empty"},
		{"wget http://x", 0, `the command does not start with curl: it starts with "wget"`},
		{"http://x", 0, `the command does not start with curl: it starts with "http://x"`},
		{"curl 'http://x", 5, "unterminated single quote: the ' at byte 5 is never closed"},
		{`curl "http://x`, 5, `unterminated double quote: the " at byte 5 is never closed`},
		{`curl -d "a\"`, 8, `unterminated double quote: the " at byte 8 is never closed`},
		{`curl -d $'a\'`, 8, `unterminated $'…' string: the $' at byte 8 is never closed`},
		{"curl ^\"http://x ^\n -H a:1", 6, `unterminated double quote: the " at byte 6 is never closed`},
		{"curl http://x\x00", 13, "NUL byte at byte 13: a shell command cannot contain one"},
		{"curl --frobnicate http://x", 5, "unknown flag --frobnicate at byte 5"},
		{"curl -sZ http://x", 5, "unknown flag -Z in -sZ at byte 5"},
		{"curl -Z http://x", 5, "unknown flag -Z at byte 5"},
		{"curl --request=POST http://x", 5, "unknown flag --request=POST at byte 5 (curl takes a flag's value as the next word: --request POST)"},
		{"curl --no-data x http://x", 5, "unknown flag --no-data at byte 5"},
		{"curl http://x -X", 14, "-X at byte 14 needs a value, and the command ends there"},
		{"curl http://x --header", 14, "--header at byte 14 needs a value, and the command ends there"},
		{"curl http://x -o", 14, "-o at byte 14 needs a value, and the command ends there"},
		{"curl -H 'Accept: */*'", -1, "no URL: the command does not say what to request"},
		{"curl", -1, "no URL: the command does not say what to request"},
		{"curl ''", 5, "the URL at byte 5 is empty"},
		{"curl $'http://x/\\n'", 5, "the URL at byte 5 contains a control character (0x0a)"},
		{"curl --url-query $'+\\t' http://x", 5, "--url-query at byte 5: the query contains a control character (0x09), which a URL cannot"},
		{"curl -G -d $'a\\nb' http://x", 5, "-G at byte 5: the data it moves into the query contains a control character (0x0a), which a URL cannot (use --data-urlencode)"},
		{"curl http://a 'http://b'", 14, `more than one URL: "http://a" at byte 5 and "http://b" at byte 14; paste one request at a time`},
		{"curl -F 'file=@photo.jpg' http://x", 5, "-F at byte 5: file=@photo.jpg names a file, and files cannot be read from a pasted command"},
		{`curl --form 'file=@"/Users/ada/photo.jpg"' http://x`, 5, `--form at byte 5: file=@"/Users/ada/photo.jpg" names a file, and files cannot be read from a pasted command`},
		{"curl -F 'text=<notes.txt' http://x", 5, "-F at byte 5: text=<notes.txt names a file, and files cannot be read from a pasted command"},
		{"curl -F 'a=b;headers=@h.txt' http://x", 5, "-F at byte 5: @h.txt names a file, and files cannot be read from a pasted command"},
		{"curl -F novalue http://x", 5, `-F at byte 5: "novalue" is not a form field (write it as name=value)`},
		{"curl -F 'a=(' http://x", 5, "-F at byte 5: nested multipart forms are not supported"},
		{"curl -F 'a=b;type=plain' http://x", 5, `-F at byte 5: "plain" is not a content type (want type/subtype)`},
		{"curl -F 'a=b;encoder=base64' http://x", 5, "-F at byte 5: form part encoders are not supported"},
		{"curl -d @body.json http://x", 5, "-d at byte 5: @body.json names a file, and files cannot be read from a pasted command"},
		{"curl --json @- http://x", 5, "--json at byte 5: @- reads standard input, and a pasted command has none to read (the body was left out of the command)"},
		{"curl --data-binary @- http://x", 5, "--data-binary at byte 5: @- reads standard input, and a pasted command has none to read (the body was left out of the command)"},
		{"curl --data-urlencode 'ada@example.com' http://x", 5, "--data-urlencode at byte 5: ada@example.com names a file, and files cannot be read from a pasted command"},
		{"curl -T ./big.iso http://x", 5, "-T at byte 5: ./big.iso names a file, and files cannot be read from a pasted command"},
		{"curl -H @headers.txt http://x", 5, "-H at byte 5: @headers.txt names a file, and files cannot be read from a pasted command"},
		{"curl -b cookies.txt http://x", 5, `-b at byte 5: "cookies.txt" names a cookie file, and files cannot be read from a pasted command`},
		{"curl -H nocolon http://x", 5, `-H at byte 5: "nocolon" is not a header (write it as "Name: value")`},
		{"curl -H 'a;b' http://x", 5, `-H at byte 5: "a;b" is not a header (write it as "Name: value")`},
		{"curl -H 'Bad Name: x' http://x", 5, `-H at byte 5: "Bad Name" is not a valid header name`},
		{"curl -H $'a: b\\r\\nc: d' http://x", 5, "-H at byte 5: the a header contains a line break or NUL, which HTTP does not allow"},
		{"curl -A $'x\\ny' http://x", 5, "-A at byte 5: the User-Agent header contains a line break or NUL, which HTTP does not allow"},
		{"curl -X 'GE T' http://x", 5, `-X at byte 5: "GE T" is not a valid HTTP method`},
		{"curl -X '' http://x", 5, "-X at byte 5: the method is empty"},
		{"curl -u ada http://x", 5, `-u at byte 5: "ada" has no password after a colon (curl would ask for one)`},
		{"curl -F a=1 -d b=2 http://x", 5, "-F at byte 5 and -d at byte 12: curl sends either a multipart form or data, not both"},
		{"curl -I -d a=1 http://x", 5, "-I at byte 5: a HEAD request cannot send the data given at byte 8 (add -G to put it in the query string)"},
		{"curl -G -F a=1 http://x", 5, "-G at byte 5: a multipart form (-F at byte 8) cannot be moved into the query string"},
		{"curl http://x/?a=1&b=2", 18, "unquoted & at byte 18: a shell would run the command up to there in the background and the rest as another command; if a URL contains &, put it in quotes"},
		{"curl http://x/?a=1&b=2 ^\n -H a:1", 18, "unquoted & at byte 18: cmd would run the command up to there and the rest as another command; if a URL contains &, put it in quotes"},
		{"curl \"http://x/\" ^\n > out.txt", 20, "redirection > at byte 20 is not supported in a cmd command"},
		{"curl $(cat url.txt)", 6, "unquoted ( at byte 6: subshells and command substitution are not supported in a pasted command"},
		{"curl `cat url.txt`", 5, "unquoted ` at byte 5: subshells and command substitution are not supported in a pasted command"},
		{"curl http://x >", 14, "redirection > at byte 14 has no file name after it"},
		{"curl http://x > | jq", 14, "redirection > at byte 14 has no file name after it"},
		{"curl -d @- http://x <<EOF\n{}\nEOF", 20, "<< at byte 20: here-documents are not supported in a pasted command"},
		{"curl “http://x”", 5, "“ at byte 5 is a typographic quote, not a shell quote: the command was probably reformatted by a word processor or chat app; use ' or \" instead"},
		{"curl http://x -H ‘a: b’", 17, "‘ at byte 17 is a typographic quote, not a shell quote: the command was probably reformatted by a word processor or chat app; use ' or \" instead"},
	}
	for _, tc := range tests {
		t.Run(tc.cmd, func(t *testing.T) {
			r, err := ParseCurl(tc.cmd)
			if err == nil {
				t.Fatalf("no error; got %#v", r)
			}
			if err.Error() != tc.msg {
				t.Errorf("message\n  %s\nwant\n  %s", err, tc.msg)
			}
			var ce *CurlError
			if !errors.As(err, &ce) {
				t.Fatalf("error is a %T, not a *CurlError", err)
			}
			if ce.Offset != tc.offset {
				t.Errorf("offset %d, want %d", ce.Offset, tc.offset)
			}
		})
	}
}

// TestParseCurlErrorOffsetsPointAtTheProblem checks that every offset the
// error table gives lands on the text its message names, so an editor can
// put the cursor there.
func TestParseCurlErrorOffsetsPointAtTheProblem(t *testing.T) {
	cases := map[string]string{
		"curl http://x -H 'a: 1' --nope":    "--nope",
		"curl -H 'a: 1' -u nopass http://x": "-u",
		"curl -d @f http://x":               "-d",
		"curl http://x   'http://y'":        "'http://y'",
	}
	for cmd, at := range cases {
		_, err := ParseCurl(cmd)
		var ce *CurlError
		if !errors.As(err, &ce) {
			t.Fatalf("%q: %v", cmd, err)
		}
		if !strings.HasPrefix(cmd[ce.Offset:], at) {
			t.Errorf("%q: offset %d is at %q, want %q", cmd, ce.Offset, cmd[ce.Offset:], at)
		}
	}
}

// escapeChromePosix is Chrome DevTools' escapeStringPosix (for "Copy as
// cURL (bash)"), in Go.
func escapeChromePosix(s string) string {
	special := regexp.MustCompile("[\x00-\x1f\x7f-\u009f!]|'")
	if !special.MatchString(s) {
		return "'" + s + "'"
	}
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`)
	s = r.Replace(s)
	var b strings.Builder
	for _, c := range s {
		if c <= 0x1f || c >= 0x7f && c <= 0x9f || c == '!' {
			b.WriteString(`\u` + strings.ToLower(strings.Repeat("0", 4-len(hex4(c)))+hex4(c)))
			continue
		}
		b.WriteRune(c)
	}
	return "$'" + b.String() + "'"
}

func hex4(c rune) string {
	const digits = "0123456789abcdef"
	if c == 0 {
		return "0"
	}
	var out []byte
	for c > 0 {
		out = append([]byte{digits[c%16]}, out...)
		c /= 16
	}
	return string(out)
}

// escapeChromeWin is Chrome DevTools' escapeStringWin (for "Copy as cURL
// (cmd)"), in Go.
func escapeChromeWin(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `"`, `\"`)
	s = regexp.MustCompile("[^a-zA-Z0-9\\s_\\-:=+~'/.',?;()*`]").ReplaceAllString(s, "^$0")
	// JavaScript's /%(?=[a-zA-Z0-9_])/g: RE2 has no lookahead.
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if s[i] == '%' && i+1 < len(s) && (s[i+1] >= 'a' && s[i+1] <= 'z' || s[i+1] >= 'A' && s[i+1] <= 'Z' || s[i+1] >= '0' && s[i+1] <= '9' || s[i+1] == '_') {
			b.WriteByte('^')
		}
	}
	s = regexp.MustCompile("\r?\n").ReplaceAllString(b.String(), "^\n\n")
	return `^"` + s + `^"`
}

// TestParseCurlChromeEscapes runs awkward values through both of Chrome's
// escapers and checks ParseCurl gets each value back.
func TestParseCurlChromeEscapes(t *testing.T) {
	// The hand-written samples are what the escapers produce.
	if got := escapeChromeWin("{\"name\":\"Ada 100%\",\"note\":\"a\nb\"}"); !strings.HasSuffix(chromeCmdSample, "--data-raw "+got) {
		t.Errorf("chromeCmdSample's body is not Chrome's escaping: %s", got)
	}
	if got := escapeChromeWin("http://localhost:3000/api/users?page=2&sort=name"); !strings.HasPrefix(chromeCmdSample, "curl "+got+" ^") {
		t.Errorf("chromeCmdSample's URL is not Chrome's escaping: %s", got)
	}
	if got := escapeChromePosix("it's done!\nline two\ttabbed \\ backslash"); !strings.HasSuffix(chromeANSISample, "--data-raw "+got) {
		t.Errorf("chromeANSISample's body is not Chrome's escaping: %s", got)
	}
	values := []string{
		`plain`,
		`{"a":"b","c":[1,2]}`,
		`it's`,
		`say "hi" & run | tee; echo $HOME %PATH% %1 100%`,
		"two\nlines\r\nand a\ttab",
		`back\slash \\ and \" and ^caret^`,
		`bang! <lt> >gt (paren) [br] {cu}`,
		"unicode é ü 日本 😀",
		"ctl \x01\x1f\x7f",
		`%41%zz%`,
		"",
	}
	for _, v := range values {
		for name, cmd := range map[string]string{
			"bash": "curl 'http://x/' \\\n  --data-raw " + escapeChromePosix(v),
			"cmd":  "curl ^\"http://x/^\" ^\n  --data-raw " + escapeChromeWin(v),
		} {
			r, err := ParseCurl(cmd)
			if err != nil {
				t.Errorf("%s %q: %v\n%s", name, v, err, cmd)
				continue
			}
			want := v
			if name == "cmd" {
				want = strings.ReplaceAll(v, "\r\n", "\n") // Chrome writes any line end as ^, newline, newline
			}
			if string(r.Body) != want {
				t.Errorf("%s %q: body %q\n%s", name, v, r.Body, cmd)
			}
		}
	}
}

// TestSplitPOSIXMatchesBash compares the POSIX splitter with bash itself on
// awkward quoting: a curl function that prints its arguments stands in for
// curl.
func TestSplitPOSIXMatchesBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	cmds := []string{
		chromeSample,
		chromeANSISample,
		postmanSample,
		firefoxSample,
		`curl 'a'"b"c$'\x41\101\u00e9\U0001F600\cA\e\?' d\ e`,
		`curl "a \" \$ \\ \a \` + "`" + `" 'b\' c`,
		"curl \"x\\\ny\" z\\\n w",
		`curl $'\q\x\u-\z' $'\'' "$"`,
		`curl a#b '#c' # comment`,
		`curl -H 'x: 1' http://x 2>/dev/null`,
		`curl $'\xff\xfe'`,
		`curl $"loc"`,
	}
	for _, cmd := range cmds {
		out, err := exec.Command(bash, "--norc", "--noprofile", "-c", `curl() { for a in "$@"; do printf '%s\0' "$a"; done; }`+"\n"+cmd).Output()
		if err != nil {
			t.Errorf("bash on %q: %v", cmd, err)
			continue
		}
		want := strings.Split(string(out), "\x00")
		want = want[:len(want)-1]
		words, err := splitCommand(cmd)
		if err != nil {
			t.Errorf("%q: %v", cmd, err)
			continue
		}
		var got []string
		for _, w := range words[1:] {
			got = append(got, w.s)
		}
		if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%q:\n got %q\nwant %q", cmd, got, want)
		}
	}
}

func TestCurlEscape(t *testing.T) {
	for in, want := range map[string]string{
		"":             "",
		"AZaz09-._~":   "AZaz09-._~",
		"a b+c&d=e/f":  "a+b%2Bc%26d%3De%2Ff",
		"é":            "%C3%A9",
		"%20":          "%2520",
		"\x00\xff\n\t": "%00%FF%0A%09",
	} {
		if got := curlEscape(in); got != want {
			t.Errorf("curlEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseCurl checks that ParseCurl never panics, that its errors are
// *CurlError values with an offset inside the command, and that a request
// it parses survives Curl and ParseCurl again: same method, URL and body.
// A body that is not shell text comes back as the stdin error instead,
// because Curl leaves it out on purpose.
func FuzzParseCurl(f *testing.F) {
	for _, s := range []string{
		chromeSample, chromeANSISample, chromeCmdSample, firefoxSample, windowsQuotesSample, postmanSample,
		`curl -X PUT -d a -d b http://x`, `curl -G -d q=1 http://x`, `curl -F a=b -F 'c="d;e"' http://x`,
		`curl -I http://x`, `curl -u a:b -A ua -e r -b c=d http://x`, `curl --data-urlencode "a=b c" http://x`,
		`curl $'\xff' -d $'\x00'`, `curl -- -x://y`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cmd string) {
		r, err := ParseCurl(cmd)
		if err != nil {
			var ce *CurlError
			if !errors.As(err, &ce) {
				t.Fatalf("error is a %T: %v", err, err)
			}
			if ce.Offset < -1 || ce.Offset >= len(cmd) && !(ce.Offset == 0 && cmd == "") {
				t.Fatalf("offset %d outside the command (%d bytes): %v", ce.Offset, len(cmd), err)
			}
			if ce.Msg == "" {
				t.Fatal("empty message")
			}
			return
		}
		x := Exchange{Method: r.Method, URL: r.URL, ReqHeader: r.Header, ReqBody: r.Body, ReqBodySize: int64(len(r.Body))}
		out := Curl(x)
		r2, err := ParseCurl(out)
		if len(r.Body) > 0 && !isShellText(r.Body) {
			if err == nil || !strings.Contains(err.Error(), "reads standard input") {
				t.Fatalf("binary body: want the stdin error, got %v\n%s", err, out)
			}
			return
		}
		if err != nil {
			t.Fatalf("ParseCurl(Curl(…)): %v\nfirst:  %q\nsecond: %q", err, cmd, out)
		}
		if r2.Method != r.Method || r2.URL != r.URL || !bytes.Equal(r2.Body, r.Body) {
			t.Fatalf("round trip changed the request\n in: %q\nout: %q\n got %q %q %q\nwant %q %q %q", cmd, out, r2.Method, r2.URL, r2.Body, r.Method, r.URL, r.Body)
		}
		// Headers come back too, less the ones Curl leaves out on purpose,
		// plus the Content-Type curl adds to data that has none.
		skip := map[string]bool{}
		for _, h := range r.Header {
			if strings.EqualFold(h.Name, "connection") {
				for _, t := range strings.Split(h.Value, ",") {
					skip[strings.ToLower(strings.TrimSpace(t))] = true
				}
			}
		}
		var want []Header
		for _, h := range r.Header {
			if n := strings.ToLower(h.Name); !curlSkip[n] && !skip[n] {
				want = append(want, h)
			}
		}
		if len(r.Body) > 0 && headerValue(want, "content-type") == "" && !hasHeader(want, "content-type") {
			want = append(want, Header{"Content-Type", "application/x-www-form-urlencoded"})
		}
		if !reflect.DeepEqual(r2.Header, want) {
			t.Fatalf("round trip changed the headers\n in: %q\nout: %q\n got %q\nwant %q", cmd, out, r2.Header, want)
		}
		if !utf8.ValidString(out) && utf8.ValidString(r.URL) && utf8.Valid(r.Body) && headersValid(r.Header) {
			t.Fatalf("Curl made invalid UTF-8 out of valid input: %q", out)
		}
	})
}

func hasHeader(hs []Header, name string) bool {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return true
		}
	}
	return false
}

func headersValid(hs []Header) bool {
	for _, h := range hs {
		if !utf8.ValidString(h.Name) || !utf8.ValidString(h.Value) {
			return false
		}
	}
	return true
}
