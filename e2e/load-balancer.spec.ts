// Journey 9: an outside client reaches the api Service through the cloud load balancer:
// the gateway DNATs to a node port, kube-proxy on that node to a pod, and the answer comes
// back from the load balancer's address.
import { expect, test } from '@playwright/test';
import { API_POD_IPS } from './fixtures';
import { PodpathPage } from './pages/PodpathPage';

test('outside client to the LoadBalancer: delivered to an api pod, the reply from the load balancer\'s address', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.outsideHost('client').click();
  await app.loadBalancer('default/api-public').click();
  await expect(app.destination).toHaveText('load balancer of service default/api-public');
  await expect(app.port).toHaveValue('80');
  const sent = await app.sendDelivered();
  const { trace } = app;
  const lbIp = sent.send.dst;
  await expect(app.loadBalancer('default/api-public')).toContainText(lbIp);
  expect(API_POD_IPS).toContain(sent.hops.at(-1)!.packet.dst);

  // The first rewrite is the gateway's: the load balancer forwards to a node port.
  const nat = trace.hopsOfKind('nat');
  await expect(nat.first()).toContainText('gateway');
  await trace.select(nat.first());
  await expect(app.chosenLoadBalancerLink('default/api-public')).toHaveCount(1);
  await trace.select(nat.nth(1));
  await expect(app.chosenEndpoints('default/api-public')).toHaveCount(1);

  // The answer reaches the client from the load balancer's address.
  await trace.selectHop(await trace.hopItems.count());
  await expect(trace.selectedHop).toContainText('deliver');
  await expect(trace.headers.getByRole('row', { name: /^IP/ })).toContainText(lbIp);
  expect(sent.reply!.hops.at(-1)!.packet.src).toBe(lbIp);
});
