// WebSocket client: https://websockets.spec.whatwg.org/
// Against a real server on loopback (websocket_test.go): wsBase, httpBase.

// events(ws) resolves with every event the socket fires, in order, once it
// closes: [type, detail] pairs.
function events(ws, onOpen) {
  return new Promise((resolve) => {
    const seen = [];
    ws.addEventListener('open', () => { seen.push(['open', ws.readyState]); if (onOpen) onOpen(ws); });
    ws.addEventListener('message', (e) => {
      const d = e.data;
      seen.push(['message', typeof d === 'string' ? d : d instanceof ArrayBuffer ? 'ArrayBuffer:' + d.byteLength : (d instanceof Blob ? 'Blob:' + d.size : String(d))]);
    });
    ws.addEventListener('error', (e) => seen.push(['error', e.type]));
    ws.addEventListener('close', (e) => {
      seen.push(['close', e.code, e.reason, e.wasClean, ws.readyState]);
      resolve(seen);
    });
  });
}

test('constants and shape', () => {
  assertEquals([WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED], [0, 1, 2, 3]);
  assertEquals(WebSocket.prototype.OPEN, 1);
  assertEquals(Object.prototype.toString.call(WebSocket.prototype), '[object WebSocket]');
  assert(WebSocket.prototype instanceof EventTarget, 'a WebSocket is an EventTarget');
  assertThrows(() => new WebSocket(), TypeError, '1 argument required');
});

test('URL and protocol checks throw SyntaxError', () => {
  const syntax = (fn, part) => {
    try { fn(); } catch (e) {
      assert(e instanceof DOMException && e.name === 'SyntaxError', 'a SyntaxError DOMException, got ' + e);
      assert(e.message.includes(part), `message ${e.message} lacks ${part}`);
      return;
    }
    throw new Error('did not throw');
  };
  syntax(() => new WebSocket('/api/socket'), "The URL '/api/socket' is invalid");
  syntax(() => new WebSocket('ftp://example.com/'), "scheme must be either 'http', 'https', 'ws', or 'wss'. 'ftp:' is not allowed");
  syntax(() => new WebSocket(wsBase + '/echo#frag'), "fragment identifier ('#frag')");
  syntax(() => new WebSocket(wsBase + '/echo', 'not a token'), "subprotocol 'not a token' is invalid");
  syntax(() => new WebSocket(wsBase + '/echo', ['a', 'a']), "subprotocol 'a' is duplicated");
});

test('http URLs become ws, https become wss', async () => {
  const ws = new WebSocket(httpBase + '/echo');
  assertEquals(ws.url, wsBase + '/echo');
  assertEquals(ws.readyState, WebSocket.CONNECTING);
  const all = events(ws, (w) => w.close());
  assertEquals((await all)[0], ['open', WebSocket.OPEN]);
});

test('send while connecting is an InvalidStateError', async () => {
  const ws = new WebSocket(wsBase + '/echo');
  try { ws.send('x'); throw new Error('did not throw'); } catch (e) {
    assertEquals(e.name, 'InvalidStateError');
    assert(e.message.includes('Still in CONNECTING state'), e.message);
  }
  ws.close();
  const all = await events(ws);
  assertEquals(all[all.length - 1][0], 'close');
});

test('echo: text, ArrayBuffer, typed array, Blob; bufferedAmount drains', async () => {
  const ws = new WebSocket(wsBase + '/echo');
  ws.binaryType = 'arraybuffer';
  ws.binaryType = 'nonsense'; // an enum attribute ignores other values
  assertEquals(ws.binaryType, 'arraybuffer');
  let buffered;
  const got = [];
  const all = events(ws, (w) => {
    w.send('héllo');
    w.send(new Uint8Array([1, 2, 3]).buffer);
    w.send(new Uint16Array([1, 2]));
    w.send(new Blob(['blob!']));
    buffered = w.bufferedAmount;
  });
  ws.onmessage = (e) => { got.push(e.data); if (got.length === 4) ws.close(1000, 'done'); };
  const seen = await all;
  assertEquals(buffered, 6 + 3 + 4 + 5, 'bufferedAmount counts the UTF-8 bytes queued');
  assertEquals(ws.bufferedAmount, 0);
  assertEquals(seen, [
    ['open', 1],
    ['message', 'héllo'],
    ['message', 'ArrayBuffer:3'],
    ['message', 'ArrayBuffer:4'],
    ['message', 'ArrayBuffer:5'],
    ['close', 1000, 'done', true, 3],
  ]);
  assertEquals(Array.from(new Uint8Array(got[1])), [1, 2, 3]);
  assertEquals(new TextDecoder().decode(got[3]), 'blob!');
});

