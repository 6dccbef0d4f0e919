// Writes ../../data.json: the locale data edgeplay's Intl formats with,
// read from what Node's ICU prints (formatToParts turned into patterns).
// See ../README.md. Run: node gen_data.js
const fs = require('fs');
const path = require('path');

const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'];
const UTC = 'UTC';
// 2024-03-05 16:07:09 UTC: one-digit month, day, minute and second show the
// digits a locale pads; 16h tells 12- from 24-hour clocks.
const REF = new Date(Date.UTC(2024, 2, 5, 16, 7, 9));
const MIDNIGHT = new Date(Date.UTC(2024, 2, 5, 0, 7, 9));
const MORNING = new Date(Date.UTC(2024, 2, 5, 4, 7, 9)); // a one-digit hour on every clock

function digitsWidth(v) { return v.length >= 2 && v[0] === '0' ? '2' : v.length >= 2 && /^\d+$/.test(v) && v.length === 2 ? '2' : 'n'; }

// pattern turns formatToParts output into "{field:width}" placeholders.
function pattern(locale, opts) {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: UTC, ...opts }).formatToParts(REF);
  const midParts = new Intl.DateTimeFormat(locale, { timeZone: UTC, ...opts }).formatToParts(MIDNIGHT);
  const midHour = (midParts.find((p) => p.type === 'hour') || {}).value;
  const morningHour = (new Intl.DateTimeFormat(locale, { timeZone: UTC, ...opts }).formatToParts(MORNING).find((p) => p.type === 'hour') || {}).value;
  let out = '';
  for (const p of parts) {
    switch (p.type) {
      case 'literal': out += p.value.replace(/[{}]/g, ''); break;
      case 'year': out += `{year:${p.value.length === 2 ? '2' : 'n'}}`; break;
      case 'month': out += /^\d+$/.test(p.value) ? `{month:${p.value.length === 2 ? '2' : 'n'}}` : `{month:${opts.month || (opts.dateStyle === 'medium' ? 'short' : 'long')}}`; break;
      case 'day': out += `{day:${p.value.length === 2 ? '2' : 'n'}}`; break;
      case 'weekday': out += `{weekday:${opts.weekday || 'long'}}`; break;
      case 'hour': {
        const v = parseInt(p.value, 10);
        const m = parseInt(midHour, 10);
        const cycle = v === 16 ? (m === 24 ? 'k' : 'H') : (m === 12 ? 'h' : 'K');
        out += `{hour:${cycle}${morningHour.length === 2 ? '2' : 'n'}}`;
        break;
      }
      case 'minute': out += `{minute:${p.value.length === 2 ? '2' : 'n'}}`; break;
      case 'second': out += `{second:${p.value.length === 2 ? '2' : 'n'}}`; break;
      case 'dayPeriod': out += '{dayPeriod}'; break;
      case 'timeZoneName': out += `{timeZoneName:${opts.timeZoneName || (opts.timeStyle === 'full' ? 'long' : 'short')}}`; break;
      case 'era': out += `{era:${opts.era || 'short'}}`; break;
      default: throw new Error(`${locale} ${JSON.stringify(opts)}: part ${p.type}`);
    }
  }
  return out;
}

