export const config = { runtime: 'edge' }
// The request as the route sees it: method, url, body.
export default async function handler(req: Request) {
  const body = req.method === 'GET' ? null : await req.text()
  return Response.json({ method: req.method, url: req.url, contentType: req.headers.get('content-type'), body })
}
