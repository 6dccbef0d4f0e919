// TextEncoder, TextDecoder, atob, btoa.
const u8 = (...b) => new Uint8Array(b);
const enc = new TextEncoder();

test('globals are non-enumerable classes with tags', () => {
  for (const name of ['TextEncoder', 'TextDecoder', 'atob', 'btoa']) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert(d && !d.enumerable && d.writable && d.configurable, name);
  }
  assertEquals(Object.prototype.toString.call(new TextEncoder()), '[object TextEncoder]');
  assertEquals(Object.prototype.toString.call(new TextDecoder()), '[object TextDecoder]');
  assertEquals(typeof TextDecoder.prototype.decode, 'function');
  assertEquals(Object.getOwnPropertyNames(new TextDecoder()).length, 0);
});

test('TextEncoder.encode', () => {
  const cases = [
    ['', []],
    ['a', [0x61]],
    ['é☃', [0xc3, 0xa9, 0xe2, 0x98, 0x83]],
    ['\u{1F600}', [0xf0, 0x9f, 0x98, 0x80]],
    ['\ud800', [0xef, 0xbf, 0xbd]], // lone lead surrogate
    ['\udc00x', [0xef, 0xbf, 0xbd, 0x78]], // lone trail surrogate
    ['\udc00\ud800', [0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]], // reversed pair
    ['\u0000', [0]],
  ];
  for (const [s, want] of cases) assertEquals(enc.encode(s), new Uint8Array(want), JSON.stringify(s));
  assertEquals(enc.encode(), new Uint8Array(0));
  assertEquals(enc.encode(undefined), new Uint8Array(0));
  assertEquals(enc.encode(null), u8(0x6e, 0x75, 0x6c, 0x6c));
  assertEquals(enc.encode(12), u8(0x31, 0x32));
  assertEquals(enc.encoding, 'utf-8');
  const out = enc.encode('x');
  assert(out instanceof Uint8Array && out.buffer instanceof ArrayBuffer && out.byteOffset === 0, 'a Uint8Array over its own ArrayBuffer');
});

test('TextEncoder.encodeInto', () => {
  const cases = [
    // [source, destination size, read, written, bytes]
    ['abc', 5, 3, 3, [0x61, 0x62, 0x63, 0, 0]],
    ['abc', 2, 2, 2, [0x61, 0x62]],
    ['é', 1, 0, 0, [0]], // a character that does not fit is not split
    ['aé', 2, 1, 1, [0x61, 0]],
    ['\u{1F600}', 4, 2, 4, [0xf0, 0x9f, 0x98, 0x80]], // read counts UTF-16 code units
    ['\u{1F600}', 3, 0, 0, [0, 0, 0]],
    ['\ud800a', 4, 2, 4, [0xef, 0xbf, 0xbd, 0x61]],
    ['', 2, 0, 0, [0, 0]],
  ];
  for (const [s, n, read, written, bytes] of cases) {
    const d = new Uint8Array(n);
    const r = enc.encodeInto(s, d);
    assertEquals([r.read, r.written], [read, written], JSON.stringify(s));
    assertEquals(d, new Uint8Array(bytes), JSON.stringify(s));
  }
  // Into a view at an offset of a larger buffer.
  const buf = new Uint8Array(6);
  enc.encodeInto('hi', buf.subarray(2, 4));
  assertEquals(buf, u8(0, 0, 0x68, 0x69, 0, 0));
  assertThrows(() => enc.encodeInto('x', new Uint16Array(2)), TypeError);
  assertThrows(() => enc.encodeInto('x', [0, 0]), TypeError);
  assertThrows(() => enc.encodeInto('x'), TypeError);
});

test('TextDecoder labels and attributes', () => {
  const cases = [
    ['utf-8', 'utf-8'], [' UTF8\n', 'utf-8'], ['unicode-1-1-utf-8', 'utf-8'],
    ['utf-16', 'utf-16le'], ['UTF-16LE', 'utf-16le'], ['utf-16be', 'utf-16be'],
    ['latin1', 'windows-1252'], ['ascii', 'windows-1252'], ['iso-8859-1', 'windows-1252'], ['windows-1252', 'windows-1252'],
  ];
  for (const [label, name] of cases) assertEquals(new TextDecoder(label).encoding, name, label);
  assertEquals(new TextDecoder().encoding, 'utf-8');
  for (const bad of ['latin2', 'shift_jis', 'utf-7', 'replacement', 'iso-2022-kr', '', 'utf-8x']) {
    assertThrows(() => new TextDecoder(bad), RangeError);
  }
  assertThrows(() => new TextDecoder('shift_jis'), RangeError, 'not supported by edgeplay yet');
  const d = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  assertEquals([d.fatal, d.ignoreBOM], [true, true]);
  assertEquals([new TextDecoder().fatal, new TextDecoder().ignoreBOM], [false, false]);
  assertThrows(() => new TextDecoder('utf-8', 5), TypeError);
});

