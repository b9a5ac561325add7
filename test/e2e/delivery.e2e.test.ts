import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, apiOf, launchChromium, signIn } from './browser.ts';
import {
  DeliveryDetailPage,
  DeliveryListPage,
  GoodsReceiptsPage,
  NewDeliveryPage,
  ProductsPage,
} from './pages/delivery.ts';
import { Shell } from './pages/pages.ts';
import { AuditPage } from './pages/settlement.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const RUPIAH = /^Rp \d{1,3}(\.\d{3})*$/;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // 60 days of history: long enough for KDKMP Tengah (which never pays) to be past its grace days.
  server = await startDemoServer(60);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function signedIn(email: string, width: number): Promise<Page> {
  return signIn(browser, server.url, email, width);
}

async function shoot(page: Page, name: string, width: number) {
  if (width === 360) expect(await new Shell(page).horizontalOverflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: true });
}

const idr = (n: number) => `Rp ${new Intl.NumberFormat('id-ID').format(n)}`;

/** Creates a draft for the cooperative through the screen and returns the suggestions the server gave. */
async function createDraft(page: Page, cooperative: string, width: number) {
  const form = new NewDeliveryPage(page);
  await new DeliveryListPage(page).open(server.url);
  await new DeliveryListPage(page).createButton().click();
  await form.chooseCooperative(cooperative);
  await form.quantities().first().waitFor();
  const coopId = await form.cooperativeSelect().inputValue();
  const suggestion = (await (
    await page.request.get(`${server.url}/api/v1/cooperatives/${coopId}/delivery-suggestion`)
  ).json()) as {
    items: { productId: string; suggestedQty: number; consignmentPrice: number | null }[];
  };
  const products = (await (await page.request.get(`${server.url}/api/v1/products`)).json()) as {
    items: { id: string; name: string }[];
  };
  const name = (id: string) => products.items.find((p) => p.id === id)!.name;
  // Each line is prefilled with the server's suggestion.
  for (const s of suggestion.items)
    expect({
      product: name(s.productId),
      qty: await form.quantity(name(s.productId)).inputValue(),
    }).toEqual({
      product: name(s.productId),
      qty: String(s.suggestedQty),
    });
  expect(suggestion.items.some((s) => s.suggestedQty > 0)).toBe(true);
  const value = suggestion.items.reduce(
    (t, s) => t + s.suggestedQty * (s.consignmentPrice ?? 0),
    0,
  );
  expect(await form.orderValue().textContent()).toBe(idr(value));
  // Editing a quantity changes the value.
  const first = suggestion.items.find((s) => s.suggestedQty > 0)!;
  await form.quantity(name(first.productId)).fill(String(first.suggestedQty + 1));
  await expect
    .poll(() => form.orderValue().textContent())
    .toBe(idr(value + (first.consignmentPrice ?? 0)));
  await shoot(page, 'delivery-create', width);
  await form.saveDraft();
  return { value: value + (first.consignmentPrice ?? 0), coopId };
}

/**
 * Makes sure the hub's warehouse holds what the draft on screen needs (earlier dispatches may have
 * emptied it): a goods receipt through the API for each shortfall the dispatch check reports.
 */
async function stockUpFor(page: Page) {
  const id = page.url().split('/').pop()!;
  const check = (await (
    await page.request.get(`${server.url}/api/v1/delivery-orders/${id}/dispatch-check`)
  ).json()) as { stockShortfalls: { productId: string; needed: number; available: number }[] };
  if (check.stockShortfalls.length === 0) return;
  const csrf = (await page.context().cookies()).find((c) => c.name === 'lumbung_csrf')?.value ?? '';
  const res = await page.request.post(`${server.url}/api/v1/goods-receipts`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      supplierName: 'PT Sinar Gula Nusantara',
      lines: check.stockShortfalls.map((s) => ({
        productId: s.productId,
        qty: s.needed - Math.max(0, s.available),
        unitCost: 10_000,
      })),
    },
  });
  expect(res.status()).toBe(201);
  await page.reload();
}

