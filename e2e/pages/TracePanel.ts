// The trace side panel: verdict, playback buttons, the hop list named "Hops", and the header
// panel for the selected hop.
import { expect, type Locator, type Page } from '@playwright/test';

export class TracePanel {
  readonly verdict: Locator;
  readonly hops: Locator;
  readonly headers: Locator;

  constructor(readonly page: Page) {
    this.verdict = page.getByRole('region', { name: 'Verdict' });
    this.hops = page.getByRole('list', { name: 'Hops' });
    this.headers = page.getByRole('region', { name: /^Packet at hop/ });
  }

  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Trace' }).click();
  }

  /** The hops themselves (not the leg headings, nor the lists inside a hop). */
  get hopItems(): Locator {
    return this.hops.locator(':scope > li.pp-hop');
  }

  get selectedHop(): Locator {
    return this.hops.locator('li[aria-current="step"]');
  }

  button(name: 'Step back' | 'Step forward' | 'Play' | 'Pause'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Stops playback, so the test decides where the selection goes. */
  async pause(): Promise<void> {
    const pause = this.button('Pause');
    // The engine answers a send asynchronously: wait for the player to appear first.
    await expect(pause.or(this.button('Play'))).toBeVisible();
    if (await pause.isVisible()) await pause.click();
    await expect(this.button('Play')).toBeVisible();
  }

  /** The hops of one kind ("nat", "ipvs", "conntrack"), found by their heading button: "6 nat kind-worker · …". */
  hopsOfKind(kind: string): Locator {
    return this.hopItems.filter({ has: this.page.getByRole('button', { name: new RegExp(`^\\d+ ${kind} `) }) });
  }

  /** Selects a hop by clicking its heading. */
  async select(hop: Locator): Promise<void> {
    await hop.getByRole('button').first().click();
  }

  /** The NAT summary of the header panel: "DNAT: destination A → B". */
  get rewrite(): Locator {
    return this.headers.locator('.pp-rewrite');
  }

  /** Selects hop `n` (1-based) by clicking it in the list. */
  async selectHop(n: number): Promise<void> {
    await this.hopItems.nth(n - 1).getByRole('button').click();
  }

  async setSpeed(speed: '0.5' | '1' | '2' | '4'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
  }

  /** The changed-field cells of the header panel. */
  get changedFields(): Locator {
    return this.headers.locator('.pp-changed');
  }
}
