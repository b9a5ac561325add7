import { FormScreen } from './form.ts';

/** The hub admin's settings screen: the hub's profile, its warehouses, its dated rules. */
export class SettingsPage extends FormScreen {
  menuLink() {
    return this.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Pengaturan' });
  }
  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Pengaturan hub' });
  }
  notice(text: string | RegExp) {
    return this.page.getByRole('status').filter({ hasText: text });
  }
  /** The table rows (profile, warehouses, rules, history) holding `text`. */
  rows(text: string | RegExp) {
    return this.page.locator('table tbody tr').filter({ hasText: text });
  }
}