describe('hub logistics screens in Chromium', () => {
  it('a hub admin creates a delivery with suggested quantities, sees the exposure check, dispatches it and prints the surat jalan', async () => {
    for (const width of [1280, 360]) {
      const page = await signedIn('admin@kana.demo', width);
      const coop = width === 1280 ? 'KDKMP Simpang IV Sipin' : 'KDKMP Buluran Kenali';
      const { value } = await createDraft(page, coop, width);
      const detail = new DeliveryDetailPage(page);
      await detail.checkSection().waitFor();
      await stockUpFor(page);
      await detail.checkSection().waitFor();
      expect(await detail.status().textContent()).toBe('Draf');
      expect(await detail.check('Nilai pesanan ini').textContent()).toBe(idr(value));
      expect(await detail.check('Eksposur saat ini').textContent()).toMatch(RUPIAH);
      expect(await detail.check('Batas eksposur').textContent()).toMatch(RUPIAH);
      expect(await detail.check('Eksposur setelah kirim').textContent()).toMatch(/Dalam batas/);
      expect(await page.getByText('Tidak ada penahanan pengiriman').isVisible()).toBe(true);
      await shoot(page, 'delivery-detail', width);

      await detail.dispatch();
      await expect.poll(() => detail.notice().textContent()).toBe('Surat jalan dikirim.');
      await expect.poll(() => detail.status().textContent()).toBe('Dikirim');
      expect(await detail.checkSection().count()).toBe(0);
      expect(await detail.history().textContent()).toMatch(/Dikirim:/);

      const [pdf] = await Promise.all([
        page.context().waitForEvent('response', (r) => r.url().endsWith('/surat-jalan.pdf')),
        detail.printButton().click(),
      ]);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      // The popup's body is Chromium's PDF viewer: read the document itself with the same session.
      const bytes = await (await page.request.get(pdf.url())).body();
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

      const list = new DeliveryListPage(page);
      await list.open(server.url);
      await list.filterStatus('Dikirim');
      await list.orderLinks(coop).first().waitFor();
      await shoot(page, 'delivery-list', width);
      await page.context().close();
    }
  });

  it('a held cooperative: the check predicts the refusal, so no plain "Kirim"; a hub admin overrides with a reason in one request', async () => {
    const staff = await signedIn('gudang@kana.demo', 360);
    await createDraft(staff, 'KDKMP Tengah', 360);
    const staffDetail = new DeliveryDetailPage(staff);
    await staffDetail.checkSection().waitFor();
    await stockUpFor(staff);
    await staffDetail.checkSection().waitFor();
    const held = await staff
      .getByText(/Pengiriman ditahan: tagihan lewat jatuh tempo Rp/)
      .textContent();
    const overdue = /Rp [\d.]+/.exec(held ?? '')![0];
    // The staff cannot send it and is told whom to ask; there is no button that would only be refused.
    await expect.poll(() => staff.getByText('Minta admin hub memeriksanya').isVisible()).toBe(true);
    expect(await staff.getByRole('button', { name: 'Kirim', exact: true }).count()).toBe(0);
    expect(await staffDetail.reason().count()).toBe(0);
    const url = staff.url();
    const id = url.split('/').pop()!;
    await staff.context().close();

    // Through the API the refusal names the same overdue total, dates in words, the title once.
    const api = apiOf(server.url);
    const token = await api.tokenOf('gudang@kana.demo');
    const refusal = await api.as(token, 'POST', `/api/v1/delivery-orders/${id}/dispatch`, {});
    expect(refusal.status).toBe(409);
    expect(refusal.body.code).toBe('ShippingHold');
    expect(refusal.body.detail).toContain(overdue);
    expect(refusal.body.detail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(refusal.body.detail).toMatch(/jatuh tempo \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(refusal.body.detail).not.toContain(refusal.body.title);

    const page = await signedIn('admin@kana.demo', 360);
    const answers: number[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && /\/dispatch$/.test(r.url())) answers.push(r.status());
    });
    await page.goto(url);
    const detail = new DeliveryDetailPage(page);
    await detail.checkSection().waitFor();
    // The admin is offered the override at once, with its reason.
    await detail.reason().waitFor();
    expect(await page.getByRole('button', { name: 'Kirim', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Kirim dengan alasan' }).click();
    await expect.poll(() => page.getByText('Alasan wajib diisi').isVisible()).toBe(true);
    await detail.override('Tagihan Februari sudah ditransfer, bukti diterima bendahara');
    await expect.poll(() => detail.notice().textContent()).toBe('Surat jalan dikirim.');
    await expect.poll(() => detail.status().textContent()).toBe('Dikirim');
    expect(await detail.history().textContent()).toContain(
      'Alasan: Tagihan Februari sudah ditransfer, bukti diterima bendahara',
    );
    // One request, accepted: never a 409 and a retry.
    expect(answers).toEqual([200]);

    // The audit log shows the override under the dispatch filter, with its reason and a link
    // to the delivery instead of a bare id.
    const audit = new AuditPage(page);
    await audit.open(server.url);
    await audit.filterAction('Kirim surat jalan');
    const row = audit.rows().filter({ hasText: 'Tagihan Februari sudah ditransfer' });
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    expect(await row.first().textContent()).toMatch(/persetujuan khusus/i);
    const link = row.first().getByRole('link', { name: /^Surat jalan/ });
    expect(await link.getAttribute('href')).toBe(`/pengiriman/${id}`);
    await page.context().close();
  });

  it('goods receipts: validation in words, then a receipt recorded and listed', async () => {
    for (const width of [1280, 360]) {
      const page = await signedIn('gudang@kana.demo', width);
      const gr = new GoodsReceiptsPage(page);
      await gr.open(server.url);
      await gr.rows().first().waitFor();
      await gr.submit();
      expect(await page.getByText('Wajib diisi').count()).toBeGreaterThanOrEqual(2);
      const supplier = `PT Gula Uji ${width}`;
      await gr.fill({
        supplier,
        product: 'GKP-1 — Gula Kristal Putih 1 kg',
        // Typed the Indonesian way, with thousands separators, like the price.
        qty: '2.000',
        cost: '15.100',
      });
      await expect
        .poll(() => page.locator('.total-line strong').textContent())
        .toBe('Rp 30.200.000');
      await gr.submit();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toMatch(
          new RegExp(
            `^Penerimaan BPB/[A-Z0-9-]+/\\d{4}/\\d{2}/\\d{4} dari ${supplier} tersimpan: Rp 30\\.200\\.000\\.$`,
          ),
        );
      await gr.rows().filter({ hasText: supplier }).first().waitFor();
      await shoot(page, 'goods-receipts', width);
      await page.context().close();
    }
  });

  it('products show the ceiling; a retail price above it is refused in the form and by the server', async () => {
    for (const width of [1280, 360]) {
      const page = await signedIn('admin@kana.demo', width);
      const products = new ProductsPage(page);
      await products.open(server.url);
      const gula = products.row('Gula Kristal Putih 1 kg');
      await gula.waitFor();
      expect(await gula.textContent()).toMatch(/Rp 16\.300.*Rp 17\.500.*Rp 17\.500/);
      expect(await gula.textContent()).toMatch(/Perbadan|Peraturan/);
      await shoot(page, 'products', width);
      if (width === 360) {
        await page.context().close();
        continue;
      }
      let priceRequests = 0;
      page.on('request', (r) => {
        if (r.url().includes('/prices')) priceRequests++;
      });
      await products.changePrices('Gula Kristal Putih 1 kg');
      await products.field('Harga eceran').fill('18.000');
      await products.button('Simpan harga').click();
      await expect
        .poll(() => products.fieldMessage('Harga eceran').textContent())
        .toMatch(/melebihi HET\/HAP Rp 17\.500/);
      expect(priceRequests).toBe(0);
      await products.button('Tutup').click();

      // A new 2 kg pack above its ceiling (2 × Rp 17.500): the server refuses with its reason.
      await products.button('Tambah produk').click();
      await products.field('SKU').fill('GKP-2');
      await products.field('Nama produk').fill('Gula Kristal Putih 2 kg');
      await products.field('Satuan').fill('pak');
      await products.field('Komoditas').selectOption({ label: 'Gula' });
      await products.field('Isi bersih').fill('2');
      await products.field('Harga konsinyasi').fill('33.000');
      await products.field('Harga eceran').fill('35.500');
      await products.button('Simpan produk').click();
      await expect
        .poll(() => products.alert().first().textContent())
        .toMatch(/melebihi HET\/HAP Rp 35\.000/);
      await products.field('Harga eceran').fill('35.000');
      await products.button('Simpan produk').click();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('Produk Gula Kristal Putih 2 kg tersimpan.');
      expect(await products.row('Gula Kristal Putih 2 kg').textContent()).toMatch(/Rp 35\.000/);
      await page.context().close();
    }
  });
});
