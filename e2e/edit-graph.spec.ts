// Journey: build a two-Service scenario on the graph without touching the YAML (a Deployment
// and a pod added from the toolbar, a Service drawn to each), send to it, undo and redo, then
// reload and find it all again.
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';

test('a scenario built on the graph sends, undoes and redoes, and survives a reload', async ({ page }) => {
  // A long journey (some twenty edits, a send, undo and redo, a reload): a busy machine needs more than the default budget.
  test.setTimeout(60_000);
  const app = new PodpathPage(page);
  await app.open();
  const { edit } = app;
  await edit.enter();

  // A Deployment from the toolbar: two replicas, on the workers.
  await edit.button('Add a Deployment').click();
  await expect(edit.status).toHaveText('Done: add a Deployment');
  const replicas = app.graph.getByRole('button', { name: /^pod default\/deployment-/ });
  await expect(replicas).toHaveCount(2);

  // A Service for one of its pods, from the toolbar once the pod is selected: it selects both replicas.
  await replicas.first().click();
  await expect(edit.inspector).toContainText('Made by Deployment default/deployment');
  await edit.button('Add a Service for deployment').click();
  await expect(app.service('default/deployment')).toBeVisible();
  await expect(app.graph.locator('[aria-label^="Service endpoint between service default/deployment and "]')).toHaveCount(2);

  // A pod on the selected node (N), then a new Service connected to it by the Connect action.
  await app.clickNode('kind-worker2');
  await page.keyboard.press('n');
  await expect(app.pod('default/pod')).toBeVisible();
  await edit.button('Add a Service').click();
  await expect(app.service('default/service')).toBeVisible();
  await app.service('default/service').click();
  await edit.button('Connect to a pod…').click();
  await app.pod('default/pod').click();
  await expect(edit.status).toContainText('added selector app=pod to Service default/service');

  // The inspector edits the Service: its port goes to the pod's port 80.
  await expect(edit.field('Ports')).toHaveValue('http 80 -> 80');
  await edit.field('Ports').fill('http 8080 -> 70000');
  await expect(edit.inspector.getByText('line 1: a targetPort is a number from 1 to 65535')).toBeVisible();
  await expect(edit.field('Ports')).toHaveAttribute('aria-invalid', 'true');
  await expect(edit.inspector.getByRole('button', { name: 'Apply changes' })).toBeDisabled();
  await edit.field('Ports').fill('http 8080 -> 80');
  await edit.apply();
  await expect(app.service('default/service')).toContainText('8080');

  // A send through it is delivered.
  await edit.leave();
  await app.sendByClicking(app.pod('default/web'), app.service('default/service'));
  await expect(app.port).toHaveValue('8080');
  await expect(app.trace.verdict).toContainText('Delivered');

  // Undo takes the port edit back, then the link; redo makes them again.
  await app.session.undo.click();
  await expect(app.service('default/service')).not.toContainText('8080');
  await app.session.undo.click();
  await expect(app.graph.locator('[aria-label^="Service endpoint between service default/service and "]')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+Z');
  await expect(app.graph.locator('[aria-label^="Service endpoint between service default/service and "]')).toHaveCount(1);
  await app.session.redo.click();
  await expect(app.service('default/service')).toContainText('8080');

  // The YAML tab says the same, and the work is there after a reload.
  await app.scenario.show();
  await expect(app.scenario.yaml).toHaveValue(/name: service\n[\s\S]*port: 8080/);
  await app.waitForSaved();
  await page.reload();
  await expect(app.service('default/service')).toContainText('8080');
  await expect(app.service('default/deployment')).toBeVisible();
  await expect(app.pod('default/pod')).toBeVisible();
});

test('the edit menu opens from the keyboard on a focused element, runs an action, and Escape gives the focus back', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  const web = app.pod('default/web');
  await web.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: /^Edit .*web/ });
  await expect(menu).toBeVisible();
  // The first item has the focus; Escape closes the menu and the pod has the focus again.
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(web).toBeFocused();

  // The menu key opens it too; the arrows reach Duplicate and Enter runs it, as a click would.
  await page.keyboard.press('ContextMenu');
  await expect(menu).toBeVisible();
  const items = await menu.getByRole('menuitem').allTextContents();
  const duplicate = items.findIndex((t) => t.startsWith('Duplicate'));
  expect(duplicate).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < duplicate; i++) await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /^Duplicate/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(app.edit.status).toHaveText(/^Done: duplicate/);
  await expect(app.graph.getByRole('button', { name: /^pod default\/web-/ })).toHaveCount(1);
});
