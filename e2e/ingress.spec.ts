// Journey: from an outside host's shell, curl two hosts and two paths through ingress-nginx's
// load balancer and reach four different backends; each request ends at the controller, which
// opens its own connection to the chosen pod; the routing panel lights the rule it followed.
// Then the same through the Gateway's Envoy, and a cluster without a controller gets one with a click.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PodpathPage } from './pages/PodpathPage';
import { RoutingPanel } from './pages/RoutingPanel';
import { ShellPanel } from './pages/ShellPanel';

const INGRESS_YAML = readFileSync(fileURLToPath(new URL('../src/scenarios/ingress.yaml', import.meta.url)), 'utf8');
const NGINX_LB = '192.0.2.101';
const ENVOY_LB = '192.0.2.100';

test('an outside host curls two hosts and two paths through ingress-nginx and reaches four backends', async ({ page }) => {
  // Five curls typed into the terminal and their walks: longer than one send on a busy machine.
  test.setTimeout(60_000);
  const app = new PodpathPage(page);
  const shell = new ShellPanel(page);
  const routing = new RoutingPanel(page);
  await app.open();
  expect(await page.evaluate((y) => window.podpath!.loadScenario(y), INGRESS_YAML)).toEqual({ ok: true });
  await expect(app.loadBalancer('ingress-nginx/ingress-nginx-controller')).toContainText(NGINX_LB);

  await app.outsideHost('client').click();
  await shell.open();
  await expect(shell.region).toHaveAccessibleName('Shell in outside host client');
  const journeys = [['shop.example.com', '/cart', 'cart'], ['shop.example.com', '/', 'shop'], ['blog.example.com', '/api/posts', 'api'], ['blog.example.com', '/', 'blog']] as const;
  for (const [host, path, backend] of journeys) {
    await shell.run(`curl -H 'Host: ${host}' http://${NGINX_LB}${path}`);
    await expect(shell.output).toContainText(new RegExp(`Hostname: ${backend}-[a-z0-9]+-[a-z0-9]{5}`));
  }
  // The client's address reached the backend: externalTrafficPolicy Local keeps it.
  await expect(shell.output).toContainText('X-Forwarded-For: 203.0.113.10');

  // The last walk: the client's connection to the load balancer, then the controller's own to the blog pod.
  const { trace } = app;
  await trace.pause();
  const headings = page.getByRole('presentation').filter({ hasText: /^Exchange \d/ });
  await expect(headings).toHaveText([
    new RegExp(`^Exchange 1HTTP GET / to ${NGINX_LB.replace(/\./g, '\\.')}:80delivered · 200 OK$`),
    /^Exchange 2HTTP GET \/ to 10\.244\.\d+\.\d+:80delivered · 200 OK$/,
  ]);
  await expect(trace.hopsOfKind('proxy').first()).toContainText('server_name blog.example.com');
  // Step to the end of the walk: the request has long passed the controller.
  await trace.selectHop(await trace.hopItems.count());

  await routing.show();
  const nginx = routing.table(/^ingress-nginx in pod ingress-nginx\//);
  await expect(nginx).toBeVisible();
  await expect(routing.reached(nginx)).toHaveCount(1);
  await expect(routing.reached(nginx)).toContainText('blog.example.com');
  await expect(routing.reached(nginx)).toContainText('Prefix /');
  await expect(routing.reached(nginx)).toContainText('default/blog:80');
  // Back to the hop that matched, from the lit row.
  await routing.reached(nginx).getByRole('button').click();
  await expect(routing.status).toContainText('nginx picks server_name blog.example.com');

  // The same routes as an HTTPRoute, through Envoy.
  await shell.run(`curl -H 'Host: shop.example.com' http://${ENVOY_LB}/cart`);
  await expect(shell.output).toContainText('X-Envoy-External-Address: 203.0.113.10');
  await trace.pause();
  await trace.selectHop(await trace.hopItems.count());
  await routing.show();
  const gateway = routing.table(/^Gateway default\/eg/);
  await expect(routing.reached(gateway)).toContainText('PathPrefix /cart');
  await expect(routing.reached(nginx)).toHaveCount(0);
});

test('a cluster without an Ingress controller gets ingress-nginx with one click', async ({ page }) => {
  const app = new PodpathPage(page);
  const routing = new RoutingPanel(page);
  await app.open();
  await routing.show();
  await expect(page.getByText('No Ingress controller or Gateway runs in this cluster')).toBeVisible();
  await routing.install('Install ingress-nginx').click();
  await expect(routing.table(/^ingress-nginx in pod/)).toBeVisible();
  await expect(app.loadBalancer('ingress-nginx/ingress-nginx-controller')).toBeVisible();
  await expect(routing.install('Install ingress-nginx')).toHaveCount(0);
  await app.scenario.show();
  await expect(app.scenario.yaml).toHaveValue(/addons: \[ ?ingress-nginx ?\]/);
});