function dateCombos() {
  const out = [];
  for (const weekday of [undefined, 'long', 'short', 'narrow'])
    for (const year of [undefined, 'numeric', '2-digit'])
      for (const month of [undefined, 'numeric', '2-digit', 'long', 'short', 'narrow'])
        for (const day of [undefined, 'numeric', '2-digit']) {
          const o = {};
          if (weekday) o.weekday = weekday;
          if (year) o.year = year;
          if (month) o.month = month;
          if (day) o.day = day;
          if (Object.keys(o).length) out.push(o);
        }
  return out;
}
function timeCombos() {
  const out = [];
  for (const hour of [undefined, 'numeric', '2-digit'])
    for (const minute of [undefined, 'numeric', '2-digit'])
      for (const second of [undefined, 'numeric', '2-digit'])
        for (const hc of [undefined, true, false])
          for (const tz of [undefined, 'short', 'long', 'shortOffset', 'longOffset']) {
            const o = {};
            if (hour) o.hour = hour;
            if (minute) o.minute = minute;
            if (second) o.second = second;
            if (!hour && !minute && !second && !tz) continue;
            if (hc !== undefined) { if (!hour) continue; o.hour12 = hc; }
            if (tz) o.timeZoneName = tz;
            out.push(o);
          }
  return out;
}
// The key edgeplay looks patterns up by: the options in a fixed order.
const KEYS = ['weekday', 'era', 'year', 'month', 'day', 'hour', 'minute', 'second', 'hour12', 'timeZoneName'];
const key = (o) => KEYS.filter((k) => o[k] !== undefined).map((k) => `${k}=${o[k]}`).join(',');

function glueClass(o) {
  if (o.month === 'long' && o.weekday === 'long') return 'full';
  if (o.month === 'long') return 'long';
  if (o.month === 'short' || o.month === 'narrow') return 'medium';
  return 'short';
}

function names(locale, field, width, context) {
  const out = [];
  const n = field === 'month' ? 12 : 7;
  for (let i = 0; i < n; i++) {
    // 2024-01-07 is a Sunday.
    const d = field === 'month' ? new Date(Date.UTC(2024, i, 5, 12)) : new Date(Date.UTC(2024, 0, 7 + i, 12));
    const opts = field === 'month' ? (context === 'format' ? { month: width, day: 'numeric' } : { month: width }) : (context === 'format' ? { weekday: width, day: 'numeric', month: 'long' } : { weekday: width });
    const part = new Intl.DateTimeFormat(locale, { timeZone: UTC, ...opts }).formatToParts(d).find((p) => p.type === field);
    out.push(part.value);
  }
  return out;
}

function numberPattern(locale, opts, value) {
  const parts = new Intl.NumberFormat(locale, opts).formatToParts(value);
  let out = '';
  let inNumber = false;
  for (const p of parts) {
    if (['integer', 'group', 'decimal', 'fraction', 'infinity', 'nan'].includes(p.type)) {
      if (!inNumber) { out += '{number}'; inNumber = true; }
      continue;
    }
    inNumber = false;
    if (p.type === 'literal') out += p.value;
    else if (p.type === 'minusSign') out += '{minus}';
    else if (p.type === 'plusSign') out += '{plus}';
    else if (p.type === 'currency') out += '{currency}';
    else if (p.type === 'percentSign') out += '{percent}';
    else if (p.type === 'compact') out += `{compact:${p.value}}`;
    else if (p.type === 'unit') out += `{unit:${p.value}}`;
    else throw new Error(`${locale}: number part ${p.type}`);
  }
  return out;
}

const WINTER = new Date(Date.UTC(2024, 0, 15, 12));
const SUMMER = new Date(Date.UTC(2024, 6, 15, 12));
const ZONES = Intl.supportedValuesOf('timeZone').concat(['UTC']); const ZONES_OLD = ['UTC', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'America/Toronto', 'America/Vancouver', 'America/Mexico_City', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Rome', 'Europe/Amsterdam', 'Europe/Brussels', 'Europe/Zurich', 'Europe/Vienna', 'Europe/Stockholm', 'Europe/Oslo', 'Europe/Copenhagen', 'Europe/Warsaw', 'Europe/Prague', 'Europe/Athens', 'Europe/Helsinki', 'Europe/Istanbul', 'Europe/Moscow', 'Africa/Cairo', 'Africa/Johannesburg', 'Africa/Lagos', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Seoul', 'Asia/Jakarta', 'Asia/Bangkok', 'Australia/Sydney', 'Australia/Melbourne', 'Australia/Perth', 'Pacific/Auckland'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CAD', 'AUD', 'CHF', 'INR', 'KRW', 'BRL', 'MXN', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RUB', 'TRY', 'ZAR', 'HKD', 'SGD', 'NZD', 'KWD', 'BHD', 'ILS', 'THB', 'TWD', 'CLP', 'VND', 'IDR', 'ISK'];

