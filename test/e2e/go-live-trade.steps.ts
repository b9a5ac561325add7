import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { CASHIER, GULA, signedOn, today } from './go-live-data.ts';
import type { GoLiveRun } from './go-live-run.ts';
import { CeilingsPage } from './pages/ceilings.ts';
import { CashierScreen, CooperativeScreens } from './pages/cooperative.ts';
import * as hub from './pages/delivery.ts';
import { ActivationScreen, ParticipationScreen, UsersScreen } from './pages/go-live.ts';

/** The steps that trade: catalogue, warehouse, terms, delivery, the cashier, the ceiling. */

/** The screen's success message, or else what its alerts say (so that a refusal shows in the failure). */
async function noticeOrAlert(page: Page) {
  const notice = page.locator('p.notice');
  if (await notice.count()) return (await notice.first().textContent()) ?? '';
  return (await page.getByRole('alert').allTextContents()).join(' | ');
}

const HET = { price: '17.500', ref: 'Perbadan No. 12 Tahun 2024 (HAP gula konsumsi)' };

export async function addSugar(run: GoLiveRun) {
  const products = new hub.ProductsPage(run.desk);
  await products.open(run.url);
  await products.button('Tambah produk').click();
  await products.field('SKU').fill(GULA.sku);
  await products.field('Nama produk').fill(GULA.name);
  await products.field('Satuan').fill('pak');
  await products.field('Komoditas').selectOption({ label: 'Gula' });
  await products.field('Isi bersih').fill('1');
  await products.field('Ukuran isi (g, kg, ml, l)').selectOption('kg');
  await products.field('Harga konsinyasi').fill('16.000');
  await products.field('Harga eceran').fill('18.000');
  await products.button('Simpan produk').click();
  await expect
    .poll(() => run.desk.getByRole('status').textContent())
    .toBe(`Produk ${GULA.name} tersimpan.`);
  expect(await products.row(GULA.name).textContent()).toMatch(/Rp 16\.000.*Rp 18\.000/);
  expect(await run.desk.getByTestId('no-ceiling-warning').textContent()).toMatch(
    new RegExp(`Belum ada HET/HAP untuk .*${GULA.name}`),
  );
  await run.shotBoth('/produk', 'products', (p) =>
    new hub.ProductsPage(p).row(GULA.name).waitFor(),
  );
}

export async function receiveGoods(run: GoLiveRun) {
  const receipts = new hub.GoodsReceiptsPage(run.desk);
  await receipts.open(run.url);
  await receipts.fill({
    supplier: 'PT Gula Nusantara',
    product: `${GULA.sku} — ${GULA.name}`,
    qty: '500',
    cost: '15.000',
  });
  await receipts.submit();
  await expect
    .poll(() => run.desk.getByRole('status').textContent())
    .toMatch(
      /^Penerimaan BPB\/[A-Z0-9-]+\/\d{4}\/\d{2}\/0001 dari PT Gula Nusantara tersimpan: Rp 7\.500\.000\.$/,
    );
  await expect.poll(() => receipts.rows().count()).toBe(1);
  await run.shotBoth('/gudang/penerimaan', 'goods-receipt', (p) =>
    new hub.GoodsReceiptsPage(p).rows().first().waitFor(),
  );
}

/** The agreement signed a week ago, entered today, with a Rp 500.000 limit. */
export async function joinProgram(run: GoLiveRun) {
  // From the network list to the cooperative, then to its agreement.
  await run.desk.goto(`${run.url}/jaringan`);
  await run.desk.getByRole('link', { name: run.file.first.name, exact: true }).click();
  await run.desk.getByRole('link', { name: 'Perjanjian & ketentuan' }).first().click();
  const terms = new ParticipationScreen(run.desk);
  await terms.heading().waitFor();
  await terms.field('Nomor perjanjian').fill('PKS/KANA-JBI/2026/001');
  await terms.field('Mulai').fill(signedOn);
  await terms.field('Batas eksposur').fill('500.000');
  await terms.button('Simpan kepesertaan').click();
  await expect.poll(() => noticeOrAlert(run.desk)).toBe('Kepesertaan tersimpan.');
  await expect.poll(() => terms.fact('Batas eksposur')).toBe('Rp 500.000');
  await run.shotBoth(`/koperasi/${run.coopId}/perjanjian`, 'participation', (p) =>
    new ParticipationScreen(p).heading().waitFor(),
  );
}

