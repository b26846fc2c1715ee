// The graph still renders, and a send still plays, for a cluster of ten nodes with ten pods each.
import { expect, test } from '@playwright/test';
import { bigScenario } from '../src/ui/graph/bigScenario.fixture';
import { PodpathPage } from './pages/PodpathPage';

test('ten nodes of ten pods render and a packet crosses from the first worker to the last', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  const loaded = await page.evaluate((yaml) => window.podpath!.loadScenario(yaml), bigScenario(9, 10));
  expect(loaded).toEqual({ ok: true });
  await expect(app.node('kind-worker9')).toBeAttached();
  await expect(app.graph.getByRole('button', { name: /^pod default\/app-/ })).toHaveCount(90);

  await app.sendByClicking(app.pod('default/app-0-0'), app.pod('default/app-8-9'));
  await expect(app.trace.verdict).toContainText('Delivered');
  await app.trace.pause();
  await expect(app.packet).toBeVisible();
});