function localeData(locale) {
  const dt = { dateStyle: {}, timeStyle: {}, both: {}, date: {}, time: {}, glue: {}, names: {} };
  for (const s of ['full', 'long', 'medium', 'short']) {
    dt.dateStyle[s] = pattern(locale, { dateStyle: s });
    dt.timeStyle[s] = pattern(locale, { timeStyle: s });
    for (const t of ['full', 'long', 'medium', 'short']) dt.both[`${s},${t}`] = pattern(locale, { dateStyle: s, timeStyle: t });
    for (const hc of [true, false]) dt.timeStyle[`${s},hour12=${hc}`] = pattern(locale, { timeStyle: s, hour12: hc });
  }
  for (const o of dateCombos()) dt.date[key(o)] = pattern(locale, o);
  for (const o of timeCombos()) {
    // A zone name alone joins the date like a time (ICU's own way:
    // "January 1, 1970 at UTC").
    dt.time[key(o)] = o.hour || o.minute || o.second ? pattern(locale, o) : `{timeZoneName:${o.timeZoneName}}`;
  }
  // The glue between date and time, by the date's class.
  for (const cls of ['full', 'long', 'medium', 'short']) {
    const o = { full: { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }, long: { month: 'long', day: 'numeric', year: 'numeric' }, medium: { month: 'short', day: 'numeric', year: 'numeric' }, short: { month: 'numeric', day: 'numeric', year: 'numeric' } }[cls];
    const both = pattern(locale, { ...o, hour: 'numeric', minute: '2-digit' });
    const d = pattern(locale, o);
    const t = pattern(locale, { hour: 'numeric', minute: '2-digit' });
    if (!both.startsWith(d) || !both.endsWith(t)) {
      if (both.startsWith(t) && both.endsWith(d)) dt.glue[cls] = '{1}' + both.slice(t.length, both.length - d.length) + '{0}';
      else throw new Error(`${locale} ${cls}: glue of ${both}`);
    } else {
      dt.glue[cls] = '{0}' + both.slice(d.length, both.length - t.length) + '{1}';
    }
  }
  for (const field of ['month', 'weekday']) {
    for (const width of ['long', 'short', 'narrow']) {
      dt.names[`${field}:${width}:format`] = names(locale, field, width, 'format');
      dt.names[`${field}:${width}:standalone`] = names(locale, field, width, 'standalone');
    }
  }
  const periods = (d) => new Intl.DateTimeFormat(locale, { timeZone: UTC, hour: 'numeric', hour12: true }).formatToParts(d).find((p) => p.type === 'dayPeriod').value;
  dt.names.dayPeriod = [periods(MIDNIGHT), periods(REF)];
  dt.names.utc = { long: new Intl.DateTimeFormat(locale, { timeZone: UTC, timeZoneName: 'long' }).formatToParts(REF).find((p) => p.type === 'timeZoneName').value };
  // The GMT offset format: "GMT-5", "UTC−5"… read from a zone 5h west.
  const off = (style, d) => new Intl.DateTimeFormat(locale, { timeZone: 'Etc/GMT+5', timeZoneName: style }).formatToParts(d || REF).find((p) => p.type === 'timeZoneName').value;
  dt.names.gmtShort = off('shortOffset');
  dt.names.gmtLong = off('longOffset');
  dt.names.gmtZero = new Intl.DateTimeFormat(locale, { timeZone: 'Etc/GMT', timeZoneName: 'shortOffset' }).formatToParts(REF).find((p) => p.type === 'timeZoneName').value;
  dt.names.gmtHalf = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Kolkata', timeZoneName: 'shortOffset' }).formatToParts(REF).find((p) => p.type === 'timeZoneName').value;
  dt.names.gmtHalfLong = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Kolkata', timeZoneName: 'longOffset' }).formatToParts(REF).find((p) => p.type === 'timeZoneName').value;

  const nf = {};
  const p = new Intl.NumberFormat(locale).formatToParts(-1234567.891);
  nf.group = p.find((x) => x.type === 'group').value;
  nf.decimal = p.find((x) => x.type === 'decimal').value;
  nf.minus = p.find((x) => x.type === 'minusSign').value;
  nf.plus = new Intl.NumberFormat(locale, { signDisplay: 'always' }).formatToParts(1).find((x) => x.type === 'plusSign').value;
  nf.percentSign = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(1).find((x) => x.type === 'percentSign').value;
  nf.nan = new Intl.NumberFormat(locale).format(NaN);
  nf.infinity = new Intl.NumberFormat(locale).format(Infinity);
  nf.minGrouping = new Intl.NumberFormat(locale).format(1234) === '1234' ? 2 : 1;
  nf.percent = [numberPattern(locale, { style: 'percent' }, 0.5), numberPattern(locale, { style: 'percent' }, -0.5)];
  nf.currency = {};
  for (const display of ['symbol', 'narrowSymbol', 'code']) {
    // Read with ±Infinity: ICU's currency spacing (a space between a
    // letter and a digit) leaves them alone, so this is the bare pattern.
    nf.currency[display] = [numberPattern(locale, { style: 'currency', currency: 'EUR', currencyDisplay: display }, Infinity), numberPattern(locale, { style: 'currency', currency: 'EUR', currencyDisplay: display }, -Infinity)];
    nf.currency[display + ':accounting'] = numberPattern(locale, { style: 'currency', currency: 'EUR', currencyDisplay: display, currencySign: 'accounting' }, -Infinity);
  }
  nf.symbols = {};
  for (const c of CURRENCIES) {
    const sym = (display) => new Intl.NumberFormat(locale, { style: 'currency', currency: c, currencyDisplay: display }).formatToParts(1).find((x) => x.type === 'currency').value;
    nf.symbols[c] = [sym('symbol'), sym('narrowSymbol')];
  }
  // Compact patterns per magnitude: [divisor exponent, {category or
  // "exact1": pattern}].
  nf.compact = {};
  const pr = new Intl.PluralRules(locale);
  for (const display of ['short', 'long']) {
    const list = [];
    for (let k = 0; k <= 24; k++) {
      const v = 10 ** k;
      const f = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: display });
      const parts = f.formatToParts(v);
      const intLen = parts.filter((x) => x.type === 'integer').map((x) => x.value).join('').length;
      const div = parts.some((x) => x.type === 'integer') ? k - (intLen - 1) : k;
      const forms = { exact1: numberPattern(locale, { notation: 'compact', compactDisplay: display }, v) };
      for (const m of [1.5, 1.2, 2, 3, 5, 7]) {
        const scaled = m * 10 ** (k - div);
        const cat = pr.select(scaled);
        if (forms[cat] === undefined) forms[cat] = numberPattern(locale, { notation: 'compact', compactDisplay: display }, m * v);
      }
      list.push([div, forms]);
    }
    nf.compact[display] = list;
  }
  // Zone names, for every zone ICU knows, at a January and a July
  // instant: [short Jan, short Jul, long Jan, long Jul] as indexes into
  // zoneNames.
  dt.zones = {};
  dt.zoneNames = [];
  const index = new Map();
  const intern = (v) => { if (!index.has(v)) { index.set(v, dt.zoneNames.length); dt.zoneNames.push(v); } return index.get(v); };
  for (const zone of ZONES) {
    const z = [];
    for (const style of ['short', 'long']) {
      for (const d of [WINTER, SUMMER]) z.push(intern(new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(d).find((x) => x.type === 'timeZoneName').value));
    }
    dt.zones[zone] = z;
  }
  const pl = {};
  for (const type of ['cardinal', 'ordinal']) pl[type] = new Intl.PluralRules(locale, { type }).resolvedOptions().pluralCategories;

  // RelativeTimeFormat: per style and unit, the future and past patterns by
  // plural category, and numeric:'auto' phrases for -2..2.
  const rt = {};
  const SAMPLES = [0, 1, 2, 3, 5, 11, 21, 100, 1.5, 0.5, 1000000];
  for (const style of ['long', 'short', 'narrow']) {
    rt[style] = {};
    for (const unit of ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year']) {
      const u = { future: {}, past: {}, auto: {} };
      const pr = new Intl.PluralRules(locale);
      for (const n of SAMPLES) {
        const cat = pr.select(n);
        for (const [dir, v] of [['future', n], ['past', -n]]) {
          if (n === 0 && dir === 'past') continue;
          const parts = new Intl.RelativeTimeFormat(locale, { style }).formatToParts(v, unit);
          const pat = parts.map((x) => (x.type === 'literal' ? x.value : '{0}')).join('').replace(/(\{0\})+/g, '{0}');
          if (u[dir][cat] === undefined) u[dir][cat] = pat;
        }
      }
      // -0 is past.
      const p0 = new Intl.RelativeTimeFormat(locale, { style }).formatToParts(-0, unit);
      u.pastZero = p0.map((x) => (x.type === 'literal' ? x.value : '{0}')).join('').replace(/(\{0\})+/g, '{0}');
      for (const v of [-2, -1, 0, 1, 2]) {
        const a = new Intl.RelativeTimeFormat(locale, { style, numeric: 'auto' }).format(v, unit);
        const n = new Intl.RelativeTimeFormat(locale, { style, numeric: 'always' }).format(v, unit);
        if (a !== n) u.auto[v] = a;
      }
      rt[style][unit] = u;
    }
  }

  // ListFormat: pair, start, middle and end patterns.
  const lf = {};
  for (const type of ['conjunction', 'disjunction', 'unit']) {
    for (const style of ['long', 'short', 'narrow']) {
      const f = new Intl.ListFormat(locale, { type, style });
      const four = f.format(['\u0001', '\u0002', '\u0003', '\u0004']);
      const two = f.format(['\u0001', '\u0002']);
      const between = (s, a, b) => s.slice(s.indexOf(a) + 1, s.indexOf(b));
      lf[`${type},${style}`] = { two: between(two, '\u0001', '\u0002'), start: between(four, '\u0001', '\u0002'), middle: between(four, '\u0002', '\u0003'), end: between(four, '\u0003', '\u0004') };
      if (four.indexOf('\u0001') !== 0 || !four.endsWith('\u0004') || two.indexOf('\u0001') !== 0 || !two.endsWith('\u0002')) throw new Error(`${locale} list ${type} ${style}`);
    }
  }
  return { dt, nf, pl, rt, lf };
}

