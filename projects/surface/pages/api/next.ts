export const config = { runtime: 'edge' }
import { NextResponse, type NextRequest } from 'next/server'
// NextRequest (nextUrl, cookies) and NextResponse helpers.
export default function handler(req: NextRequest) {
  const kind = req.nextUrl.searchParams.get('kind')
  if (kind === 'redirect') return NextResponse.redirect(new URL('/api/url', req.url))
  if (kind === 'redirect301') return NextResponse.redirect(new URL('/api/url', req.url), 301)
  if (kind === 'rewrite') return NextResponse.rewrite(new URL('/api/url', req.url))
  if (kind === 'next') return NextResponse.next()
  const res = NextResponse.json({
    pathname: req.nextUrl.pathname,
    search: req.nextUrl.search,
    cookie: req.cookies.get('session')?.value ?? null,
    all: req.cookies.getAll().map((c) => c.name),
    has: req.cookies.has('theme'),
  })
  res.cookies.set('visited', 'yes', { path: '/', httpOnly: true, maxAge: 60 })
  res.cookies.set({ name: 'theme', value: 'dark', sameSite: 'strict' })
  return res
}
