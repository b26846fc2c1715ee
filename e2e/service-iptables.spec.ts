// Journey 6: web sends to the Service api in iptables mode. The hop list shows the DNAT hop
// with the chains kube-proxy's rules led through, the graph draws the endpoint it chose, the
// packet is delivered to a pod's own address, and the answer comes back from the ClusterIP.
import { expect, test } from '@playwright/test';
import { API_POD_IPS } from './fixtures';
import { PodpathPage } from './pages/PodpathPage';

test('pod to Service in iptables mode: a DNAT hop through KUBE-SERVICES, KUBE-SVC- and KUBE-SEP-, delivered to a pod, answered from the ClusterIP', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.pod('default/web').click();
  await app.service('default/api').click();
  await expect(app.destination).toHaveText('service default/api');
  await expect(app.port).toHaveValue('80');
  const sent = await app.sendDelivered();
  const { trace } = app;
  const clusterIp = sent.send.dst;
  expect(clusterIp).toMatch(/^10\.96\./);

  // The DNAT hop: its deciding rule jumps to nothing, it DNATs; its chains come from KUBE-SERVICES.
  const nat = trace.hopsOfKind('nat');
  await expect(nat).toHaveCount(1);
  await expect(nat.locator('.pp-rule code')).toContainText(/^-A KUBE-SEP-\S+ .*-j DNAT --to-destination /);
  await expect(app.chosenEndpoints('default/api')).toHaveCount(0);
  await trace.select(nat);
  await expect(nat.locator('.pp-chains')).toContainText('KUBE-SERVICES');
  await expect(nat.locator('.pp-chains')).toContainText(/KUBE-SVC-[A-Z0-9]{16}/);
  await expect(nat.locator('.pp-chains')).toContainText(/compared with \d+ rules/);
  await expect(nat.getByRole('list', { name: /^Rules this hop matched/ }).getByRole('listitem').first()).toContainText('-A PREROUTING');
  const endpoint = sent.hops.find((h) => h.kind === 'nat')!.packet.dst;
  expect(API_POD_IPS).toContain(endpoint);
  await expect(trace.rewrite).toHaveText(new RegExp(`^DNAT: destination ${clusterIp.replace(/\./g, '\\.')}:80 → ${endpoint.replace(/\./g, '\\.')}:8080$`));
  // The graph draws the Service's choice: one endpoint link, solid.
  await expect(app.chosenEndpoints('default/api')).toHaveCount(1);

  // Delivered to the pod's own address; the reply arrives from the ClusterIP, un-NATed by conntrack.
  const requestHops = sent.hops.length;
  await trace.selectHop(requestHops);
  await expect(trace.selectedHop).toContainText('deliver');
  await expect(trace.headers.getByRole('row', { name: /^IP/ })).toContainText(endpoint);
  await trace.selectHop(await trace.hopItems.count());
  await expect(trace.selectedHop).toContainText('deliver');
  await expect(trace.headers.getByRole('row', { name: /^IP/ })).toContainText(clusterIp);
  expect(sent.reply!.hops.at(-1)!.packet.src).toBe(clusterIp);
});
