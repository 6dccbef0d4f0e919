export const config = { runtime: 'edge' }
// A catch-all: repeated keys, decoded.
export default function handler(req: Request) {
  return Response.json({ path: new URL(req.url).searchParams.getAll('path') })
}
