// ECMA-402 Intl, for the locales data.json has (see intl.go). `Intl` is a
// lazy global: the first touch builds it. Spec: https://tc39.es/ecma402/

const SUPPORTED = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'];
// Languages whose data is one of the supported locales'.
const LANGUAGE_DATA = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', ja: 'ja-JP' };
const DEFAULT_LOCALE = 'en-US';

let intl = null;
let helpers = null;
function getIntl() {
  if (intl === null) {
    const made = makeIntl();
    intl = made.Intl;
    helpers = made.helpers;
  }
  return intl;
}
function getHelpers() {
  if (helpers === null) getIntl();
  return helpers;
}

Object.defineProperty(global, 'Intl', {
  configurable: true,
  enumerable: false,
  get() {
    const v = getIntl();
    Object.defineProperty(global, 'Intl', { value: v, writable: true, enumerable: false, configurable: true });
    return v;
  },
  set(v) {
    Object.defineProperty(global, 'Intl', { value: v, writable: true, enumerable: false, configurable: true });
  },
});

// The locale-sensitive methods of ECMA-262 that ECMA-402 replaces (§19-21
// of ECMA-402), as non-enumerable methods with their built-in names.
function replace(proto, methods) {
  const names = Object.getOwnPropertyNames(methods);
  for (let i = 0; i < names.length; i++) {
    Object.defineProperty(proto, names[i], { value: methods[names[i]], writable: true, enumerable: false, configurable: true });
  }
}
const dateValue = Date.prototype.getTime;
const numberValue = Number.prototype.valueOf;
const bigintToString = typeof BigInt === 'function' ? BigInt.prototype.toString : null;
replace(Date.prototype, {
  toLocaleString(locales, options) { return getHelpers().dateToLocale(dateValue.call(this), locales, options, 'any', 'all'); },
  toLocaleDateString(locales, options) { return getHelpers().dateToLocale(dateValue.call(this), locales, options, 'date', 'date'); },
  toLocaleTimeString(locales, options) { return getHelpers().dateToLocale(dateValue.call(this), locales, options, 'time', 'time'); },
});
replace(Number.prototype, {
  toLocaleString(locales, options) { return getHelpers().numberToLocale(numberValue.call(this), locales, options); },
});
if (bigintToString) {
  replace(BigInt.prototype, {
    toLocaleString(locales, options) { return getHelpers().numberToLocale(bigintToString.call(this), locales, options); },
  });
}
replace(String.prototype, {
  localeCompare(that, locales, options) {
    if (this === undefined || this === null) throw new TypeError('String.prototype.localeCompare called on null or undefined');
    return getHelpers().compare(String(this), String(that), locales, options);
  },
});
replace(Array.prototype, {
  toLocaleString(locales, options) {
    const a = Object(this);
    const len = Math.min(Math.max(Math.trunc(Number(a.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
    let out = '';
    for (let i = 0; i < len; i++) {
      if (i > 0) out += ',';
      const e = a[i];
      if (e !== undefined && e !== null) out += String(Object(e).toLocaleString(locales, options));
    }
    return out;
  },
});

function makeIntl() {
  const notSupported = (what) => new DOMException(`${what} is not supported by edgeplay's Intl`, 'NotSupportedError');

  // ---------------------------------------------------------------- locales

  // CanonicalizeLocaleList(locales) https://tc39.es/ecma402/#sec-canonicalizelocalelist
  function canonicalizeLocaleList(locales) {
    if (locales === undefined) return [];
    const seen = [];
    const O = typeof locales === 'string' ? [locales] : Object(locales);
    const len = Math.max(0, Math.min(Math.trunc(Number(O.length)) || 0, Number.MAX_SAFE_INTEGER));
    for (let k = 0; k < len; k++) {
      if (!(k in O)) continue;
      const kValue = O[k];
      if (typeof kValue !== 'string' && (typeof kValue !== 'object' || kValue === null)) {
        throw new TypeError(`Language ID should be string or object.`);
      }
      const tag = native.canonicalizeLocale(String(kValue));
      if (tag === '') throw new RangeError(`Incorrect locale information provided`);
      if (!seen.includes(tag)) seen.push(tag);
    }
    return seen;
  }

  // The data locale for a requested tag: the tag without its extensions,
  // then shorter and shorter, else none.
  function lookupLocale(tag) {
    let t = tag.replace(/-u(-[a-z0-9]{2,8})+/i, '').replace(/-x(-[a-z0-9]{1,8})+$/i, '');
    for (;;) {
      if (SUPPORTED.includes(t)) return { locale: t, data: t };
      if (LANGUAGE_DATA[t]) return { locale: t, data: LANGUAGE_DATA[t] };
      const i = t.lastIndexOf('-');
      if (i < 0) return null;
      t = t.slice(0, i);
    }
  }
  function resolveLocale(locales) {
    const list = canonicalizeLocaleList(locales);
    for (let i = 0; i < list.length; i++) {
      const r = lookupLocale(list[i]);
      if (r !== null) return r;
    }
    return { locale: DEFAULT_LOCALE, data: DEFAULT_LOCALE };
  }
  function supportedLocalesOf(locales, options) {
    const list = canonicalizeLocaleList(locales);
    if (options !== undefined) {
      const m = getOption(Object(options), 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Intl');
      void m;
    }
    return list.filter((t) => lookupLocale(t) !== null);
  }

  // GetOption(options, property, type, values, default)
  function getOption(options, property, values, fallback, service) {
    let value = options[property];
    if (value === undefined) return fallback;
    if (values === 'boolean') return Boolean(value);
    value = String(value);
    if (values && !values.includes(value)) throw new RangeError(`Value ${value} out of range for ${service} options property ${property}`);
    return value;
  }
  function getNumberOption(options, property, minimum, maximum, fallback) {
    let value = options[property];
    if (value === undefined) return fallback;
    value = Number(value);
    if (Number.isNaN(value) || value < minimum || value > maximum) throw new RangeError(`${property} value is out of range.`);
    return Math.floor(value);
  }
  function coerceOptions(options) {
    if (options === undefined) return Object.create(null);
    if (options === null) throw new TypeError('Cannot convert undefined or null to object');
    return Object(options);
  }

  const dataCache = new Map();
  function localeData(locale, section) {
    const key = locale + '/' + section;
    let v = dataCache.get(key);
    if (v === undefined) {
      v = JSON.parse(native.data(locale, section));
      dataCache.set(key, v);
    }
    return v;
  }

  // Brand checks: every object made here is in `slots`.
  const slots = new WeakMap();
  function slotsOf(o, cls, method) {
    const s = o !== null && typeof o === 'object' ? slots.get(o) : undefined;
    if (s === undefined || s.cls !== cls) throw new TypeError(`Method ${method} called on incompatible receiver ${describe(o)}`);
    return s;
  }
  function describe(o) {
    if (o === null || typeof o !== 'object') return String(o);
    const c = o.constructor;
    return `#<${c && c.name ? c.name : 'Object'}>`;
  }
  function defineClass(cls, tag, proto) {
    const names = Object.getOwnPropertyNames(proto);
    for (let i = 0; i < names.length; i++) {
      const d = Object.getOwnPropertyDescriptor(proto, names[i]);
      d.enumerable = false;
      Object.defineProperty(cls.prototype, names[i], d);
    }
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: tag, configurable: true });
    Object.defineProperty(cls, 'supportedLocalesOf', {
      value: { supportedLocalesOf(locales, options) { return supportedLocalesOf(locales, options); } }.supportedLocalesOf,
      writable: true, configurable: true, enumerable: false,
    });
  }
  // A getter returning this object's method bound once (format, compare).
  function boundGetter(s, name, fn) {
    if (s[name] === undefined) {
      const f = (...args) => fn(...args);
      Object.defineProperty(f, 'name', { value: '' });
      s[name] = f;
    }
    return s[name];
  }

  // ---------------------------------------------------------------- numbers

  // A decimal as digits and the position of the decimal point:
  // value = 0.d1d2d3… × 10^exp. digits has no leading zeros ('' is zero).
  function toDecimal(x) {
    let s = typeof x === 'string' ? x : String(x);
    let neg = false;
    if (s[0] === '-') { neg = true; s = s.slice(1); }
    let exp = 0;
    const e = s.indexOf('e');
    if (e >= 0) { exp = Number(s.slice(e + 1)); s = s.slice(0, e); }
    const dot = s.indexOf('.');
    let digits = dot >= 0 ? s.slice(0, dot) + s.slice(dot + 1) : s;
    let point = (dot >= 0 ? dot : s.length) + exp;
    let lead = 0;
    while (lead < digits.length && digits[lead] === '0') lead++;
    digits = digits.slice(lead);
    point -= lead;
    let end = digits.length;
    while (end > 0 && digits[end - 1] === '0') end--;
    digits = digits.slice(0, end);
    if (digits === '') point = 0;
    return { neg, digits, point };
  }
  // Round half away from zero (halfExpand) to `keep` digits after the
  // point (or, with sig, to `keep` significant digits).
  function roundDecimal(d, keep, sig) {
    const n = sig ? keep : d.point + keep;
    if (n >= d.digits.length) return d;
    if (n < 0) return { neg: d.neg, digits: '', point: 0 };
    const up = d.digits.charCodeAt(n) >= 53; // '5'
    let digits = d.digits.slice(0, n);
    let point = d.point;
    if (up) {
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') i--;
      if (i < 0) { digits = '1'; point += 1; } else digits = digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1);
    }
    let end = digits.length;
    while (end > 0 && digits[end - 1] === '0') end--;
    digits = digits.slice(0, end);
    return { neg: d.neg, digits, point: digits === '' ? 0 : point };
  }
  function isZero(d) { return d.digits === ''; }

  const NF_STYLES = ['decimal', 'percent', 'currency', 'unit'];
  // ICU's currency spacing inserts a space next to a symbol that is not a
  // symbol character ([:^S:]): in practice, a letter.
  const isLetter = (c) => c !== undefined && c.toUpperCase() !== c.toLowerCase();

  function NumberFormat(locales, options) {
    if (new.target === undefined) return new NumberFormat(locales, options);
    const { locale, data } = resolveLocale(locales);
    options = coerceOptions(options);
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Intl.NumberFormat');
    const numberingSystem = options.numberingSystem;
    if (numberingSystem !== undefined && String(numberingSystem) !== 'latn') throw notSupported(`numberingSystem ${String(numberingSystem)}`);
    const s = { cls: 'NumberFormat', locale, data, numberingSystem: 'latn' };
    s.style = getOption(options, 'style', NF_STYLES, 'decimal', 'Intl.NumberFormat');
    let currency = options.currency;
    if (currency !== undefined) {
      currency = String(currency);
      if (!/^[A-Za-z]{3}$/.test(currency)) throw new RangeError(`Invalid currency code : ${currency}`);
      currency = currency.toUpperCase();
    }
    s.currencyDisplay = getOption(options, 'currencyDisplay', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol', 'Intl.NumberFormat');
    s.currencySign = getOption(options, 'currencySign', ['standard', 'accounting'], 'standard', 'Intl.NumberFormat');
    const unit = options.unit;
    getOption(options, 'unitDisplay', ['short', 'narrow', 'long'], 'short', 'Intl.NumberFormat');
    if (s.style === 'currency') {
      if (currency === undefined) throw new TypeError('Currency code is required with currency style.');
      s.currency = currency;
      if (s.currencyDisplay === 'name') throw notSupported('currencyDisplay "name"');
    }
    if (s.style === 'unit') {
      if (unit === undefined) throw new TypeError('Unit is required with unit style.');
      throw notSupported('style "unit"');
    }
    s.notation = getOption(options, 'notation', ['standard', 'scientific', 'engineering', 'compact'], 'standard', 'Intl.NumberFormat');
    if (s.notation === 'scientific' || s.notation === 'engineering') throw notSupported(`notation "${s.notation}"`);
    // SetNumberFormatDigitOptions
    let mnfdDefault = 0;
    let mxfdDefault = 3;
    if (s.style === 'currency') {
      const cd = localeData('', 'currencyDigits')[s.currency];
      mnfdDefault = mxfdDefault = cd === undefined ? 2 : cd;
    } else if (s.style === 'percent') {
      mxfdDefault = 0;
    }
    s.minimumIntegerDigits = getNumberOption(options, 'minimumIntegerDigits', 1, 21, 1);
    const mnfd = options.minimumFractionDigits;
    const mxfd = options.maximumFractionDigits;
    const mnsd = options.minimumSignificantDigits;
    const mxsd = options.maximumSignificantDigits;
    const roundingIncrement = getNumberOption(options, 'roundingIncrement', 1, 5000, 1);
    if (roundingIncrement !== 1) throw notSupported('roundingIncrement');
    s.roundingMode = getOption(options, 'roundingMode', ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'], 'halfExpand', 'Intl.NumberFormat');
    if (s.roundingMode !== 'halfExpand') throw notSupported(`roundingMode "${s.roundingMode}"`);
    s.roundingPriority = getOption(options, 'roundingPriority', ['auto', 'morePrecision', 'lessPrecision'], 'auto', 'Intl.NumberFormat');
    if (s.roundingPriority !== 'auto') throw notSupported(`roundingPriority "${s.roundingPriority}"`);
    s.trailingZeroDisplay = getOption(options, 'trailingZeroDisplay', ['auto', 'stripIfInteger'], 'auto', 'Intl.NumberFormat');
    const hasSd = mnsd !== undefined || mxsd !== undefined;
    const hasFd = mnfd !== undefined || mxfd !== undefined;
    s.compactRounding = false;
    if (hasSd) {
      s.minimumSignificantDigits = getNumberOption(options, 'minimumSignificantDigits', 1, 21, 1);
      s.maximumSignificantDigits = getNumberOption(options, 'maximumSignificantDigits', s.minimumSignificantDigits, 21, 21);
      s.rounding = 'significant';
    } else if (hasFd || s.notation !== 'compact') {
      let mn = getNumberOption(options, 'minimumFractionDigits', 0, 100, undefined);
      let mx = getNumberOption(options, 'maximumFractionDigits', 0, 100, undefined);
      if (mn === undefined) mn = Math.min(mnfdDefault, mx === undefined ? mnfdDefault : mx);
      else if (mx === undefined) mx = Math.max(mxfdDefault, mn);
      else if (mn > mx) throw new RangeError('maximumFractionDigits value is out of range.');
      if (mx === undefined) mx = Math.max(mxfdDefault, mn);
      s.minimumFractionDigits = mn;
      s.maximumFractionDigits = mx;
      s.rounding = 'fraction';
    } else {
      s.minimumFractionDigits = 0;
      s.maximumFractionDigits = 0;
      s.minimumSignificantDigits = 1;
      s.maximumSignificantDigits = 2;
      s.rounding = 'compact';
    }
    s.compactDisplay = getOption(options, 'compactDisplay', ['short', 'long'], 'short', 'Intl.NumberFormat');
    const defaultGrouping = s.notation === 'compact' ? 'min2' : 'auto';
    let g = options.useGrouping;
    if (g === undefined) g = defaultGrouping;
    else if (g === true) g = 'always';
    else if (g === false || g === null || g === '' || g === 0) g = false;
    else {
      g = String(g);
      if (g === 'true' || g === 'false') g = defaultGrouping;
      else if (!['min2', 'auto', 'always'].includes(g)) throw new RangeError(`Value ${g} out of range for Intl.NumberFormat options property useGrouping`);
    }
    s.useGrouping = g;
    s.signDisplay = getOption(options, 'signDisplay', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto', 'Intl.NumberFormat');
    slots.set(this, s);
  }

  // The parts of a formatted number. x: a Number, or a decimal string
  // (BigInt, or a string argument as ES2023 reads it).
  function formatNumberToParts(s, x) {
    const nf = localeData(s.data, 'nf');
    const parts = [];
    let d;
    let special = null;
    if (typeof x === 'number') {
      if (Number.isNaN(x)) special = 'nan';
      else if (!Number.isFinite(x)) special = 'infinity';
    }
    const negative = typeof x === 'number' ? (x < 0 || Object.is(x, -0)) : String(x)[0] === '-';
    let compactAffix = null;
    if (special === null) {
      d = toDecimal(typeof x === 'number' ? (Object.is(x, -0) ? '-0' : String(x)) : x);
      if (s.style === 'percent') d = { neg: d.neg, digits: d.digits, point: d.digits === '' ? 0 : d.point + 2 };
      if (s.notation === 'compact') {
        // Choose the magnitude, round, and choose again if rounding carried.
        for (let pass = 0; pass < 2; pass++) {
          const mag = isZero(d) ? 0 : d.point - 1;
          const table = nf.compact[s.compactDisplay];
          const entry = table[Math.max(0, Math.min(mag, table.length - 1))];
          const div = mag < 0 ? 0 : entry[0];
          let scaled = { neg: d.neg, digits: d.digits, point: isZero(d) ? 0 : d.point - div };
          scaled = roundNumber(s, scaled);
          if (pass === 0 && !isZero(scaled) && scaled.point + div - 1 > mag && mag >= 0) {
            d = { neg: d.neg, digits: scaled.digits, point: scaled.point + div };
            continue;
          }
          d = scaled;
          if (mag >= 0 && div > 0) compactAffix = entry;
          break;
        }
      } else {
        d = roundNumber(s, d);
      }
    }
    const zero = special === null && isZero(d);
    let sign = '';
    switch (s.signDisplay) {
      case 'auto': sign = negative ? '-' : ''; break;
      case 'always': sign = negative ? '-' : '+'; break;
      case 'exceptZero': sign = zero || special === 'nan' ? '' : negative ? '-' : '+'; break;
      case 'negative': sign = negative && !zero ? '-' : ''; break;
      case 'never': sign = ''; break;
    }
    if (special === 'nan' && (s.signDisplay === 'auto' || s.signDisplay === 'negative')) sign = '';
    // The number's own parts.
    const numParts = [];
    if (special === 'nan') numParts.push({ type: 'nan', value: nf.nan });
    else if (special === 'infinity') numParts.push({ type: 'infinity', value: nf.infinity });
    else {
      let intDigits = d.point > 0 ? d.digits.slice(0, d.point).padEnd(d.point, '0') : '0';
      let frac = d.point >= 0 ? d.digits.slice(d.point) : '0'.repeat(-d.point) + d.digits;
      if (intDigits.length < s.minimumIntegerDigits) intDigits = intDigits.padStart(s.minimumIntegerDigits, '0');
      const minFrac = s.rounding === 'significant' ? minFractionForSignificant(d, s.minimumSignificantDigits) : s.minimumFractionDigits;
      if (frac.length < minFrac) frac = frac.padEnd(minFrac, '0');
      if (s.trailingZeroDisplay === 'stripIfInteger' && /^0*$/.test(frac)) frac = '';
      const grouping = s.useGrouping;
      const minGrouping = grouping === 'min2' ? 2 : grouping === 'auto' ? nf.minGrouping : 1;
      if (grouping !== false && intDigits.length >= 3 + minGrouping) {
        const groups = [];
        let i = intDigits.length;
        while (i > 3) { groups.unshift(intDigits.slice(i - 3, i)); i -= 3; }
        groups.unshift(intDigits.slice(0, i));
        for (let k = 0; k < groups.length; k++) {
          if (k > 0) numParts.push({ type: 'group', value: nf.group });
          numParts.push({ type: 'integer', value: groups[k] });
        }
      } else {
        numParts.push({ type: 'integer', value: intDigits });
      }
      if (frac.length > 0) {
        numParts.push({ type: 'decimal', value: nf.decimal });
        numParts.push({ type: 'fraction', value: frac });
      }
    }
    // The pattern around it.
    let pattern;
    let currencySymbol = null;
    if (s.style === 'currency') {
      const display = s.currencyDisplay;
      const p = nf.currency[display];
      pattern = sign === '-' && s.currencySign === 'accounting' ? nf.currency[display + ':accounting'] : p[sign === '-' ? 1 : 0];
      const sym = nf.symbols[s.currency];
      currencySymbol = display === 'code' ? s.currency : sym ? sym[display === 'narrowSymbol' ? 1 : 0] : s.currency;
    } else if (s.style === 'percent') {
      pattern = nf.percent[sign === '-' ? 1 : 0];
    } else {
      pattern = sign === '-' ? '{minus}{number}' : '{number}';
    }
    if (compactAffix) {
      const forms = compactAffix[1];
      const exact1 = d.digits === '1' && d.point === 1;
      let cp = exact1 ? forms.exact1 : forms[pluralCategory(s.data, false, d)];
      if (cp === undefined) cp = forms.other !== undefined ? forms.other : forms.exact1;
      pattern = pattern.replace('{number}', cp);
    }
    if (sign === '+') pattern = pattern.includes('{minus}') ? pattern.replace('{minus}', '{plus}') : addPlus(pattern);
    if (sign !== '-' && pattern.includes('{minus}')) pattern = pattern.replace('{minus}', '');
    // Walk the pattern.
    const re = /\{(number|minus|plus|currency|percent|compact:[^}]*)\}/g;
    let last = 0;
    let m;
    while ((m = re.exec(pattern)) !== null) {
      if (m.index > last) parts.push({ type: 'literal', value: pattern.slice(last, m.index) });
      const what = m[1];
      if (what === 'number') for (let i = 0; i < numParts.length; i++) parts.push(numParts[i]);
      else if (what === 'minus') parts.push({ type: 'minusSign', value: nf.minus });
      else if (what === 'plus') parts.push({ type: 'plusSign', value: nf.plus });
      else if (what === 'percent') parts.push({ type: 'percentSign', value: nf.percentSign });
      else if (what === 'currency') parts.push({ type: 'currency', value: currencySymbol });
      else parts.push({ type: 'compact', value: what.slice(8) });
      last = re.lastIndex;
    }
    if (last < pattern.length) parts.push({ type: 'literal', value: pattern.slice(last) });
    // Currency spacing: a symbol that ends (or starts) with a letter is
    // kept apart from the digits by a no-break space.
    if (currencySymbol !== null) {
      for (let i = 0; i < parts.length; i++) {
        if (parts[i].type !== 'currency') continue;
        const prev = parts[i - 1];
        const next = parts[i + 1];
        const isNum = (p) => p && p.type === 'integer';
        if (isNum(next) && isLetter(currencySymbol[currencySymbol.length - 1])) {
          parts.splice(i + 1, 0, { type: 'literal', value: '\u00a0' });
        } else if (isNum(prev) || (prev && prev.type === 'fraction')) {
          if (isLetter(currencySymbol[0])) parts.splice(i, 0, { type: 'literal', value: '\u00a0' });
        }
        break;
      }
    }
    return parts;
  }
  function addPlus(pattern) {
    const i = pattern.indexOf('{number}');
    const c = pattern.indexOf('{currency}');
    // The sign goes where the minus would: before the number, or before a
    // currency symbol that leads.
    const at = c >= 0 && c < i ? c : i;
    return pattern.slice(0, at) + '{plus}' + pattern.slice(at);
  }
  // The fraction digits that show minSD significant digits.
  function minFractionForSignificant(d, minSD) {
    if (d.digits === '') return minSD - 1;
    if (d.point > 0) return Math.max(0, minSD - d.point);
    return -d.point + minSD;
  }
  function roundNumber(s, d) {
    if (s.rounding === 'significant') return roundDecimal(d, s.maximumSignificantDigits, true);
    if (s.rounding === 'compact') {
      // Round to an integer, but keep two significant digits.
      return d.point >= 2 ? roundDecimal(d, 0, false) : roundDecimal(d, 2, true);
    }
    return roundDecimal(d, s.maximumFractionDigits, false);
  }
  function toNumeric(value) {
    if (typeof value === 'bigint') return bigintToString.call(value);
    const n = Number(value);
    return n;
  }
  defineClass(NumberFormat, 'Intl.NumberFormat', {
    get format() {
      const s = slotsOf(this, 'NumberFormat', 'get Intl.NumberFormat.prototype.format');
      return boundGetter(s, 'boundFormat', (value) => joinParts(formatNumberToParts(s, toNumeric(value))));
    },
    formatToParts(value) {
      const s = slotsOf(this, 'NumberFormat', 'Intl.NumberFormat.prototype.formatToParts');
      return formatNumberToParts(s, toNumeric(value));
    },
    formatRange() { throw notSupported('Intl.NumberFormat.prototype.formatRange'); },
    formatRangeToParts() { throw notSupported('Intl.NumberFormat.prototype.formatRangeToParts'); },
    resolvedOptions() {
      const s = slotsOf(this, 'NumberFormat', 'Intl.NumberFormat.prototype.resolvedOptions');
      const o = { locale: s.locale, numberingSystem: s.numberingSystem, style: s.style };
      if (s.style === 'currency') { o.currency = s.currency; o.currencyDisplay = s.currencyDisplay; o.currencySign = s.currencySign; }
      o.minimumIntegerDigits = s.minimumIntegerDigits;
      if (s.rounding !== 'fraction') { o.minimumSignificantDigits = s.minimumSignificantDigits; o.maximumSignificantDigits = s.maximumSignificantDigits; }
      if (s.rounding !== 'significant') { o.minimumFractionDigits = s.minimumFractionDigits; o.maximumFractionDigits = s.maximumFractionDigits; }
      o.useGrouping = s.useGrouping;
      o.notation = s.notation;
      if (s.notation === 'compact') o.compactDisplay = s.compactDisplay;
      o.signDisplay = s.signDisplay;
      o.roundingMode = s.roundingMode;
      o.roundingIncrement = 1;
      o.trailingZeroDisplay = s.trailingZeroDisplay;
      o.roundingPriority = s.rounding === 'compact' ? 'morePrecision' : s.roundingPriority;
      return o;
    },
  });
  function joinParts(parts) {
    let out = '';
    for (let i = 0; i < parts.length; i++) out += parts[i].value;
    return out;
  }

  // ---------------------------------------------------------------- plurals

  // The CLDR operands of a decimal: i, v, w, f, t.
  function pluralCategory(data, ordinal, d) {
    const intPart = d.point > 0 ? d.digits.slice(0, d.point).padEnd(d.point, '0') : '0';
    const frac = d.point >= 0 ? d.digits.slice(d.point) : '0'.repeat(-d.point) + d.digits;
    return pluralOperands(data, ordinal, intPart, frac, frac);
  }
  function pluralOperands(data, ordinal, intPart, fracShown, fracNoZeros) {
    const i = Number(intPart.length > 15 ? intPart.slice(-15) : intPart);
    const v = fracShown.length;
    const f = v ? Number(fracShown.slice(0, 15)) : 0;
    const t0 = fracNoZeros.replace(/0+$/, '');
    const w = t0.length;
    const t = w ? Number(t0.slice(0, 15)) : 0;
    return native.plural(data, ordinal, i, v, w, f, t);
  }

  function PluralRules(locales, options) {
    if (new.target === undefined) throw new TypeError("Constructor Intl.PluralRules requires 'new'");
    const { locale, data } = resolveLocale(locales);
    options = coerceOptions(options);
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Intl.PluralRules');
    const type = getOption(options, 'type', ['cardinal', 'ordinal'], 'cardinal', 'Intl.PluralRules');
    const nf = new NumberFormat(locale, {
      minimumIntegerDigits: options.minimumIntegerDigits, minimumFractionDigits: options.minimumFractionDigits, maximumFractionDigits: options.maximumFractionDigits,
      minimumSignificantDigits: options.minimumSignificantDigits, maximumSignificantDigits: options.maximumSignificantDigits, useGrouping: false,
    });
    slots.set(this, { cls: 'PluralRules', locale: locale.split('-')[0], data, type, nf: slots.get(nf) });
  }
  function pluralSelect(s, n) {
    n = Number(n);
    if (!Number.isFinite(n)) return 'other';
    const parts = formatNumberToParts(s.nf, Math.abs(n));
    let intPart = '';
    let frac = '';
    for (let i = 0; i < parts.length; i++) {
      if (parts[i].type === 'integer') intPart += parts[i].value;
      else if (parts[i].type === 'fraction') frac = parts[i].value;
    }
    return pluralOperands(s.data, s.type === 'ordinal', intPart, frac, frac);
  }
  defineClass(PluralRules, 'Intl.PluralRules', {
    select(n) { return pluralSelect(slotsOf(this, 'PluralRules', 'Intl.PluralRules.prototype.select'), n); },
    selectRange() { throw notSupported('Intl.PluralRules.prototype.selectRange'); },
    resolvedOptions() {
      const s = slotsOf(this, 'PluralRules', 'Intl.PluralRules.prototype.resolvedOptions');
      const o = { locale: s.locale, type: s.type, minimumIntegerDigits: s.nf.minimumIntegerDigits };
      if (s.nf.rounding === 'significant') { o.minimumSignificantDigits = s.nf.minimumSignificantDigits; o.maximumSignificantDigits = s.nf.maximumSignificantDigits; } else { o.minimumFractionDigits = s.nf.minimumFractionDigits; o.maximumFractionDigits = s.nf.maximumFractionDigits; }
      o.pluralCategories = localeData(s.data, 'pl')[s.type].slice();
      return o;
    },
  });

  // ---------------------------------------------------------------- dates

  const DATE_FIELDS = ['weekday', 'era', 'year', 'month', 'day'];
  const TIME_FIELDS = ['hour', 'minute', 'second'];
  const FIELD_VALUES = {
    weekday: ['narrow', 'short', 'long'], era: ['narrow', 'short', 'long'], year: ['2-digit', 'numeric'],
    month: ['2-digit', 'numeric', 'narrow', 'short', 'long'], day: ['2-digit', 'numeric'], hour: ['2-digit', 'numeric'],
    minute: ['2-digit', 'numeric'], second: ['2-digit', 'numeric'],
    timeZoneName: ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric'],
  };
  const STYLES = ['full', 'long', 'medium', 'short'];

  function DateTimeFormat(locales, options) {
    if (new.target === undefined) return new DateTimeFormat(locales, options);
    slots.set(this, createDateTimeFormat(locales, options, 'any', 'date'));
  }
  // CreateDateTimeFormat(newTarget, locales, options, required, defaults)
  function createDateTimeFormat(locales, options, required, defaults) {
    const { locale, data } = resolveLocale(locales);
    options = coerceOptions(options);
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Intl.DateTimeFormat');
    const calendar = options.calendar;
    if (calendar !== undefined && !['gregory', 'iso8601'].includes(String(calendar))) throw notSupported(`calendar ${String(calendar)}`);
    const numberingSystem = options.numberingSystem;
    if (numberingSystem !== undefined && String(numberingSystem) !== 'latn') throw notSupported(`numberingSystem ${String(numberingSystem)}`);
    let hour12 = options.hour12;
    if (hour12 !== undefined) hour12 = Boolean(hour12);
    let hourCycle = getOption(options, 'hourCycle', ['h11', 'h12', 'h23', 'h24'], undefined, 'Intl.DateTimeFormat');
    if (hour12 !== undefined) hourCycle = undefined;
    let timeZone = options.timeZone;
    if (timeZone === undefined) timeZone = 'UTC';
    else {
      const name = String(timeZone);
      timeZone = native.timeZone(name);
      if (timeZone === '') throw new RangeError(`Invalid time zone specified: ${name}`);
    }
    const s = { cls: 'DateTimeFormat', locale, data, timeZone, calendar: 'gregory', numberingSystem: 'latn' };
    const opt = {};
    let any = false;
    for (const f of DATE_FIELDS) {
      opt[f] = getOption(options, f, FIELD_VALUES[f], undefined, 'Intl.DateTimeFormat');
    }
    const dayPeriod = getOption(options, 'dayPeriod', ['narrow', 'short', 'long'], undefined, 'Intl.DateTimeFormat');
    for (const f of TIME_FIELDS) opt[f] = getOption(options, f, FIELD_VALUES[f], undefined, 'Intl.DateTimeFormat');
    const fsd = getNumberOption(options, 'fractionalSecondDigits', 1, 3, undefined);
    opt.timeZoneName = getOption(options, 'timeZoneName', FIELD_VALUES.timeZoneName, undefined, 'Intl.DateTimeFormat');
    getOption(options, 'formatMatcher', ['basic', 'best fit'], 'best fit', 'Intl.DateTimeFormat');
    const dateStyle = getOption(options, 'dateStyle', STYLES, undefined, 'Intl.DateTimeFormat');
    const timeStyle = getOption(options, 'timeStyle', STYLES, undefined, 'Intl.DateTimeFormat');
    const named = ['weekday', 'era', 'year', 'month', 'day', 'hour', 'minute', 'second', 'timeZoneName'];
    if (dateStyle !== undefined || timeStyle !== undefined) {
      for (const f of named) if (opt[f] !== undefined) throw new TypeError(`Can't set option ${f} when ${dateStyle !== undefined ? 'dateStyle' : 'timeStyle'} is used`);
      if (dayPeriod !== undefined) throw new TypeError(`Can't set option dayPeriod when ${dateStyle !== undefined ? 'dateStyle' : 'timeStyle'} is used`);
      if (fsd !== undefined) throw new TypeError(`Can't set option fractionalSecondDigits when ${dateStyle !== undefined ? 'dateStyle' : 'timeStyle'} is used`);
      if (required === 'date' && timeStyle !== undefined && dateStyle === undefined) throw new TypeError("Invalid option : timeStyle");
      if (required === 'time' && dateStyle !== undefined && timeStyle === undefined) throw new TypeError("Invalid option : dateStyle");
      s.dateStyle = dateStyle;
      s.timeStyle = timeStyle;
      let pattern;
      if (dateStyle !== undefined && timeStyle !== undefined) {
        pattern = native.pattern(data, 'both', `${dateStyle},${timeStyle}`);
        if (hour12 !== undefined || hourCycle !== undefined) {
          const d = native.pattern(data, 'dateStyle', dateStyle);
          const t = native.pattern(data, 'timeStyle', timeStyle);
          const glue = pattern.startsWith(d) && pattern.endsWith(t) ? pattern.slice(d.length, pattern.length - t.length) : ' ';
          pattern = d + glue + timeStylePattern(data, timeStyle, hour12, hourCycle);
        }
      } else if (dateStyle !== undefined) {
        pattern = native.pattern(data, 'dateStyle', dateStyle);
      } else {
        pattern = timeStylePattern(data, timeStyle, hour12, hourCycle);
      }
      s.pattern = pattern;
    } else {
      if (dayPeriod !== undefined) throw notSupported('the dayPeriod option');
      if (fsd !== undefined) throw notSupported('the fractionalSecondDigits option');
      if (opt.era !== undefined) throw notSupported('the era option');
      if (opt.timeZoneName === 'shortGeneric' || opt.timeZoneName === 'longGeneric') throw notSupported(`timeZoneName "${opt.timeZoneName}"`);
      // ToDateTimeOptions defaults.
      let needDefaults = true;
      if (required === 'date' || required === 'any') for (const f of ['weekday', 'year', 'month', 'day']) if (opt[f] !== undefined) needDefaults = false;
      if (required === 'time' || required === 'any') for (const f of ['hour', 'minute', 'second']) if (opt[f] !== undefined) needDefaults = false;
      if (required === 'time' || required === 'any') if (dayPeriod !== undefined || fsd !== undefined) needDefaults = false;
      if (needDefaults && (defaults === 'date' || defaults === 'all')) { opt.year = opt.month = opt.day = 'numeric'; }
      if (needDefaults && (defaults === 'time' || defaults === 'all')) { opt.hour = opt.minute = opt.second = 'numeric'; }
      for (const f of named) if (opt[f] !== undefined) any = true;
      if (!any) { opt.year = opt.month = opt.day = 'numeric'; }
      s.pattern = componentsPattern(data, opt, hour12, hourCycle);
    }
    s.parsed = parsePattern(s.pattern);
    return s;
  }
  function timeStylePattern(data, style, hour12, hourCycle) {
    if (hourCycle !== undefined) hour12 = hourCycle === 'h11' || hourCycle === 'h12';
    let p = native.pattern(data, 'timeStyle', hour12 === undefined ? style : `${style},hour12=${hour12}`);
    if (hourCycle !== undefined) p = p.replace(/\{hour:[hHkK]/, `{hour:${{ h11: 'K', h12: 'h', h23: 'H', h24: 'k' }[hourCycle]}`);
    return p;
  }
  const KEY_ORDER = ['weekday', 'era', 'year', 'month', 'day', 'hour', 'minute', 'second', 'hour12', 'timeZoneName'];
  function componentsPattern(data, opt, hour12, hourCycle) {
    const dateKey = [];
    const timeKey = [];
    for (const f of KEY_ORDER) {
      if (f === 'hour12') continue;
      if (opt[f] === undefined) continue;
      (DATE_FIELDS.includes(f) ? dateKey : timeKey).push(`${f}=${opt[f]}`);
    }
    let h12 = hour12;
    if (h12 === undefined && hourCycle !== undefined) h12 = hourCycle === 'h11' || hourCycle === 'h12';
    if (opt.hour !== undefined && h12 !== undefined) {
      const at = timeKey.findIndex((k) => !k.startsWith('hour=') && !k.startsWith('minute=') && !k.startsWith('second='));
      timeKey.splice(at < 0 ? timeKey.length : at, 0, `hour12=${h12}`);
    }
    let date;
    let time;
    if (dateKey.length) {
      date = native.pattern(data, 'date', dateKey.join(','));
      if (date === undefined) throw notSupported(`the date-time options ${dateKey.join(', ')}`);
    }
    if (timeKey.length) {
      time = native.pattern(data, 'time', timeKey.join(','));
      if (time === undefined) throw notSupported(`the date-time options ${timeKey.join(', ')}`);
      if (hourCycle !== undefined) time = time.replace(/\{hour:[hHkK]/, `{hour:${{ h11: 'K', h12: 'h', h23: 'H', h24: 'k' }[hourCycle]}`);
    }
    if (date !== undefined && time !== undefined) {
      const cls = opt.month === 'long' && opt.weekday === 'long' ? 'full' : opt.month === 'long' ? 'long' : opt.month === 'short' || opt.month === 'narrow' ? 'medium' : 'short';
      return native.pattern(data, 'glue', cls).replace('{0}', date).replace('{1}', time);
    }
    return date !== undefined ? date : time;
  }
  // A pattern as a list of literals and [field, width] tokens.
  function parsePattern(p) {
    const out = [];
    const re = /\{([a-zA-Z]+)(?::([^}]*))?\}/g;
    let last = 0;
    let m;
    while ((m = re.exec(p)) !== null) {
      if (m.index > last) out.push(p.slice(last, m.index));
      out.push([m[1], m[2]]);
      last = re.lastIndex;
    }
    if (last < p.length) out.push(p.slice(last));
    return out;
  }
  function pad2(n) { return n < 10 ? '0' + n : String(n); }
  function offsetString(seconds, template, zeroTemplate, style) {
    // template is how the locale writes -5h ("GMT-5", "UTC−5", "GMT-05:00").
    const prefix = template.replace(/[+\-−][0-9:]+$/, '');
    const long = style === 'long' || style === 'longOffset';
    if (seconds === 0) {
      if (style === 'shortOffset') return zeroTemplate;
      if (style === 'longOffset') return prefix + '+00:00';
      return prefix;
    }
    const neg = seconds < 0;
    const a = Math.abs(seconds);
    const h = Math.floor(a / 3600);
    const m = Math.floor((a % 3600) / 60);
    const minusChar = /−/.test(template) ? '−' : '-';
    const sign = neg ? minusChar : '+';
    const body = long ? `${pad2(h)}:${pad2(m)}` : m ? `${h}:${pad2(m)}` : String(h);
    return prefix + sign + body;
  }
  function zoneName(s, style, f, t) {
    const names = localeData(s.data, 'names');
    const offset = f[7];
    if (style === 'shortOffset' || style === 'longOffset') {
      return offsetString(offset, style === 'shortOffset' ? names.gmtShort : names.gmtLong, names.gmtZero, style);
    }
    if (s.timeZone === 'UTC') return style === 'long' ? names.utc.long : 'UTC';
    const zones = localeData(s.data, 'zones');
    const z = zones.zones[s.timeZone];
    // ICU's zone names (metazones) start in 1970; before, the offset.
    if (z !== undefined && t >= 0) {
      // [January name, July name]: this instant takes the one whose
      // offset it has.
      const jan = native.fields(Date.UTC(f[0], 0, 15, 12), s.timeZone)[7];
      const name = zones.names[z[(style === 'long' ? 2 : 0) + (offset === jan ? 0 : 1)]];
      // A zone without a name of its own is written as its offset: the
      // offset of this instant, not the one the table was read at.
      const prefix = (style === 'long' ? names.gmtLong : names.gmtShort).replace(/[+\-−][0-9:]+$/, '');
      if (name.startsWith(prefix) && /^[+\-−]?[0-9:]*$/.test(name.slice(prefix.length))) {
        return offsetString(offset, style === 'short' ? names.gmtShort : names.gmtLong, names.gmtZero, style);
      }
      return name;
    }
    return offsetString(offset, style === 'short' ? names.gmtShort : names.gmtLong, names.gmtZero, style);
  }
  function formatDateToParts(s, x) {
    let t;
    if (x === undefined) t = Date.now();
    else {
      t = Number(x instanceof Date ? dateValue.call(x) : x);
    }
    if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) throw new RangeError('Invalid time value');
    t = Math.trunc(t) + 0;
    const f = native.fields(t, s.timeZone);
    const names = localeData(s.data, 'names');
    const parsed = s.parsed;
    // A month or weekday alone takes its stand-alone name (LLLL, cccc).
    let fieldCount = 0;
    for (let i = 0; i < parsed.length; i++) if (typeof parsed[i] !== 'string') fieldCount++;
    const context = fieldCount > 1 ? 'format' : 'standalone';
    const parts = [];
    for (let i = 0; i < parsed.length; i++) {
      const tok = parsed[i];
      if (typeof tok === 'string') { parts.push({ type: 'literal', value: tok }); continue; }
      const [field, width] = tok;
      let value;
      switch (field) {
        case 'year': value = width === '2' ? pad2(((f[0] % 100) + 100) % 100) : String(f[0]); break;
        case 'month':
          if (width === 'n') value = String(f[1]);
          else if (width === '2') value = pad2(f[1]);
          else value = names[`month:${width}:${context}`][f[1] - 1];
          break;
        case 'day': value = width === '2' ? pad2(f[2]) : String(f[2]); break;
        case 'weekday': value = names[`weekday:${width}:${context}`][f[3]]; break;
        case 'hour': {
          const cycle = width[0];
          let h = f[4];
          if (cycle === 'h') h = h % 12 === 0 ? 12 : h % 12;
          else if (cycle === 'K') h = h % 12;
          else if (cycle === 'k') h = h === 0 ? 24 : h;
          value = width[1] === '2' ? pad2(h) : String(h);
          break;
        }
        case 'minute': value = width === '2' ? pad2(f[5]) : String(f[5]); break;
        case 'second': value = width === '2' ? pad2(f[6]) : String(f[6]); break;
        case 'dayPeriod': value = names.dayPeriod[f[4] < 12 ? 0 : 1]; break;
        case 'timeZoneName': value = zoneName(s, width, f, t); break;
        default: value = '';
      }
      parts.push({ type: field, value });
    }
    return parts;
  }
  // format() and Date.prototype.toLocale*String write U+202F NARROW NO-BREAK
  // SPACE (ICU's space before AM/PM) as a plain space, as V8 11 does for
  // compatibility; formatToParts keeps it.
  function formatDate(s, date) {
    return joinParts(formatDateToParts(s, date)).replace(/\u202f/g, ' ');
  }
  function hourCycleOf(s) {
    for (let i = 0; i < s.parsed.length; i++) {
      const tok = s.parsed[i];
      if (typeof tok !== 'string' && tok[0] === 'hour') return { h: 'h12', K: 'h11', H: 'h23', k: 'h24' }[tok[1][0]];
    }
    return undefined;
  }
  defineClass(DateTimeFormat, 'Intl.DateTimeFormat', {
    get format() {
      const s = slotsOf(this, 'DateTimeFormat', 'get Intl.DateTimeFormat.prototype.format');
      return boundGetter(s, 'boundFormat', (date) => formatDate(s, date));
    },
    formatToParts(date) {
      return formatDateToParts(slotsOf(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.formatToParts'), date);
    },
    formatRange() { throw notSupported('Intl.DateTimeFormat.prototype.formatRange'); },
    formatRangeToParts() { throw notSupported('Intl.DateTimeFormat.prototype.formatRangeToParts'); },
    resolvedOptions() {
      const s = slotsOf(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.resolvedOptions');
      const o = { locale: s.locale, calendar: s.calendar, numberingSystem: s.numberingSystem, timeZone: s.timeZone };
      const hc = hourCycleOf(s);
      if (hc !== undefined) { o.hourCycle = hc; o.hour12 = hc === 'h11' || hc === 'h12'; }
      if (s.dateStyle !== undefined || s.timeStyle !== undefined) {
        if (s.dateStyle !== undefined) o.dateStyle = s.dateStyle;
        if (s.timeStyle !== undefined) o.timeStyle = s.timeStyle;
        return o;
      }
      const widths = {};
      for (let i = 0; i < s.parsed.length; i++) {
        const tok = s.parsed[i];
        if (typeof tok === 'string') continue;
        const [field, w] = tok;
        if (field === 'dayPeriod') continue;
        let v = w;
        if (field === 'hour') v = w[1] === '2' ? '2-digit' : 'numeric';
        else if (w === 'n') v = 'numeric';
        else if (w === '2') v = '2-digit';
        widths[field] = v;
      }
      for (const f of ['weekday', 'era', 'year', 'month', 'day', 'hour', 'minute', 'second', 'timeZoneName']) if (widths[f] !== undefined) o[f] = widths[f];
      return o;
    },
  });

  // Date.prototype.toLocale*String: a formatter per (locales, options)
  // when there are no options, kept.
  const dateFormatters = new Map();
  function dateToLocale(t, locales, options, required, defaults) {
    if (Number.isNaN(t)) return 'Invalid Date';
    let s;
    if (options === undefined && (locales === undefined || typeof locales === 'string')) {
      const key = required + '|' + (locales === undefined ? '' : locales);
      s = dateFormatters.get(key);
      if (s === undefined) {
        s = createDateTimeFormat(locales, undefined, required, defaults);
        if (dateFormatters.size < 64) dateFormatters.set(key, s);
      }
    } else {
      s = createDateTimeFormat(locales, options, required, defaults);
    }
    return formatDate(s, t);
  }

  // ---------------------------------------------------------------- collation

  function Collator(locales, options) {
    if (new.target === undefined) return new Collator(locales, options);
    slots.set(this, createCollator(locales, options));
  }
  function createCollator(locales, options) {
    const { locale, data } = resolveLocale(locales);
    options = coerceOptions(options);
    const usage = getOption(options, 'usage', ['sort', 'search'], 'sort', 'Intl.Collator');
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Intl.Collator');
    const collation = options.collation;
    if (collation !== undefined && String(collation) !== 'default') throw notSupported(`collation ${String(collation)}`);
    const numeric = getOption(options, 'numeric', 'boolean', false, 'Intl.Collator');
    const caseFirst = getOption(options, 'caseFirst', ['upper', 'lower', 'false'], 'false', 'Intl.Collator');
    const sensitivity = getOption(options, 'sensitivity', ['base', 'accent', 'case', 'variant'], 'variant', 'Intl.Collator');
    const ignorePunctuation = getOption(options, 'ignorePunctuation', 'boolean', false, 'Intl.Collator');
    // ICU's collation data is per language, but for en-US.
    return { cls: 'Collator', locale: locale === 'en-US' ? locale : locale.split('-')[0], data, usage, sensitivity, ignorePunctuation, collation: 'default', numeric, caseFirst };
  }
  function compareWith(s, x, y) {
    return native.compare(s.data, s.sensitivity, s.numeric, s.ignorePunctuation, s.caseFirst, String(x), String(y));
  }
  defineClass(Collator, 'Intl.Collator', {
    get compare() {
      const s = slotsOf(this, 'Collator', 'get Intl.Collator.prototype.compare');
      return boundGetter(s, 'boundCompare', (x, y) => compareWith(s, x, y));
    },
    resolvedOptions() {
      const s = slotsOf(this, 'Collator', 'Intl.Collator.prototype.resolvedOptions');
      return { locale: s.locale, usage: s.usage, sensitivity: s.sensitivity, ignorePunctuation: s.ignorePunctuation, collation: s.collation, numeric: s.numeric, caseFirst: s.caseFirst };
    },
  });
  const collators = new Map();
  function compare(a, b, locales, options) {
    let s;
    if (options === undefined && (locales === undefined || typeof locales === 'string')) {
      const key = locales === undefined ? '' : locales;
      s = collators.get(key);
      if (s === undefined) {
        s = createCollator(locales, undefined);
        if (collators.size < 64) collators.set(key, s);
      }
    } else {
      s = createCollator(locales, options);
    }
    return compareWith(s, a, b);
  }

  // ---------------------------------------------------------------- relative time

  const RT_UNITS = { second: 'second', seconds: 'second', minute: 'minute', minutes: 'minute', hour: 'hour', hours: 'hour', day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', quarter: 'quarter', quarters: 'quarter', year: 'year', years: 'year' };
  function RelativeTimeFormat(locales, options) {
    if (new.target === undefined) throw new TypeError("Constructor Intl.RelativeTimeFormat requires 'new'");
    const { locale, data } = resolveLocale(locales);
    options = coerceOptions(options);
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Intl.RelativeTimeFormat');
    const numberingSystem = options.numberingSystem;
    if (numberingSystem !== undefined && String(numberingSystem) !== 'latn') throw notSupported(`numberingSystem ${String(numberingSystem)}`);
    const style = getOption(options, 'style', ['long', 'short', 'narrow'], 'long', 'Intl.RelativeTimeFormat');
    const numeric = getOption(options, 'numeric', ['always', 'auto'], 'always', 'Intl.RelativeTimeFormat');
    slots.set(this, { cls: 'RelativeTimeFormat', locale, data, style, numeric, numberingSystem: 'latn', nf: slots.get(new NumberFormat(locale)) });
  }
  function formatRelativeToParts(s, value, unit) {
    value = Number(value);
    if (!Number.isFinite(value)) throw new RangeError(`Invalid value argument for Intl.RelativeTimeFormat.prototype.format()`);
    const u = RT_UNITS[String(unit)];
    if (u === undefined) throw new RangeError(`Invalid unit argument for Intl.RelativeTimeFormat.prototype.format() '${String(unit)}'`);
    const table = localeData(s.data, 'rt')[s.style][u];
    if (s.numeric === 'auto' && !Object.is(value, -0)) {
      const phrase = table.auto[String(value)];
      if (phrase !== undefined) return [{ type: 'literal', value: phrase }];
    }
    const past = value < 0 || Object.is(value, -0);
    const numParts = formatNumberToParts(s.nf, Math.abs(value));
    let intPart = '';
    let frac = '';
    for (let i = 0; i < numParts.length; i++) {
      if (numParts[i].type === 'integer') intPart += numParts[i].value;
      else if (numParts[i].type === 'fraction') frac = numParts[i].value;
    }
    const cat = pluralOperands(s.data, false, intPart, frac, frac);
    const dir = past ? table.past : table.future;
    let pattern = Object.is(value, -0) ? table.pastZero : (dir[cat] !== undefined ? dir[cat] : dir.other);
    const i = pattern.indexOf('{0}');
    const parts = [];
    if (i > 0) parts.push({ type: 'literal', value: pattern.slice(0, i) });
    for (let k = 0; k < numParts.length; k++) parts.push({ type: numParts[k].type, value: numParts[k].value, unit: u });
    if (i + 3 < pattern.length) parts.push({ type: 'literal', value: pattern.slice(i + 3) });
    return parts;
  }
  defineClass(RelativeTimeFormat, 'Intl.RelativeTimeFormat', {
    format(value, unit) { return joinParts(formatRelativeToParts(slotsOf(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.format'), value, unit)); },
    formatToParts(value, unit) { return formatRelativeToParts(slotsOf(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.formatToParts'), value, unit); },
    resolvedOptions() {
      const s = slotsOf(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.resolvedOptions');
      return { locale: s.locale, style: s.style, numeric: s.numeric, numberingSystem: s.numberingSystem };
    },
  });

  // ---------------------------------------------------------------- lists

  function ListFormat(locales, options) {
    if (new.target === undefined) throw new TypeError("Constructor Intl.ListFormat requires 'new'");
    const { locale, data } = resolveLocale(locales);
    options = coerceOptions(options);
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Intl.ListFormat');
    const type = getOption(options, 'type', ['conjunction', 'disjunction', 'unit'], 'conjunction', 'Intl.ListFormat');
    const style = getOption(options, 'style', ['long', 'short', 'narrow'], 'long', 'Intl.ListFormat');
    slots.set(this, { cls: 'ListFormat', locale, data, type, style });
  }
  function stringList(iterable) {
    if (iterable === undefined) return [];
    const out = [];
    for (const v of iterable) {
      if (typeof v !== 'string') throw new TypeError(`Iterable yielded ${typeof v === 'symbol' ? 'Symbol()' : String(v)} which is not a string`);
      out.push(v);
    }
    return out;
  }
  function formatListToParts(s, list) {
    const p = localeData(s.data, 'lf')[`${s.type},${s.style}`];
    const parts = [];
    const n = list.length;
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        const sep = n === 2 ? p.two : i === n - 1 ? p.end : i === 1 ? p.start : p.middle;
        parts.push({ type: 'literal', value: sep });
      }
      parts.push({ type: 'element', value: list[i] });
    }
    return parts;
  }
  defineClass(ListFormat, 'Intl.ListFormat', {
    format(list) { return joinParts(formatListToParts(slotsOf(this, 'ListFormat', 'Intl.ListFormat.prototype.format'), stringList(list))); },
    formatToParts(list) { return formatListToParts(slotsOf(this, 'ListFormat', 'Intl.ListFormat.prototype.formatToParts'), stringList(list)); },
    resolvedOptions() {
      const s = slotsOf(this, 'ListFormat', 'Intl.ListFormat.prototype.resolvedOptions');
      return { locale: s.locale, type: s.type, style: s.style };
    },
  });

  // ---------------------------------------------------------------- Intl

  const Intl = {};
  const members = {
    getCanonicalLocales(locales) { return canonicalizeLocaleList(locales); },
    DateTimeFormat, NumberFormat, Collator, PluralRules, RelativeTimeFormat, ListFormat,
  };
  const names = Object.getOwnPropertyNames(members);
  for (let i = 0; i < names.length; i++) {
    Object.defineProperty(Intl, names[i], { value: members[names[i]], writable: true, enumerable: false, configurable: true });
  }
  Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });
  let dnf = null;
  function defaultNF() { if (dnf === null) dnf = slots.get(new NumberFormat()); return dnf; }
  // For the Date, Number and String methods above.
  const helpers = {
    dateToLocale,
    numberToLocale(x, locales, options) {
      const s = options === undefined && locales === undefined ? defaultNF() : slots.get(new NumberFormat(locales, options));
      return joinParts(formatNumberToParts(s, x));
    },
    compare,
  };
  return { Intl, helpers };
}
