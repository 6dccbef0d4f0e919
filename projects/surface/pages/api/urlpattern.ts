export const config = { runtime: 'edge' }
// URLPattern.
export default function handler() {
  const p = new URLPattern({ pathname: '/books/:id(\\d+)' })
  const q = new URLPattern('https://example.com/:lang/*')
  return Response.json({
    test: p.test('https://x.com/books/42'), no: p.test('https://x.com/books/abc'),
    exec: p.exec('https://x.com/books/42')?.pathname.groups,
    wild: q.exec('https://example.com/en/a/b')?.pathname.groups,
    pathname: p.pathname, protocol: q.protocol,
  })
}
