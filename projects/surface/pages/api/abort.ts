export const config = { runtime: 'edge' }
// AbortController and AbortSignal.
export default function handler() {
  const c = new AbortController()
  const events: string[] = []
  c.signal.addEventListener('abort', () => events.push('abort:' + c.signal.reason))
  c.abort('why')
  let thrown = ''
  try { c.signal.throwIfAborted() } catch (e: any) { thrown = String(e) }
  const d = new AbortController(); d.abort()
  return Response.json({ aborted: c.signal.aborted, events, thrown, defaultReason: (d.signal.reason as any).name })
}
