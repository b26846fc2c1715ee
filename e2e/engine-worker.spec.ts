// Journey: the engine runs in a Web Worker. While a 3,000-pod scenario is read and compiled
// the page keeps painting and says what the engine is doing; where the worker cannot start,
// the same engine runs in the page and nothing is lost.
import { expect, test } from '@playwright/test';
import { bigScenario } from '../src/ui/graph/bigScenario.fixture';
import { DEFAULT_YAML } from './fixtures';
import { PodpathPage } from './pages/PodpathPage';

/**
 * The frames the page paints while it loads `y`, from the call until the load answers (a string:
 * see TOOLCHAIN.md on __name). No clock: a page whose engine blocks it paints none until the
 * answer (one or two between its phases at most), however fast or busy the machine is.
 */
const framesWhileLoading = (y: string) => `(async () => {
  let frames = 0, on = true;
  const tick = () => { frames += 1; if (on) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const out = await window.podpath.loadScenario(${JSON.stringify(y)});
  on = false;
  return out.ok ? frames : -1;
})()`;

test('the page keeps painting while the engine reads a 3,000-pod scenario, and shows what it is doing', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  const yaml = bigScenario(30, 100);
  // Not awaited: the load runs in the worker while the page counts frames.
  const frames = page.evaluate<number>(framesWhileLoading(yaml));
  await expect(app.busy).toHaveText(/Reading the scenario|Compiling the cluster|Drawing the cluster/);
  expect(await frames).toBeGreaterThan(6);
});

test('5,000 replicas of one Deployment open as an overview without freezing the page', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  const yaml = DEFAULT_YAML.replace('replicas: 2', 'replicas: 5000').replace('  - role: worker\n  - role: worker\n', '  - role: worker\n'.repeat(30));
  // The page paints while the worker reads and compiles 5,000 pods (it froze for 22.5 s when the
  // page compiled and drew every pod itself), and then draws the overview, not the pods.
  // Here 8 to 11 frames; a page that compiled in its own thread paints at most two (between phases).
  expect(await page.evaluate<number>(framesWhileLoading(yaml))).toBeGreaterThan(2);
  await expect(app.node('kind-worker30')).toBeVisible();
  await expect(app.graph.getByRole('button', { name: /^pod default\/api-/ })).toHaveCount(0);
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
