// Journey: the engine runs in a Web Worker. While a 3,000-pod scenario is read and compiled
// the page keeps painting and says what the engine is doing; where the worker cannot start,
// the same engine runs in the page and nothing is lost.
import { expect, test } from '@playwright/test';
import { bigScenario } from '../src/ui/graph/bigScenario.fixture';
import { PodpathPage } from './pages/PodpathPage';

/** Animation frames the page paints in `ms` milliseconds (a string: see TOOLCHAIN.md on __name). */
const framesIn = (ms: number) => `new Promise((resolve) => {
  let frames = 0;
  const start = performance.now();
  const tick = (t) => { frames += 1; if (t - start < ${ms}) requestAnimationFrame(tick); else resolve(frames); };
  requestAnimationFrame(tick);
})`;

test('the page keeps painting while the engine reads a 3,000-pod scenario, and shows what it is doing', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  const yaml = bigScenario(30, 100);
  const frames = page.evaluate<number>(framesIn(600));
  // Not awaited: the load runs in the worker while the page counts frames.
  await page.evaluate((y) => { void window.podpath!.loadScenario(y); }, yaml);
  await expect(app.busy).toHaveText(/Reading the scenario|Compiling the cluster|Drawing the cluster/);
  // A blocked page paints no frame at all while it parses (about a second here); 60 fps would be 36.
  expect(await frames).toBeGreaterThan(12);
});

test('window.podpath answers with Promises', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  const kinds = await page.evaluate(() => {
    const api = window.podpath!;
    return [api.trace(), api.send({ from: 'default/web', to: 'default/cache', port: 6379 })].map((p) => p instanceof Promise);
  });
  expect(kinds).toEqual([true, true]);
});

test('without its worker, the engine runs in the page and the scenario still opens', async ({ page }) => {
  await page.route(/engine\.worker-[^/]*\.js$/, (route) => route.abort());
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const app = new PodpathPage(page);
  await app.open();
  expect(warnings.join('\n')).toContain('running the engine in the page instead');
  await app.sendByClicking(app.pod('default/web'), app.pod('default/cache'));
  await expect(app.trace.verdict).toContainText('Delivered');
});
