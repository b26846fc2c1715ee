// Journey 2: click web, then an api replica on another worker, send, and step through the
// hops: the hop list, the packet on the graph and the header panel follow the selected hop.
import { expect, test } from '@playwright/test';
import { API_POD } from './fixtures';
import { PodpathPage } from './pages/PodpathPage';

test('a packet from default/web reaches an api pod across nodes, and stepping moves every view along', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();

  await app.pod('default/web').click();
  await expect(app.source).toHaveText('pod default/web');
  await expect(app.pod('default/web')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Source: pod default/web', { exact: true })).toBeAttached();
  await app.pod(API_POD).click();
  await expect(app.destination).toHaveText(`pod ${API_POD}`);
  await expect(app.port).toHaveValue('8080');

  await app.send();
  const { trace } = app;
  await expect(trace.verdict).toContainText('Delivered');
  await expect(trace.verdict).toContainText('SYN ACK: delivered');
  await trace.pause();
  const count = await trace.hopItems.count();
  expect(count).toBeGreaterThan(15);
  await expect(page.getByRole('presentation').filter({ hasText: /^Exchange 1TCP connection to 10\.244\.2\.\d+ port 8080delivered$/ })).toBeVisible();
  await expect(page.getByRole('presentation').filter({ hasText: /^SYNpod default\/web → pod / })).toBeVisible();

  // From the first hop, forward: each view follows.
  await trace.selectHop(1);
  await expect(trace.selectedHop).toContainText('socket');
  await expect(trace.button('Step back')).toBeDisabled();
  await expect(trace.headers).toContainText('Packet at hop 1');
  await expect(app.current).toHaveAccessibleName('container nginx of pod default/web');

  await trace.button('Step forward').click();
  await expect(trace.selectedHop).toContainText('route');
  await expect(trace.selectedHop).toContainText('default via 10.244.1.1 dev eth0');
  await expect(trace.headers).toContainText('Packet at hop 2');
  await expect(app.current).toHaveAccessibleName('device eth0 of pod default/web');
  await expect(app.packet).toHaveAccessibleName('Packet at device eth0 of pod default/web');

  // Forward to the node's forwarding decision: TTL 64 -> 63, shown as changed, before -> after.
  for (let i = 0; i < 4; i++) await trace.button('Step forward').click();
  await expect(trace.selectedHop).toContainText('Forwarding lowers the TTL from 64 to 63');
  await expect(app.current).toHaveAccessibleName('device cni0 of node kind-worker');
  await expect(trace.changedFields).toHaveCount(1);
  await expect(trace.changedFields).toHaveText(/^TTL 64 → +became 63 *changed$/);

  // And back again.
  await trace.button('Step back').click();
  await expect(trace.headers).toContainText('Packet at hop 5');
  await expect(trace.selectedHop).toContainText('bridge');
  await expect(trace.changedFields).toHaveCount(0);

  // The SYN ACK leg follows the SYN, labelled.
  await trace.selectHop(count);
  await expect(page.getByRole('presentation').filter({ hasText: /^SYN ACKpod default\/api-\S+ → pod default\/web/ })).toBeVisible();
  await expect(trace.selectedHop).toContainText('deliver');
  await expect(trace.button('Step forward')).toBeDisabled();
});
