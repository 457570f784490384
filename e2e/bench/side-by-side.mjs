// Page speed of two MNIST Lab servers side by side (e.g. the jar before and after a change), in one headless
// Chromium, visits alternating so that both meet the same machine load. Prints the median and the fastest of
// each measure: explorer through the menu from /runs, dataset switch, explorer reload (until the view has drawn 50
// thumbnails, and until 50 were painted, by the document's first screen or the view), run 1's page through its
// link in /runs, and its reload (Debian's Chromium at /usr/bin/chromium). Each server needs a finished run #1 (`java -jar X.jar train --model mlp --epochs 1
// --subset 1000 --data-dir D`) and the public-demo setting (no log-in); add --mnistlab.datasets-dir where the
// MNIST files are elsewhere (here: ../shared/datasets):
//   java -jar before.jar --server.port=18081 --mnistlab.data-dir=D1 --mnistlab.security.anonymous-viewer=true &
//   java -jar after.jar  --server.port=18082 --mnistlab.data-dir=D2 --mnistlab.security.anonymous-viewer=true &
//   cd e2e/bench && npm install --no-save playwright-core@1.49 && node side-by-side.mjs before after 10
import { chromium } from 'playwright-core';
const apps = [
  { name: process.argv[2] || 'A', base: 'http://localhost:18081' },
  { name: process.argv[3] || 'B', base: 'http://localhost:18082' },
];
const ROUNDS = Number(process.argv[4] || 10);
const SCREEN = (fashion) => {
  const list = document.querySelector('#sample-grid'); if (!list) return null;
  const drawn = s => { const d = s.querySelector('mnist-digit[drawn]'); if (d) return true;
    const i = s.querySelector('img.digit'); return !!i && i.complete && i.naturalWidth > 0; };
  const box = list.getBoundingClientRect();
  const cells = [...list.querySelectorAll('.sample')].filter(s => { const r = s.getBoundingClientRect();
    return r.height > 0 && r.bottom > box.top && r.top < box.bottom && drawn(s); });
  if (cells.length < 50) return null;
  if (fashion !== null && isNaN(Number(cells[0].querySelector('.sample-label').textContent)) !== fashion) return null;
  return performance.now(); };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const results = {};
for (const app of apps) {
  app.page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  app.page.setDefaultTimeout(60000);
  await app.page.goto(app.base + '/explore');
  await app.page.waitForFunction(SCREEN, null, { polling: 10 });
  results[app.name] = { inapp: [], switch: [], reload: [], reloadPainted: [], runInapp: [], runReload: [] };
}
const wait = (page, fashion) => page.waitForFunction(SCREEN, fashion, { polling: 10 }).then(h => h.jsonValue());
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 ? [...apps].reverse() : apps;
  for (const app of order) {
    const p = app.page, res = results[app.name];
    await p.goto(app.base + '/runs'); await p.waitForSelector('#runs-grid');
    let t0 = await p.evaluate(() => performance.now());
    await p.locator('vaadin-side-nav-item', { hasText: 'Explore' }).first().click();
    res.inapp.push((await wait(p, false)) - t0);
    t0 = await p.evaluate(() => performance.now());
    await p.locator('#dataset-choice vaadin-radio-button', { hasText: 'Fashion-MNIST' }).click();
    res.switch.push((await wait(p, true)) - t0);
    await p.goto(app.base + '/explore?dataset=mnist&split=train', { waitUntil: 'commit' });
    res.reload.push(await wait(p, false));
    // the first screen's 50th thumbnail as the browser painted it (its images carry elementtiming); the view's
    // moment for a page without a first screen
    const painted = await p.evaluate(() => new Promise(resolve => {
      new PerformanceObserver((list, observer) => { observer.disconnect();
        resolve(list.getEntries().map(e => e.renderTime || e.loadTime).sort((a, b) => a - b)); })
        .observe({ type: 'element', buffered: true });
      setTimeout(() => resolve([]), 300);
    }));
    res.reloadPainted.push(painted.length >= 50 ? Math.min(painted[49], res.reload.at(-1)) : res.reload.at(-1));
    await p.goto(app.base + '/runs'); await p.waitForSelector('#runs-grid');
    const link = p.locator("#runs-grid a.run-link[data-run-id='1']"); await link.waitFor();
    t0 = await p.evaluate(() => performance.now());
    await link.click();
    const cm = () => document.querySelectorAll('#confusion-matrix .cm-cell').length >= 100 ? performance.now() : null;
    res.runInapp.push((await p.waitForFunction(cm, null, { polling: 10 }).then(h => h.jsonValue())) - t0);
    // the page's second part (its misclassified images) first: a reload while it is built would time both pages
    await p.waitForSelector('#misclassified .digit-tile');
    await p.goto(app.base + '/runs/1', { waitUntil: 'commit' });
    res.runReload.push(await p.waitForFunction(cm, null, { polling: 10 }).then(h => h.jsonValue()));
  }
}
const med = a => { const s = [...a].sort((x, y) => x - y); return Math.round(s[Math.floor(s.length / 2)]); };
for (const [name, res] of Object.entries(results)) {
  console.log(name, Object.entries(res).map(([k, v]) => `${k} median ${med(v)} ms (min ${Math.round(Math.min(...v))})`).join(', '));
}
await browser.close();
