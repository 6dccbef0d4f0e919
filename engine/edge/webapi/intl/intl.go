// Package intl installs ECMA-402's Intl: DateTimeFormat, NumberFormat,
// Collator, PluralRules, RelativeTimeFormat, ListFormat,
// getCanonicalLocales and supportedLocalesOf, and the locale-sensitive
// methods of Date, Number and String that use them. Output matches V8 with
// ICU (Node 20) for en-US, en-GB, de-DE, fr-FR and ja-JP (and their
// languages en, de, fr, ja); any other locale falls back to the nearest of
// those (else en-US), and resolvedOptions().locale says which.
//
// The patterns and names are data.json, read from what Node's ICU prints
// (testdata/gen/gen_data.js); the formatting algorithms are intl.js. Time
// zones come from Go's time package (the IANA database, embedded),
// collation from golang.org/x/text/collate and plural rules from
// golang.org/x/text/feature/plural. Nothing is built in an isolate until
// Intl is first used: `Intl` is a lazy global, and locale data is read per
// locale on first use.
//
// [ECMA-402]: https://tc39.es/ecma402/
package intl

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
	_ "time/tzdata"
	"unicode" // the IANA database, also where the host has none

	"github.com/dop251/goja"
	"golang.org/x/text/collate"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed intl.js
var source string

//go:embed data.json
var dataJSON []byte

func init() {
	webapi.Register(webapi.API{
		Name:   "intl",
		Order:  3,
		Spec:   "https://tc39.es/ecma402/",
		JS:     source,
		Native: natives,
	})
}

// Locale data, parsed once per process on first use.
type localeData struct {
	DT struct {
		DateStyle map[string]string `json:"dateStyle"`
		TimeStyle map[string]string `json:"timeStyle"`
		Both      map[string]string `json:"both"`
		Date      map[string]string `json:"date"`
		Time      map[string]string `json:"time"`
		Glue      map[string]string `json:"glue"`
		Names     json.RawMessage   `json:"names"`
		Zones     json.RawMessage   `json:"zones"`
		ZoneNames json.RawMessage   `json:"zoneNames"`
	} `json:"dt"`
	NF json.RawMessage `json:"nf"`
	PL json.RawMessage `json:"pl"`
	RT json.RawMessage `json:"rt"`
	LF json.RawMessage `json:"lf"`
}

var (
	dataOnce sync.Once
	data     struct {
		CurrencyDigits map[string]int         `json:"currencyDigits"`
		ZoneAliases    map[string]string      `json:"zoneAliases"`
		Locales        map[string]*localeData `json:"locales"`
	}
	currencyDigitsJSON string
)

func loadData() {
	dataOnce.Do(func() {
		if err := json.Unmarshal(dataJSON, &data); err != nil {
			panic("intl: data.json: " + err.Error())
		}
		b, _ := json.Marshal(data.CurrencyDigits)
		currencyDigitsJSON = string(b)
	})
}

