export const config = { runtime: 'edge' }
// Headers: case-insensitivity, combination, iteration order, set-cookie.
export default function handler(req: Request) {
  const h = new Headers({ 'X-B': '2', 'x-a': '1' })
  h.append('x-a', 'again')
  h.append('Set-Cookie', 'a=1')
  h.append('Set-Cookie', 'b=2')
  const out = {
    get: h.get('X-A'),
    has: h.has('x-b'),
    entries: [...h].map(([k, v]) => k + '=' + v),
    setCookie: (h as any).getSetCookie(),
    fromReq: req.headers.get('x-test'),
    accept: req.headers.get('accept'),
  }
  return new Response(JSON.stringify(out), { headers: { 'content-type': 'application/json', 'x-route': 'headers' } })
}
