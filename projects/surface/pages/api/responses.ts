export const config = { runtime: 'edge' }
// Response constructors and their statuses and headers.
export default function handler(req: Request) {
  const kind = new URL(req.url).searchParams.get('kind')
  switch (kind) {
    case 'json': return Response.json({ ok: true }, { status: 201, headers: { 'x-kind': 'json' } })
    case 'redirect': return Response.redirect('https://example.com/next', 308)
    case 'null': return new Response(null, { status: 204 })
    case 'bytes': return new Response(new Uint8Array([104, 105]))
    case 'status': return new Response('teapot', { status: 418, statusText: 'I am a teapot' })
    case 'cookies': {
      const h = new Headers()
      h.append('set-cookie', 'a=1; Path=/')
      h.append('set-cookie', 'b=2; HttpOnly')
      return new Response('c', { headers: h })
    }
    default: return new Response('plain')
  }
}
