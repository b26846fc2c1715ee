// The scenario side panel: the YAML textarea, Apply, the located errors and warnings, and
// the question asked before an empty editor replaces the scenario.
import type { Locator, Page } from '@playwright/test';

export class ScenarioPanel {
  readonly yaml: Locator;
  readonly errors: Locator;
  readonly warnings: Locator;
  readonly confirmBlank: Locator;

  constructor(readonly page: Page) {
    this.yaml = page.getByRole('textbox', { name: /^Scenario YAML/ });
    this.errors = page.getByRole('list', { name: 'Scenario errors' });
    this.warnings = page.getByRole('list', { name: 'Scenario warnings' });
    this.confirmBlank = page.getByRole('alertdialog', { name: 'Replace the scenario with an empty one?' });
  }

  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Scenario/ }).click();
  }

  async replace(text: string): Promise<void> {
    await this.yaml.fill(text);
  }

  async apply(): Promise<void> {
    await this.page.getByRole('button', { name: 'Apply', exact: true }).click();
  }
}
