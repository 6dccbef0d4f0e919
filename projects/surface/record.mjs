// Records what `next dev` answers for requests.json into recorded.json:
// status, the headers that matter, and the body. engine/surface_test.go
// replays the same requests against edgeplay and compares.
//
//   node projects/surface/record.mjs                 # installs next into a temp copy (npm)
//   NEXT_MODULES=path/to/node_modules node projects/surface/record.mjs   # reuse an install
//
// next 16.4.6 with react 19 and typescript 5 (7.x has no JS API next can
// load); node_modules must be a real folder in the project (Turbopack
// rejects a symlinked one), so the project is copied to a temp folder.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const requests = JSON.parse(readFileSync(join(here, 'requests.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'edgeplay-surface-'));
cpSync(here, dir, { recursive: true, filter: (p) => !p.includes('node_modules') && !p.endsWith('recorded.json') });
if (process.env.NEXT_MODULES) {
  cpSync(process.env.NEXT_MODULES, join(dir, 'node_modules'), { recursive: true });
} else {
  execFileSync('npm', ['install', '--no-audit', '--no-fund', 'next@16.4.6', 'react@19', 'react-dom@19', 'typescript@5', '@types/react@19', '@types/node@20'], { cwd: dir, stdio: 'inherit' });
}
const port = await new Promise((res) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const next = spawn('node', [join(dir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'dev', '-p', String(port), '-H', '127.0.0.1'], {
  cwd: dir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
});
let log = '';
next.stdout.on('data', (b) => (log += b));
next.stderr.on('data', (b) => (log += b));
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('next dev did not start:\n' + log);
    if (/Ready in|✓ Ready/.test(log)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const out = [];
  for (const r of requests) {
    out.push({ name: r.name, ...(await ask(base, r)) });
    process.stderr.write(`recorded ${r.name}: ${out.at(-1).status}\n`);
  }
  writeFileSync(join(here, 'recorded.json'), JSON.stringify({ next: '16.4.6', recorded: out }, null, 2) + '\n');
} finally {
  const exited = new Promise((r) => next.once('exit', r));
  try { process.kill(-next.pid, 'SIGTERM'); } catch {}
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

// The headers a route sets and clients rely on; the dev server's own
// (date, connection, vary, keep-alive, x-powered-by, etag, …) are left out.
export function keptHeaders(headers) {
  const out = {};
  for (const [k, v] of headers) {
    if (k === 'set-cookie') continue;
    if (['content-type', 'location', 'cache-control'].includes(k) || (k.startsWith('x-') && k !== 'x-powered-by')) out[k] = v;
  }
  const cookies = headers.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies;
  return out;
}

// Answers are made comparable across runs: the server's port becomes PORT
// and cookie expiry dates (now + Max-Age) become a placeholder. The Go
// replay applies the same rules (engine/surface_test.go normalize).
function normalize(s, port) {
  return s.replaceAll(`:${port}`, ':PORT').replace(/Expires=[^;]+/g, 'Expires=<date>');
}

async function ask(base, r) {
  const port = new URL(base).port;
  const res = await fetch(base + r.path, { method: r.method, headers: r.headers ?? {}, body: r.body, redirect: 'manual' });
  const text = await res.text();
  const headers = JSON.parse(normalize(JSON.stringify(keptHeaders(res.headers)), port));
  const html = res.headers.get('content-type')?.includes('text/html');
  return { status: res.status, headers, body: html ? null : normalize(text, port) };
}
