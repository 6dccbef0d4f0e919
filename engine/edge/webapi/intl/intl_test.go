package intl_test

import (
	"os"
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestIntl(t *testing.T) { webapitest.RunFile(t, "testdata/intl_test.js") }

// TestAgainstICU runs testdata/intl_cases.js and compares every value with
// what Node 20's ICU gave (testdata/intl_expected.json, written by
// testdata/gen/gen_expected.js).
//
// knownDifferences are values edgeplay is known to give otherwise, each
// with its reason; they are skipped.
func TestAgainstICU(t *testing.T) {
	cases, err := os.ReadFile("testdata/intl_cases.js")
	if err != nil {
		t.Fatal(err)
	}
	expected, err := os.ReadFile("testdata/intl_expected.json")
	if err != nil {
		t.Fatal(err)
	}
	src := string(cases) + `
;(function () {
  const expected = ` + string(expected) + `;
  const known = ` + knownDifferences + `;
  for (const name of Object.keys(intlCases)) {
    test(name, () => {
      const want = expected[name];
      assert(want, 'no expected values: run testdata/gen (see testdata/README.md)');
      const got = intlCases[name]();
      const bad = [];
      for (let i = 0; i < want.length; i++) {
        const g = got[i];
        if (g && known[name] && known[name].labels.includes(g[0])) continue;
        if (!g || g[1] !== want[i]) bad.push((g ? g[0] : '(missing)') + '\n    got  ' + JSON.stringify(g && g[1]) + '\n    want ' + JSON.stringify(want[i]));
      }
      if (got.length !== want.length) bad.push('got ' + got.length + ' values, want ' + want.length);
      if (bad.length) throw new Error(bad.length + ' of ' + want.length + ' differ:\n' + bad.slice(0, 8).join('\n'));
    });
  }
})();`
	webapitest.RunSource(t, "testdata/intl_cases.js", src)
}

// Japanese collation in CLDR reorders the scripts (Latin, kana, Han before
// Greek, Cyrillic, …); golang.org/x/text/collate has no script reordering
// (collate.Reorder panics "TODO"), so a Greek word sorts before kana there.
const jaCollation = `{ reason: 'x/text has no script reordering for ja', labels: ['{} sort', '{"sensitivity":"base"} sort', '{"sensitivity":"accent"} sort', '{"numeric":true} sort', '{"ignorePunctuation":true} sort', '{"sensitivity":"case"} sort'] }`

const knownDifferences = `{ 'Collator ja-JP': ` + jaCollation + `, 'Collator ja': ` + jaCollation + ` }`
