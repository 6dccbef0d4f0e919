export const config = { runtime: 'edge' }
// fetch() to another route of the same app, streamed body, relative URL error.
export default async function handler(req: Request) {
  const origin = new URL(req.url).origin
  if (new URL(req.url).searchParams.has('relative')) {
    try { await fetch('/api/headers'); return new Response('fetched?') } catch (e: any) { return new Response(e.name + ': ' + e.message) }
  }
  const res = await fetch(origin + '/api/headers', { headers: { 'x-test': 'from fetch' } })
  const body = await res.json()
  const s = await fetch(origin + '/api/stream')
  return Response.json({ status: res.status, type: res.headers.get('content-type'), fromReq: body.fromReq, stream: await s.text() })
}
