// [High Resolution Time]: https://w3c.github.io/hr-time/#sec-performance
// [User Timing]: https://w3c.github.io/user-timing/
// [Performance Timeline]: https://w3c.github.io/performance-timeline/
//
// One performance entry buffer per isolate holds the marks and measures in
// the order they were made; getEntries* return them sorted by startTime.

const nativeNow = native.now;
const timeOrigin = native.timeOrigin;
const kIllegal = Symbol('illegal');
internals.now = nativeNow;

const clone = (v) => (v === undefined || v === null ? null : internals.structuredClone(v));

let entryState; // (entry) -> record, brand-checked
class PerformanceEntry {
  #s;
  constructor(key = undefined, s = undefined) {
    if (key !== kIllegal) throw new TypeError('Illegal constructor');
    this.#s = s;
  }
  static {
    entryState = (e, what) => {
      if (e === null || typeof e !== 'object' || !(#s in e)) throw new TypeError(`Illegal invocation: ${what} is not a PerformanceEntry`);
      return e.#s;
    };
  }
  get name() { return entryState(this, 'this').name; }
  get entryType() { return entryState(this, 'this').entryType; }
  get startTime() { return entryState(this, 'this').startTime; }
  get duration() { return entryState(this, 'this').duration; }
  // https://w3c.github.io/performance-timeline/#dom-performanceentry-tojson
  toJSON() {
    const s = entryState(this, 'this');
    const o = { name: s.name, entryType: s.entryType, startTime: s.startTime, duration: s.duration };
    if (s.entryType === 'mark' || s.entryType === 'measure') o.detail = s.detail;
    return o;
  }
}
internals.tag(PerformanceEntry);

// [PerformanceMark constructor]: https://w3c.github.io/user-timing/#the-performancemark-constructor
class PerformanceMark extends PerformanceEntry {
  constructor(markName, markOptions = undefined) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'constructor' on 'PerformanceMark'");
    const name = String(markName);
    if (markOptions !== undefined && markOptions !== null && typeof markOptions !== 'object') {
      throw new TypeError("Failed to construct 'PerformanceMark': The provided value is not of type 'PerformanceMarkOptions'.");
    }
    const opts = markOptions || {};
    // 1. (Window only: PerformanceTiming names throw; not in a worker.)
    // 3–4. startTime: markOptions.startTime if present (negative throws
    // TypeError), otherwise the current high resolution time.
    let startTime;
    if (opts.startTime !== undefined) {
      startTime = Number(opts.startTime);
      if (!Number.isFinite(startTime)) throw new TypeError("Failed to construct 'PerformanceMark': The provided double value is non-finite.");
      if (startTime < 0) throw new TypeError(`Failed to construct 'PerformanceMark': '${name}' cannot have a negative start time.`);
    } else {
      startTime = nativeNow();
    }
    // 6. detail: a structured clone of markOptions.detail, or null.
    const detail = clone(opts.detail);
    super(kIllegal, { name, entryType: 'mark', startTime, duration: 0, detail });
  }
  get detail() { return entryState(this, 'this').detail; }
}
internals.tag(PerformanceMark);

class PerformanceMeasure extends PerformanceEntry {
  constructor(key = undefined, s = undefined) {
    if (key !== kIllegal) throw new TypeError('Illegal constructor');
    super(kIllegal, s);
  }
  get detail() { return entryState(this, 'this').detail; }
}
internals.tag(PerformanceMeasure);

let buffer = []; // marks and measures, in creation order

// [convert a mark to a timestamp]: https://w3c.github.io/user-timing/#convert-a-mark-to-a-timestamp
function markToTimestamp(mark) {
  if (typeof mark === 'number') {
    if (mark < 0) throw new TypeError(`Failed to execute 'measure' on 'Performance': '${mark}' cannot be negative.`);
    return mark;
  }
  const name = String(mark);
  // The most recent mark of that name.
  for (let i = buffer.length - 1; i >= 0; i--) {
    const s = entryState(buffer[i], 'entry');
    if (s.entryType === 'mark' && s.name === name) return s.startTime;
  }
  throw new DOMException(`Failed to execute 'measure' on 'Performance': The mark '${name}' does not exist.`, 'SyntaxError');
}

function sorted(list) {
  // A stable sort by startTime: entries made in order stay in order.
  return list.slice().sort((a, b) => entryState(a, 'entry').startTime - entryState(b, 'entry').startTime);
}

class Performance extends EventTarget {
  constructor(key = undefined) {
    if (key !== kIllegal) throw new TypeError('Illegal constructor');
    super();
  }
  // https://w3c.github.io/hr-time/#dom-performance-now
  now() { return nativeNow(); }
  // https://w3c.github.io/hr-time/#dom-performance-timeorigin
  get timeOrigin() { return timeOrigin; }

