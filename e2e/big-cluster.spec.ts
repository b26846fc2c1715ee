// Journey: a cluster too big to draw whole. It opens as an overview of node tiles; search
// finds a pod and flies to it (its node opens); a send across nodes is followed hop by hop,
// each node the packet crosses opened; every level of detail keeps its buttons named.
import { expect, test } from '@playwright/test';
import { bigCluster } from '../src/scenarios/bigCluster.fixture';
import { PodpathPage } from './pages/PodpathPage';

const THIRTY = bigCluster({ nodes: 30, pods: 900 });

test('a 30-node cluster: search finds a pod, and a send to a pod on another node is followed across both', async ({ page }) => {
  test.setTimeout(60_000);
  const app = new PodpathPage(page);
  await app.open();
  await app.load(THIRTY);
  await expect(app.node('kind-worker15')).toBeVisible();
  await expect(app.graph.getByRole('button', { name: /^pod team-/ })).toHaveCount(0);

  // Search: a pod of team-c's api, wherever it runs; its node opens and the view flies there.
  const hits = await app.search('team-c/api-');
  await expect(hits.getByRole('button')).toHaveCount(12);
  const first = hits.getByRole('button').first();
  const name = (await first.locator('.pp-name').textContent())!;
  const node = (await first.textContent())!.match(/on (kind-worker\d*)/)![1]!;
  await first.click();
  const source = app.graph.getByRole('button', { name, exact: true });
  await expect(source).toBeInViewport();
  await expect(app.opener(`node ${node}`, 'Close')).toBeVisible();
  await source.click();
  await expect(app.source).toHaveText(name);

  // The destination: a pod of team-a's web on another node.
  const others = await app.search('team-a/web-');
  const far = others.getByRole('button').filter({ hasNotText: `on ${node}` }).filter({ hasText: /on kind-worker\d/ }).first();
  const farName = (await far.locator('.pp-name').textContent())!;
  const farNode = (await far.textContent())!.match(/on (kind-worker\d*)/)![1]!;
  await far.click();
  await app.graph.getByRole('button', { name: farName, exact: true }).click();
  await expect(app.destination).toHaveText(farName);

  await app.send();
  await expect(app.trace.verdict).toContainText('Delivered');
  await app.trace.pause();
  // Follow the packet: at every hop the element it is at is drawn and in view, from one node to the other.
  const count = await app.trace.hopItems.count();
  await app.trace.selectHop(1);
  const nodesSeen = new Set<string>();
  for (let i = 1; i < Math.min(count, 24); i++) {
    await expect(app.current).toBeInViewport();
    const at = (await app.current.getAttribute('aria-label'))!;
    nodesSeen.add(at.match(/kind-worker\d*/)?.[0] ?? at);
    await app.trace.button('Step forward').click();
  }
  expect(nodesSeen).toContain(node);
  expect(nodesSeen).toContain(farNode);
  // Both nodes are open; a node the packet did not cross stays a tile.
  await expect(app.opener(`node ${farNode}`, 'Close')).toBeVisible();
  const untouched = ['kind-worker20', 'kind-worker21', 'kind-worker22'].find((n) => n !== node && n !== farNode)!;
  await expect(app.opener(`node ${untouched}`)).toBeAttached();

  // Path only: the nodes the packet did not cross go; both ends stay.
  await page.getByText('View', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Path only' }).check();
  await expect(app.node(untouched)).toHaveCount(0);
  await expect(app.graph.getByRole('button', { name, exact: true })).toBeAttached();
  await expect(app.graph.getByRole('button', { name: farName, exact: true })).toBeAttached();
  await page.getByRole('checkbox', { name: 'Path only' }).uncheck();
  await expect(app.node(untouched)).toBeAttached();
});

test('every level of detail keeps its names: tile, open node, closed pod, open pod, by keyboard too', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.load(THIRTY);
  // The overview: a tile picks the node, the button beside it opens it.
  await expect(app.node('kind-worker4')).toBeVisible();
  const opener = app.opener('node kind-worker4');
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(app.opener('node kind-worker4', 'Close')).toBeVisible();
  // The node view: its interfaces, and its pods as named chips with their own opener.
  await expect(app.element('device eth0 of node kind-worker4')).toBeVisible();
  const chip = app.graph.getByRole('button', { name: /^pod team-a\/web-/ }).first();
  const pod = (await chip.getAttribute('aria-label'))!;
  await app.opener(pod).click();
  // The pod view: its containers and interfaces, and the button that closes it again.
  await expect(app.graph.getByRole('button', { name: `container web of ${pod}`, exact: true })).toBeVisible();
  await expect(app.element(`device eth0 of ${pod}`)).toBeVisible();
  await app.opener(pod, 'Close').click();
  await expect(app.graph.getByRole('button', { name: `container web of ${pod}`, exact: true })).toHaveCount(0);
  await app.opener('node kind-worker4', 'Close').click();
  await expect(app.opener('node kind-worker4')).toBeVisible();
  await expect(app.element('device eth0 of node kind-worker4')).toHaveCount(0);
});

test('zooming in far onto a closed node opens it, zooming back out closes it again', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.load(THIRTY);
  const tile = app.node('kind-worker12');
  const box = (await tile.boundingBox())!;
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const [cx, cy] = [pane.x + pane.width / 2, pane.y + pane.height / 2];
  // Drag the tile to the middle of the view (a drag on it pans, it does not pick it), then zoom in there.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(cx, cy, { steps: 8 });
  await page.mouse.up();
  await expect(app.source).not.toContainText('kind-worker12');
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -200);
  await expect(app.opener('node kind-worker12', 'Close')).toBeVisible();
  for (let i = 0; i < 16; i++) await page.mouse.wheel(0, 300);
  await expect(app.opener('node kind-worker12')).toBeAttached();
  await expect(app.opener('node kind-worker12', 'Close')).toHaveCount(0);
});

test('1,000 nodes and 30,000 pods open as an overview: one tile per node, every node findable', async ({ page }) => {
  // How fast this paints is measured by `npm run bench` (render.overview), not here.
  test.setTimeout(60_000);
  const app = new PodpathPage(page);
  await app.open();
  await app.load(bigCluster({ nodes: 1000, pods: 30_000 }));
  await expect(page.locator('.pp-tile')).toHaveCount(1000, { timeout: 30_000 });
  await expect(app.node('kind-worker500')).toBeAttached();
});
