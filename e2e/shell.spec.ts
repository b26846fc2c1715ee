// Journey: open a pod's shell, curl a Service by name, and watch the conversation: the DNS
// queries and the TCP connection in the hop list, the packet on the graph; then look up a
// name that does not exist.
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';
import { ShellPanel } from './pages/ShellPanel';

test('curl a Service by name from a pod\'s shell: DNS exchanges, then the TCP connection and the HTTP exchange', async ({ page }) => {
  const app = new PodpathPage(page);
  const shell = new ShellPanel(page);
  await app.open();
  await app.pod('default/web').click();
  await shell.open();
  await expect(shell.region).toHaveAccessibleName('Shell in pod default/web');

  await shell.run('curl http://api/');
  await expect(shell.output).toContainText(/Hostname: api-\S+/);
  await expect(shell.output).toContainText('RemoteAddr: 10.244.1.2:');

  const { trace } = app;
  await trace.pause();
  await expect(trace.verdict).toContainText('default/web$ curl http://api/');
  await expect(trace.verdict).toContainText('3 exchanges: 3 delivered');
  const headings = page.getByRole('presentation').filter({ hasText: /^Exchange \d/ });
  await expect(headings).toHaveText([
    /^Exchange 1look up api\.default\.svc\.cluster\.local \(A\)delivered · A 10\.96\.\d+\.\d+$/,
    /^Exchange 2look up api\.default\.svc\.cluster\.local \(AAAA\)delivered · NOERROR, no records \(NODATA\)$/,
    /^Exchange 3HTTP GET \/ to 10\.96\.\d+\.\d+:80delivered · 200 OK$/,
  ]);
  await expect(page.getByRole('presentation').filter({ hasText: /^(DNS query|DNS answer|SYN|SYN ACK|HTTP request|HTTP response)/ })).toHaveCount(8);

  // The first hop is the resolver's socket in the pod, drawn where the packet is.
  await trace.selectHop(1);
  await expect(trace.selectedHop).toContainText("curl's resolver (glibc) in pod default/web asks 10.96.0.10");
  await expect(app.packet).toBeVisible();
  await expect(app.current).toHaveAccessibleName('container nginx of pod default/web');
  // The DNS query is DNATed to a CoreDNS pod on the control plane.
  await expect(trace.hopsOfKind('nat').first()).toContainText('KUBE-SVC-');
});

test('nslookup of a name that does not exist: every search domain answers NXDOMAIN, and nslookup says so', async ({ page }) => {
  const app = new PodpathPage(page);
  const shell = new ShellPanel(page);
  await app.open();
  await app.pod('default/cache').click();
  await shell.open();
  await shell.run('nslookup nosuch');
  await expect(shell.output).toContainText("** server can't find nosuch: NXDOMAIN");
  await app.trace.pause();
  // Four queries from nslookup (three search domains, then the name), and CoreDNS's forward of the last one, on to the public resolver.
  await expect(page.getByRole('presentation').filter({ hasText: /^Exchange \d+look up nosuch/ })).toHaveCount(6);

  // History and completion work like a shell's.
  await shell.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Control+C');
  await page.keyboard.type('ca');
  await page.keyboard.press('Tab');
  await page.keyboard.type('/etc/res');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(shell.output).toContainText('nameserver 10.96.0.10');
});
