import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';

/** Page models of Sembako Bahagia: the civil servant's pages, the pickup desk, the program admin's area. */
export async function signInParticipant(
  browser: Browser,
  base: string,
  nip: string,
  width: number,
  password = 'lumbung-demo',
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByRole('link', { name: 'Masuk sebagai ASN (NIP)' }).click();
  await page.getByLabel('NIP').fill(nip);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/asn');
  await page.getByRole('heading', { level: 1, name: 'Sembako Bahagia' }).waitFor();
  return page;
}

export class ParticipantPage {
  constructor(private readonly page: Page) {}
  orders() {
    return this.page.locator('.order-card');
  }
  openOrder() {
    return this.orders().filter({ hasText: 'Menunggu diambil' });
  }
  async cancelOpenOrders() {
    const buttons = this.page.getByRole('button', { name: /^Batalkan pesanan/ });
    for (let n = await buttons.count(); n > 0;) {
      await buttons.first().click();
      const deadline = Date.now() + 10_000;
      while ((await buttons.count()) >= n && Date.now() < deadline)
        await this.page.waitForTimeout(100);
      n = await buttons.count();
    }
  }
  async order(packageLabel: RegExp, qty = 1) {
    const select = this.page.getByLabel('Paket', { exact: true });
    const options = await select.locator('option').allTextContents();
    await select.selectOption({ label: options.find((o) => packageLabel.test(o))! });
    await this.page.getByLabel('Jumlah paket').fill(String(qty));
    await this.page.getByRole('button', { name: 'Pesan', exact: true }).click();
  }
  notice() {
    return this.page.getByRole('status');
  }
  pickupCode() {
    return this.openOrder().getByTestId('pickup-code');
  }
  qr() {
    return this.openOrder().getByRole('img', { name: /Kode QR pengambilan/ });
  }
}

export class PickupDeskPage {
  constructor(private readonly page: Page) {}
  async open(base: string, coopId: string) {
    await this.page.goto(`${base}/koperasi/${coopId}/ambil`);
    await this.page.getByRole('heading', { level: 1, name: 'Ambil paket Sembako' }).waitFor();
  }
  async find(code: string) {
    await this.page.getByLabel('Kode ambil').fill(code);
    await this.page.getByRole('button', { name: 'Cari pesanan' }).click();
  }
  result() {
    return this.page.locator('.desk-result');
  }
  alert() {
    return this.page.getByRole('alert');
  }
  async handOver() {
    await this.page.getByRole('button', { name: 'Serahkan' }).click();
  }
  notice() {
    return this.page.getByRole('status');
  }
}

export class ProgramPage {
  constructor(private readonly page: Page) {}
  async open(base: string, tab = '') {
    await this.page.goto(`${base}/program${tab ? `/${tab}` : ''}`);
    await this.page.getByRole('heading', { level: 1, name: 'Program Sembako Bahagia' }).waitFor();
  }
  async importRoster(csv: string) {
    await this.page.getByLabel('Atau tempel isi CSV').fill(csv);
    await this.page.getByRole('button', { name: 'Impor peserta' }).click();
  }
  async importResults(csv: string) {
    await this.page.getByLabel('Atau tempel isi CSV').fill(csv);
    await this.page.getByRole('button', { name: 'Impor hasil' }).click();
  }
  notice() {
    return this.page.getByRole('status');
  }
  rows() {
    return this.page.locator('.datatable tbody tr');
  }
  link(name: string) {
    return this.page.getByRole('link', { name });
  }
  async paySponsor(amount: number, reference: string) {
    await this.page.getByLabel('Jumlah (Rp)').fill(String(amount));
    await this.page.getByLabel('Referensi transfer').fill(reference);
    await this.page.getByRole('button', { name: 'Catat pembayaran' }).click();
  }
  total(key: string) {
    return this.page.getByTestId(`total-${key}`);
  }
}

