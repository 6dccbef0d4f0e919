// hono 4: a Hono app mounted in a pages/api edge route. Params (plain,
// regexp, optional, wildcard), JSON in and out, c.text/c.html/c.redirect,
// middleware order, built-in middleware (cors, basic auth, etag, secure
// headers), cookies, validation, notFound and onError.
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { basicAuth } from 'hono/basic-auth'
import { etag } from 'hono/etag'
import { secureHeaders } from 'hono/secure-headers'
import { getCookie, setCookie } from 'hono/cookie'
import { validator } from 'hono/validator'
import { HTTPException } from 'hono/http-exception'
import { streamText } from 'hono/streaming'

export const config = { runtime: 'edge' }

const app = new Hono().basePath('/api/hono')

app.use('*', async (c, next) => {
  const order: string[] = ['outer-in']
  c.set('order' as never, order as never)
  await next()
  order.push('outer-out')
  c.header('x-order', order.join(','))
})
app.use('/cors/*', cors({ origin: 'https://example.com', allowMethods: ['GET', 'POST'], maxAge: 600 }))
app.use('/secret/*', basicAuth({ username: 'ada', password: 'lovelace' }))
app.use('/etag/*', etag())
app.use('/secure/*', secureHeaders())

app.get('/', (c) => c.text('hono root'))
app.get('/users/:id', async (c, next) => {
  ;(c.get('order' as never) as string[]).push('handler')
  return c.json({ id: c.req.param('id'), q: c.req.query('q'), all: c.req.queries('tag'), ua: c.req.header('x-client') ?? null })
})
app.get('/posts/:postId/comments/:n{[0-9]+}', (c) => c.json(c.req.param()))
app.get('/files/*', (c) => c.text(`file ${c.req.path}`))
app.get('/opt/:a/:b?', (c) => c.json({ a: c.req.param('a'), b: c.req.param('b') ?? null }))
app.post(
  '/echo',
  validator('json', (value, c) => {
    if (typeof value.name !== 'string') return c.json({ error: 'name must be a string' }, 400)
    return value as { name: string; n?: number }
  }),
  async (c) => {
    const body = c.req.valid('json')
    return c.json({ hello: body.name, n: (body.n ?? 0) + 1, method: c.req.method }, 201)
  },
)
app.get('/html', (c) => c.html('<h1>hi</h1>'))
app.get('/go', (c) => c.redirect('/api/hono/users/1', 302))
app.get('/cookie', (c) => {
  const seen = getCookie(c, 'visit') ?? 'none'
  setCookie(c, 'visit', 'yes', { path: '/', httpOnly: true, maxAge: 60, sameSite: 'Lax' })
  return c.text(`seen ${seen}`)
})
app.get('/cors/data', (c) => c.json({ ok: true }))
app.get('/secret/data', (c) => c.text('the secret'))
app.get('/etag/data', (c) => c.text('etag body'))
app.get('/secure/data', (c) => c.text('secure'))
app.get('/boom', () => {
  throw new Error('kaboom')
})
app.get('/teapot', () => {
  throw new HTTPException(418, { message: 'short and stout' })
})
app.get('/stream', (c) =>
  streamText(c, async (s) => {
    for (let i = 1; i <= 3; i++) {
      await s.writeln(`line ${i}`)
      await s.sleep(20)
    }
  }),
)

app.notFound((c) => c.json({ error: 'not found', path: c.req.path }, 404))
app.onError((err, c) => {
  if (err instanceof HTTPException) return err.res ?? c.text(`http ${err.status}: ${err.message}`, err.status)
  return c.json({ error: err.message, name: err.name }, 500)
})

export default (req: Request) => app.fetch(req)
