test('setTimeout fires once with args and returns an integer id', async () => {
  const got = await new Promise((resolve) => {
    const id = setTimeout((a, b) => resolve([a, b, typeof id]), 1, 'x', 2);
    assert(Number.isInteger(id), 'id is an integer');
  });
  assertEquals(got, ['x', 2, 'number']);
});
test('clearTimeout cancels', async () => {
  let fired = false;
  const id = setTimeout(() => { fired = true; }, 1);
  clearTimeout(id);
  await new Promise((r) => setTimeout(r, 10));
  assertEquals(fired, false);
});
test('setInterval repeats until cleared', async () => {
  let n = 0;
  await new Promise((resolve) => {
    const id = setInterval(() => { if (++n === 3) { clearInterval(id); resolve(); } }, 1);
  });
  await new Promise((r) => setTimeout(r, 10));
  assertEquals(n, 3);
});
test('queueMicrotask runs before timers', async () => {
  const order = [];
  await new Promise((resolve) => {
    setTimeout(() => { order.push('timer'); resolve(); }, 0);
    queueMicrotask(() => order.push('micro'));
  });
  assertEquals(order, ['micro', 'timer']);
});
test('string handlers are dynamic code', () => {
  assertThrows(() => setTimeout('1+1', 1), EvalError, 'Dynamic Code Evaluation');
  assertThrows(() => queueMicrotask(1), TypeError);
});
test('ids are distinct positive integers; this is the global object', async () => {
  const ids = [setTimeout(() => {}, 1), setTimeout(() => {}, 1), setInterval(() => {}, 1000)];
  for (const id of ids) assert(Number.isInteger(id) && id > 0, 'positive integer id ' + id);
  assertEquals(new Set(ids).size, 3);
  clearInterval(ids[2]);
  const self = await new Promise((resolve) => setTimeout(function () { resolve(this); }, 1));
  assert(self === globalThis, 'this in a timer callback');
  const withArgs = await new Promise((resolve) => setTimeout(function (a) { resolve([this === globalThis, a]); }, 1, 'x'));
  assertEquals(withArgs, [true, 'x']);
});
test('clearTimeout with unknown ids is a no-op', async () => {
  let fired = 0;
  const id = setTimeout(() => { fired++; }, 5);
  for (const bad of [undefined, null, {}, [], 'abc', '', -1, 0, 1.5, id + 0.5, NaN, Infinity, 1e9, Symbol('s'), 1n]) {
    clearTimeout(bad);
    clearInterval(bad);
  }
  clearTimeout();
  await new Promise((r) => setTimeout(r, 20));
  assertEquals(fired, 1, 'the real timer was not cleared by a bogus id');
});
test('clearTimeout takes a numeric string; timeouts and intervals share ids', async () => {
  let fired = 0;
  const a = setTimeout(() => { fired++; }, 1);
  clearTimeout(String(a));
  const b = setInterval(() => { fired++; }, 1);
  clearTimeout(b);
  const c = setTimeout(() => { fired++; }, 1);
  clearInterval(c);
  await new Promise((r) => setTimeout(r, 15));
  assertEquals(fired, 0);
});
test('delays: NaN, negative and huge delays run soon; a timer can clear itself', async () => {
  const order = [];
  await new Promise((resolve) => {
    setTimeout(() => order.push('nan'), NaN);
    setTimeout(() => order.push('neg'), -10);
    setTimeout(() => order.push('huge'), 2 ** 31); // over TIMEOUT_MAX: 1 ms, as Node does
    setTimeout(() => order.push('str'), '2');
    const id = setInterval(() => { order.push('interval'); clearInterval(id); }, 1);
    setTimeout(resolve, 20);
  });
  order.sort();
  assertEquals(order, ['huge', 'interval', 'nan', 'neg', 'str']);
});
test('a throwing callback is reported and other timers still run', async () => {
  const got = await new Promise((resolve) => {
    setTimeout(() => { throw new Error('timer boom'); }, 1);
    setTimeout(() => resolve('after'), 5);
  });
  assertEquals(got, 'after');
});
test('bad callbacks', () => {
  assertThrows(() => setTimeout(), TypeError);
  assertThrows(() => setTimeout(null, 1), TypeError, 'callback');
  assertThrows(() => setInterval({}, 1), TypeError);
  assertThrows(() => setTimeout(new String('code')), TypeError);
  assertThrows(() => setInterval('code'), EvalError, 'Dynamic Code Evaluation');
});
