// Journey: the CNI switch. The same send from web to an api pod on the other worker, first with
// the bridge plugin (routed, no tunnel), then flannel (VXLAN: the outer headers appear on the
// cross-node hop), then Calico (IP-in-IP), and Undo back to flannel; and the flannel MTU scenario, where a full-size
// segment is too big for the overlay and "fragmentation needed" comes back.
import { expect, test } from '@playwright/test';
import { API_POD } from './fixtures';
import { PodpathPage } from './pages/PodpathPage';

test('switching the CNI sends again and the cross-node hop shows the tunnel\'s outer headers', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await expect(app.cni).toHaveValue('bridge');
  await app.sendByClicking(app.pod('default/web'), app.pod(API_POD));
  const { trace } = app;
  await expect(trace.verdict).toContainText('Delivered');
  await expect(trace.hopsOfKind('encap')).toHaveCount(0);

  await app.switchCni('flannel');
  await expect(app.cni).toHaveValue('flannel');
  await expect(app.element('device flannel.1 of node kind-worker')).toBeVisible();
  await expect(trace.verdict).toContainText('Delivered');
  await trace.pause();
  const encap = trace.hopsOfKind('encap');
  await expect(encap).toHaveCount(2);
  await trace.select(encap.first());
  await expect(trace.headers).toContainText('Outer IP');
  await expect(trace.headers).toContainText('172.18.0.3');
  await expect(trace.headers).toContainText('8472');
  await expect(trace.headers).toContainText('VXLAN');
  await expect(trace.headers).toContainText('adds 50 bytes');
  await expect(trace.headers).toContainText('Inner IP');
  // The wire hop after it still carries them; the far end takes them off.
  await trace.select(trace.hopsOfKind('decap').first());
  await expect(trace.headers).toContainText('removed');

  await app.switchCni('Calico');
  await expect(app.cni).toHaveValue('calico');
  await expect(trace.verdict).toContainText('Delivered');
  await trace.pause();
  await trace.select(trace.hopsOfKind('encap').first());
  await expect(trace.headers).toContainText('IP-in-IP (4)');
  await expect(trace.headers).toContainText('adds 20 bytes');

  // A switch is one step of the undo history: Undo brings flannel back and sends again through VXLAN.
  await app.session.undo.click();
  await expect(app.cni).toHaveValue('flannel');
  await expect(trace.verdict).toContainText('Delivered');
  await trace.pause();
  await trace.select(trace.hopsOfKind('encap').first());
  await expect(trace.headers).toContainText('VXLAN');

  await app.scenario.show();
  await expect(app.scenario.yaml).toHaveValue(/cni: flannel/);
});

test('the flannel MTU scenario: a 1500-byte segment is dropped with "fragmentation needed" and sent again smaller', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.openBuiltin(/MTU too big for the overlay/);
  await expect(app.cni).toHaveValue('flannel');
  await app.pod('default/web').click();
  await app.pod(API_POD).click();
  await app.size.fill('1500');
  await expect(app.df).toBeChecked();
  await app.send();
  const { trace } = app;
  await expect(trace.verdict).toContainText('data: dropped');
  await expect(trace.verdict).toContainText('retransmission: delivered');
  await trace.pause();
  const drop = trace.hopsOfKind('drop');
  await expect(drop).toContainText('whose MTU is 1450');
  await trace.select(drop);
  await expect(trace.headers).toContainText('1500 bytes');
});
