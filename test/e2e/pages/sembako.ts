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
