export const config = { runtime: 'edge' }
// Node.js APIs Next does not support in the Edge Runtime.
export default function handler() {
  const out: Record<string, string> = {}
  for (const name of ['setImmediate', 'clearImmediate', 'MessageChannel', 'BroadcastChannel']) {
    try { const v = (globalThis as any)[name]; out[name] = typeof v === 'function' ? (v(), 'ran') : typeof v } catch (e: any) { out[name] = e.message }
  }
  return Response.json(out)
}
