// Render benchmark, in headless Chromium, as ratios against a bare React Flow page built by
// the same toolchain (bench/bare): frames per second while a packet plays across nodes of
// clusters of 100, 1,000 and 5,000 pods, divided by the bare page's frames per second with as
// many nodes and edges as the cluster has objects (a node per pod and per machine, an edge
// per pod and per machine) and one element moving, measured in the same run; the first paint
// of both pages; and the time a 1,000-node, 30,000-pod scenario takes to paint its overview.
// Software rendering on 2 cores: read ratios, not absolute frame rates.
import { chromium, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { existsSync } from 'node:fs';
import { build, preview, type PreviewServer } from 'vite';
import { bigCluster } from '../src/scenarios/bigCluster.fixture';
import { median } from './engine';

const PODPATH_PORT = 4174;
const BARE_PORT = 4175;

const COUNT_FRAMES = `new Promise((resolve) => {
  let frames = 0;
  const start = performance.now();
  const tick = (t) => { frames += 1; if (t - start < 2000) requestAnimationFrame(tick); else resolve(frames / ((t - start) / 1000)); };
  requestAnimationFrame(tick);
})`;

/** Time from the call to the first frame painted with `tiles` node tiles (a string: see TOOLCHAIN.md on __name). */
const OVERVIEW_PAINT = `async (yaml, tiles) => {
  const t0 = performance.now();
  void window.podpath.loadScenario(yaml);
  await new Promise((resolve) => {
    const check = () => (document.querySelectorAll('.pp-tile').length >= tiles ? resolve() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
  await new Promise(requestAnimationFrame);
  return performance.now() - t0;
}`;
const overviewPaint = (page: Page, yaml: string, tiles: number) => page.evaluate<number>(`(${OVERVIEW_PAINT})(${JSON.stringify(yaml)}, ${tiles})`);

const FIRST_PAINT = `performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null`;

interface Api {
  loadScenario(y: string): Promise<{ ok: boolean }>;
  send(r: object): Promise<{ ok: boolean; error?: string }>;
}
const api = (page: Page) => ({
  load: (y: string) => page.evaluate(async (yy) => (await (window as unknown as { podpath: Api }).podpath.loadScenario(yy)).ok, y),
  send: (from: string, to: string) => page.evaluate(async ([f, t]) => (window as unknown as { podpath: Api }).podpath.send({ from: f, to: t, port: 8080 }), [from, to] as const),
});

/** Two pods of one app on different workers, found with the graph's search. */
async function podsOnTwoNodes(page: Page): Promise<[string, string]> {
  await page.getByRole('searchbox').fill('team-a/web-');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const hits = page.getByRole('list', { name: 'Search results' }).getByRole('button');
  await hits.first().waitFor();
  const all = await hits.evaluateAll((els) => els.map((el) => ({
    pod: (el.querySelector('.pp-name')?.textContent ?? '').replace(/^pod /, ''),
    node: (el.textContent ?? '').match(/on (\S+)$/)?.[1] ?? '',
  })));
  const a = all[0]!;
  const b = all.find((h) => h.node !== a.node) ?? all[1]!;
  await page.keyboard.press('Escape');
  return [a.pod, b.pod];
}

async function fps(page: Page, runs: number, before: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    out.push(await page.evaluate<number>(COUNT_FRAMES));
  }
  return out;
}

export interface RenderFigures {
  readonly firstPaint: Record<string, unknown>;
  readonly ratio: readonly Record<string, unknown>[];
  readonly overview: Record<string, unknown>;
}

async function measure(browser: Browser, sizes: readonly number[]): Promise<RenderFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${PODPATH_PORT}/`);
  await page.getByRole('button', { name: 'pod default/web', exact: true }).waitFor();
  const podpathFcp = await page.evaluate<number | null>(FIRST_PAINT);
  const graphPainted = await page.evaluate(() => performance.now());
  const bareProbe = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await bareProbe.goto(`http://127.0.0.1:${BARE_PORT}/?nodes=100&edges=100`);
  await bareProbe.locator('.react-flow__node').first().waitFor();
  const bareFcp = await bareProbe.evaluate<number | null>(FIRST_PAINT);
  await bareProbe.close();

  const ratio: Record<string, unknown>[] = [];
  for (const pods of sizes) {
    const machines = Math.max(4, Math.round(pods / 30) + 1);
    const yaml = bigCluster({ nodes: machines, pods, namespaces: 2 });
    if (!(await api(page).load(yaml))) throw new Error(`the ${pods}-pod scenario did not load`);
    const [from, to] = await podsOnTwoNodes(page);
    // A first send opens the nodes it crosses (once per scenario); the runs measure playing.
    await api(page).send(from, to);
    await page.waitForTimeout(500);
    const podpath = await fps(page, 3, async () => {
      const sent = await api(page).send(from, to);
      if (!sent.ok) throw new Error(`send failed: ${sent.error}`);
      const play = page.getByRole('button', { name: 'Play', exact: true });
      if (await play.isVisible()) await play.click();
    });
    const drawn = await page.locator('.react-flow__node, .pp-tile').count();
    const bare = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const objects = pods + machines;
    await bare.goto(`http://127.0.0.1:${BARE_PORT}/?nodes=${objects}&edges=${objects}`);
    await bare.locator('.react-flow__node').first().waitFor();
    const bareFps = await fps(bare, 3, async () => { await bare.waitForTimeout(200); });
    await bare.close();
    ratio.push({
      name: 'fps while a packet plays / bare React Flow fps', pods, nodes: machines, podpathElementsDrawn: drawn,
      bareNodes: objects, bareEdges: objects, podpath_fps: round(median(podpath)), bare_fps: round(median(bareFps)),
      median_ratio: round(median(podpath) / median(bareFps)), target: 0.9, runs: 3,
    });
  }

  const big = bigCluster({ nodes: 1000, pods: 30_000 });
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await api(page).load('apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n');
    times.push(await overviewPaint(page, big, 1000));
  }
  await page.close();
  return {
    firstPaint: {
      name: 'first paint', podpath_fcp_ms: podpathFcp && round(podpathFcp), podpath_default_graph_ms: round(graphPainted),
      bare_fcp_ms: bareFcp && round(bareFcp),
    },
    ratio,
    overview: { name: 'overview paint, 1,000 nodes / 30,000 pods', median_ms: round(median(times)), runs: times.map(round), target_ms: 1500 },
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

async function close(server: PreviewServer) {
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}

/** Builds the bare page, serves it and podpath's build (dist/, built by the caller), and measures. */
export async function renderFigures(sizes: readonly number[] = [100, 1000, 5000]): Promise<RenderFigures | { skipped: string }> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath} (set CHROMIUM_PATH)` };
  const bareConfig = { root: 'bench/bare', base: './', configFile: false as const, plugins: [react()], logLevel: 'error' as const, build: { outDir: '../../dist-bench/bare', emptyOutDir: true } };
  await build(bareConfig);
  const podpath = await preview({ preview: { port: PODPATH_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
  const bare = await preview({ ...bareConfig, preview: { port: BARE_PORT, strictPort: true, host: '127.0.0.1' } });
  const browser = await chromium.launch({
    executablePath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    return await measure(browser, sizes);
  } finally {
    await browser.close();
    await close(podpath);
    await close(bare);
  }
}
