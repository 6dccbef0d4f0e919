// lodash-es 4: groupBy, debounce/throttle (real timers), cloneDeep, merge,
// get/set, template. template compiles with Function(), which the edge
// runtime forbids: it must throw the platform's EvalError.
import { groupBy, debounce, throttle, cloneDeep, merge, get, set, template, sortBy, chunk, uniqBy, pick, omit, isEqual, camelCase, kebabCase, memoize, partition, range, sum } from 'lodash-es'
import { run, describe } from '../../lib/checks'

export const config = { runtime: 'edge' }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const people = [
  { name: 'ann', age: 31, team: 'red' },
  { name: 'bob', age: 25, team: 'blue' },
  { name: 'cat', age: 31, team: 'red' },
  { name: 'dan', age: 40, team: 'green' },
]

export default () =>
  run({
    groupBy: () => ({ byTeam: groupBy(people, 'team'), byFloor: groupBy([6.1, 4.2, 6.3], Math.floor), byLen: groupBy(['one', 'two', 'three'], 'length') }),
    collections: () => ({
      sortBy: sortBy(people, ['age', 'name']).map((p) => p.name),
      chunk: chunk(range(7), 3),
      uniqBy: uniqBy(people, 'age').length,
      partition: partition(range(10), (n) => n % 3 === 0),
      sum: sum(range(101)),
      strings: [camelCase('Foo Bar-baz_qux'), kebabCase('fooBarBaz')],
    }),
    debounce: async () => {
      const calls: string[] = []
      const f = debounce((x: string) => calls.push(x), 30)
      f('a')
      f('b')
      await sleep(5)
      f('c')
      const before = calls.length
      await sleep(80)
      const lead: string[] = []
      const g = debounce((x: string) => lead.push(x), 20, { leading: true, trailing: false })
      g('1')
      g('2')
      g('3')
      await sleep(50)
      g('4')
      const cancelled: string[] = []
      const h = debounce((x: string) => cancelled.push(x), 20)
      h('x')
      h.cancel()
      const flushed: string[] = []
      const k = debounce((x: string) => flushed.push(x), 1000)
      k('now')
      k.flush()
      await sleep(40)
      return { before, calls, lead, cancelled, flushed }
    },
    throttle: async () => {
      const calls: number[] = []
      const f = throttle((n: number) => calls.push(n), 40)
      for (let i = 0; i < 5; i++) f(i)
      await sleep(70)
      return calls
    },
    cloneDeep: () => {
      const src: any = { n: 1, d: new Date('2024-01-02T03:04:05Z'), re: /a+b/gi, m: new Map([['k', { v: 1 }]]), s: new Set([1, 2]), arr: [{ x: [1, 2] }], typed: new Uint8Array([1, 2, 3]) }
      src.self = src
      const c = cloneDeep(src)
      return {
        distinct: c !== src && c.arr[0] !== src.arr[0] && c.m.get('k') !== src.m.get('k'),
        circular: c.self === c,
        date: c.d instanceof Date && c.d.toISOString(),
        re: c.re instanceof RegExp && String(c.re) + ' ' + c.re.flags,
        map: c.m instanceof Map && c.m.get('k').v,
        set: c.s instanceof Set && Array.from(c.s),
        typed: c.typed instanceof Uint8Array && Array.from(c.typed),
        equal: isEqual(c, src),
      }
    },
    merge: () => merge({ a: [{ b: 2 }, { d: 4 }], x: { y: 1 } }, { a: [{ c: 3 }, { e: 5 }], x: { z: 2 } }, { x: { y: 9 } }),
    getSet: () => {
      const o: any = { a: [{ b: { c: 3 } }] }
      set(o, 'a[0].b.d', 4)
      set(o, ['x', '0', 'y'], 'new')
      return { c: get(o, 'a[0].b.c'), d: get(o, 'a.0.b.d'), missing: get(o, 'a.1.b', 'default'), o, pick: pick(o, ['x']), omit: omit({ p: 1, q: 2 }, 'p') }
    },
    memoize: () => {
      let n = 0
      const sq = memoize((x: number) => (n++, x * x))
      return [sq(4), sq(4), sq(5), n]
    },
    template: () => {
      try {
        const compiled = template('hello <%= user %>!')
        return { compiled: compiled({ user: 'fred' }) }
      } catch (e) {
        return { error: describe(e), isEvalError: e instanceof EvalError }
      }
    },
  })
