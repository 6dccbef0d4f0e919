// Helpers shared by the subtle test files (prepended by crypto_test.go).
const enc = new TextEncoder();
const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (s) => {
  s = s.replace(/\s+/g, '');
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.substr(i * 2, 2), 16);
  return out;
};
const b64url = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const subtle = crypto.subtle;
// rejectsWith asserts that p rejects with a DOMException (or TypeError) of
// the given name.
async function rejectsWith(p, name, what) {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (name === 'TypeError') {
      assert(e instanceof TypeError, (what || '') + ': want TypeError, got ' + e.name + ': ' + e.message);
    } else {
      assert(e instanceof DOMException, (what || '') + ': want DOMException ' + name + ', got ' + (e && e.name) + ': ' + (e && e.message));
      assertEquals(e.name, name, (what || '') + ' (' + e.message + ')');
    }
    return e;
  }
  throw new Error((what || '') + ': expected a rejection with ' + name);
}
const sortedKeys = (o) => Object.keys(o).sort();