// A BCP 47 language tag, as IsStructurallyValidLanguageTag checks it
// (x/text's parser also accepts forms such as en_US, which V8 rejects).
var tagRe = regexp.MustCompile(`^(?i:[a-z]{2,3}|[a-z]{5,8})(?:-(?i:[a-z]{4}))?(?:-(?i:[a-z]{2}|[0-9]{3}))?(?:-(?i:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-(?i:[0-9a-wy-z](?:-[a-z0-9]{2,8})+))*(?:-(?i:x(?:-[a-z0-9]{1,8})+))?$`)

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	collators := map[string]*collate.Collator{}
	return map[string]any{
		// canonicalizeLocale(tag) -> the canonical tag, or "" when invalid.
		"canonicalizeLocale": func(tag string) string {
			if !tagRe.MatchString(tag) {
				return ""
			}
			t, err := language.Parse(tag)
			if err != nil {
				// Well formed, but a subtag x/text does not know (xx,
				// qaa…): valid for ECMA-402; canonical case only.
				return caseTag(tag)
			}
			return t.String()
		},
		// data(locale, section) -> the JSON of one section of a locale.
		"data": func(locale, section string) string {
			loadData()
			if section == "currencyDigits" {
				return currencyDigitsJSON
			}
			d := data.Locales[locale]
			if d == nil {
				panic(rt.NewTypeError("intl: no data for " + locale))
			}
			switch section {
			case "names":
				return string(d.DT.Names)
			case "zones":
				return `{"zones":` + string(d.DT.Zones) + `,"names":` + string(d.DT.ZoneNames) + `}`
			case "nf":
				return string(d.NF)
			case "pl":
				return string(d.PL)
			case "rt":
				return string(d.RT)
			case "lf":
				return string(d.LF)
			}
			panic(rt.NewTypeError("intl: no section " + section))
		},
		// pattern(locale, table, key) -> a date-time pattern, or undefined.
		"pattern": func(locale, table, key string) goja.Value {
			loadData()
			d := data.Locales[locale]
			if d == nil {
				return goja.Undefined()
			}
			var m map[string]string
			switch table {
			case "dateStyle":
				m = d.DT.DateStyle
			case "timeStyle":
				m = d.DT.TimeStyle
			case "both":
				m = d.DT.Both
			case "date":
				m = d.DT.Date
			case "time":
				m = d.DT.Time
			case "glue":
				m = d.DT.Glue
			}
			if p, ok := m[key]; ok {
				return rt.ToValue(p)
			}
			return goja.Undefined()
		},
		// timeZone(name) -> the canonical IANA name, or "" when unknown.
		"timeZone": func(name string) string {
			_, canonical := loadZone(name)
			return canonical
		},
		// fields(ms, zone) -> [year, month 1-12, day, weekday 0-6 (Sunday 0),
		// hour, minute, second, offset seconds, abbreviation].
		"fields": func(ms float64, zone string) []any {
			loc, _ := loadZone(zone)
			if loc == nil {
				loc = time.UTC
			}
			sec := int64(ms / 1000)
			if float64(sec)*1000 > ms {
				sec-- // floor for instants before 1970
			}
			t := time.Unix(sec, 0).In(loc)
			name, off := t.Zone()
			return []any{t.Year(), int(t.Month()), t.Day(), int(t.Weekday()), t.Hour(), t.Minute(), t.Second(), off, name}
		},
		// compare(locale, sensitivity, numeric, ignorePunctuation, caseFirst, a, b)
		"compare": func(locale, sensitivity string, numeric, ignorePunctuation bool, caseFirst, a, b string) int {
			if ignorePunctuation {
				// ICU's alternate=shifted: spaces and punctuation are
				// ignored (x/text's shifted option also drops case).
				a, b = stripPunctuation(a), stripPunctuation(b)
			}
			level := sensitivity
			if level == "case" {
				level = "base" // then the case level, below
			}
			key := fmt.Sprint(locale, level, numeric)
			c := collators[key]
			if c == nil {
				c = newCollator(locale, level, numeric)
				collators[key] = c
			}
			r := c.CompareString(a, b)
			if r == 0 && sensitivity == "case" {
				return strings.Compare(caseKey(a), caseKey(b))
			}
			if r != 0 && (caseFirst == "upper" || caseFirst == "lower") {
				// caseFirst: strings that differ only in case sort with upper
				// (or lower) case first. x/text has no such option.
				ci := collators[key+"/ci"]
				if ci == nil {
					ci = newCollator(locale, "accent", numeric)
					collators[key+"/ci"] = ci
				}
				if ci.CompareString(a, b) == 0 {
					if d := caseOrder(a, b); d != 0 {
						if caseFirst == "upper" {
							return d
						}
						return -d
					}
				}
			}
			return r
		},
		// plural(locale, ordinal, i, v, w, f, t) -> the CLDR plural category.
		"plural": func(locale string, ordinal bool, i, v, w, f, t int) string {
			tag := language.Make(locale)
			rules := plural.Cardinal
			if ordinal {
				rules = plural.Ordinal
			}
			// CLDR 38 gave French (and Spanish, Italian, Portuguese,
			// Catalan) "many" for millions; x/text's tables predate it.
			if !ordinal && v == 0 && i != 0 && i%1000000 == 0 {
				if base, _ := tag.Base(); base.String() == "fr" || base.String() == "es" || base.String() == "it" || base.String() == "pt" || base.String() == "ca" {
					return "many"
				}
			}
			switch rules.MatchPlural(tag, i, v, w, f, t) {
			case plural.Zero:
				return "zero"
			case plural.One:
				return "one"
			case plural.Two:
				return "two"
			case plural.Few:
				return "few"
			case plural.Many:
				return "many"
			}
			return "other"
		},
	}
}

