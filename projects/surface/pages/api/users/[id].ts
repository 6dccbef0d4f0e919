export const config = { runtime: 'edge' }
// A dynamic segment merged into req.url's query.
export default function handler(req: Request) {
  const u = new URL(req.url)
  return Response.json({ url: req.url.replace(/localhost:\d+/, 'localhost:PORT'), id: u.searchParams.getAll('id') })
}
