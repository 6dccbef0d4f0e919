test('encode and decode', () => {
  assertEquals(new TextEncoder().encode('é☃'), new Uint8Array([0xc3, 0xa9, 0xe2, 0x98, 0x83]));
  assertEquals(new TextEncoder().encode('\ud800'), new Uint8Array([0xef, 0xbf, 0xbd]));
  assertEquals(new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])), 'hi');
  assertEquals(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68])), '\ufeffh');
  assertEquals(new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0x62])), 'a\ufffdb');
  assertThrows(() => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])), TypeError);
  assertThrows(() => new TextDecoder('latin2'), RangeError);
});
test('stream decoding keeps split characters', () => {
  const d = new TextDecoder();
  const b = new TextEncoder().encode('a☃b');
  assertEquals(d.decode(b.subarray(0, 2), { stream: true }) + d.decode(b.subarray(2), { stream: true }) + d.decode(), 'a☃b');
});
test('atob and btoa', () => {
  assertEquals(btoa('hello'), 'aGVsbG8=');
  assertEquals(atob('aGVs bG8='), 'hello');
  assertEquals(atob('aGVsbG8'), 'hello');
  assertThrows(() => atob('a'), DOMException);
  assertThrows(() => btoa('☃'), DOMException);
});