// caseTag writes a language tag in canonical case: language lower,
// script title, region upper, the rest lower.
func caseTag(tag string) string {
	parts := strings.Split(strings.ToLower(tag), "-")
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		if len(p) == 1 {
			break // an extension or private use: lower case
		}
		switch {
		case len(p) == 4 && p[0] >= 'a':
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		case len(p) == 2:
			parts[i] = strings.ToUpper(p)
		}
	}
	return strings.Join(parts, "-")
}

func newCollator(locale, sensitivity string, numeric bool) *collate.Collator {
	tag := language.Make(locale)
	var opts []collate.Option
	switch sensitivity {
	case "base":
		opts = append(opts, collate.IgnoreCase, collate.IgnoreDiacritics)
	case "accent":
		opts = append(opts, collate.IgnoreCase)
	case "case":
		opts = append(opts, collate.IgnoreDiacritics)
	}
	if numeric {
		opts = append(opts, collate.Numeric)
	}
	return collate.New(tag, opts...)
}

func stripPunctuation(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// caseKey is the case level of s: for each letter with case, l or u, in
// order ("ß" is two lower-case letters, as its primary weights are "ss");
// lower case sorts first, as in ICU without caseFirst.
func caseKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'ß':
			b.WriteString("ll")
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			b.WriteByte('u')
		case unicode.IsLower(r):
			b.WriteByte('l')
		}
	}
	return b.String()
}

// caseOrder compares the case of the first letters where a and b differ
// only in case: -1 when a has the upper case one.
func caseOrder(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if ra[i] == rb[i] {
			continue
		}
		ua, ub := strings.ToUpper(string(ra[i])) == string(ra[i]), strings.ToUpper(string(rb[i])) == string(rb[i])
		switch {
		case ua && !ub:
			return -1
		case ub && !ua:
			return 1
		}
	}
	return 0
}

var (
	zoneMu    sync.Mutex
	zoneCache = map[string]zoneEntry{}
)

type zoneEntry struct {
	loc       *time.Location
	canonical string
}

// loadZone finds an IANA time zone by name, case-insensitively as ECMA-402
// wants, and names it as ICU does (V8's resolvedOptions().timeZone):
// Asia/Kolkata is Asia/Calcutta, Etc/UTC and GMT are UTC. The names are
// data.json's zoneAliases; a zone Go knows and the table does not is kept
// as spelt.
func loadZone(name string) (*time.Location, string) {
	loadData()
	zoneMu.Lock()
	defer zoneMu.Unlock()
	if e, ok := zoneCache[name]; ok {
		return e.loc, e.canonical
	}
	e := zoneEntry{}
	canonical, known := data.ZoneAliases[strings.ToLower(name)]
	if !known {
		canonical = titleZone(name)
	}
	if canonical == "UTC" {
		e = zoneEntry{time.UTC, "UTC"}
	} else if canonical != "" && !strings.ContainsAny(canonical, "\\.") && !strings.HasPrefix(canonical, "/") && canonical != "Local" {
		for _, candidate := range []string{canonical, name} {
			if loc, err := time.LoadLocation(candidate); err == nil {
				e = zoneEntry{loc, canonical}
				break
			}
		}
	}
	if len(zoneCache) < 1024 {
		zoneCache[name] = e
	}
	return e.loc, e.canonical
}

// titleZone spells a zone name as the database does: america/new_york is
// America/New_York, etc/gmt+5 is Etc/GMT+5.
func titleZone(name string) string {
	segs := strings.Split(name, "/")
	for i, s := range segs {
		lower := strings.ToLower(s)
		if strings.HasPrefix(lower, "gmt") || lower == "utc" || lower == "uct" {
			segs[i] = strings.ToUpper(s)
			continue
		}
		b := []byte(lower)
		up := true
		for j, c := range b {
			if up && c >= 'a' && c <= 'z' {
				b[j] = c - 'a' + 'A'
			}
			up = c == '_' || c == '-'
		}
		segs[i] = string(b)
	}
	return strings.Join(segs, "/")
}