// Every zone name the host's IANA database has, lower-cased, with the ID
// ICU (and so V8's resolvedOptions) gives it: Asia/Kolkata is
// Asia/Calcutta, US/Eastern is America/New_York.
function zoneAliases() {
  const root = '/usr/share/zoneinfo';
  const out = {};
  const walk = (dir, prefix) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (/^[a-z]/.test(e.name) || e.name.includes('.')) continue; // posix/, right/, zone.tab …
      if (['posix', 'right', 'Factory', 'posixrules', 'localtime'].includes(e.name)) continue;
      const name = prefix + e.name;
      if (e.isDirectory()) { walk(path.join(dir, e.name), name + '/'); continue; }
      try { out[name.toLowerCase()] = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone; } catch (err) { /* not a zone ICU knows */ }
    }
  };
  walk(root, '');
  return out;
}

const data = { currencyDigits: {}, zoneAliases: zoneAliases(), locales: {} };
for (const c of CURRENCIES) data.currencyDigits[c] = new Intl.NumberFormat('en-US', { style: 'currency', currency: c }).resolvedOptions().maximumFractionDigits;
for (const l of LOCALES) data.locales[l] = localeData(l);
fs.writeFileSync(path.join(__dirname, '..', '..', 'data.json'), JSON.stringify(data) + '\n');
console.log('data.json:', JSON.stringify(data).length, 'bytes');
