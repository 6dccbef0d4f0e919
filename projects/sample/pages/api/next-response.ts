// NextResponse and NextRequest from next/server (edgeplay's shim: the project
// needs no node_modules/next). ?to=… redirects; otherwise JSON with a cookie.
import { NextRequest, NextResponse, userAgent } from 'next/server'

export const config = { runtime: 'edge' }

export default function handler(req: NextRequest) {
  const to = req.nextUrl.searchParams.get('to')
  if (to) return NextResponse.redirect(new URL(to, req.url))
  const visits = Number(req.cookies.get('visits')?.value ?? 0) + 1
  const res = NextResponse.json({ visits, browser: userAgent(req).browser.name ?? 'unknown', path: req.nextUrl.pathname })
  res.cookies.set('visits', String(visits), { httpOnly: true, sameSite: 'lax' })
  return res
}
