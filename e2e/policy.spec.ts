// Journey: NetworkPolicy. In the upstream e2e model (namespaces x, y, z; pods a, b, c), add a
// default-deny policy to x, see its pods highlighted on the graph, send to one of them and find
// the hop where the policy meets the packet with its reason, then open the reachability
// matrix and follow a cell to its trace. The scenario's plugin is the bridge plugin, which
// does not implement NetworkPolicy: the hop says so and the packet passes.
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';
import { PolicyPanel } from './pages/PolicyPanel';

test('a default-deny policy is drawn on its pods, explained at its hop, and shown in the reachability matrix', async ({ page }) => {
  const app = new PodpathPage(page);
  const policies = new PolicyPanel(page);
  await app.open();
  await policies.show();
  await policies.openUpstreamModel();
  await expect(app.pod('x/a')).toBeVisible();
  await expect(policies.policy('x/allow-client-a-via-ns-selector')).toContainText('Selects 1 pod: x/a');
  await expect(policies.note).toContainText('does not implement NetworkPolicy');

  await policies.addDefaultDeny('x');
  const deny = policies.policy('x/default-deny-ingress');
  await expect(deny).toContainText('Selects 3 pods: x/a, x/b, x/c');
  await expect(deny).toContainText('Ingress: nothing allowed');
  await deny.getByRole('button', { name: 'Highlight its pods' }).click();
  await expect(app.pod('x/b')).toHaveClass(/is-policy-selected/);
  await expect(app.pod('y/b')).not.toHaveClass(/is-policy-selected/);

  // Its YAML round-trips: the document as written, applied again after an edit.
  await deny.getByRole('button', { name: 'Edit YAML' }).click();
  const yaml = deny.getByRole('textbox', { name: /^YAML of x\/default-deny-ingress/ });
  await expect(yaml).toHaveValue(/podSelector: \{\}\n {2}policyTypes:\n {4}- Ingress\n/);

  await app.sendByClicking(app.pod('z/c'), app.pod('x/b'));
  await app.trace.show();
  await expect(app.trace.verdict).toContainText('Delivered');
  await app.trace.pause();
  const hop = app.trace.hopsOfKind('policy');
  await expect(hop).toHaveCount(1);
  await expect(hop).toContainText('NetworkPolicy would deny this: no policy selecting x/b allows ingress from z/c on TCP 80');
  await expect(hop).toContainText('policies considered: x/default-deny-ingress');
  await expect(hop).toContainText('does not implement NetworkPolicy');

  await policies.showMatrix();
  await policies.computeMatrix('TCP', 80);
  await expect(policies.matrix).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('81 sends on TCP 80: 81 allowed');
  await expect(page.getByRole('tabpanel')).toContainText('The bridge plugin does not implement NetworkPolicy');
  await expect(policies.cell('y/a', 'x/c')).toHaveAccessibleName('y/a to x/c: allowed');
  await policies.cell('y/a', 'x/c').click();
  await expect(page.getByRole('tab', { name: 'Trace', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(app.trace.verdict).toContainText('Delivered');
  expect(await page.evaluate(async () => (await window.podpath!.trace())?.run)).toMatchObject({ from: 'y/a', to: 'x/c', proto: 'tcp', port: 80 });
});