  // https://w3c.github.io/user-timing/#mark-method
  mark(markName, markOptions = undefined) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'mark' on 'Performance'");
    const entry = new PerformanceMark(markName, markOptions);
    buffer.push(entry);
    return entry;
  }

  // https://w3c.github.io/user-timing/#measure-method
  measure(measureName, startOrMeasureOptions = undefined, endMark = undefined) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'measure' on 'Performance'");
    const name = String(measureName);
    const so = startOrMeasureOptions;
    const isOptions = so !== null && typeof so === 'object';
    const opts = isOptions ? so : {};
    const has = (k) => opts[k] !== undefined;
    // 1. A non-empty PerformanceMeasureOptions dictionary:
    if (isOptions && (has('start') || has('end') || has('duration') || has('detail'))) {
      // 1.1 with an endMark too is a TypeError;
      if (endMark !== undefined) throw new TypeError("Failed to execute 'measure' on 'Performance': If a non-empty PerformanceMeasureOptions object was passed, |end_mark| must not be passed.");
      // 1.2 it must have start or end;
      if (!has('start') && !has('end')) throw new TypeError("Failed to execute 'measure' on 'Performance': If a non-empty PerformanceMeasureOptions object was passed, at least one of its 'start' or 'end' properties must be present.");
      // 1.3 and not all of start, duration and end.
      if (has('start') && has('duration') && has('end')) throw new TypeError("Failed to execute 'measure' on 'Performance': If a non-empty PerformanceMeasureOptions object was passed, it must not have all of its 'start', 'duration', and 'end' properties present.");
    }
    const duration = has('duration') ? Number(opts.duration) : undefined;
    if (duration !== undefined && (!Number.isFinite(duration) || duration < 0)) {
      throw new TypeError("Failed to execute 'measure' on 'Performance': 'duration' cannot be negative or non-finite.");
    }
    // 3. End time.
    let end;
    if (endMark !== undefined) end = markToTimestamp(endMark);
    else if (has('end')) end = markToTimestamp(opts.end);
    else if (has('start') && duration !== undefined) end = markToTimestamp(opts.start) + duration;
    else end = nativeNow();
    // 4. Start time.
    let start;
    if (has('start')) start = markToTimestamp(opts.start);
    else if (duration !== undefined && has('end')) start = end - duration;
    else if (so !== undefined && so !== null && !isOptions) start = markToTimestamp(String(so));
    else start = 0;
    // 5–9. The entry, with a structured clone of the detail.
    const entry = new PerformanceMeasure(kIllegal, { name, entryType: 'measure', startTime: start, duration: end - start, detail: clone(opts.detail) });
    buffer.push(entry);
    return entry;
  }

  // https://w3c.github.io/performance-timeline/#getentries-method
  getEntries() { return sorted(buffer); }
  getEntriesByType(type) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'getEntriesByType' on 'Performance'");
    type = String(type);
    return sorted(buffer.filter((e) => entryState(e, 'entry').entryType === type));
  }
  getEntriesByName(name, type = undefined) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'getEntriesByName' on 'Performance'");
    name = String(name);
    const t = type === undefined ? undefined : String(type);
    return sorted(buffer.filter((e) => {
      const s = entryState(e, 'entry');
      return s.name === name && (t === undefined || s.entryType === t);
    }));
  }

  // https://w3c.github.io/user-timing/#dom-performance-clearmarks
  clearMarks(markName = undefined) { clear('mark', markName); }
  clearMeasures(measureName = undefined) { clear('measure', measureName); }

  // https://w3c.github.io/hr-time/#dom-performance-tojson
  toJSON() { return { timeOrigin }; }
}
internals.tag(Performance);

function clear(type, name) {
  const n = name === undefined ? undefined : String(name);
  buffer = buffer.filter((e) => {
    const s = entryState(e, 'entry');
    return !(s.entryType === type && (n === undefined || s.name === n));
  });
}

const performance = new Performance(kIllegal);
internals.defineGlobal('Performance', Performance);
internals.defineGlobal('PerformanceEntry', PerformanceEntry);
internals.defineGlobal('PerformanceMark', PerformanceMark);
internals.defineGlobal('PerformanceMeasure', PerformanceMeasure);
// `performance` is a [Replaceable] readonly attribute of the global.
internals.defineGlobal('performance', performance);
