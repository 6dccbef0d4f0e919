// Hand-written Intl cases; intl_cases.js holds the large tables compared
// with Node's ICU. Expected strings here are what Node 20 prints.
test('Intl is a lazy global until first touched', () => {
  // webapitest touches nothing before the tests; the first test sees the
  // accessor the set-up left.
  const d = Object.getOwnPropertyDescriptor(globalThis, 'Intl');
  assertEquals(typeof d.get, 'function', 'an accessor before first use');
  assertEquals(d.enumerable, false);
  assertEquals(typeof Intl, 'object');
  const after = Object.getOwnPropertyDescriptor(globalThis, 'Intl');
  assertEquals([after.writable, after.enumerable, after.configurable, typeof after.get], [true, false, true, 'undefined']);
  assertEquals(Object.prototype.toString.call(Intl), '[object Intl]');
  assertEquals(Object.keys(Intl), []);
  for (const k of ['getCanonicalLocales', 'DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat']) assert(typeof Intl[k] === 'function', k);
});

test('the table of the brief', () => {
  const d = new Date(Date.UTC(2024, 2, 5, 14, 7, 9));
  const rows = {
    'en-US': ['3/5/2024', '3/5/2024, 2:07:09 PM', '9 AM EST', '1,234,567.891', '-€1,234.50', '1.2M'],
    'en-GB': ['05/03/2024', '05/03/2024, 14:07:09', '09h GMT-5', '1,234,567.891', '-€1,234.50', '1.2m'],
    'de-DE': ['5.3.2024', '5.3.2024, 14:07:09', '09 Uhr GMT-5', '1.234.567,891', '-1.234,50\u00a0€', '1,2\u00a0Mio.'],
    'fr-FR': ['05/03/2024', '05/03/2024 14:07:09', '09 h UTC−5', '1\u202f234\u202f567,891', '-1\u202f234,50\u00a0€', '1,2\u00a0M'],
    'ja-JP': ['2024/3/5', '2024/3/5 14:07:09', '9時 GMT-5', '1,234,567.891', '-€1,234.50', '123万'],
  };
  for (const l of Object.keys(rows)) {
    assertEquals([
      new Intl.DateTimeFormat(l, { timeZone: 'UTC' }).format(d), d.toLocaleString(l, { timeZone: 'UTC' }),
      new Intl.DateTimeFormat(l, { timeZone: 'America/New_York', timeZoneName: 'short', hour: 'numeric' }).format(d),
      (1234567.891).toLocaleString(l), new Intl.NumberFormat(l, { style: 'currency', currency: 'EUR' }).format(-1234.5),
      new Intl.NumberFormat(l, { notation: 'compact' }).format(1234567),
    ], rows[l], l);
  }
});

test('U+202F before AM/PM: format writes a space, formatToParts keeps it', () => {
  const f = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'UTC' });
  assertEquals(f.format(0), '12:00 AM');
  assertEquals(f.formatToParts(0).map((p) => p.value), ['12', ':', '00', '\u202f', 'AM']);
  assertEquals(new Date(0).toLocaleTimeString('en-US', { timeZone: 'UTC' }), '12:00:00 AM');
});

test('other locales fall back, and say so', () => {
  assertEquals(new Intl.DateTimeFormat('es-MX').resolvedOptions().locale, 'en-US');
  assertEquals(new Intl.NumberFormat(['xx', 'de-AT']).resolvedOptions().locale, 'de');
  assertEquals(new Intl.NumberFormat('de-CH').format(1234.5), '1.234,5', 'de data (ICU would use de-CH)');
  assertEquals(new Intl.DateTimeFormat('fr-CA', { timeZone: 'UTC' }).resolvedOptions().locale, 'fr');
  assertEquals(new Intl.NumberFormat().resolvedOptions().locale, 'en-US', 'the default locale');
  assertEquals(Intl.NumberFormat.supportedLocalesOf(['es-MX', 'en-US', 'de']), ['en-US', 'de']);
  assertEquals(new Intl.DateTimeFormat('en-US-u-ca-gregory', { timeZone: 'UTC' }).resolvedOptions().locale, 'en-US');
});

