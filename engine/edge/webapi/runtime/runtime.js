// What the engine calls. Results go back through a Go callback
// done(kind, value) so that no promise machinery is needed on the Go side.

const RESULT_RESPONSE = 0, RESULT_THROWN = 1, RESULT_NOT_RESPONSE = 2;
const kFromGo = internals.kRequestFromGo;
const NextRequest = internals.NextRequest;
const NextFetchEvent = internals.NextFetchEvent;

function finish(r, done) {
  if (!internals.isResponse(r)) {
    done(RESULT_NOT_RESPONSE, new TypeError('Expected an instance of Response to be returned'));
    return;
  }
  let parts;
  try {
    parts = internals.responseParts(r);
  } catch (e) {
    done(RESULT_THROWN, e);
    return;
  }
  done(RESULT_RESPONSE, parts);
}

// dispatch(handler, page, method, url, headerList, body, bodyLength, done, background)
internals.dispatch = function dispatch(handler, page, method, url, headerList, body, bodyLength, done, background) {
  let result, event;
  try {
    const req = new NextRequest(kFromGo, [method, url, headerList, body, bodyLength]);
    event = new NextFetchEvent(req, page);
    result = handler(req, event);
  } catch (e) {
    followWaitUntil(event, background);
    done(RESULT_THROWN, e);
    return;
  }
  if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
    result.then(
      (r) => { followWaitUntil(event, background); finish(r, done); },
      (e) => { followWaitUntil(event, background); done(RESULT_THROWN, e); },
    );
  } else {
    followWaitUntil(event, background);
    finish(result, done);
  }
};

// followWaitUntil tells Go about the work the handler passed to
// event.waitUntil, before the response goes out: background(0) holds the
// isolate, background(1, failed, reason) releases it once every promise
// settled (reason: the first rejection). Promises added while waiting are
// waited for too.
function followWaitUntil(event, background) {
  if (event === undefined || typeof background !== 'function') return;
  const list = internals.waitUntilPromises(event);
  if (list.length === 0) return;
  background(0);
  let seen = 0;
  let failed = false;
  let reason;
  const next = () => {
    if (seen === list.length) {
      background(1, failed, reason);
      return;
    }
    const batch = list.slice(seen);
    seen = list.length;
    Promise.allSettled(batch).then((rs) => {
      for (let i = 0; i < rs.length; i++) {
        if (rs[i].status === 'rejected' && !failed) {
          failed = true;
          reason = rs[i].reason;
        }
      }
      next();
    });
  };
  next();
}

// Streamed response bodies: the server reads one chunk at a time.
// done(0, Uint8Array) for a chunk, done(1) at the end, done(2, error) when
// the stream errors or yields something that is not a Uint8Array.
internals.getReader = (stream) => stream.getReader();
internals.readChunk = function readChunk(reader, done) {
  reader.read().then(
    (r) => {
      if (r.done) done(1, null);
      else if (r.value instanceof Uint8Array) done(0, r.value);
      else {
        const e = new TypeError('Received non-Uint8Array chunk');
        reader.cancel(e).catch(() => {});
        done(2, e);
      }
    },
    (e) => done(2, e),
  );
};
internals.cancelReader = function cancelReader(reader, reason) {
  reader.cancel(reason).catch(() => {});
};

// The route's modules (edge.NewModuleScript): makeLoader returns load(id),
// which runs a module once per isolate and returns its exports. moduleFn(id)
// gives [the module's function, unwrap] and throws for an ID the route does
// not have. A module is in the cache before it runs, so that import cycles
// see its exports as they are so far, as CommonJS does.
internals.makeLoader = function makeLoader(moduleFn) {
  const cache = new Map();
  const unwrapped = new Set();
  const importers = new Map(); // id -> the ids of the modules that loaded it
  let current = null; // the module being evaluated
  function load(id) {
    if (current !== null) {
      let s = importers.get(id);
      if (s === undefined) importers.set(id, (s = new Set()));
      s.add(current);
    }
    let m = cache.get(id);
    if (m === undefined) {
      const def = moduleFn(id);
      m = { exports: {} };
      cache.set(id, m);
      if (def[1]) unwrapped.add(id);
      const outer = current;
      current = id;
      try {
        def[0].call(m.exports, m.exports, require, m);
      } finally {
        current = outer;
      }
    }
    return unwrapped.has(id) ? m.exports.default : m.exports;
  }
  function require(id) {
    return load(String(id));
  }
  // invalidate(ids) forgets the instances of ids and of every module that
  // loaded one of them, so that the next load evaluates them again (a
  // rebuild changed them); the other modules keep their instances.
  load.invalidate = function invalidate(ids) {
    const queue = Array.from(ids);
    while (queue.length > 0) {
      const id = queue.pop();
      if (!cache.has(id)) continue;
      cache.delete(id);
      unwrapped.delete(id);
      const by = importers.get(id);
      importers.delete(id);
      if (by !== undefined) by.forEach((p) => queue.push(p));
    }
  };
  return load;
};

// The route module: esbuild's IIFE assigns the module's exports to a global.
internals.takeRouteExports = function takeRouteExports(name) {
  const mod = global[name];
  global[name] = undefined; // a var binding: not deletable, but cleared
  return mod;
};
