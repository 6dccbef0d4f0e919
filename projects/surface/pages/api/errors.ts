export const config = { runtime: 'edge' }
// Errors: a thrown error is a 500; a non-Response is a 500.
export default function handler(req: Request) {
  const kind = new URL(req.url).searchParams.get('kind')
  if (kind === 'throw') throw new Error('boom')
  if (kind === 'number') return 42 as any
  if (kind === 'eval') return new Response(String(eval('1 + 1')))
  return new Response('fine')
}