/** The civil servant's sign-in screen, which also activates an account with its one-time code. */
export class ParticipantSignInPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/asn/masuk`);
    await this.page.getByLabel('NIP').waitFor();
  }
  async switchToActivation() {
    await this.page.getByRole('button', { name: 'Aktivasi akun' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Aktivasi akun' }).waitFor();
  }
  async switchToSignIn() {
    await this.page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: /masuk ASN$/ }).waitFor();
  }
  async activate(nip: string, code: string, password: string) {
    await this.page.getByLabel('NIP').fill(nip);
    await this.page.getByLabel('Kode aktivasi').fill(code);
    await this.page.getByLabel(/^Kata sandi baru/).fill(password);
    await this.page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
  }
  async signIn(nip: string, password: string) {
    await this.page.getByLabel('NIP').fill(nip);
    await this.page.getByLabel('Kata sandi', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Masuk', exact: true }).click();
  }
  /** The message under a field (its hint or its error). */
  fieldMessage(label: string | RegExp) {
    return this.page
      .locator('.field')
      .filter({ has: this.page.getByLabel(label) })
      .locator('small');
  }
  alert() {
    return this.page.getByRole('alert');
  }
}

/** The civil servant's home once signed in. */
export class ParticipantHomePage {
  constructor(private readonly page: Page) {}
  async waitFor() {
    await this.page.waitForURL((u) => u.pathname === '/asn');
    await this.page.getByRole('heading', { level: 1, name: 'Sembako Bahagia' }).waitFor();
  }
  /** `Name · NIP 1984…`: who is signed in. */
  who() {
    return this.page.locator('h1 + p.muted');
  }
  async signOut() {
    await this.page.getByRole('button', { name: 'Keluar' }).click();
    await this.page.waitForURL((u) => u.pathname === '/asn/masuk');
  }
}

/** The program's section tabs and the period picker, shared by the program admin and the hub. */
export class ProgramNav {
  constructor(private readonly page: Page) {}
  async tab(name: string) {
    await this.page
      .getByRole('navigation', { name: 'Bagian program' })
      .getByRole('link', { name, exact: true })
      .click();
  }
  async choosePeriod(month: string) {
    await this.page.getByLabel('Periode', { exact: true }).selectOption(month);
  }
}

/** The roster tab's activation codes: the CSV of new codes a program admin downloads for one OPD. */
export async function downloadActivationCodes(page: Page, opd: string): Promise<string> {
  await page.getByLabel('OPD', { exact: true }).fill(opd);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Unduh kode baru untuk \d+ peserta \(CSV\)$/ }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

export interface PackageInput {
  name: string;
  price: number;
  subsidy: number;
  items: { product: string; qty: number }[];
}

/** The periods tab: the list of periods and the new-period form. */
export class PeriodsPage {
  constructor(private readonly page: Page) {}
  /** Month `YYYY-MM`; opening and closing `YYYY-MM-DDTHH:mm` in WIB. */
  async fillPeriod(month: string, opens: string, closes: string) {
    await this.page.getByLabel('Bulan', { exact: true }).fill(month);
    await this.page.getByLabel('Pemesanan dibuka', { exact: true }).fill(opens);
    await this.page.getByLabel('Pemesanan ditutup', { exact: true }).fill(closes);
  }
  /** Fills package `n` (from 1), adding item lines as needed. */
  async fillPackage(n: number, p: PackageInput) {
    const field = (label: string) => this.page.getByLabel(label, { exact: true });
    await field(`Nama paket ${n}`).fill(p.name);
    await field(`Harga paket ${n}`).fill(String(p.price));
    await field(`Subsidi penyelenggara ${n}`).fill(String(p.subsidy));
    for (const [i, item] of p.items.entries()) {
      const product = field(`Paket ${n}: Produk (baris ${i + 1})`);
      if (!(await product.count()))
        await this.page.getByRole('button', { name: `Paket ${n}: Tambah barang` }).click();
      await product.selectOption({ label: item.product });
      await field(`Paket ${n}: Jumlah (baris ${i + 1})`).fill(String(item.qty));
    }
  }
  async setPrice(n: number, price: number) {
    await this.page.getByLabel(`Harga paket ${n}`, { exact: true }).fill(String(price));
  }
  /** The hint under the subsidy: what the participant pays. */
  toDeduct(n: number) {
    return this.page
      .locator('.field')
      .filter({ has: this.page.getByLabel(`Subsidi penyelenggara ${n}`, { exact: true }) })
      .locator('small');
  }
  async save() {
    await this.page.getByRole('button', { name: 'Simpan periode' }).click();
  }
  alert() {
    return this.page.getByRole('alert');
  }
  notice() {
    return this.page.getByRole('status');
  }
  row(monthLabel: string) {
    return this.page.locator('.datatable tbody tr').filter({ hasText: monthLabel });
  }
}

/** The demand tab: units per cooperative and, for the hub, proposing draft delivery orders. */
export class DemandPage {
  constructor(private readonly page: Page) {}
  async filter(text: string) {
    await this.page.getByLabel('Koperasi', { exact: true }).fill(text);
  }
  rows() {
    return this.page.locator('.datatable tbody tr');
  }
  proposeButton() {
    return this.page.getByRole('button', { name: 'Usulkan surat jalan' });
  }
  async propose() {
    await this.proposeButton().click();
  }
  notice() {
    return this.page.getByRole('status');
  }
  /** The link to a proposed draft, by cooperative name. */
  draftLink(coop: string) {
    return this.page.getByRole('link', { name: `Buka surat jalan untuk ${coop}` });
  }
  /** The line of a proposed draft: `KDKMP … — Rp 123.000`. */
  draftLine(coop: string) {
    return this.page.locator('li').filter({ has: this.draftLink(coop) });
  }
}
