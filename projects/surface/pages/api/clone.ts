export const config = { runtime: 'edge' }
// structuredClone of the common types.
export default function handler() {
  const a: any = { n: 1, d: new Date(0), m: new Map([[1, 'one']]), s: new Set(['x']), r: /ab+c/gi, u8: new Uint8Array([1, 2]) }
  a.self = a
  const b = structuredClone(a)
  let fn = ''
  try { structuredClone(() => 1) } catch (e: any) { fn = e.name }
  return Response.json({
    n: b.n, d: b.d.toISOString(), m: [...b.m], s: [...b.s], r: String(b.r), u8: Array.from(b.u8),
    cyclic: b.self === b, distinct: b !== a, fn,
  })
}
