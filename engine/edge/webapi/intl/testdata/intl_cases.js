// Cases run by gen/gen_expected.js under Node 20 (full ICU) — which writes
// intl_expected.json — and by intl_test.go under edgeplay. Each returns
// [label, value] pairs; every value must be equal (the expected file keeps
// the values only).
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'];
// Languages alone: the same data, their own resolved locale names.
const LANGUAGES = ['en', 'de', 'fr', 'ja'];
const DATES = [
  Date.UTC(2024, 2, 5, 14, 7, 9), Date.UTC(2024, 6, 14, 0, 0, 0), Date.UTC(1999, 11, 31, 23, 59, 59), Date.UTC(2024, 10, 3, 6, 30, 0),
  Date.UTC(2024, 0, 1, 12, 0, 0), Date.UTC(1969, 6, 20, 20, 17, 40), 0, Date.UTC(2038, 0, 19, 3, 14, 7),
];
const ZONES = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo', 'Pacific/Auckland', 'Asia/Kathmandu'];
const COMPONENTS = [
  {}, { year: 'numeric' }, { month: 'long' }, { month: 'short' }, { weekday: 'long' }, { weekday: 'short' }, { day: 'numeric' },
  { year: 'numeric', month: 'long' }, { year: 'numeric', month: 'short' }, { year: 'numeric', month: '2-digit' }, { month: 'long', day: 'numeric' },
  { month: 'short', day: 'numeric' }, { month: 'numeric', day: 'numeric' }, { year: 'numeric', month: 'long', day: 'numeric' },
  { year: 'numeric', month: 'short', day: 'numeric' }, { year: '2-digit', month: '2-digit', day: '2-digit' }, { year: 'numeric', month: '2-digit', day: '2-digit' },
  { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }, { weekday: 'short', month: 'short', day: 'numeric' },
  { weekday: 'long', month: 'long', day: 'numeric' }, { hour: 'numeric' }, { hour: '2-digit', minute: '2-digit' }, { hour: 'numeric', minute: '2-digit' },
  { hour: 'numeric', minute: 'numeric', second: 'numeric' }, { hour: 'numeric', minute: '2-digit', hour12: true }, { hour: 'numeric', minute: '2-digit', hour12: false },
  { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }, { hour: 'numeric', hourCycle: 'h23' }, { hour: 'numeric', minute: '2-digit', hourCycle: 'h11' },
  { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }, { minute: '2-digit', second: '2-digit' },
  { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' },
  { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' },
  { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', hour12: false },
  { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }, { hour: 'numeric', timeZoneName: 'long' }, { hour: 'numeric', minute: '2-digit', timeZoneName: 'shortOffset' },
  { hour: 'numeric', timeZoneName: 'longOffset' }, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  { timeZoneName: 'short' }, { dateStyle: 'full' }, { dateStyle: 'long' }, { dateStyle: 'medium' }, { dateStyle: 'short' }, { timeStyle: 'full' }, { timeStyle: 'long' },
  { timeStyle: 'medium' }, { timeStyle: 'short' }, { dateStyle: 'full', timeStyle: 'long' }, { dateStyle: 'long', timeStyle: 'short' }, { dateStyle: 'medium', timeStyle: 'medium' },
  { dateStyle: 'short', timeStyle: 'short' }, { dateStyle: 'medium', timeStyle: 'short', hour12: false }, { timeStyle: 'short', hour12: true }, { timeStyle: 'medium', hourCycle: 'h23' },
];
const NUMBERS = [0, -0, 1, -1, 0.5, 1.005, 2.5, 1234.5678, -1234.5678, 1e21, 123456789012, 0.000123, 999999, 999950, 1e15, 0.07, 12.345, 1.5e-7, NaN, Infinity, -Infinity];
const NUMBER_OPTIONS = [
  {}, { maximumFractionDigits: 0 }, { minimumFractionDigits: 2 }, { minimumFractionDigits: 2, maximumFractionDigits: 2 }, { maximumFractionDigits: 1 },
  { maximumSignificantDigits: 3 }, { minimumSignificantDigits: 3 }, { minimumIntegerDigits: 3 }, { useGrouping: false }, { useGrouping: 'min2' },
  { style: 'percent' }, { style: 'percent', maximumFractionDigits: 1 }, { style: 'percent', signDisplay: 'exceptZero' },
  { style: 'currency', currency: 'USD' }, { style: 'currency', currency: 'EUR' }, { style: 'currency', currency: 'JPY' }, { style: 'currency', currency: 'GBP' },
  { style: 'currency', currency: 'CHF' }, { style: 'currency', currency: 'KWD' }, { style: 'currency', currency: 'CAD', currencyDisplay: 'narrowSymbol' },
  { style: 'currency', currency: 'USD', currencyDisplay: 'code' }, { style: 'currency', currency: 'EUR', currencySign: 'accounting' },
  { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }, { style: 'currency', currency: 'SEK' }, { style: 'currency', currency: 'INR' },
  { signDisplay: 'always' }, { signDisplay: 'exceptZero' }, { signDisplay: 'never' }, { signDisplay: 'negative' },
  { style: 'currency', currency: 'USD', signDisplay: 'always' },
  { notation: 'compact' }, { notation: 'compact', compactDisplay: 'long' }, { notation: 'compact', maximumFractionDigits: 1 }, { notation: 'compact', maximumSignificantDigits: 3 },
  { style: 'currency', currency: 'USD', notation: 'compact' },
];
const WORDS = ['résumé', 'resume', 'Resume', 'RESUME', 'résume', 'apple', 'Apple', 'äpfel', 'Zebra', 'zebra', 'item10', 'item2', 'item1', 'a-b', 'ab', 'a b', '', 'Ä', 'z', 'ß', 'ss', 'co-op', 'coop', 'peña', 'pena', 'Ωmega', 'omega', 'あ', 'ア', 'カ', 'か', '漢字', '1', '10', '9'];

const intlCases = {};
for (const locale of LOCALES) {
  intlCases[`DateTimeFormat ${locale}`] = () => {
    const out = [];
    for (let z = 0; z < ZONES.length; z++) {
      for (let o = 0; o < COMPONENTS.length; o++) {
        // Every zone with a few option sets, every option set with a few zones.
        if (z > 2 && o % 5 !== z % 5) continue;
        for (let d = 0; d < DATES.length; d++) {
          if (d > 1 && (o + d) % 3 !== 0) continue;
          const opts = { ...COMPONENTS[o], timeZone: ZONES[z] };
          out.push([JSON.stringify([opts, new Date(DATES[d]).toISOString()]), new Intl.DateTimeFormat(locale, opts).format(DATES[d])]);
        }
      }
    }
    return out;
  };
  intlCases[`DateTimeFormat resolvedOptions and parts ${locale}`] = () => {
    const out = [];
    for (let o = 0; o < COMPONENTS.length; o++) {
      const f = new Intl.DateTimeFormat(locale, { ...COMPONENTS[o], timeZone: 'Europe/Berlin' });
      out.push([JSON.stringify(COMPONENTS[o]), JSON.stringify(f.resolvedOptions())]);
      if (o % 4 === 0) out.push([JSON.stringify(COMPONENTS[o]) + ' parts', JSON.stringify(f.formatToParts(DATES[o % DATES.length]))]);
    }
    return out;
  };
  intlCases[`Date toLocale*String ${locale}`] = () => {
    const out = [];
    for (const t of DATES) {
      const d = new Date(t);
      out.push([`${t} toLocaleString`, d.toLocaleString(locale, { timeZone: 'UTC' })]);
      out.push([`${t} toLocaleDateString`, d.toLocaleDateString(locale, { timeZone: 'America/New_York' })]);
      out.push([`${t} toLocaleTimeString`, d.toLocaleTimeString(locale, { timeZone: 'Asia/Tokyo' })]);
      out.push([`${t} toLocaleDateString month`, d.toLocaleDateString(locale, { timeZone: 'UTC', month: 'long', day: 'numeric' })]);
      out.push([`${t} toLocaleTimeString hour`, d.toLocaleTimeString(locale, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' })]);
      out.push([`${t} toLocaleString no zone`, d.toLocaleString(locale)]);
    }
    return out;
  };
  intlCases[`NumberFormat ${locale}`] = () => {
    const out = [];
    for (let o = 0; o < NUMBER_OPTIONS.length; o++) {
      const f = new Intl.NumberFormat(locale, NUMBER_OPTIONS[o]);
      for (const n of NUMBERS) out.push([JSON.stringify([NUMBER_OPTIONS[o], Object.is(n, -0) ? '-0' : String(n)]), f.format(n)]);
      out.push([JSON.stringify(NUMBER_OPTIONS[o]) + ' resolved', JSON.stringify(f.resolvedOptions())]);
      out.push([JSON.stringify(NUMBER_OPTIONS[o]) + ' parts', JSON.stringify(f.formatToParts(-1234567.891))]);
    }
    out.push(['toLocaleString', (1234.5).toLocaleString(locale)]);
    out.push(['toLocaleString currency', (1234.5).toLocaleString(locale, { style: 'currency', currency: 'EUR' })]);
    out.push(['bigint', (12345678901234567890n).toLocaleString(locale)]);
    return out;
  };
  intlCases[`PluralRules ${locale}`] = () => {
    const out = [];
    for (const type of ['cardinal', 'ordinal']) {
      const pr = new Intl.PluralRules(locale, { type });
      for (const n of [0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 21, 22, 23, 101, 111, 1000000, 0.5, 1.5, 1.0, 2.75]) out.push([`${type} ${n}`, pr.select(n)]);
      out.push([`${type} resolved`, JSON.stringify(pr.resolvedOptions())]);
    }
    const pr = new Intl.PluralRules(locale, { minimumFractionDigits: 1 });
    out.push(['1 with a fraction digit', pr.select(1)]);
    return out;
  };
  intlCases[`RelativeTimeFormat ${locale}`] = () => {
    const out = [];
    for (const style of ['long', 'short', 'narrow']) {
      for (const numeric of ['always', 'auto']) {
        const f = new Intl.RelativeTimeFormat(locale, { style, numeric });
        for (const unit of ['second', 'minutes', 'hour', 'day', 'week', 'month', 'quarter', 'year']) {
          for (const v of [-2, -1, 0, 1, 2, 5, -3.5, 1000]) out.push([`${style} ${numeric} ${v} ${unit}`, f.format(v, unit)]);
        }
      }
    }
    out.push(['-0', new Intl.RelativeTimeFormat(locale).format(-0, 'day')]);
    out.push(['parts', JSON.stringify(new Intl.RelativeTimeFormat(locale).formatToParts(1234.5, 'day'))]);
    out.push(['resolved', JSON.stringify(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).resolvedOptions())]);
    return out;
  };
  intlCases[`ListFormat ${locale}`] = () => {
    const out = [];
    for (const type of ['conjunction', 'disjunction', 'unit']) {
      for (const style of ['long', 'short', 'narrow']) {
        const f = new Intl.ListFormat(locale, { type, style });
        for (const list of [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd', 'e']]) out.push([`${type} ${style} ${list.length}`, f.format(list)]);
      }
    }
    out.push(['parts', JSON.stringify(new Intl.ListFormat(locale).formatToParts(['x', 'y', 'z']))]);
    return out;
  };
  intlCases[`Collator ${locale}`] = () => {
    const out = [];
    for (const opts of [{}, { sensitivity: 'base' }, { sensitivity: 'accent' }, { numeric: true }, { ignorePunctuation: true }, { sensitivity: 'case' }]) {
      const c = new Intl.Collator(locale, opts);
      out.push([JSON.stringify(opts) + ' sort', JSON.stringify(WORDS.slice().sort(c.compare))]);
      const eq = [];
      for (const [a, b] of [['a', 'A'], ['a', 'á'], ['résumé', 'resume'], ['item2', 'item10'], ['a-b', 'ab'], ['ß', 'ss']]) eq.push(Math.sign(c.compare(a, b)));
      out.push([JSON.stringify(opts) + ' pairs', JSON.stringify(eq)]);
    }
    out.push(['localeCompare', JSON.stringify(['a'.localeCompare('b', locale), 'b'.localeCompare('a', locale), 'a'.localeCompare('a', locale), 'ä'.localeCompare('a', locale, { sensitivity: 'base' })])]);
    out.push(['resolved', JSON.stringify(new Intl.Collator(locale, { numeric: true }).resolvedOptions())]);
    return out;
  };
}
for (const locale of LANGUAGES) {
  intlCases[`resolved locales ${locale}`] = () => [
    ['DateTimeFormat', JSON.stringify(new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).resolvedOptions())],
    ['DateTimeFormat format', new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'full' }).format(DATES[0])],
    ['NumberFormat', JSON.stringify(new Intl.NumberFormat(locale).resolvedOptions())],
    ['NumberFormat format', new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(-1234.5)],
    ['Collator', JSON.stringify(new Intl.Collator(locale).resolvedOptions())],
    ['PluralRules', JSON.stringify(new Intl.PluralRules(locale).resolvedOptions())],
    ['RelativeTimeFormat', JSON.stringify(new Intl.RelativeTimeFormat(locale).resolvedOptions())],
    ['ListFormat', JSON.stringify(new Intl.ListFormat(locale).resolvedOptions())],
  ];
}
intlCases['getCanonicalLocales and supportedLocalesOf'] = () => [
  ['canonical', JSON.stringify(Intl.getCanonicalLocales(['EN-us', 'de-de', 'ja', 'zh-hant-tw', 'en-u-ca-gregory', 'en-US']))],
  ['string', JSON.stringify(Intl.getCanonicalLocales('fr-fr'))],
  ['none', JSON.stringify(Intl.getCanonicalLocales())],
  ['supported', JSON.stringify(Intl.DateTimeFormat.supportedLocalesOf(['en-US', 'de', 'fr-FR', 'ja-JP', 'en-GB']))],
];
intlCases['errors'] = () => {
  const e = (f) => { try { return String(f()); } catch (x) { return `${x.name}: ${x.message}`; } };
  return [
    ['mxfd', e(() => new Intl.NumberFormat('en', { maximumFractionDigits: 101 }))],
    ['currency', e(() => new Intl.NumberFormat('en', { style: 'currency' }))],
    ['style', e(() => new Intl.NumberFormat('en', { style: 'bogus' }))],
    ['currency code', e(() => new Intl.NumberFormat('en', { currency: 'EURO', style: 'currency' }))],
    ['min > max', e(() => new Intl.NumberFormat('en', { minimumFractionDigits: 3, maximumFractionDigits: 1 }))],
    ['style and component', e(() => new Intl.DateTimeFormat('en', { dateStyle: 'short', month: 'long' }))],
    ['zone', e(() => new Intl.DateTimeFormat('en', { timeZone: 'Mars/Base' }))],
    ['invalid date', e(() => new Intl.DateTimeFormat('en').format(NaN))],
    ['toLocaleString of an invalid date', new Date(NaN).toLocaleString('en-US')],
    ['tag', e(() => Intl.getCanonicalLocales('en_US'))],
    ['plural type', e(() => new Intl.PluralRules('en', { type: 'x' }))],
    ['rtf unit', e(() => new Intl.RelativeTimeFormat('en').format(1, 'fortnight'))],
    ['list item', e(() => new Intl.ListFormat('en').format([1]))],
    ['zone case', new Intl.DateTimeFormat('en', { timeZone: 'america/new_york' }).resolvedOptions().timeZone],
    ['zone UTC alias', new Intl.DateTimeFormat('en', { timeZone: 'Etc/UTC' }).resolvedOptions().timeZone],
    ['default zone', new Intl.DateTimeFormat('en').resolvedOptions().timeZone],
    ['tags', Object.prototype.toString.call(Intl) + Object.prototype.toString.call(new Intl.NumberFormat())],
  ];
};

if (typeof module !== 'undefined') module.exports = intlCases;
