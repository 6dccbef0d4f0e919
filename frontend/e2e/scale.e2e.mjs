// The Routes and Bundles views at scale: a generated project of 300 edge
// routes (pages/api/gen/gN/rM.ts, no npm dependencies; g0/r0 also imports
// 400 small local modules so one bundle has hundreds of inputs), served by
// a real `edgeplay serve --ui`, in Debian's Chromium. Checks that only the
// rows in view are in the DOM, that search filters and scrolling reveals
// later rows, and prints how long typing takes to reach the screen.
// Screenshots: e2e/artifacts/scale-*.png.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, shot, startEdgeplay, until } from './harness.mjs';

const GROUPS = 10;
const PER_GROUP = 30;
const TOTAL = GROUPS * PER_GROUP;
const MODULES = 400;

function makeProject(root) {
  const dir = join(root, 'scale');
  mkdirSync(join(dir, 'lib', 'mods'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'edgeplay-scale', private: true }, null, 2) + '\n');
  for (let g = 0; g < GROUPS; g++) {
    mkdirSync(join(dir, 'pages', 'api', 'gen', `g${g}`), { recursive: true });
    for (let r = 0; r < PER_GROUP; r++) {
      let src = "export const config = { runtime: 'edge' }\nexport default () => new Response('ok')\n";
      if (g === 0 && r === 0) {
        src =
          "import { total } from '../../../../lib/mods'\n" +
          "export const config = { runtime: 'edge' }\n" +
          "export default () => new Response('ok', { headers: { 'x-modules': String(total) } })\n";
      }
      writeFileSync(join(dir, 'pages', 'api', 'gen', `g${g}`, `r${r}.ts`), src);
    }
  }
  let index = '';
  for (let i = 0; i < MODULES; i++) {
    writeFileSync(join(dir, 'lib', 'mods', `m${i}.ts`), `export const m${i} = ${JSON.stringify('module ' + i + ' ')}.repeat(${1 + (i % 7)})\n`);
    index += `import { m${i} } from './m${i}'\n`;
  }
  index += `export const total = [${Array.from({ length: MODULES }, (_, i) => `m${i}`).join(', ')}].join('').length\n`;
  writeFileSync(join(dir, 'lib', 'mods', 'index.ts'), index);
  return dir;
}

const tid = (id) => `[data-testid="${id}"]`;
let ep, browser, page;
let order = []; // the routes' patterns in the engine's match order

before(async () => {
  ep = await startEdgeplay({ make: makeProject, timeout: 120000 });
  browser = await launch();
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(ep.ui + '#routes');
});

after(async () => {
  await browser?.close();
  ep?.stop();
});

/** Rows of a kind in the DOM: their count and data-pattern (or data-path) values. */
const rows = (id) =>
  page.evaluate((id) => [...document.querySelectorAll(`[data-testid="${id}"]`)].map((r) => r.dataset.pattern ?? r.dataset.path), id);

/**
 * Types text into the focused box and measures, in the page, from the last
 * keystroke to the first DOM state where done() holds, and to the frame
 * after it (painted). done is a function body over document.
 */
async function typeAndMeasure(text, done) {
  await page.evaluate((done) => {
    const check = new Function('document', done);
    window.__typed = { lastKey: 0, dom: 0, frame: 0 };
    window.addEventListener('keydown', () => (window.__typed.lastKey = performance.now()), { capture: true });
    const mo = new MutationObserver(() => {
      const t = window.__typed;
      if (t.dom || !t.lastKey || !check(document)) return;
      t.dom = performance.now();
      requestAnimationFrame(() => (t.frame = performance.now()));
      mo.disconnect();
    });
    mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  }, done);
  await page.keyboard.type(text);
  const t = await until(() => page.evaluate(() => window.__typed.frame && window.__typed), `"${text}" to filter the rows`, 10000);
  return { dom: t.dom - t.lastKey, frame: t.frame - t.lastKey };
}

