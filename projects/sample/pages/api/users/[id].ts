// A dynamic route: /api/users/42?x=1 reaches the handler as
// http://localhost:3000/api/users/42?x=1&id=42, as in next dev.
import type { NextRequest } from 'next/server'
import { greet } from '@/lib/greeting'

export const config = { runtime: 'edge' }

export default function handler(req: NextRequest) {
  const id = req.nextUrl.searchParams.get('id')
  return Response.json({ id, url: req.url, greeting: greet(`user ${id}`) })
}
