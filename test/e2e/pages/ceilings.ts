import type { Page } from 'playwright-core';

/** The hub admin's regulated ceilings (HET/HAP) screen: the list and the form to add one. */
export class CeilingsPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/het`);
    await this.page.getByRole('heading', { level: 1, name: /HET\/HAP/ }).waitFor();
  }
  menuLink() {
    return this.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'HET/HAP' });
  }
  rows(text: string | RegExp) {
    return this.page.locator('table tbody tr').filter({ hasText: text });
  }
  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }
  /** The message under the field labelled `label` (its error or hint). */
  fieldMessage(label: string) {
    return this.page
      .locator('.field')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .locator('small');
  }
  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }
  notice() {
    return this.page.getByRole('status');
  }
  /** Narrows the list to the rows with `text` in one of their cells. */
  async filter(text: string) {
    await this.page.getByLabel(/^Saring/).fill(text);
  }
}
