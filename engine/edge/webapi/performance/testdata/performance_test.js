// performance: High Resolution Time and User Timing.
test('now() is monotonic milliseconds with sub-millisecond precision', async () => {
  const a = performance.now();
  assert(typeof a === 'number' && a >= 0 && a < 60000, 'since the isolate started: ' + a);
  let last = a, fractional = false;
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    assert(t >= last, 'never goes backwards');
    if (t !== Math.floor(t)) fractional = true;
    last = t;
  }
  assert(fractional, 'sub-millisecond values');
  const before = performance.now();
  await new Promise((r) => setTimeout(r, 20));
  const waited = performance.now() - before;
  assert(waited >= 15 && waited < 5000, 'a 20 ms timer takes about 20 ms: ' + waited);
});
test('timeOrigin and toJSON', () => {
  const o = performance.timeOrigin;
  assert(Math.abs(o + performance.now() - Date.now()) < 50, 'timeOrigin + now() is the wall clock');
  assertEquals(performance.toJSON(), { timeOrigin: o });
  assertEquals(JSON.parse(JSON.stringify(performance)).timeOrigin, o);
  assert(performance instanceof Performance && performance instanceof EventTarget);
  assertEquals(Object.prototype.toString.call(performance), '[object Performance]');
  assertThrows(() => new Performance(), TypeError);
  assertThrows(() => new PerformanceEntry(), TypeError);
  assertThrows(() => new PerformanceMeasure(), TypeError);
  assertThrows(() => Performance.prototype.now.call({}) && Object.getOwnPropertyDescriptor(PerformanceEntry.prototype, 'name').get.call({}), TypeError);
  const d = Object.getOwnPropertyDescriptor(globalThis, 'performance');
  assertEquals([d.enumerable, d.writable], [false, true]);
});
test('mark', () => {
  performance.clearMarks();
  const m = performance.mark('start', { detail: { step: 1 } });
  assert(m instanceof PerformanceMark && m instanceof PerformanceEntry);
  assertEquals([m.name, m.entryType, m.duration, m.detail], ['start', 'mark', 0, { step: 1 }]);
  assert(m.startTime > 0 && m.startTime <= performance.now());
  const detail = { a: [1] };
  const m2 = performance.mark('x', { startTime: 12.5, detail });
  assertEquals(m2.startTime, 12.5);
  assert(m2.detail !== detail, 'detail is a structured clone');
  assertEquals(m2.detail, detail);
  assertEquals(performance.mark('nodetail').detail, null);
  assertThrows(() => performance.mark('neg', { startTime: -1 }), TypeError);
  assertThrows(() => performance.mark(), TypeError);
  const e = assertThrows(() => performance.mark('fn', { detail: () => 1 }), DOMException);
  assertEquals(e.name, 'DataCloneError');
  assertEquals(m2.toJSON(), { name: 'x', entryType: 'mark', startTime: 12.5, duration: 0, detail: { a: [1] } });
  // The constructor is public and does not record the entry.
  const own = new PerformanceMark('constructed', { startTime: 1 });
  assertEquals([own.name, own.startTime], ['constructed', 1]);
  assertEquals(performance.getEntriesByName('constructed'), []);
});
test('measure', () => {
  performance.clearMarks();
  performance.clearMeasures();
  performance.mark('a', { startTime: 10 });
  performance.mark('b', { startTime: 25 });
  performance.mark('a', { startTime: 15 }); // the latest mark of a name counts
  const cases = [
    [['m1', 'a', 'b'], 15, 10],
    [['m2', { start: 'a', end: 'b' }], 15, 10],
    [['m3', { start: 5, duration: 7 }], 5, 7],
    [['m4', { end: 'b', duration: 5 }], 20, 5],
    [['m5', { start: 2, end: 30 }], 2, 28],
    [['m6', undefined, 'b'], 0, 25],
  ];
  for (const [args, start, duration] of cases) {
    const m = performance.measure(...args);
    assert(m instanceof PerformanceMeasure, args[0]);
    assertEquals([m.name, m.entryType, m.startTime, m.duration, m.detail], [args[0], 'measure', start, duration, null], args[0]);
  }
  // No end: now.
  const open = performance.measure('open', 'a');
  assert(open.startTime === 15 && Math.abs(open.startTime + open.duration - performance.now()) < 50);
  const whole = performance.measure('whole');
  assertEquals(whole.startTime, 0);
  assertEquals(performance.measure('d', { start: 1, end: 2, detail: { k: 'v' } }).detail, { k: 'v' });
  // Errors.
  const e = assertThrows(() => performance.measure('x', 'missing'), DOMException);
  assertEquals(e.name, 'SyntaxError');
  assertThrows(() => performance.measure('x', { start: 'a' }, 'b'), TypeError, 'end_mark');
  assertThrows(() => performance.measure('x', { duration: 1 }), TypeError, "'start' or 'end'");
  assertThrows(() => performance.measure('x', { detail: 1 }), TypeError);
  assertThrows(() => performance.measure('x', { start: 1, duration: 1, end: 3 }), TypeError);
  assertThrows(() => performance.measure('x', { start: -1, end: 2 }), TypeError);
  assertThrows(() => performance.measure(), TypeError);
});
test('getEntries, ByName, ByType, clearMarks, clearMeasures', () => {
  performance.clearMarks();
  performance.clearMeasures();
  performance.mark('late', { startTime: 30 });
  performance.mark('early', { startTime: 10 });
  performance.measure('span', 'early', 'late');
  performance.mark('early', { startTime: 20 });
  const names = (l) => l.map((e) => e.name + '@' + e.startTime);
  assertEquals(names(performance.getEntries()), ['early@10', 'span@10', 'early@20', 'late@30']);
  assertEquals(names(performance.getEntriesByType('mark')), ['early@10', 'early@20', 'late@30']);
  assertEquals(names(performance.getEntriesByType('measure')), ['span@10']);
  assertEquals(performance.getEntriesByType('resource'), []);
  assertEquals(names(performance.getEntriesByName('early')), ['early@10', 'early@20']);
  assertEquals(names(performance.getEntriesByName('early', 'measure')), []);
  assertEquals(names(performance.getEntriesByName('span', 'measure')), ['span@10']);
  performance.clearMarks('early');
  assertEquals(names(performance.getEntries()), ['span@10', 'late@30']);
  performance.clearMeasures();
  assertEquals(names(performance.getEntries()), ['late@30']);
  performance.clearMarks();
  assertEquals(performance.getEntries(), []);
  // A returned list is a copy.
  performance.mark('m');
  const l = performance.getEntries();
  l.pop();
  assertEquals(performance.getEntries().length, 1);
});
test('event timestamps use the same clock', () => {
  const before = performance.now();
  const e = new Event('x');
  assert(e.timeStamp >= before && e.timeStamp <= performance.now(), 'timeStamp ' + e.timeStamp);
});
