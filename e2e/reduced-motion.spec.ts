// Journey 5: with reduced motion the packet does not glide; it jumps onto the selected hop.
// The same check without reduced motion shows the glide, so the test can tell the two apart.
import { expect, test, type Page } from '@playwright/test';
import { API_POD } from './fixtures';
import { PodpathPage } from './pages/PodpathPage';

/** Where the packet's pin points, and the box of the element it should point at. */
async function pinAndTarget(app: PodpathPage) {
  const pin = await app.packet.boundingBox();
  const target = await app.current.boundingBox();
  if (!pin || !target) return null;
  return { x: pin.x + pin.width / 2, y: pin.y + pin.height + 9, target };
}

function onTarget(p: Awaited<ReturnType<typeof pinAndTarget>>): boolean {
  if (!p) return false;
  const { x, y, target } = p;
  return x >= target.x && x <= target.x + target.width && y >= target.y - 4 && y <= target.y + target.height;
}

/** Sends web -> the api pod on the other worker, pauses, and selects the hop before the frame crosses to the other node. */
async function readyToCross(page: Page): Promise<PodpathPage> {
  const app = new PodpathPage(page);
  await app.open();
  await app.sendByClicking(app.pod('default/web'), app.pod(API_POD));
  await app.trace.pause();
  await app.trace.setSpeed('0.5');
  const wire = await page.evaluate(async () => (await window.podpath!.trace())!.exchanges[0]!.legs[0]!.hops.findIndex((h) => h.kind === 'wire'));
  await app.trace.selectHop(wire + 1);
  await expect.poll(async () => onTarget(await pinAndTarget(app))).toBe(true);
  return app;
}

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the packet jumps onto the next hop at once and stays there', async ({ page }) => {
    const app = await readyToCross(page);
    await app.trace.button('Step forward').click();
    await expect(app.current).toHaveAccessibleName('device eth0 of node kind-worker2');
    await expect.poll(async () => onTarget(await pinAndTarget(app)), { timeout: 400 }).toBe(true);
    for (let i = 0; i < 4; i++) {
      await expect(app.packet.locator('xpath=..')).toHaveAttribute('data-moving', 'false');
      expect(onTarget(await pinAndTarget(app))).toBe(true);
      await page.waitForTimeout(80);
    }
  });
});

test.describe('with normal motion', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('the packet glides along the wire before it lands on the next hop', async ({ page }) => {
    const app = await readyToCross(page);
    await app.trace.button('Step forward').click();
    await expect(app.packet.locator('xpath=..')).toHaveAttribute('data-moving', 'true');
    expect(onTarget(await pinAndTarget(app))).toBe(false);
    await expect.poll(async () => onTarget(await pinAndTarget(app)), { timeout: 4000 }).toBe(true);
  });
});
