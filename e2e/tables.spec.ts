// Journey 8: the tables panel. Opened on the DNAT hop it shows that hop's node, iptables-save
// with the rules the packet matched highlighted, the DNAT rule marked current; following a
// highlighted line selects its hop.
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';

test('the tables panel highlights the KUBE-SEP- DNAT line of the DNAT hop\'s node, and following it selects that hop', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.sendByClicking(app.pod('default/web'), app.service('default/api'));
  const { trace, tables } = app;
  await expect(trace.verdict).toContainText('Delivered');
  await trace.pause();
  const nat = trace.hopsOfKind('nat');
  await trace.select(nat);
  const natNumber = (await nat.locator('.pp-hop-num').textContent())!;

  await tables.show();
  await expect(tables.namespace).toHaveValue('node/kind-worker');
  await expect(tables.tab('iptables-save')).toHaveAttribute('aria-selected', 'true');
  await expect(tables.hop).toContainText(`Hop ${natNumber}`);
  const dnat = tables.matchedLines.filter({ hasText: /-A KUBE-SEP-\S+ .*-j DNAT --to-destination/ });
  await expect(dnat).toHaveCount(1);
  await expect(dnat).toHaveAttribute('aria-current', 'true');
  await expect(dnat).toContainText(`hop ${natNumber}`);
  await expect(dnat).toBeInViewport();
  await expect(tables.currentLines.filter({ hasText: '-A KUBE-SERVICES' })).toHaveCount(1);

  // Step on to the bridge's forwarding decision (br_netfilter ran PREROUTING as the frame
  // entered cni0, then kept the DNATed frame on the bridge, by the neighbour entry of the new
  // destination): the panel follows it to bridge fdb. Back in iptables-save the DNAT line is
  // still highlighted, but no longer the current hop's.
  await tables.button('Step forward').click();
  await expect(tables.hop).toContainText(`Hop ${Number(natNumber) + 1}`);
  await expect(tables.tab('ip neigh')).toHaveAttribute('aria-selected', 'true');
  await tables.button('Step forward').click();
  await expect(tables.hop).toContainText(`Hop ${Number(natNumber) + 2}`);
  await expect(tables.namespace).toHaveValue('node/kind-worker');
  await expect(tables.tab('bridge fdb')).toHaveAttribute('aria-selected', 'true');
  await tables.tab('iptables-save').click();
  await expect(dnat).toContainText(`hop ${natNumber}`);
  await expect(dnat).not.toHaveAttribute('aria-current', 'true');

  // Following the line goes back to its hop.
  await dnat.click();
  await expect(tables.hop).toContainText(`Hop ${natNumber}`);
  await expect(dnat).toHaveAttribute('aria-current', 'true');
  await trace.show();
  await expect(trace.selectedHop).toContainText('nat');

  // The connection the packet opened is in conntrack -L, linked to the hops that used it.
  await tables.show();
  await tables.tab('conntrack -L').click();
  await expect(tables.matchedLines).toHaveCount(1);
  await expect(tables.matchedLines).toContainText(/hops \d+, \d+/);
});
