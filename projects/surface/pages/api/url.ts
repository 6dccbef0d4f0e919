export const config = { runtime: 'edge' }
// URL and URLSearchParams: parsing, setters, serialisation.
export default function handler(req: Request) {
  const u = new URL(req.url)
  const v = new URL('https://user:pw@EXAMPLE.com:443/a/../b/./c?x=1&y=2#frag')
  v.searchParams.append('z', 'a b&c')
  v.searchParams.delete('x')
  v.pathname = '/p q'
  const p = new URLSearchParams('a=1&b=%20two&a=3')
  p.sort()
  return Response.json({
    path: u.pathname,
    q: u.searchParams.get('q'),
    href: v.href,
    origin: v.origin,
    host: v.host,
    params: p.toString(),
    all: p.getAll('a'),
    relative: new URL('../x?y#z', 'http://h/a/b/c').href,
    idn: new URL('http://münchen.de/').hostname,
  })
}
