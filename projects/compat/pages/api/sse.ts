// eventsource-parser 3: server-sent events parsed with its
// EventSourceParserStream behind a TextDecoderStream, re-encoded by a
// TransformStream as one JSON line per event, streamed back as they are
// parsed (the AI-SDK pattern). ?source=local parses a stream made here;
// ?source=fetch parses /api/sse-source fetched over HTTP. ?mode=parser runs
// createParser directly on the same text.
import { createParser, type EventSourceMessage } from 'eventsource-parser'
import { EventSourceParserStream } from 'eventsource-parser/stream'
import { sseStream, sseText } from '../../lib/sse'
import { run } from '../../lib/checks'

export const config = { runtime: 'edge' }

export default async (req: Request) => {
  const url = new URL(req.url)
  if (url.searchParams.get('mode') === 'parser') {
    return run({
      feed: () => {
        const seen: unknown[] = []
        const p = createParser({
          onEvent: (e) => seen.push({ ...e }),
          onRetry: (ms) => seen.push({ retry: ms }),
          onComment: (c) => seen.push({ comment: c }),
        })
        for (let i = 0; i < sseText.length; i += 7) p.feed(sseText.slice(i, i + 7))
        return seen
      },
    })
  }
  const source =
    url.searchParams.get('source') === 'fetch' ? (await fetch(new URL('/api/sse-source', req.url))).body! : sseStream(30, 400)
  const notes: unknown[] = []
  const encoder = new TextEncoder()
  const out = source
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(
      new EventSourceParserStream({
        onRetry: (ms) => notes.push({ retry: ms }),
        onComment: (c) => notes.push({ comment: c }),
      }),
    )
    .pipeThrough(
      new TransformStream<EventSourceMessage, Uint8Array>({
        transform(event, controller) {
          controller.enqueue(encoder.encode(JSON.stringify({ ...event, at: Date.now() }) + '\n'))
        },
        flush(controller) {
          controller.enqueue(encoder.encode(JSON.stringify({ notes }) + '\n'))
        },
      }),
    )
  return new Response(out, { headers: { 'content-type': 'application/x-ndjson' } })
}
