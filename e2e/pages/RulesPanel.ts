// The "Rules vs Services" side panel: the run button, the status line, the chart (an image
// with a title and a description), and the table alternative.
import type { Locator, Page } from '@playwright/test';

export class RulesPanel {
  readonly heading: Locator;
  readonly run: Locator;
  readonly status: Locator;
  readonly chart: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Rules a packet crosses, as Services grow' });
    this.run = page.getByRole('button', { name: /^Run the measurement/ });
    // The page has other live regions (the search, the progress): this panel's own.
    this.status = page.getByRole('tabpanel', { name: 'Rules vs Services' }).getByRole('status');
    this.chart = page.getByRole('img', { name: /^Rules a packet to one Service is compared with/ });
    this.table = page.getByRole('table', { name: 'Rules compared by a packet to one Service' });
  }

  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Rules vs Services' }).click();
  }

  async showTable(): Promise<void> {
    await this.page.getByText('Show the numbers as a table').click();
  }

  /** One row of the table as numbers: [iptables, IPVS, nftables] for `services` ("10,000"). */
  async row(services: string): Promise<number[]> {
    const cells = this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: services, exact: true }) }).getByRole('cell');
    return (await cells.allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  }
}
