// Journey 7: the kube-proxy mode switch re-runs the current send. IPVS resolves the Service
// in an ipvs hop (no KUBE-SVC- DNAT rule); nftables does it with nft rules.
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';

test('switching kube-proxy to IPVS, then nftables, sends again and changes the hops', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.sendByClicking(app.pod('default/web'), app.service('default/api'));
  const { trace } = app;
  await expect(trace.verdict).toContainText('Delivered');
  await expect(trace.hopsOfKind('nat')).toContainText('KUBE-SVC-');

  await app.proxyMode('IPVS').check();
  await expect(app.proxyMode('IPVS')).toBeChecked();
  await expect(trace.hopsOfKind('ipvs')).toHaveCount(1);
  await expect(trace.hops).not.toContainText('KUBE-SVC-');
  // The same send, paused where the Service was resolved.
  await expect(app.source).toHaveText('pod default/web');
  await expect(app.destination).toHaveText('service default/api');
  await expect(trace.verdict).toContainText('Delivered');
  await expect(trace.selectedHop).toContainText('ipvs');
  await expect(trace.selectedHop.locator('.pp-rule')).toContainText(/TCP {2}10\.96\.\S+:80 rr/);
  await expect(trace.rewrite).toContainText('DNAT: destination');
  await expect(app.chosenEndpoints('default/api')).toHaveCount(1);

  await app.proxyMode('nftables').check();
  await expect(trace.hopsOfKind('ipvs')).toHaveCount(0);
  const nat = trace.hopsOfKind('nat');
  await expect(nat).toHaveCount(1);
  await expect(nat.locator('.pp-rule')).toContainText('nft list ruleset');
  await expect(nat.locator('.pp-rule code')).toContainText(/dnat to 10\.244\.\S+:8080/);
  await expect(trace.selectedHop.locator('.pp-chains')).toContainText('services');
  await expect(trace.hops).not.toContainText('KUBE-SVC-');
  await expect(trace.verdict).toContainText('Delivered');

  // The scenario's text says so too.
  await app.scenario.show();
  await expect(app.scenario.yaml).toHaveValue(/kubeProxyMode: nftables/);
});
