export const config = { runtime: 'edge' }
// Timers and microtasks run in order.
export default async function handler() {
  const order: string[] = []
  setTimeout(() => order.push('timeout 10'), 10)
  setTimeout(() => order.push('timeout 0'), 0)
  queueMicrotask(() => order.push('microtask'))
  Promise.resolve().then(() => order.push('promise'))
  const id = setTimeout(() => order.push('cleared'), 5); clearTimeout(id)
  await new Promise((r) => setTimeout(r, 30))
  return Response.json({ order, idType: typeof id })
}
