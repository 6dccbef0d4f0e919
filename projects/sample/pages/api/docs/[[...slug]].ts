// An optional catch-all: /api/docs matches too, with no slug.
export const config = { runtime: 'edge' }

export default function handler(req: Request) {
  const slug = new URL(req.url).searchParams.getAll('slug')
  return Response.json({ slug, page: slug.length ? slug.join(' / ') : 'index' })
}
