// The tables side panel: the namespace picker, one tab per table (named by its command), and
// the table's lines; matched lines are buttons naming their hop, the selected hop's marked current.
import type { Locator, Page } from '@playwright/test';

export class TablesPanel {
  readonly namespace: Locator;
  readonly hop: Locator;

  constructor(readonly page: Page) {
    this.namespace = page.getByRole('combobox', { name: 'Namespace' });
    this.hop = page.locator('.pp-tables-hop');
  }

  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Tables', exact: true }).click();
  }

  /** A table's tab, by its command: "iptables-save", "conntrack -L" (its name also says how many lines matched). */
  tab(command: string): Locator {
    return this.page.getByRole('tablist', { name: /^Tables of / }).getByRole('tab', { name: command });
  }

  /** The open table's text. */
  get lines(): Locator {
    return this.page.getByRole('tabpanel').locator('pre.pp-tl');
  }

  /** The matched lines of the open table (each a button naming its hop). */
  get matchedLines(): Locator {
    return this.lines.getByRole('button');
  }

  /** The lines of the selected hop. */
  get currentLines(): Locator {
    return this.lines.locator('[aria-current="true"]');
  }

  button(name: 'Step back' | 'Step forward'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
