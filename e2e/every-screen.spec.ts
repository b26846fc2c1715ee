// Journey: the same lab on a phone (390x844, touch), a classroom projector (1280x720) and a
// large monitor (1920x1080): every control can be reached, the page scrolls neither sideways nor down, the
// selected hop's explanation is shown whole; on the phone, a tap picks and a drag pans.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';

const SCREENS = [
  { name: 'a phone', width: 390, height: 844, touch: true },
  { name: 'a projector', width: 1280, height: 720, touch: false },
  { name: 'a large monitor', width: 1920, height: 1080, touch: false },
] as const;

function controls(page: Page, app: PodpathPage, phone: boolean): Locator[] {
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  return [
    page.getByRole('radiogroup', { name: 'kube-proxy mode' }), button('Presentation'),
    button('Swap source and destination'), page.getByRole('combobox', { name: 'Protocol' }), app.port, button('Send'), button('Clear'),
    page.getByRole('searchbox', { name: /^Find a pod/ }), button('Find'), page.getByText('View', { exact: true }),
    ...['Trace', 'Tables', 'Routing', 'Rules vs Services', 'Scenario'].map((t) => page.getByRole('tab', { name: t })),
    button('Step back'), button('Play'), button('Step forward'), page.getByRole('combobox', { name: 'Speed' }),
    page.getByRole('button', { name: 'Fit the whole cluster' }),
    ...(phone ? [page.getByRole('button', { name: /^Show (more|the)/ })] : []),
  ];
}

/** The selected hop's explanation: not cut sideways or below, and inside the part of its scrolling panel that shows. */
async function hopTextWhole(app: PodpathPage): Promise<boolean> {
  const text = app.trace.selectedHop.locator('.pp-hop-text');
  await text.scrollIntoViewIfNeeded();
  return text.evaluate((el) => {
    const box = el.getBoundingClientRect();
    let at = el.parentElement;
    while (at && !/(auto|scroll)/.test(getComputedStyle(at).overflowY)) at = at.parentElement;
    const scroller = (at ?? document.documentElement).getBoundingClientRect();
    const fits = el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1;
    return fits && box.top >= scroller.top - 1 && box.bottom <= scroller.bottom + 1 && box.left >= scroller.left - 1 && box.right <= scroller.right + 1;
  });
}

/** How many rows the send bar's controls take (long names are cut with an ellipsis rather than wrapping it). */
async function sendBarRows(page: Page): Promise<number> {
  return page.getByRole('form', { name: 'Send a packet' }).evaluate((bar) => {
    const boxes = [...bar.children].filter((c) => getComputedStyle(c).position !== 'absolute').map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0);
    // Controls of one row are centred on it (their tops differ by a few pixels); a second row starts a control height lower.
    const top = Math.min(...boxes.map((r) => r.top));
    return new Set(boxes.map((r) => Math.floor((r.top - top) / 30))).size;
  });
}

for (const screen of SCREENS) {
  test.describe(`on ${screen.name} (${screen.width}x${screen.height})`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, hasTouch: screen.touch });

    test('every control is reachable, the page scrolls neither sideways nor down, and the hop text is whole', async ({ page }) => {
      const app = new PodpathPage(page);
      await app.open();
      // On a projector the send bar is one row, its hint shown before anything is picked.
      if (screen.width >= 1280) expect(await sendBarRows(page)).toBe(1);
      // On the element's name, top left: its middle may be one of its containers.
      const pick = async (l: Locator) => { if (screen.touch) await l.tap({ position: { x: 6, y: 4 } }); else await l.click({ position: { x: 6, y: 4 } }); };
      await pick(app.pod('default/web'));
      await pick(app.service('default/api'));
      await app.send();
      await expect(app.trace.verdict).toContainText('Delivered');
      await app.trace.pause();

      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      for (const control of controls(page, app, screen.touch)) {
        await control.scrollIntoViewIfNeeded();
        await expect(control).toBeInViewport({ ratio: 0.9 });
      }
      for (const hop of [1, 6, 12]) {
        await app.trace.selectHop(hop);
        expect(await hopTextWhole(app)).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      // Nor up and down: the page is the screen, its panels scroll inside it (a hidden label
      // escaping a panel once made the page taller and the top bar scroll away).
      expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      if (screen.width >= 1280) expect(await sendBarRows(page)).toBe(1);
    });
  });
}

test.describe('on a phone, by touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('a tap picks the source and a drag that starts on a pod pans the graph without picking it again', async ({ page }) => {
    const app = new PodpathPage(page);
    await app.open();
    const web = app.pod('default/web');
    await web.tap({ position: { x: 6, y: 4 } });
    await expect(app.source).toHaveText('pod default/web');
    const viewport = page.locator('.react-flow__viewport');
    const before = await viewport.getAttribute('style');
    const box = (await web.boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + i * 8, y: y + i * 5 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
    await expect(app.source).toHaveText('pod default/web');
    await expect(app.destination).not.toContainText('pod');
  });

  test('the inspector sheet grows and shrinks, and presentation mode enlarges the panel\'s type', async ({ page }) => {
    const app = new PodpathPage(page);
    await app.open();
    const side = page.getByRole('complementary', { name: 'Inspector' });
    const height = async () => (await side.boundingBox())!.height;
    const half = await height();
    await page.getByRole('button', { name: 'Show the inspector at full height' }).click();
    expect(await height()).toBeGreaterThan(half);
    await page.getByRole('button', { name: 'Show more of the graph' }).click();
    expect(await height()).toBeLessThan(half);
    const tab = page.getByRole('tab', { name: 'Trace' });
    const small = (await tab.boundingBox())!.height;
    await page.getByRole('button', { name: 'Presentation' }).click();
    await expect(page.getByRole('button', { name: 'Presentation' })).toHaveAttribute('aria-pressed', 'true');
    expect((await tab.boundingBox())!.height).toBeGreaterThan(small * 1.1);
  });
});
