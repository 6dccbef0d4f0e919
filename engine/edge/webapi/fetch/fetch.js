// [fetch]: https://fetch.spec.whatwg.org/#fetch-method
// The network part runs in Go (client.go). Here: the request is built and
// checked, its body handed to Go (bytes at once, a stream chunk by chunk
// with backpressure), the AbortSignal wired to the Go call, and the
// Response made with a body stream that pulls chunks from Go.

const relativeURLRe = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

// networkError turns a native rejection [kind, message, code] into the
// exception undici throws: TypeError("fetch failed") whose cause names the
// Go error (with Node's code when there is one).
function networkError(e) {
  if (!Array.isArray(e)) return e;
  const cause = new Error(e[1]);
  if (e[2]) cause.code = e[2];
  if (e[0] === 'terminated') return new TypeError('terminated', { cause });
  if (e[0] === 'write') return new TypeError('fetch failed: the request body could not be sent', { cause });
  return new TypeError('fetch failed', { cause });
}

function schemeError(url) {
  const scheme = url.slice(0, url.indexOf(':') + 1);
  return new TypeError('fetch failed', { cause: new Error(`URL scheme "${scheme.slice(0, -1)}" is not supported.`) });
}

// pumpBody writes a request body stream to Go, one chunk at a time, each
// after Go took the previous one.
async function pumpBody(handle, stream) {
  let reader;
  try {
    reader = stream.getReader();
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      if (!(r.value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
      await native.bodyWrite(handle, r.value);
    }
    native.bodyClose(handle, null);
  } catch (e) {
    native.bodyClose(handle, String(e && e.message !== undefined ? e.message : e));
    if (reader) reader.cancel(e).catch(() => {});
  }
}

// responseBody is the body stream of a fetched response: each pull reads
// the next chunk the network delivered. abort(reason) errors it.
function responseBody(handle, state) {
  let controller;
  const stream = new internals.ReadableStream({
    type: 'bytes',
    start(c) { controller = c; },
    async pull(c) {
      let chunk;
      try {
        chunk = await native.read(handle);
      } catch (e) {
        if (state.aborted) return; // already errored with the abort reason
        throw networkError(e);
      }
      if (state.aborted) return;
      if (chunk === null) {
        state.done = true;
        state.unlink();
        c.close();
        const req = c.byobRequest;
        if (req) req.respond(0);
      } else {
        c.enqueue(chunk);
      }
    },
    cancel() {
      state.done = true;
      state.unlink();
      native.abort(handle);
    },
  });
  state.error = (reason) => {
    try { controller.error(reason); } catch (e) { /* already closed or errored */ }
  };
  return stream;
}

function fetch(input, init = undefined) {
  return new Promise((resolve, reject) => {
    // Relative URLs have no base in the edge runtime: Next's message.
    if (!internals.isRequest(input)) {
      const url = typeof input === 'string' ? input : internals.toUSVString(input);
      if (!relativeURLRe.test(url.trim())) {
        throw new TypeError(`URL is malformed "${url}". Please use only absolute URLs - https://nextjs.org/docs/messages/middleware-relative-urls`);
      }
    }
    // 1–2. requestObject is new Request(input, init); its errors reject.
    const request = new internals.Request(input, init);
    const p = internals.Request.fetchParts(request);
    const method = p[0], url = p[1], headerList = p[2].slice(), body = p[3], redirect = p[4], signal = p[5];
    // 3. An aborted signal rejects with its reason before anything is sent.
    if (signal !== null && signal.aborted) {
      reject(signal.reason);
      return;
    }
    if (request.integrity !== '') {
      reject(new DOMException('fetch: subresource integrity (init.integrity) is not supported by edgeplay yet', 'NotSupportedError'));
      return;
    }
    if (!url.startsWith('http:') && !url.startsWith('https:') && !url.startsWith('data:')) {
      reject(schemeError(url));
      return;
    }
    // Next's edge sandbox names itself when the route does not.
    if (internals.headerGet(headerList, 'user-agent') === null) headerList.push('user-agent', 'Next.js Middleware');
    // undici's defaults for the rest.
    if (internals.headerGet(headerList, 'accept') === null) headerList.push('accept', '*/*');
    if (internals.headerGet(headerList, 'accept-language') === null) headerList.push('accept-language', '*');
    if (internals.headerGet(headerList, 'sec-fetch-mode') === null) headerList.push('sec-fetch-mode', 'cors');

    let goBody = null, goLength = undefined, stream = null;
    switch (body.stream !== null ? KIND_STREAM : body.kind) {
      case KIND_NONE: break;
      case KIND_STRING: goBody = internals.utf8Encode(body.value); break;
      case KIND_BYTES: goBody = body.value; break;
      case KIND_NATIVE: goBody = body.value; goLength = body.length; break;
      case KIND_STREAM: stream = body.stream; goBody = true; break;
    }
    const started = native.fetch(method, url, headerList, goBody, redirect, goLength);
    const handle = started[0];
    const state = { aborted: false, done: false, error: null, unlink: () => {} };
    if (signal !== null) {
      // [abort fetch]: reject with the reason (or error the body stream
      // once the response is out), and stop the Go request.
      state.unlink = internals.addAbortAlgorithm(signal, () => {
        if (state.done) return;
        state.aborted = true;
        native.abort(handle);
        reject(signal.reason);
        if (state.error !== null) state.error(signal.reason);
      });
    }
    if (stream !== null) pumpBody(handle, stream);
    started[1].then((head) => {
      if (state.aborted) return;
      const final = head[3] === '' ? stripFragment(url) : internals.parseURL(head[3]);
      const bodyStream = head[4] ? responseBody(handle, state) : null;
      if (bodyStream === null) {
        state.done = true;
        state.unlink();
      }
      resolve(internals.responseFromNetwork([head[0], head[1], head[2], final, head[3] !== ''], bodyStream));
    }, (e) => {
      state.done = true;
      state.unlink();
      if (!state.aborted) reject(networkError(e));
    });
  });
}

function stripFragment(url) {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

internals.defineGlobal('fetch', fetch);
internals.fetch = fetch;
