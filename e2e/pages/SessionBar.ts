// The top bar's session controls and their dialogs: Undo, Redo, Copy link, My scenarios,
// Import kubectl, Handouts; and the page's notice.
import type { Locator, Page } from '@playwright/test';

export class SessionBar {
  readonly undo: Locator;
  readonly redo: Locator;
  readonly copyLink: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.undo = page.getByRole('button', { name: 'Undo', exact: true });
    this.redo = page.getByRole('button', { name: 'Redo', exact: true });
    this.copyLink = page.getByRole('button', { name: 'Copy link', exact: true });
    this.notice = page.locator('.pp-notice');
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  async openHandouts(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Handouts', exact: true }).click();
    return this.dialog('Handouts');
  }

  async openImport(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Import kubectl', exact: true }).click();
    return this.dialog('Import your cluster from kubectl');
  }

  async openLibrary(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'My scenarios', exact: true }).click();
    return this.dialog('My scenarios');
  }
}