test('defaults: UTC, and Date methods', () => {
  const d = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  assertEquals(d.toLocaleString(), '1/2/2024, 3:04:05 AM');
  assertEquals(d.toLocaleDateString(), '1/2/2024');
  assertEquals(d.toLocaleTimeString(), '3:04:05 AM');
  assertEquals(d.toLocaleDateString('de-DE', { weekday: 'long' }), 'Dienstag');
  assertEquals(d.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' }), '03:04 AM');
  assertEquals(new Date(NaN).toLocaleString(), 'Invalid Date');
  assertEquals(new Intl.DateTimeFormat().resolvedOptions().timeZone, 'UTC');
  assertThrows(() => Date.prototype.toLocaleString.call({}), TypeError);
  assertEquals(Object.getOwnPropertyDescriptor(Date.prototype, 'toLocaleString').enumerable, false);
  assertEquals(Date.prototype.toLocaleDateString.name, 'toLocaleDateString');
});

test('time zones', () => {
  const summer = Date.UTC(2024, 6, 1, 12);
  const f = (zone, opts) => new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short', ...opts }).format(summer);
  assertEquals(f('America/New_York'), '8:00 AM EDT');
  assertEquals(f('Europe/Berlin'), '2:00 PM GMT+2');
  assertEquals(f('Asia/Kolkata'), '5:30 PM GMT+5:30');
  assertEquals(f('Australia/Sydney'), '10:00 PM GMT+10');
  assertEquals(f('America/New_York', { timeZoneName: 'long' }), '8:00 AM Eastern Daylight Time');
  assertEquals(new Intl.DateTimeFormat('en', { timeZone: 'asia/KOLKATA' }).resolvedOptions().timeZone, 'Asia/Calcutta', 'ICU names it so');
  assertEquals(new Intl.DateTimeFormat('en', { timeZone: 'Etc/GMT' }).resolvedOptions().timeZone, 'UTC');
  assertThrows(() => new Intl.DateTimeFormat('en', { timeZone: 'Mars/Base' }), RangeError, 'Invalid time zone specified: Mars/Base');
  assertThrows(() => new Intl.DateTimeFormat('en', { timeZone: '../etc/passwd' }), RangeError);
});

test('format is a bound getter', () => {
  const nf = new Intl.NumberFormat('en-US');
  const format = nf.format;
  assertEquals(format(1234), '1,234');
  assert(nf.format === format, 'the same function each time');
  assertEquals([1, 22, 333].map(new Intl.NumberFormat('de-DE', { minimumIntegerDigits: 2 }).format), ['01', '22', '333']);
  const dtf = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' });
  assertEquals([0].map(dtf.format), ['1/1/1970']);
  assertThrows(() => Intl.NumberFormat.prototype.formatToParts.call({}, 1), TypeError, 'incompatible receiver');
  assertEquals(Intl.NumberFormat('en').format(1), '1', 'NumberFormat is callable without new');
  assertThrows(() => Intl.PluralRules('en'), TypeError);
});

test('numbers', () => {
  const f = (o, n) => new Intl.NumberFormat('en-US', o).format(n);
  assertEquals(f({ maximumFractionDigits: 2 }, 1.005), '1.01', 'rounds the decimal, as ICU');
  assertEquals(f({ style: 'percent' }, 0.07), '7%');
  assertEquals(f({ style: 'currency', currency: 'JPY' }, 1234.5), '¥1,235');
  assertEquals(f({ style: 'currency', currency: 'CHF' }, 5), 'CHF\u00a05.00', 'currency spacing');
  assertEquals(f({ style: 'currency', currency: 'EUR', currencySign: 'accounting' }, -3), '(€3.00)');
  assertEquals(f({ notation: 'compact', compactDisplay: 'long' }, 2500000), '2.5 million');
  assertEquals(f({ notation: 'compact' }, 999999), '1M', 'rounding carries into the next magnitude');
  assertEquals(f({}, 12345678901234567890n), '12,345,678,901,234,567,890');
  assertEquals((-0).toLocaleString(), '-0');
  assertEquals([1234.5, new Date(0)].toLocaleString('de-DE'), '1.234,5,1.1.1970, 00:00:00');
  assertThrows(() => new Intl.NumberFormat('en', { style: 'unit', unit: 'meter' }), DOMException, 'style "unit" is not supported');
  assertThrows(() => new Intl.NumberFormat('en', { notation: 'scientific' }), DOMException, 'not supported');
  assertThrows(() => new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', currencyDisplay: 'name' }), DOMException, 'currencyDisplay "name"');
  assertThrows(() => new Intl.NumberFormat('en', { maximumFractionDigits: 101 }), RangeError, 'maximumFractionDigits value is out of range.');
  assertThrows(() => new Intl.NumberFormat('en', { style: 'currency' }), TypeError, 'Currency code is required with currency style.');
});

test('collation and localeCompare', () => {
  assertEquals(['b', 'a', 'C', 'ä'].sort(new Intl.Collator('de').compare), ['a', 'ä', 'b', 'C']);
  assertEquals(['item10', 'item2', 'item1'].sort(new Intl.Collator('en', { numeric: true }).compare), ['item1', 'item2', 'item10']);
  assertEquals('a'.localeCompare('A', 'en', { sensitivity: 'base' }), 0);
  assertEquals('a'.localeCompare('á', 'en', { sensitivity: 'accent' }), -1);
  assertEquals('résumé'.localeCompare('resume'), 1);
  assertEquals(['Ab', 'ab', 'aB'].sort(new Intl.Collator('en', { caseFirst: 'upper' }).compare), ['Ab', 'aB', 'ab']);
  assertThrows(() => String.prototype.localeCompare.call(null, 'a'), TypeError);
});

test('plural rules, relative time, lists', () => {
  assertEquals([0, 1, 2, 5].map((n) => new Intl.PluralRules('en').select(n)), ['other', 'one', 'other', 'other']);
  assertEquals([1, 2, 3, 4, 11, 21, 22, 23].map((n) => new Intl.PluralRules('en', { type: 'ordinal' }).select(n)), ['one', 'two', 'few', 'other', 'other', 'one', 'two', 'few']);
  assertEquals([0, 1, 1.5, 2, 1000000].map((n) => new Intl.PluralRules('fr').select(n)), ['one', 'one', 'one', 'other', 'many']);
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  assertEquals([rtf.format(-1, 'day'), rtf.format(1, 'day'), rtf.format(0, 'year'), rtf.format(3, 'weeks'), rtf.format(-2, 'hours')], ['yesterday', 'tomorrow', 'this year', 'in 3 weeks', '2 hours ago']);
  assertEquals(new Intl.RelativeTimeFormat('de', { style: 'short' }).format(-5, 'minute'), 'vor 5 Min.');
  assertEquals(new Intl.ListFormat('en').format(['a', 'b', 'c']), 'a, b, and c');
  assertEquals(new Intl.ListFormat('en', { type: 'disjunction' }).format(['a', 'b']), 'a or b');
  assertEquals(new Intl.ListFormat('fr').format(['a', 'b', 'c']), 'a, b et c');
  assertEquals(Intl.getCanonicalLocales(['EN-us', 'zh-hant-tw']), ['en-US', 'zh-Hant-TW']);
  assertThrows(() => Intl.getCanonicalLocales('en_US'), RangeError, 'Incorrect locale information provided');
});

test('not implemented: loud', () => {
  assertThrows(() => new Intl.DateTimeFormat('en', { era: 'long' }), DOMException, 'era');
  assertThrows(() => new Intl.DateTimeFormat('en', { calendar: 'japanese' }), DOMException, 'calendar japanese');
  assertThrows(() => new Intl.DateTimeFormat('en').formatRange(0, 1), DOMException, 'formatRange');
  assertThrows(() => new Intl.NumberFormat('en', { numberingSystem: 'arab' }), DOMException, 'numberingSystem');
  assertEquals(typeof Intl.Segmenter, 'undefined');
  assertEquals(typeof Intl.DisplayNames, 'undefined');
});