describe('300 routes', { concurrency: false }, () => {
  test('the Routes view lists 300 routes and renders only the visible rows', async () => {
    const count = page.locator(tid('routes-count'));
    await until(async () => (await count.getAttribute('data-total')) === String(TOTAL), `${TOTAL} routes listed`, 60000);
    assert.equal(await count.innerText(), `${TOTAL} routes`);
    // Every route built (the status bar says so once none is building).
    await until(async () => !/building|not built/.test(await page.locator(tid('status-build')).innerText()), 'all routes built', 120000);
    order = await page.evaluate(async () =>
      (await (await fetch('/rpc/Routes', { method: 'POST', headers: { 'X-Edgeplay-Token': sessionStorage.getItem('edgeplay.token') }, body: '[]' })).json()).map((r) => r.pattern),
    );
    assert.equal(order.length, TOTAL);
    const inDom = await rows('route-row');
    console.log(`# routes view: ${TOTAL} routes, ${inDom.length} rows in the DOM`);
    assert.ok(inDom.length > 10, `rows rendered: ${inDom.length}`);
    assert.ok(inDom.length < 80, `virtualised: ${inDom.length} of ${TOTAL} rows in the DOM`);
    assert.deepEqual(inDom, order.slice(0, inDom.length), 'the first rows, in match order');
    // The rows are in match order and keyed by file: no two alike.
    assert.equal(new Set(inDom).size, inDom.length);
    await shot(page, 'scale-routes');
  });

  test('scrolling reveals later rows', async () => {
    await page.evaluate(() => {
      const list = document.querySelector('[data-testid="routes-list"]');
      list.scrollTop = list.scrollHeight;
    });
    const last = order.at(-1);
    await until(async () => (await rows('route-row')).includes(last), `the last route (${last}) rendered`);
    const inDom = await rows('route-row');
    assert.ok(!inDom.includes(order[0]), 'the first row left the DOM');
    assert.ok(inDom.length < 80, `still virtualised: ${inDom.length}`);
    assert.deepEqual(inDom, order.slice(TOTAL - inDom.length), 'the last rows, in match order');
    // The last row is really on screen, not just in the DOM.
    const box = await page.locator(`${tid('route-row')}[data-pattern="${last}"]`).boundingBox();
    assert.ok(box && box.y + box.height <= 900 && box.y > 0, `last row on screen: ${JSON.stringify(box)}`);
    await shot(page, 'scale-routes-scrolled');
  });

  test('"/" focuses the search, typing filters, Escape clears', async () => {
    await page.locator('body').click({ position: { x: 5, y: 890 } }); // focus nowhere in particular
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'routes-search');
    const want = order.filter((p) => p.includes('g3/r1'));
    assert.equal(want.length, 11); // r1, r10–r19
    const t = await typeAndMeasure(
      'g3/r1',
      `const r = [...document.querySelectorAll('[data-testid="route-row"]')].map((x) => x.dataset.pattern);
       return r.length === ${want.length} && r.every((p) => p.startsWith('/api/gen/g3/r1'));`,
    );
    console.log(`# routes search: last keystroke to filtered rows in the DOM ${t.dom.toFixed(1)} ms, painted by ${t.frame.toFixed(1)} ms`);
    assert.ok(t.frame < 2000, `filtering took ${t.frame} ms`);
    assert.deepEqual(await rows('route-row'), want);
    assert.equal(await page.locator(tid('routes-count')).innerText(), `${want.length} of ${TOTAL} routes`);
    // Matches are marked in the rows.
    assert.equal(await page.locator(`${tid('route-row')}[data-pattern="/api/gen/g3/r12"] mark`).first().innerText(), 'g3/r1');
    // Arrows move the selection from the search box; Enter opens the composer on it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await until(async () => (await page.locator(`${tid('route-row')}[aria-selected="true"]`).getAttribute('data-pattern')) === want[1], `${want[1]} selected`);
    await shot(page, 'scale-routes-search');
    // Case-insensitive, file paths too.
    await page.fill(tid('routes-search'), 'PAGES/API/GEN/G7/R29.TS');
    await until(async () => (await rows('route-row')).join() === '/api/gen/g7/r29', 'a search by file');
    await page.fill(tid('routes-search'), 'no such route');
    await until(async () => (await page.locator(tid('routes-count')).innerText()) === `0 of ${TOTAL} routes`, 'no match');
    assert.ok(await page.getByText('No route matches the search').isVisible(), 'says that nothing matches');
    await shot(page, 'scale-routes-nomatch');
    await page.keyboard.press('Escape');
    await until(async () => (await page.locator(tid('routes-count')).innerText()) === `${TOTAL} routes`, 'Escape cleared the search');
    assert.equal(await page.inputValue(tid('routes-search')), '');
    // Ctrl+F focuses it too (and not the browser's find bar).
    await page.locator(tid('routes-list')).click({ position: { x: 600, y: 10 } });
    await page.keyboard.press('Control+f');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'routes-search');
  });

  test('keyboard: End selects and reveals the last route, Enter composes', async () => {
    await page.keyboard.press('Escape'); // leave the empty search box for the list
    const selected = () => page.locator(`${tid('route-row')}[aria-selected="true"]`).getAttribute('data-pattern', { timeout: 1000 }).catch(() => null);
    await page.keyboard.press('End');
    await until(async () => (await selected()) === order.at(-1), `the last route (${order.at(-1)}) selected`);
    await page.keyboard.press('PageUp');
    const sel = await until(async () => { const p = await selected(); return p !== order.at(-1) && p; }, 'PageUp to move the selection');
    const rowsPerPage = TOTAL - 1 - order.indexOf(sel);
    assert.ok(rowsPerPage > 10 && rowsPerPage < 40, `PageUp moved ${rowsPerPage} rows`);
    const box = await page.locator(`${tid('route-row')}[data-pattern="${sel}"]`).boundingBox();
    assert.ok(box && box.y > 60 && box.y + box.height <= 900, `the selection stays on screen: ${JSON.stringify(box)}`);
    await page.keyboard.press('Enter');
    await until(async () => (await page.inputValue(tid('composer-url'))) === sel, `the composer on ${sel}`);
    await page.click(tid('nav-routes'));
  });

  test('the Bundles view: 300 routes to pick from, searchable and virtualised', async () => {
    await page.click(tid('nav-bundles'));
    const count = page.locator(tid('bundles-count'));
    await until(async () => (await count.innerText()) === `${TOTAL} routes`, `${TOTAL} bundles listed`);
    const inDom = await rows('bundle-route');
    console.log(`# bundles view: ${TOTAL} routes, ${inDom.length} rows in the DOM`);
    assert.ok(inDom.length > 5 && inDom.length < 60, `virtualised: ${inDom.length} of ${TOTAL}`);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'bundles-search');
    const t = await typeAndMeasure(
      'g9/r2',
      `const r = [...document.querySelectorAll('[data-testid="bundle-route"]')].map((x) => x.dataset.pattern);
       return r.length === 11 && r.every((p) => p.startsWith('/api/gen/g9/r2'));`,
    );
    console.log(`# bundles search: last keystroke to filtered rows in the DOM ${t.dom.toFixed(1)} ms, painted by ${t.frame.toFixed(1)} ms`);
    assert.ok(t.frame < 2000, `filtering took ${t.frame} ms`);
    assert.equal(await count.innerText(), `11 of ${TOTAL} routes`);
    // Arrow keys pick a bundle straight from the search box.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    await until(async () => (await page.locator('.inspector-head').innerText().catch(() => '')).includes('/api/gen/g9/r2'), 'a bundle picked by keyboard');
    await page.keyboard.press('Escape');
    await until(async () => (await count.innerText()) === `${TOTAL} routes`, 'Escape cleared the search');
  });

  test("a bundle with 400 modules: the Inputs list is searchable and virtualised", async () => {
    await page.fill(tid('bundles-search'), 'g0/r0');
    await page.locator(`${tid('bundle-route')}[data-pattern="/api/gen/g0/r0"]`).click();
    await until(async () => (await page.locator('.inspector-head').innerText().catch(() => '')).includes('/api/gen/g0/r0'), 'the g0/r0 bundle');
    await page.click(tid('side-modules'));
    const count = page.locator(tid('modules-count'));
    const total = Number(await until(async () => /^(\d+) modules$/.exec(await count.innerText())?.[1], 'the module count'));
    const inDom = await rows('bundle-module');
    console.log(`# inputs of /api/gen/g0/r0: ${total} modules, ${inDom.length} rows in the DOM`);
    assert.ok(total > MODULES, `all modules listed: ${total}`);
    assert.ok(inDom.length > 5 && inDom.length < 80, `virtualised: ${inDom.length} of ${total}`);
    await page.fill(tid('modules-search'), 'mods/m39');
    await until(async () => (await rows('bundle-module')).length === 11, 'm39 and m390–m399');
    assert.equal(await count.innerText(), `11 of ${total} modules`);
    await page.fill(tid('modules-search'), '');
    await page.evaluate(() => {
      const list = document.querySelector('[data-testid="module-list"]');
      list.scrollTop = list.scrollHeight;
    });
    await until(async () => {
      const r = await rows('bundle-module');
      return r.length < 80 && !r.includes(inDom[0]);
    }, 'later modules after scrolling');
    await page.locator(tid('bundle-module')).first().click();
    assert.ok((await page.locator(tid('why-chain')).count()) === 1, 'a module click explains why it is there');
    await page.evaluate(() => {
      document.querySelector('[data-testid="module-list"]').scrollTop = 0;
    });
    await shot(page, 'scale-bundles');
  });

  test('a late route opened from the Routes view is scrolled into view in the Bundles list', async () => {
    await page.fill(tid('bundles-search'), '');
    await page.click(tid('nav-routes'));
    await page.locator(tid('routes-list')).click({ position: { x: 600, y: 10 } });
    await page.keyboard.press('End');
    const last = order.at(-1);
    await page.locator(`${tid('route-row')}[data-pattern="${last}"] button[title="Open in the bundle inspector"]`).click();
    const row = page.locator(`${tid('bundle-route')}[data-pattern="${last}"]`);
    await until(async () => (await row.count()) === 1 && (await row.getAttribute('class')).includes('selected'), `${last} listed and selected`);
    const box = await row.boundingBox();
    assert.ok(box && box.y > 0 && box.y + box.height <= 900, `on screen: ${JSON.stringify(box)}`);
  });
});
