import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVillagesIn } from '../../src/core/network/index.ts';
import { demoRoster, SEMBAKO_ROSTER_SIZE } from '../../src/demo/seed-sembako.ts';
import { SCAN_PNG } from '../helpers/sembako.ts';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { DeliveryDetailPage, DeliveryListPage } from './pages/delivery.ts';
import {
  DemandPage,
  downloadActivationCodes,
  ParticipantHomePage,
  ParticipantSignInPage,
  PeriodsPage,
  ProgramNav,
  ProgramPage,
} from './pages/sembako.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let api: ReturnType<typeof apiOf>;
let adminToken = '';
let programId = '';
/** The seeded period (this month, ordering open) and the month after it, which has no period yet. */
let month = '';
let nextMonth = '';

const ADMIN = 'program@jambikota.demo';
const HUB_ADMIN = 'admin@kana.demo';
/** The demo's activated participants: an export of activation codes never lists them. */
const ACTIVATED = [
  '198104192007021683',
  '197003101993122002',
  '197504121997082301',
  '197912192005051992',
  '200008252025081502',
];

const monthLabel = (m: string) =>
  new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${m}-01T00:00:00Z`),
  );
const addMonth = (m: string) => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 7);
};
const rupiah = (n: number) => `Rp ${new Intl.NumberFormat('id-ID').format(n)}`;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  api = apiOf(server.url);
  adminToken = await api.tokenOf(ADMIN);
  programId = (await api.as(adminToken, 'GET', '/api/v1/programs')).body.items[0].id;
  month = (await api.as(adminToken, 'GET', `/api/v1/programs/${programId}/periods`)).body.items[0]
    .month;
  nextMonth = addMonth(month);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Sembako Bahagia: activation, periods and proposed deliveries in Chromium', () => {
  it('a civil servant activates their account with the code exported for their OPD, then signs in with NIP and the new password', async () => {
    const admin = await signIn(browser, server.url, ADMIN, 360);
    await new ProgramPage(admin).open(server.url, 'peserta');
    const csv = await downloadActivationCodes(admin, 'Dinas Sosial');
    // The codes handed out are not reissued by a second tap: nothing new to download, and
    // reissuing them all says how many stop working and asks first.
    await expect
      .poll(() => admin.getByText(/belum aktivasi: 0 belum pernah menerima kode/).count())
      .toBe(1);
    expect(await admin.getByRole('button', { name: /^Unduh kode baru/ }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Terbitkan ulang semua kode' }).click();
    const ask = admin.getByRole('group', { name: 'Terbitkan ulang semua kode' });
    expect(await ask.textContent()).toMatch(/kode yang sudah dibagikan tidak berlaku lagi/);
    await ask.getByRole('button', { name: 'Batal' }).click();
    await admin.context().close();
    const [header, first] = csv.trim().split(/\r?\n/);
    expect(header).toBe('nip,nama,opd,kode_aktivasi');
    const [nip, name, opd, code] = first!.split(',') as [string, string, string, string];
    expect(opd).toBe('Dinas Sosial');
    expect(ACTIVATED).not.toContain(nip);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const signin = new ParticipantSignInPage(page);
    await signin.open(server.url);
    await signin.switchToActivation();
    await signin.activate(nip, code, 'pendek');
    await expect
      .poll(() => signin.fieldMessage(/^Kata sandi baru/).textContent())
      .toBe('Kata sandi minimal 8 karakter');
    await screenshot(page, 'sembako-activation');
    // Typed as read off the sheet: lower case, without the dash.
    await signin.activate(nip, code.replace('-', '').toLowerCase(), 'beras-murah-2026');
    const home = new ParticipantHomePage(page);
    await home.waitFor();
    expect(await home.who().textContent()).toBe(`${name} · NIP ${nip}`);
    await screenshot(page, 'sembako-asn-activated');
    await home.signOut();

    // The code is spent: activating with it again is refused in words.
    await signin.switchToActivation();
    await signin.activate(nip, code, 'kata-sandi-lain');
    await expect.poll(() => signin.alert().textContent()).toContain('NIP atau kode aktivasi salah');
    await signin.switchToSignIn();
    await signin.signIn(nip, 'beras-murah-2026');
    await home.waitFor();
    expect(await home.who().textContent()).toBe(`${name} · NIP ${nip}`);
    await context.close();
  });

  it('the program admin creates a period with a package; a price above the HET of its contents is refused in words', async () => {
    const page = await signIn(browser, server.url, ADMIN, 360);
    await new ProgramPage(page).open(server.url, 'periode');
    const periods = new PeriodsPage(page);
    await periods.row(monthLabel(month)).waitFor();
    await periods.fillPeriod(nextMonth, `${nextMonth}-01T08:00`, `${nextMonth}-10T17:00`);
    await periods.fillPackage(1, {
      name: 'Paket Minyak Hemat',
      price: 1_000_000,
      subsidy: 10_000,
      items: [
        { product: 'Minyakita 1 L', qty: 2 },
        { product: 'Gula Kristal Putih 1 kg', qty: 1 },
      ],
    });
    await periods.save();
    await expect
      .poll(() => periods.alert().textContent())
      .toMatch(
        /^Paket Minyak Hemat: harga paket Rp 1\.000\.000 melebihi jumlah HET\/HAP isinya Rp [\d.]+/,
      );
    const text = (await periods.alert().textContent())!;
    // In words, in Indonesian: no raw JSON path, no English (usability point 3).
    expect(text).not.toMatch(/\/packages\/|above the items/);
    const cap = Number(/isinya Rp ([\d.]+)/.exec(text)![1]!.replace(/\./g, ''));
    expect(cap).toBeGreaterThan(10_000);
    expect(await periods.row(monthLabel(nextMonth)).count()).toBe(0);
    await screenshot(page, 'sembako-period-refused');

    // Exactly at the sum of the ceilings is allowed.
    await periods.setPrice(1, cap);
    await expect
      .poll(() => periods.toDeduct(1).textContent())
      .toBe(`Dipotong dari gaji: ${rupiah(cap - 10_000)}`);
    await periods.save();
    await expect
      .poll(() => periods.notice().textContent())
      .toBe(`Periode ${monthLabel(nextMonth)} tersimpan dengan 1 paket.`);
    await expect(periods.alert().count()).resolves.toBe(0);
    const row = periods.row(monthLabel(nextMonth));
    await row.waitFor();
    const listed = (await row.textContent())!;
    expect(listed).toContain(
      `Paket Minyak Hemat: 2 × Minyakita 1 L, 1 × Gula Kristal Putih 1 kg — ${rupiah(cap)}`,
    );
    expect(listed).toContain(`Dipotong dari gaji ${rupiah(cap - 10_000)}`);
    await screenshot(page, 'sembako-period-created');
    // The window was typed in WIB (UTC+7).
    const saved = (await api.as(adminToken, 'GET', `/api/v1/programs/${programId}/periods`)).body
      .items[0];
    expect(saved).toMatchObject({
      month: nextMonth,
      orderOpensAt: `${nextMonth}-01T01:00:00.000Z`,
      orderClosesAt: `${nextMonth}-10T10:00:00.000Z`,
    });
    await page.context().close();
  });

  it('the hub admin proposes draft delivery orders for the demand and finds them among the deliveries; the program admin only sees the demand', async () => {
    // Setup: three ASN of one kelurahan each order 100 rice packages, more than their KDKMP holds.
    const periods = (await api.as(adminToken, 'GET', `/api/v1/programs/${programId}/periods`)).body
      .items as { month: string; packages: { id: string; name: string }[] }[];
    const rice = periods
      .find((p) => p.month === month)!
      .packages.find((p) => p.name === 'Paket Beras')!;
    const roster = demoRoster(
      SEMBAKO_ROSTER_SIZE,
      (await listVillagesIn('15.71')).map((v) => v.code),
    ).slice(ACTIVATED.length);
    const village = roster[0]!.village;
    let coopId = '';
    let placed = 0;
    for (const r of roster.filter((x) => x.village === village)) {
      // The signed surat kuasa potong gaji first (the demo has one only for those who ordered).
      const auth = await api.as(
        adminToken,
        'PUT',
        `/api/v1/programs/${programId}/participants/${r.nip}/payroll-authorization`,
        {
          ref: `800/${r.nip.slice(-4)}/SK-PG/2026`,
          signedOn: `${month}-01`,
          scan: { contentType: 'image/png', base64: SCAN_PNG.toString('base64') },
        },
      );
      expect(auth.status).toBe(200);
      const res = await api.as(adminToken, 'POST', `/api/v1/programs/${programId}/orders`, {
        id: randomUUID(),
        nip: r.nip,
        month,
        packageId: rice.id,
        qty: 100,
      });
      if (res.status !== 201) continue; // already ordered this month in the demo
      coopId = res.body.pickupCooperativeId;
      if (++placed === 3) break;
    }
    expect(placed).toBe(3);
    const directory = (await api.as(adminToken, 'GET', `/api/v1/programs/${programId}/directory`))
      .body as { cooperatives: { id: string; name: string }[] };
    const coop = directory.cooperatives.find((c) => c.id === coopId)!.name;

    const admin = await signIn(browser, server.url, ADMIN, 360);
    await new ProgramPage(admin).open(server.url);
    const adminNav = new ProgramNav(admin);
    await adminNav.tab('Permintaan');
    await adminNav.choosePeriod(month);
    const adminDemand = new DemandPage(admin);
    await adminDemand.filter(coop);
    await expect
      .poll(() => adminDemand.rows().filter({ hasText: 'Beras Medium 5 kg' }).count())
      .toBe(1);
    await admin.getByText('Usulan surat jalan dibuat oleh pengguna gudang').waitFor();
    expect(await adminDemand.proposeButton().count()).toBe(0);
    await screenshot(admin, 'sembako-demand-admin');
    await admin.context().close();

    const hub = await signIn(browser, server.url, HUB_ADMIN, 360);
    const nav = new ProgramNav(hub);
    const demand = new DemandPage(hub);
    const openDemand = async () => {
      await hub.getByRole('link', { name: 'Sembako Bahagia', exact: true }).click();
      await hub.getByRole('heading', { level: 1, name: 'Program Sembako Bahagia' }).waitFor();
      await nav.tab('Permintaan');
      await nav.choosePeriod(month);
      await demand.proposeButton().waitFor();
    };
    await openDemand();
    await demand.filter(coop);
    await expect.poll(() => demand.rows().filter({ hasText: 'Beras Medium 5 kg' }).count()).toBe(1);
    await demand.propose();
    await expect
      .poll(() => demand.notice().textContent())
      .toMatch(/^\d+ draf surat jalan dibuat, senilai Rp [\d.]+\.$/);
    const line = (await demand.draftLine(coop).textContent())!;
    const value = /— (Rp [\d.]+)$/.exec(line)![1]!;
    await screenshot(hub, 'sembako-demand-proposed');

    await demand.draftLink(coop).click();
    await hub.getByRole('heading', { level: 1, name: `Surat jalan ke ${coop}` }).waitFor();
    const draftId = new URL(hub.url()).pathname.split('/').pop()!;
    await expect.poll(() => new DeliveryDetailPage(hub).status().textContent()).toBe('Draf');

    await hub.getByRole('link', { name: 'Pengiriman', exact: true }).click();
    const list = new DeliveryListPage(hub);
    await list.filterStatus('Draf');
    await hub.getByLabel('Koperasi', { exact: true }).selectOption({ label: coop });
    const row = hub
      .locator('tbody tr')
      .filter({ has: hub.locator(`a[href="/pengiriman/${draftId}"]`) });
    await row.waitFor();
    expect(await row.textContent()).toContain(value);
    expect(await row.textContent()).toContain('Draf');
    await screenshot(hub, 'sembako-deliveries-drafts');
    const draft = await api.as(
      await api.tokenOf(HUB_ADMIN),
      'GET',
      `/api/v1/delivery-orders/${draftId}`,
    );
    expect(draft.body.status).toBe('draft');

    // The drafts now cover the demand: asking again proposes nothing new.
    await openDemand();
    await demand.propose();
    await expect
      .poll(() => demand.notice().textContent())
      .toBe('Tidak ada surat jalan baru: permintaan sudah tertutup.');
    await hub.context().close();
  });
});
