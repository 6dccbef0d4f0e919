export const config = { runtime: 'edge' }
// Language features of the platform's V8 that goja lacks natively.
export default async function handler() {
  const { promise, resolve } = (Promise as any).withResolvers()
  resolve('resolved')
  const grouped = (Object as any).groupBy([1, 2, 3, 4], (n: number) => (n % 2 ? 'odd' : 'even'))
  const e: any = {}
  ;(Error as any).captureStackTrace(e)
  async function* gen() { yield 1; yield 2 }
  const fromAsync = await (Array as any).fromAsync(gen())
  return Response.json({
    withResolvers: await promise, grouped, hasStack: typeof e.stack === 'string',
    fromAsync, at: [1, 2, 3].at(-1), findLast: [1, 2, 3].findLast((x) => x < 3),
    toSorted: (([3, 1, 2] as any).toSorted()), hasOwn: Object.hasOwn({ a: 1 }, 'a'),
    cause: (new Error('x', { cause: 'y' }) as any).cause, asyncIterator: typeof Symbol.asyncIterator,
  })
}
