// Render benchmark: frames per second of the app in headless Chromium while a packet plays
// along a trace, for graphs of growing size. Serves the production build with vite preview
// (building it first if dist/ is missing) and drives the page through window.podpath.
// Software rendering on 2 cores: compare sizes with each other, not with a desktop GPU.
import { existsSync } from 'node:fs';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';
import { median, type Figure } from './engine';

function scenario(nodes: number, podsPerNode: number): string {
  const list = ['{role: control-plane}', ...Array.from({ length: nodes - 1 }, () => '{role: worker}')].join(', ');
  let y = `apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [${list}]\n---\napiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {systemPods: false}\n`;
  for (let n = 1; n < nodes; n++) {
    for (let p = 0; p < podsPerNode; p++) {
      y += `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p-${n}-${p}}\nspec:\n  nodeName: kind-worker${n === 1 ? '' : n}\n  containers: [{name: c, ports: [{containerPort: 8080}]}]\n`;
    }
  }
  return y;
}

const COUNT_FRAMES = `new Promise((resolve) => {
  let frames = 0;
  const start = performance.now();
  function tick(t) { frames += 1; if (t - start < 2000) requestAnimationFrame(tick); else resolve(frames / ((t - start) / 1000)); }
  requestAnimationFrame(tick);
})`;

export async function renderFigures(sizes: readonly [number, number][]): Promise<Figure[] | { skipped: string }> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath} (set CHROMIUM_PATH)` };
  if (!existsSync('dist/index.html')) await build({ logLevel: 'error' });
  const server = await preview({ preview: { port: 4174, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
  const browser = await chromium.launch({
    executablePath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const out: Figure[] = [];
  try {
    for (const [nodes, pods] of sizes) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto('http://127.0.0.1:4174/');
      await page.waitForFunction(() => (window as unknown as { podpath?: unknown }).podpath !== undefined);
      const yaml = scenario(nodes, pods);
      const loaded = await page.evaluate(async (y) => (await (window as unknown as { podpath: { loadScenario(y: string): Promise<{ ok: boolean }> } }).podpath.loadScenario(y)).ok, yaml);
      if (!loaded) throw new Error(`the ${nodes}-node scenario did not load`);
      const elements = await page.locator('.react-flow__node').count();
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        await page.evaluate((to) => (window as unknown as { podpath: { send(r: object): Promise<unknown> } }).podpath.send({ from: 'default/p-1-0', to, port: 8080 }), `default/p-${nodes - 1}-${pods - 1}`);
        const play = page.getByRole('button', { name: 'Play' });
        if (await play.isVisible()) await play.click();
        // Count animation frames for two seconds while the packet moves. (A string: under tsx
        // a named function inside page.evaluate fails with "__name is not defined".)
        runs.push(await page.evaluate<number>(COUNT_FRAMES));
      }
      out.push({ name: 'render fps while a packet plays', nodes, pods: (nodes - 1) * pods, graphElements: elements, runs: 3, median_ms: Math.round(1000 / median(runs) * 10) / 10, median_fps: Math.round(median(runs) * 10) / 10 });
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return out;
}
