import { FormScreen } from './form.ts';

/** The hub admin's regulated ceilings (HET/HAP) screen: the list and the form to add one. */
export class CeilingsPage extends FormScreen {
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
  notice() {
    return this.page.getByRole('status');
  }
  /** Narrows the list to the rows with `text` in one of their cells. */
  async filter(text: string) {
    await this.page.getByLabel(/^Saring/).fill(text);
  }
}
