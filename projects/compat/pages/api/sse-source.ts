// An upstream that streams server-sent events, as an LLM API does;
// /api/sse?source=fetch reads it over HTTP.
import { sseStream } from '../../lib/sse'

export const config = { runtime: 'edge' }

export default () =>
  new Response(sseStream(30, 400), { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' } })
