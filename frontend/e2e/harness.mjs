// Browser-test harness: a real `edgeplay serve --ui` on a copy of the
// sample project, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
export const artifacts = join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

/** A free loopback port. */
export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/**
 * Copies projects/sample to a temp folder (or lets make(dir) write a
 * project there and return its path) and starts edgeplay on it.
 * Resolves once both the UI line and the ready line are printed.
 */
export async function startEdgeplay({ make, timeout = 30000 } = {}) {
  const bin = resolve(process.env.EDGEPLAY_BIN || join(repo, 'bin', 'edgeplay-headless'));
  const dir = mkdtempSync(join(tmpdir(), 'edgeplay-e2e-'));
  let project;
  if (make) project = make(dir);
  else {
    project = join(dir, 'sample');
    cpSync(join(repo, 'projects', 'sample'), project, { recursive: true });
  }
  const port = await freePort();
  const home = join(dir, 'home');
  mkdirSync(home);
  const proc = spawn(bin, ['serve', project, '--ui', '--port', String(port)], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const lines = [];
  proc.stdout.on('data', (b) => {
    out += b;
    lines.push(...String(b).split('\n'));
  });
  proc.stderr.on('data', (b) => (out += b));
  const { ui, api } = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`edgeplay did not start within ${timeout / 1000} s:\n` + out)), timeout);
    proc.on('exit', (code) => rej(new Error(`edgeplay exited (${code}):\n${out}`)));
    const poll = setInterval(() => {
      const u = /ui on (http:\/\/\S+)/.exec(out);
      const r = /ready on (http:\/\/\S+)/.exec(out);
      if (u && r) {
        clearInterval(poll);
        clearTimeout(timer);
        res({ ui: u[1], api: r[1] });
      }
    }, 20);
  });
  return {
    ui,
    api,
    project,
    log: () => out,
    stop() {
      proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return browser;
}

export function shot(page, name) {
  return page.screenshot({ path: join(artifacts, name + '.png'), fullPage: false });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value or the time is up. */
export async function until(fn, what, ms = 10000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}
