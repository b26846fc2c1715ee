// The policies and reachability side panels: the plugin's enforcement note, each policy (its
// selected pods, rules, YAML), adding a default-deny policy, and the matrix whose cells are
// buttons named "FROM to TO: VERDICT".
import type { Locator, Page } from '@playwright/test';

export class PolicyPanel {
  readonly list: Locator;
  readonly note: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Policies' });
    this.note = page.getByRole('tabpanel').locator('.pp-policy-note');
  }

  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Policies', exact: true }).click();
  }

  async openUpstreamModel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open the upstream NetworkPolicy model' }).click();
  }

  /** A policy's card, by NAMESPACE/NAME. */
  policy(key: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: key, exact: true }) });
  }

  async addDefaultDeny(namespace: string): Promise<void> {
    await this.page.getByRole('tabpanel').getByRole('combobox', { name: 'Namespace' }).selectOption(namespace);
    await this.page.getByRole('button', { name: 'Add default-deny ingress' }).click();
  }

  async showMatrix(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Reachability', exact: true }).click();
  }

  async computeMatrix(proto: 'TCP' | 'UDP' | 'SCTP', port: number): Promise<void> {
    const panel = this.page.getByRole('tabpanel');
    await panel.getByRole('combobox', { name: 'Protocol' }).selectOption({ label: proto });
    await panel.getByRole('spinbutton', { name: 'Port' }).fill(String(port));
    await this.page.getByRole('button', { name: 'Send every pod to every pod' }).click();
  }

  get matrix(): Locator {
    return this.page.getByRole('table', { name: /^Reachability on / });
  }

  /** One cell of the matrix: the client `from`, the server `to`. */
  cell(from: string, to: string): Locator {
    return this.matrix.getByRole('button', { name: new RegExp(`^${from} to ${to}: `) });
  }
}
