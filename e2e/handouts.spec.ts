// Journey: handouts: the graph as PNG with the current hop drawn, the trace as Markdown, and
// the scenario for a real kind cluster.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';

test('exports the graph as PNG, the trace as Markdown and the scenario for kind', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.sendByClicking(app.pod('default/web'), app.service('default/api'));
  await expect(app.trace.verdict).toContainText('Delivered');
  await app.trace.pause();
  await app.trace.select(app.trace.hopsOfKind('nat').first());

  const dialog = await app.session.openHandouts();
  const save = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name, exact: true }).click()]);
    return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
  };
  const png = await save('Graph as PNG');
  expect(png.name).toBe('podpath-graph.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.length).toBeGreaterThan(20_000);

  const md = await save('Trace as Markdown');
  expect(md.name).toBe('podpath-trace.md');
  const text = md.bytes.toString('utf8');
  expect(text).toMatch(/^# podpath trace: send TCP port 80 from default\/web to svc:default\/api/);
  expect(text).toMatch(/\| \*\*\d+\*\* ◀ \| .* \| nat \|/);
  expect(text).toContain('KUBE-SVC-');

  const kind = await save('Scenario for kind (commands and files)');
  expect(kind.bytes.toString('utf8')).toContain('kind create cluster --config kind-config.yaml');
  await expect(dialog.getByRole('status')).toHaveText('Scenario for kind: downloaded');
});
