// POST a body and get it back with what the route saw.
export const config = { runtime: 'edge' }

export default async function handler(req: Request) {
  if (req.method !== 'POST') {
    return new Response('POST a body to this route', { status: 405, headers: { allow: 'POST' } })
  }
  const body = await req.text()
  return Response.json({
    method: req.method,
    contentType: req.headers.get('content-type'),
    length: new TextEncoder().encode(body).length,
    body,
  })
}