export async function deliveryOverTheLimit(run: GoLiveRun) {
  const list = new hub.DeliveryListPage(run.desk);
  await list.open(run.url);
  await list.createButton().click();
  const form = new hub.NewDeliveryPage(run.desk);
  await form.chooseCooperative(run.file.first.name);
  await form.quantity(GULA.name).fill('50');
  await expect.poll(() => form.orderValue().textContent()).toBe('Rp 800.000');
  await form.saveDraft();
  run.deliveryUrl = run.desk.url();
  const detail = new hub.DeliveryDetailPage(run.desk);
  await detail.checkSection().waitFor();
  expect(await detail.check('Batas eksposur').textContent()).toMatch(/Rp 500\.000/);
  expect(await detail.check('Eksposur setelah kirim').textContent()).toMatch(/Melebihi batas/);
  // The check already predicts the refusal: no plain "Kirim" to be refused; the hub admin is
  // offered only the override with its reason.
  await detail.reason().waitFor();
  expect(await run.desk.getByRole('button', { name: 'Kirim', exact: true }).count()).toBe(0);
  expect(await detail.status().textContent()).toBe('Draf');
  await run.shot(run.desk, 'delivery-over-limit');
}

export async function raiseLimit(run: GoLiveRun) {
  const terms = new ParticipationScreen(run.desk);
  await terms.open(run.url, run.coopId);
  await terms.button('Ubah ketentuan').click();
  expect(await terms.field('Berlaku mulai').inputValue()).toBe(today);
  await terms.field('Batas eksposur').fill('5.000.000');
  await terms.field('Alasan').fill('Adendum PKS: batas dinaikkan setelah survei gudang koperasi');
  await terms.button('Simpan perubahan').click();
  await expect.poll(() => noticeOrAlert(run.desk)).toMatch(/^Ketentuan mulai .* tersimpan\.$/);
  await expect.poll(() => terms.fact('Batas eksposur')).toBe('Rp 5.000.000');
  // Both versions stay: the first, and the raise with its reason and author.
  await expect.poll(() => terms.historyRows().count()).toBe(2);
  expect(await terms.historyRows().allInnerTexts()).toEqual(
    expect.arrayContaining([expect.stringMatching(/Rp 5\.000\.000[\s\S]*Adendum PKS/)]),
  );
  await run.shotBoth(`/koperasi/${run.coopId}/perjanjian`, 'participation-raised', (p) =>
    new ParticipationScreen(p).historyRows().nth(1).waitFor(),
  );
}

export async function dispatch(run: GoLiveRun) {
  await run.desk.goto(run.deliveryUrl);
  const detail = new hub.DeliveryDetailPage(run.desk);
  await detail.checkSection().waitFor();
  expect(await detail.check('Eksposur setelah kirim').textContent()).toMatch(/Dalam batas/);
  await run.shot(run.desk, 'delivery');
  await detail.dispatch();
  await expect.poll(() => detail.notice().textContent()).toBe('Surat jalan dikirim.');
  await expect.poll(() => detail.status().textContent()).toBe('Dikirim');
  await run.phone.goto(run.deliveryUrl);
  await new hub.DeliveryDetailPage(run.phone).history().waitFor();
  await run.shot(run.phone, 'delivery');
}

export async function managerReceives(run: GoLiveRun) {
  const s = new CooperativeScreens(run.manager, run.url);
  await s.open(run.coopId, 'terima');
  await s.field('Kiriman').waitFor();
  await s.field('Kiriman').selectOption({ value: run.deliveryUrl.split('/').pop()! });
  await s.field(`Diterima — ${GULA.name}`).fill('50');
  await run.shot(run.manager, 'receive');
  await s.button('Simpan penerimaan').click();
  await expect.poll(() => s.notice().textContent()).toMatch(/Kiriman diterima/);
}

export async function managerAddsCashier(run: GoLiveRun) {
  const users = new UsersScreen(run.manager);
  await users.open(run.url);
  const code = await users.invite(CASHIER);
  await run.shot(run.manager, 'invite-cashier');
  run.cashier = await run.newPhone();
  const activation = new ActivationScreen(run.cashier);
  await activation.open(run.url);
  await activation.fill(CASHIER.email, code, CASHIER.password);
  await activation.submit();
  // A cashier lands on the till.
  await run.cashier.waitForURL(`${run.url}/koperasi/${run.coopId}/kasir`);
}

/** "Menunggu n · terkirim n · ditolak n" of the cashier's outbox. */
const outbox = (page: Page) => new CashierScreen(page).counts().textContent();

