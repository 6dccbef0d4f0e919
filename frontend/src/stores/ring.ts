// A fixed-capacity ring buffer keyed by a number (the server's seq), with
// in-place updates by key and a cached array view per version.

export class Ring<T> {
  readonly capacity: number;
  private buf: (T | undefined)[];
  private head = 0; // index of the oldest item
  private len = 0;
  private slots = new Map<number, number>(); // key -> slot
  private keyOf: (t: T) => number;
  private view: T[] | null = null;
  /** Increments on every change; components compare it to re-render. */
  version = 0;

  constructor(capacity: number, keyOf: (t: T) => number) {
    if (capacity < 1) throw new RangeError('ring capacity must be at least 1');
    this.capacity = capacity;
    this.buf = new Array(capacity);
    this.keyOf = keyOf;
  }

  get size(): number {
    return this.len;
  }

  /** Appends; returns the evicted oldest item when full. */
  push(item: T): T | undefined {
    let evicted: T | undefined;
    if (this.len === this.capacity) {
      evicted = this.buf[this.head];
      if (evicted !== undefined) this.slots.delete(this.keyOf(evicted));
      this.buf[this.head] = item;
      this.slots.set(this.keyOf(item), this.head);
      this.head = (this.head + 1) % this.capacity;
    } else {
      const slot = (this.head + this.len) % this.capacity;
      this.buf[slot] = item;
      this.slots.set(this.keyOf(item), slot);
      this.len++;
    }
    this.changed();
    return evicted;
  }

  get(key: number): T | undefined {
    const s = this.slots.get(key);
    return s === undefined ? undefined : this.buf[s];
  }

  has(key: number): boolean {
    return this.slots.has(key);
  }

  /** Replaces the item with the same key, or appends it; returns whether it was new. */
  upsert(item: T): boolean {
    const k = this.keyOf(item);
    const s = this.slots.get(k);
    if (s !== undefined) {
      this.buf[s] = item;
      this.changed();
      return false;
    }
    this.push(item);
    return true;
  }

  /** Oldest first. The same array until the next change. */
  toArray(): T[] {
    if (this.view) return this.view;
    const out = new Array<T>(this.len);
    for (let i = 0; i < this.len; i++) out[i] = this.buf[(this.head + i) % this.capacity]!;
    this.view = out;
    return out;
  }

  clear(): void {
    this.buf = new Array(this.capacity);
    this.head = 0;
    this.len = 0;
    this.slots.clear();
    this.changed();
  }

  private changed(): void {
    this.view = null;
    this.version++;
  }
}
