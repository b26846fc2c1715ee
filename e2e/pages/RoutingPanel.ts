// The routing side panel: one table per layer-7 proxy (named by the proxy), each row a rule;
// the row the walk followed is marked current; buttons install a proxy where none runs.
import type { Locator, Page } from '@playwright/test';

export class RoutingPanel {
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('tabpanel').getByRole('status');
  }

  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Routing', exact: true }).click();
  }

  /** A proxy's table, by the start of its title: "ingress-nginx in pod", "Gateway default/eg". */
  table(title: string | RegExp): Locator {
    return this.page.getByRole('table', { name: title });
  }

  /** The rows the walk has reached (aria-current). */
  reached(table: Locator): Locator {
    return table.locator('tbody tr[aria-current="true"]');
  }

  install(label: 'Install ingress-nginx' | 'Install Envoy Gateway'): Locator {
    return this.page.getByRole('button', { name: label, exact: true });
  }
}
