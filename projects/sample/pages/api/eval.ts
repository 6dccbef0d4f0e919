// Dynamic code evaluation is not allowed in the Edge Runtime.
export const config = { runtime: 'edge' }

export default function handler(req: Request) {
  const expr = new URL(req.url).searchParams.get('expr') ?? '1 + 1'
  return new Response(String(eval(expr)))
}
