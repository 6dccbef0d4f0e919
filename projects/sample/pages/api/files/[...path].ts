// A catch-all route: /api/files/a/b%20c gives path=a&path=b%20c.
export const config = { runtime: 'edge' }

export default function handler(req: Request) {
  const path = new URL(req.url).searchParams.getAll('path')
  return Response.json({ path, file: path.join('/') })
}
