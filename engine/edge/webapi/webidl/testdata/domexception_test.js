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
// Every legacy constant of the WebIDL DOMException interface, on the class
// and on instances, with the name table's codes.
const constants = [
  ['INDEX_SIZE_ERR', 1, 'IndexSizeError'], ['DOMSTRING_SIZE_ERR', 2], ['HIERARCHY_REQUEST_ERR', 3, 'HierarchyRequestError'],
  ['WRONG_DOCUMENT_ERR', 4, 'WrongDocumentError'], ['INVALID_CHARACTER_ERR', 5, 'InvalidCharacterError'], ['NO_DATA_ALLOWED_ERR', 6],
  ['NO_MODIFICATION_ALLOWED_ERR', 7, 'NoModificationAllowedError'], ['NOT_FOUND_ERR', 8, 'NotFoundError'],
  ['NOT_SUPPORTED_ERR', 9, 'NotSupportedError'], ['INUSE_ATTRIBUTE_ERR', 10, 'InUseAttributeError'],
  ['INVALID_STATE_ERR', 11, 'InvalidStateError'], ['SYNTAX_ERR', 12, 'SyntaxError'],
  ['INVALID_MODIFICATION_ERR', 13, 'InvalidModificationError'], ['NAMESPACE_ERR', 14, 'NamespaceError'],
  ['INVALID_ACCESS_ERR', 15, 'InvalidAccessError'], ['VALIDATION_ERR', 16], ['TYPE_MISMATCH_ERR', 17, 'TypeMismatchError'],
  ['SECURITY_ERR', 18, 'SecurityError'], ['NETWORK_ERR', 19, 'NetworkError'], ['ABORT_ERR', 20, 'AbortError'],
  ['URL_MISMATCH_ERR', 21, 'URLMismatchError'], ['QUOTA_EXCEEDED_ERR', 22, 'QuotaExceededError'],
  ['TIMEOUT_ERR', 23, 'TimeoutError'], ['INVALID_NODE_TYPE_ERR', 24, 'InvalidNodeTypeError'], ['DATA_CLONE_ERR', 25, 'DataCloneError'],
];
test('legacy constants and codes', () => {
  const instance = new DOMException('x');
  for (const [constant, code, name] of constants) {
    assertEquals(DOMException[constant], code, constant);
    assertEquals(DOMException.prototype[constant], code, constant + ' on the prototype');
    assertEquals(instance[constant], code, constant + ' on an instance');
    const d = Object.getOwnPropertyDescriptor(DOMException, constant);
    assertEquals([d.writable, d.enumerable, d.configurable], [false, true, false], constant);
    if (name) assertEquals(new DOMException('m', name).code, code, name);
  }
  assertEquals(Object.keys(DOMException).length, 25);
  // Names without a legacy code, and unknown names, have code 0.
  for (const name of ['EncodingError', 'NotReadableError', 'UnknownError', 'OperationError', 'NotAllowedError', 'Error', 'whatever']) {
    assertEquals(new DOMException('m', name).code, 0, name);
  }
});
test('name, message, code are prototype getters with brand checks', () => {
  for (const k of ['name', 'message', 'code']) {
    const d = Object.getOwnPropertyDescriptor(DOMException.prototype, k);
    assert(d && typeof d.get === 'function' && d.set === undefined && d.enumerable && d.configurable, k);
    assertThrows(() => d.get.call({}), TypeError);
  }
  const e = new DOMException('msg', 'SyntaxError');
  assertEquals(Object.getOwnPropertyNames(e).filter((k) => k !== 'stack'), []);
  assertEquals(String(e), 'SyntaxError: msg');
  assertEquals(new DOMException(undefined, undefined).name, 'Error');
  assertEquals(new DOMException(undefined).message, '');
  assertEquals(new DOMException(12, 34).message + '/' + new DOMException(12, 34).name, '12/34');
  assertThrows(() => DOMException('x'), TypeError);
});
test('instanceof Error, stack and subclassing', () => {
  function thrower() { throw new DOMException('deep', 'NotFoundError'); }
  const e = assertThrows(thrower, DOMException);
  assert(e instanceof Error && e instanceof DOMException, 'instanceof');
  assertEquals(Object.getPrototypeOf(DOMException.prototype), Error.prototype);
  assertEquals(typeof e.stack, 'string');
  assert(e.stack.includes('thrower'), 'the stack names the throwing function: ' + e.stack);
  class MyErr extends DOMException { constructor() { super('sub', 'AbortError'); } }
  const m = new MyErr();
  assertEquals([m.name, m.code, m instanceof DOMException], ['AbortError', 20, true]);
  const d = Object.getOwnPropertyDescriptor(globalThis, 'DOMException');
  assertEquals([d.writable, d.enumerable, d.configurable], [true, false, true]);
});