test('binary messages are Blobs by default', async () => {
  const ws = new WebSocket(wsBase + '/big');
  let data;
  ws.onmessage = (e) => { data = e.data; };
  const seen = await events(ws);
  assert(data instanceof Blob, 'a Blob');
  assertEquals(data.size, 100 << 10);
  const bytes = new Uint8Array(await data.arrayBuffer());
  assertEquals([bytes[0], bytes[255], bytes[256]], [0, 255, 0]);
  assertEquals(seen[seen.length - 1], ['close', 1000, '', true, 3]);
});

test('subprotocols are negotiated; the server closes with its code and reason', async () => {
  // The server picks by its own preference (superchat first).
  const ws = new WebSocket(wsBase + '/proto', ['chat', 'superchat']);
  const seen = await events(ws);
  assertEquals(seen, [
    ['open', 1],
    ['message', 'protocol=superchat ua=Next.js Middleware'],
    ['close', 4000, 'bye', true, 3],
  ]);
  assertEquals(ws.protocol, 'superchat');
  assertEquals(ws.extensions, '');
});

test('a refused handshake fires error, then close 1006', async () => {
  const ws = new WebSocket(wsBase + '/reject');
  const seen = await events(ws);
  assertEquals(seen, [['error', 'error'], ['close', 1006, '', false, 3]]);
});

test('close() while connecting fails the connection', async () => {
  const ws = new WebSocket(wsBase + '/echo');
  ws.close();
  assertEquals(ws.readyState, WebSocket.CLOSING);
  const seen = await events(ws);
  assertEquals(seen, [['error', 'error'], ['close', 1006, '', false, 3]]);
});

test('close() checks its code and reason', async () => {
  const ws = new WebSocket(wsBase + '/echo');
  await new Promise((r) => { ws.onopen = r; });
  for (const code of [999, 1001, 2999, 5000]) {
    try { ws.close(code); throw new Error('did not throw for ' + code); } catch (e) {
      assertEquals(e.name, 'InvalidAccessError');
      assert(e.message.includes(`${code} is neither`), e.message);
    }
  }
  try { ws.close(1000, 'x'.repeat(124)); throw new Error('did not throw'); } catch (e) {
    assertEquals(e.name, 'SyntaxError');
    assert(e.message.includes('123 UTF-8 bytes'), e.message);
  }
  const all = events(ws);
  ws.close(3001, 'custom');
  ws.close(); // closing already: nothing
  assertEquals(ws.readyState, WebSocket.CLOSING);
  ws.send('ignored'); // closing: not sent, but counted
  assertEquals(ws.bufferedAmount, 7);
  const seen = await all;
  assertEquals(seen[seen.length - 1], ['close', 3001, 'custom', true, 3]);
});

test('event handler attributes', async () => {
  const ws = new WebSocket(wsBase + '/proto', 'superchat');
  const order = [];
  ws.onopen = (e) => order.push('open:' + (e instanceof Event));
  ws.onmessage = (e) => order.push('message:' + e.data.split(' ')[0] + ':' + e.origin);
  await new Promise((r) => { ws.onclose = (e) => { order.push('close:' + e.code); r(); }; });
  assertEquals(order, ['open:true', 'message:protocol=superchat:' + httpBase, 'close:4000']);
});
