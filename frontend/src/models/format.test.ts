import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  base64ToText,
  bodyViewFor,
  bytesToBase64,
  escapeControls,
  formatBytes,
  formatDelta,
  formatDuration,
  formatLimit,
  hexDump,
  jsonSummary,
  looksLikeText,
  prettyJson,
} from './format';

const enc = (s: string) => new TextEncoder().encode(s);

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1000 B'],
    [1024, '1.00 kB'],
    [1234, '1.21 kB'],
    [12_345, '12.1 kB'],
    [123_456, '121 kB'],
    [1_048_576, '1.00 MB'],
    [1_069_547, '1.02 MB'], // as the engine's size error says it
    [-2500, '-2.44 kB'],
  ])('%d → %s', (n, want) => expect(formatBytes(n)).toBe(want));
  it.each([
    [1048576, '1 MB'],
    [4194304, '4 MB'],
    [1500000, '1.43 MB'],
  ])('limit %d → %s', (n, want) => expect(formatLimit(n)).toBe(want));
  it('signs deltas', () => {
    expect(formatDelta(1536)).toBe('+1.50 kB');
    expect(formatDelta(-300)).toBe('-300 B');
    expect(formatDelta(0)).toBe('0 B');
  });
});

describe('formatDuration (ns)', () => {
  it.each([
    [500, '500 ns'],
    [850_000, '850 µs'],
    [1_500_000, '1.50 ms'],
    [12_340_000, '12.3 ms'],
    [1_520_000_000, '1.52 s'],
    [-1, '–'],
  ])('%d → %s', (n, want) => expect(formatDuration(n)).toBe(want));
});

describe('base64', () => {
  it.each([
    ['', ''],
    ['aGVsbG8=', 'hello'],
    ['aGVsbG8', 'hello'], // no padding
    ['w6TDtsO8', 'äöü'],
    ['4oKsIOKciA==', '€ ✈'],
    ['8J+agA==', '🚀'],
  ])('%s decodes as UTF-8 to %s', (b64, want) => expect(base64ToText(b64)).toBe(want));

  it('reads URL-safe alphabet', () => {
    expect([...base64ToBytes('-_8')]).toEqual([0xfb, 0xff]);
  });

  it('round-trips bytes', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) & 255);
    expect([...base64ToBytes(bytesToBase64(bytes))]).toEqual([...bytes]);
  });

  it('replaces invalid UTF-8 instead of throwing', () => {
    expect(base64ToText(bytesToBase64(new Uint8Array([0x61, 0xff, 0x62])))).toBe('a\uFFFDb');
  });
});

describe('looksLikeText', () => {
  it.each([
    ['ascii', enc('hello\nworld\t!'), true],
    ['utf-8', enc('grüße 🚀'), true],
    ['cut multi-byte at the end', enc('€').subarray(0, 2), true],
    ['NUL', new Uint8Array([0x61, 0x00, 0x62]), false],
    ['lone continuation', new Uint8Array([0x80, 0x61]), false],
    ['PNG magic', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), false],
    ['empty', new Uint8Array(0), true],
  ])('%s → %s', (_, bytes, want) => expect(looksLikeText(bytes)).toBe(want));
});

describe('hexDump', () => {
  it('prints offset, 16 bytes in two groups, and ASCII', () => {
    const lines = hexDump(enc('{"a":1}\n'));
    expect(lines).toEqual(['00000000  7b 22 61 22 3a 31 7d 0a                           |{"a":1}.|']);
  });
  it('breaks lines every 16 bytes and continues the offset', () => {
    const lines = hexDump(new Uint8Array(20).map((_, i) => i + 0x41));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|');
    expect(lines[1].startsWith('00000010  51 52 53 54 ')).toBe(true);
    expect(lines[1].endsWith('|QRST|')).toBe(true);
  });
  it('stops at max', () => {
    expect(hexDump(new Uint8Array(1000), 64)).toHaveLength(4);
  });
});

describe('JSON', () => {
  it('pretty-prints JSON and leaves other text alone', () => {
    expect(prettyJson('{"a":[1,2],"b":{"c":null}}')).toBe('{\n  "a": [\n    1,\n    2\n  ],\n  "b": {\n    "c": null\n  }\n}');
    expect(prettyJson('not json')).toBe('not json');
  });
  it.each([
    [[], '[]'],
    [[1], '[…] 1 item'],
    [[1, 2, 3], '[…] 3 items'],
    [{}, '{}'],
    [{ a: 1, b: 2 }, '{…} 2 keys'],
    ['x', '"x"'],
    [null, 'null'],
  ])('summary of %j is %s', (v, want) => expect(jsonSummary(v)).toBe(want));
});

describe('bodyViewFor', () => {
  it.each([
    ['application/json; charset=utf-8', enc('{"a":1}'), 'json'],
    ['application/problem+json', enc('{}'), 'json'],
    ['image/png', new Uint8Array([0x89, 0x50]), 'image'],
    ['text/plain', enc('hi'), 'text'],
    ['text/event-stream', enc('data: 1\n\n'), 'text'],
    ['application/octet-stream', new Uint8Array([0, 1, 2]), 'hex'],
    ['', enc('[1,2]'), 'json'],
    ['', enc('plain words'), 'text'],
    ['', new Uint8Array([0xff, 0x00]), 'hex'],
    ['text/plain', new Uint8Array([0x00, 0x01]), 'hex'],
  ])('%s → %s', (ct, bytes, want) => expect(bodyViewFor(ct, bytes as Uint8Array)).toBe(want));
});

describe('escapeControls', () => {
  it('makes newlines and controls visible', () => {
    expect(escapeControls('a\nb\r\tc\x01')).toBe('a\\nb\\r\\tc\\x01');
  });
});
