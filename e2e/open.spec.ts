// Journey 1: open the app and find the default scenario's machines and pods by name.
import { expect, test } from '@playwright/test';
import { API_POD } from './fixtures';
import { PodpathPage } from './pages/PodpathPage';

test('the default scenario shows its nodes, pods, containers, networks and Services by name', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new PodpathPage(page);
  await app.open();

  for (const node of ['kind-control-plane', 'kind-worker', 'kind-worker2']) await expect(app.node(node)).toBeVisible();
  for (const pod of ['default/web', 'default/cache', API_POD]) await expect(app.pod(pod)).toBeVisible();
  await expect(app.container('nginx', 'default/web')).toBeVisible();
  await expect(app.container('metrics', 'default/web')).toBeVisible();
  for (const name of ['device cni0 of node kind-worker', 'node network', 'internet', 'gateway']) await expect(app.element(name)).toBeVisible();
  await expect(page.getByRole('button', { name: 'outside host example-web' })).toBeVisible();
  for (const svc of ['default/api', 'default/api-public', 'default/kubernetes', 'kube-system/kube-dns']) await expect(app.service(svc)).toBeVisible();
  await expect(app.loadBalancer('default/api-public')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'iptables' })).toBeChecked();

  // Nothing chosen yet: no pod pressed, Send waits for both ends.
  await expect(app.pod('default/web')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  expect(errors).toEqual([]);
});