test('UTF-8 decode: errors become one U+FFFD per maximal subpart', () => {
  const cases = [
    [[0x68, 0x69], 'hi'],
    [[0x61, 0xff, 0x62], 'a\ufffdb'],
    [[0x80], '\ufffd'], // lone continuation byte
    [[0xc0, 0x80], '\ufffd\ufffd'], // overlong: C0 is never valid
    [[0xe2, 0x82], '\ufffd'], // truncated at the end: one replacement
    [[0xe2, 0x82, 0x61], '\ufffda'], // truncated then ASCII: one replacement, the byte is reread
    [[0xe0, 0x80, 0x80], '\ufffd\ufffd\ufffd'], // E0 needs A0–BF next
    [[0xed, 0xa0, 0x80], '\ufffd\ufffd\ufffd'], // encoded surrogate
    [[0xf0, 0x9f, 0x98], '\ufffd'], // truncated 4-byte sequence
    [[0xf0, 0x9f, 0x98, 0x80], '\u{1F600}'],
    [[0xf4, 0x90, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'], // above U+10FFFF
    [[0xf8, 0x88, 0x80, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd\ufffd'],
    [[0xc2, 0xc2, 0xa9], '\ufffd\u00a9'],
  ];
  for (const [bytes, want] of cases) assertEquals(new TextDecoder().decode(new Uint8Array(bytes)), want, JSON.stringify(bytes));
  const fatal = new TextDecoder('utf-8', { fatal: true });
  for (const [bytes, want] of cases) {
    if (want.includes('\ufffd')) assertThrows(() => fatal.decode(new Uint8Array(bytes)), TypeError);
    else assertEquals(fatal.decode(new Uint8Array(bytes)), want);
  }
});

test('BOM handling', () => {
  const bom = [0xef, 0xbb, 0xbf];
  assertEquals(new TextDecoder().decode(u8(...bom, 0x68, 0x69)), 'hi');
  assertEquals(new TextDecoder('utf-8', { ignoreBOM: true }).decode(u8(...bom, 0x68)), '\ufeffh');
  // Only the first BOM of a stream goes.
  assertEquals(new TextDecoder().decode(u8(...bom, ...bom, 0x68)), '\ufeffh');
  const d = new TextDecoder();
  assertEquals(d.decode(u8(0xef, 0xbb), { stream: true }), '');
  assertEquals(d.decode(u8(0xbf, 0x41), { stream: true }), 'A');
  assertEquals(d.decode(u8(...bom, 0x42)), '\ufeffB'); // same stream: the BOM was seen
  assertEquals(d.decode(u8(...bom, 0x43)), 'C'); // a new stream
  assertEquals(new TextDecoder('utf-16le').decode(u8(0xff, 0xfe, 0x68, 0)), 'h');
  assertEquals(new TextDecoder('utf-16be').decode(u8(0xfe, 0xff, 0, 0x68)), 'h');
  // The decoder does not switch encodings on another encoding's BOM.
  assertEquals(new TextDecoder().decode(u8(0xff, 0xfe, 0x68)), '\ufffd\ufffdh');
});

test('stream: true keeps split characters across calls', () => {
  const bytes = enc.encode('a☃\u{1F600}b');
  for (let split = 0; split <= bytes.length; split++) {
    const d = new TextDecoder();
    const got = d.decode(bytes.subarray(0, split), { stream: true }) + d.decode(bytes.subarray(split));
    assertEquals(got, 'a☃\u{1F600}b', 'split at ' + split);
  }
  // One byte at a time.
  const d = new TextDecoder();
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += d.decode(bytes.subarray(i, i + 1), { stream: true });
  assertEquals(s + d.decode(), 'a☃\u{1F600}b');
  // An unfinished sequence at the end of the stream is an error.
  const e = new TextDecoder();
  assertEquals(e.decode(u8(0xe2, 0x98), { stream: true }), '');
  assertEquals(e.decode(), '\ufffd');
  const f = new TextDecoder('utf-8', { fatal: true });
  f.decode(u8(0xe2), { stream: true });
  assertThrows(() => f.decode(), TypeError);
  assertEquals(f.decode(u8(0x61)), 'a'); // a fatal error ends the stream
});

test('UTF-16 and windows-1252', () => {
  assertEquals(new TextDecoder('utf-16le').decode(u8(0x68, 0, 0x3d, 0xd8, 0, 0xde)), 'h\u{1F600}');
  assertEquals(new TextDecoder('utf-16be').decode(u8(0, 0x68, 0xd8, 0x3d, 0xde, 0)), 'h\u{1F600}');
  assertEquals(new TextDecoder('utf-16le').decode(u8(0x68)), '\ufffd'); // odd byte at the end
  assertEquals(new TextDecoder('utf-16le').decode(u8(0x3d, 0xd8, 0x68, 0)), '\ufffdh'); // lone lead surrogate
  assertEquals(new TextDecoder('utf-16le').decode(u8(0, 0xdc)), '\ufffd'); // lone trail
  assertThrows(() => new TextDecoder('utf-16le', { fatal: true }).decode(u8(0, 0xdc)), TypeError);
  const d = new TextDecoder('utf-16le');
  assertEquals(d.decode(u8(0x3d), { stream: true }) + d.decode(u8(0xd8, 0), { stream: true }) + d.decode(u8(0xde)), '\u{1F600}');
  assertEquals(new TextDecoder('latin1').decode(u8(0x41, 0x80, 0x81, 0x9f, 0xe9, 0xff)), 'A\u20ac\u0081\u0178\u00e9\u00ff');
});

test('decode accepts every BufferSource', () => {
  const bytes = enc.encode('hello');
  const d = new TextDecoder();
  assertEquals(d.decode(bytes.buffer), 'hello');
  assertEquals(d.decode(new DataView(bytes.buffer, 1, 3)), 'ell');
  assertEquals(d.decode(bytes.subarray(1, 3)), 'el');
  assertEquals(d.decode(new Uint16Array([0x6968])), 'hi');
  assertEquals(d.decode(), '');
  assertEquals(d.decode(undefined), '');
  assertThrows(() => d.decode('hello'), TypeError);
  assertThrows(() => d.decode([104]), TypeError);
  assertThrows(() => d.decode({}), TypeError);
});

test('atob and btoa', () => {
  const ok = [
    ['aGVsbG8=', 'hello'], ['aGVsbG8', 'hello'], [' aGVs\tbG8=\n', 'hello'], ['aGVsbA==', 'hell'], ['aGVsbA', 'hell'],
    ['', ''], ['YQ', 'a'], ['YR', 'a'], // non-zero trailing bits are allowed
    ['/w==', '\xff'], ['+/+/', '\xfb\xff\xbf'],
  ];
  for (const [input, want] of ok) assertEquals(atob(input), want, JSON.stringify(input));
  const bad = ['a', 'aGVsbG8==', 'aGVsbA=', 'aGV=sbA', '=', '==', 'aGVsbG8===', 'a-b_', 'aGVs*', '\u00e9A==', 'YQ=a'];
  for (const input of bad) {
    const e = assertThrows(() => atob(input), DOMException);
    assertEquals(e.name, 'InvalidCharacterError', JSON.stringify(input));
    assertEquals(e.code, 5);
  }
  assertEquals(atob(null), '\x9e\xe9e'); // "null" is valid base64
  assertThrows(() => atob(), TypeError);
  assertEquals(btoa('hello'), 'aGVsbG8=');
  assertEquals(btoa(''), '');
  assertEquals(btoa('\xff\xfe'), '//4=');
  assertEquals(btoa(12), 'MTI=');
  for (const input of ['☃', '\u0100', '\ud800']) {
    assertEquals(assertThrows(() => btoa(input), DOMException).name, 'InvalidCharacterError');
  }
  for (let i = 0; i < 256; i++) assertEquals(atob(btoa(String.fromCharCode(i))), String.fromCharCode(i));
});
