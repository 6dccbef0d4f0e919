test('DOMException basics', () => {
  const e = new DOMException('nope', 'AbortError');
  assertEquals(e.name, 'AbortError');
  assertEquals(e.message, 'nope');
  assertEquals(e.code, 20);
  assert(e instanceof Error, 'is an Error');
  assertEquals(Object.prototype.toString.call(e), '[object DOMException]');
  assertEquals(DOMException.ABORT_ERR, 20);
  assertEquals(new DOMException('x', { name: 'TimeoutError', cause: 1 }).cause, 1);
  assertEquals(new DOMException().name, 'Error');
});
test('globals are not enumerable', () => {
  assertEquals(Object.keys(globalThis).includes('DOMException'), false);
});
