test('RegExp from strings: \\p{…} with the u flag matches as on the platform', () => {
  const re = new RegExp('^[' + '\\p{L}' + '\\d_]+$', 'u');
  assertEquals(re.test('héllo_1'), true);
  assertEquals(re.test('p{L}'), false);
  assertEquals(new RegExp('\\p{Script=Greek}+', 'u').test('αβγ'), true);
  assertEquals(new RegExp('\\P{L}', 'u').test('a'), false);
  assertEquals(RegExp('\\p{Lu}', 'u').test('A'), true);
  assertEquals(new RegExp('\\p{Lu}', 'u') instanceof RegExp, true);
  assertEquals(/x/ instanceof RegExp, true);
  assertEquals(Object.getPrototypeOf(new RegExp('a')) === RegExp.prototype, true);
  assertEquals(new RegExp('a', 'g').flags, 'g');
  assertEquals(new RegExp(/ab/i).source, 'ab');
  const r = /x/;
  assertEquals(RegExp(r) === r, true);
  assertThrows(() => new RegExp('\\p{Script_Extensions=Latin}', 'u'), SyntaxError, 'cannot run the unicode property');
  assertThrows(() => new RegExp('\\p{Greek}', 'u'), SyntaxError, 'Invalid property name');
  class MyRE extends RegExp {}
  assertEquals(new MyRE('\\p{L}', 'u').test('é'), true);
  assertEquals(new MyRE('a') instanceof MyRE, true);
});
