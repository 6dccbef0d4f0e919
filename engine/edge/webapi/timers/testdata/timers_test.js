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