export async function cashierSells(run: GoLiveRun) {
  const till = new CashierScreen(run.cashier);
  await run.cashier.getByRole('button', { name: `Tambah ${GULA.name}` }).waitFor();
  await till.sell(GULA.name, GULA.retail);
  await expect.poll(() => outbox(run.cashier)).toBe('Menunggu 0 · terkirim 1 · ditolak 0');
  await run.shot(run.cashier, 'cashier');
}

/**
 * The gula ceiling comes while the cashier's phone has no signal: its price list still says
 * Rp 18.000 without a ceiling, so it sells at that price; once back online the server refuses the
 * sale (PriceAboveCeiling) and the till says why.
 */
export async function ceilingRefusesStaleSale(run: GoLiveRun) {
  await run.cashier.context().setOffline(true);
  const het = new CeilingsPage(run.desk);
  await het.open(run.url);
  await het.button('Tambah HET/HAP').click();
  await het.field('Komoditas').selectOption({ label: 'Gula' });
  await het.field('Harga per kg').fill(HET.price);
  await het.field('Dasar peraturan').fill(HET.ref);
  await het.button('Simpan HET/HAP').click();
  await expect
    .poll(() => het.notice().textContent())
    .toMatch(/^HET\/HAP Gula \(Nasional\) Rp 17\.500 per kg/);
  await run.shotBoth('/het', 'ceilings', (p) => new CeilingsPage(p).rows(HET.ref).waitFor());
  const products = new hub.ProductsPage(run.desk);
  await products.open(run.url);
  await expect.poll(() => products.row(GULA.name).textContent()).toMatch(/Rp 17\.500/);
  expect(await run.desk.getByTestId('no-ceiling-warning').count()).toBe(0);

  const till = new CashierScreen(run.cashier);
  await till.sell(GULA.name, GULA.retail);
  await expect.poll(() => outbox(run.cashier)).toBe('Menunggu 1 · terkirim 1 · ditolak 0');
  const answer = run.cashier.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/sales$/.test(r.url()),
  );
  await run.cashier.context().setOffline(false);
  const body = (await (await answer).json()) as { results: { status: string; code?: string }[] };
  expect(body.results).toEqual([
    expect.objectContaining({ status: 'rejected', code: 'PriceAboveCeiling' }),
  ]);
  await expect.poll(() => outbox(run.cashier)).toBe('Menunggu 0 · terkirim 1 · ditolak 1');
  expect(await run.cashier.getByRole('alert').textContent()).toMatch(
    /melebihi HET\/HAP Rp 17\.500/,
  );
  await run.shot(run.cashier, 'cashier-refused');
}

/** The hub lowers the price to the ceiling (a price above it is refused on the screen); the till sells again. */
export async function priceWithinCeiling(run: GoLiveRun) {
  // Fresh from the server: the till now shows the ceiling and will not sell above it.
  await run.cashier.reload();
  const add = run.cashier.getByRole('button', { name: `Tambah ${GULA.name}` });
  await expect.poll(() => add.textContent()).toMatch(/di atas HET Rp 17\.500/);
  expect(await add.isDisabled()).toBe(true);

  const products = new hub.ProductsPage(run.desk);
  await products.open(run.url);
  await products.changePrices(GULA.name);
  await products.field('Harga eceran').fill('18.000');
  await products.button('Simpan harga').click();
  await expect
    .poll(() => products.fieldMessage('Harga eceran').textContent())
    .toMatch(/melebihi HET\/HAP Rp 17\.500/);
  await products.field('Harga eceran').fill(HET.price);
  await products.button('Simpan harga').click();
  await expect
    .poll(() => run.desk.getByRole('status').textContent())
    .toMatch(new RegExp(`^Harga ${GULA.name} mulai .* tersimpan\\.$`));

  await run.cashier.reload();
  await expect.poll(() => add.isDisabled()).toBe(false);
  await new CashierScreen(run.cashier).sell(GULA.name, 17_500);
  await expect.poll(() => outbox(run.cashier)).toBe('Menunggu 0 · terkirim 2 · ditolak 1');
  await expect
    .poll(() => run.cashier.getByText(/^Penjualan hari ini:/).textContent())
    .toBe('Penjualan hari ini: Rp 35.500');
  await run.shot(run.cashier, 'cashier-sold');
  await run.cashier.setViewportSize({ width: 1280, height: 800 });
  await run.shot(run.cashier, 'cashier-sold');
}
