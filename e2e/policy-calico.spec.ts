// Journey: NetworkPolicy enforced. In the upstream e2e model under Calico, add a default-deny
// ingress policy to x, send to one of its pods and find the drop at the hop that made it (the
// destination's cali-tw- chain in filter FORWARD) with the reason in words, then open the
// reachability matrix: x's pods are denied from everywhere except what the model's own policy
// lets in, and a denied cell opens its trace. Adding the policy was an edit: Undo takes it back.
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';
import { PolicyPanel } from './pages/PolicyPanel';

test('under Calico a default-deny policy drops the packet at its chain with the reason, and the matrix shows it', async ({ page }) => {
  const app = new PodpathPage(page);
  const policies = new PolicyPanel(page);
  await app.open();
  await policies.show();
  await policies.openUpstreamModel();
  await expect(app.pod('x/a')).toBeVisible();
  await app.switchCni('Calico');
  await expect(app.cni).toHaveValue('calico');
  await policies.show();
  await expect(policies.note).toContainText('Calico');
  await expect(policies.note).toContainText('enforces NetworkPolicy');

  await policies.addDefaultDeny('x');
  await expect(policies.policy('x/default-deny-ingress')).toContainText('Selects 3 pods: x/a, x/b, x/c');

  await app.sendByClicking(app.pod('z/c'), app.pod('x/b'));
  await app.trace.show();
  await expect(app.trace.verdict).toContainText('Dropped');
  await app.trace.pause();
  const drop = app.trace.hopsOfKind('drop');
  await expect(drop).toHaveCount(1);
  await expect(drop).toContainText('cali-tw-');
  await expect(drop).toContainText('no policy selecting x/b allows ingress from z/c on TCP 80');
  await expect(drop).toContainText('policies considered: x/default-deny-ingress');
  await expect(app.trace.hopsOfKind('policy')).toHaveCount(0);

  await policies.showMatrix();
  await policies.computeMatrix('TCP', 80);
  await expect(policies.matrix).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('Calico (IP-in-IP) enforces NetworkPolicy in iptables filter');
  // x/a lets namespace y in (allow-client-a-via-ns-selector); x/b and x/c let no one in.
  await expect(policies.cell('y/a', 'x/a')).toHaveAccessibleName('y/a to x/a: allowed');
  await expect(policies.cell('z/a', 'x/a')).toHaveAccessibleName('z/a to x/a: denied by policy');
  await expect(policies.cell('y/a', 'x/c')).toHaveAccessibleName('y/a to x/c: denied by policy');
  await expect(policies.cell('x/c', 'y/a')).toHaveAccessibleName('x/c to y/a: allowed');
  await policies.cell('y/a', 'x/c').click();
  await expect(page.getByRole('tab', { name: 'Trace', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(app.trace.verdict).toContainText('Dropped');
  await expect(app.trace.hopsOfKind('drop')).toContainText('no policy selecting x/c allows ingress from y/a on TCP 80');
  expect(await page.evaluate(async () => (await window.podpath!.trace())?.run)).toMatchObject({ from: 'y/a', to: 'x/c', proto: 'tcp', port: 80 });

  // Adding it was one edit of the scenario: Undo takes it back, and the policies panel follows.
  await app.session.undo.click();
  await policies.show();
  await expect(policies.policy('x/allow-client-a-via-ns-selector')).toBeVisible();
  await expect(policies.policy('x/default-deny-ingress')).toHaveCount(0);
});
