import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVillagesIn } from '../../src/core/network/index.ts';
import { slugOf } from '../../src/demo/random.ts';
import { demoRoster, SEMBAKO_ROSTER_SIZE } from '../../src/demo/seed-sembako.ts';
import { SCAN_PNG } from '../helpers/sembako.ts';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { PickupDeskPage, ProgramPage } from './pages/sembako.ts';
import { ParticipantsPage } from './pages/sembako-participants.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let api: ReturnType<typeof apiOf>;
let admin = '';
let programId = '';
let month = '';

const ADMIN = 'program@jambikota.demo';

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  api = apiOf(server.url);
  admin = await api.tokenOf(ADMIN);
  programId = (await api.as(admin, 'GET', '/api/v1/programs')).body.items[0].id;
  month = (await api.as(admin, 'GET', `/api/v1/programs/${programId}/periods`)).body.items[0].month;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Sembako Bahagia for real: surat kuasa, new codes, failed deductions, in Chromium', () => {
  it('the program admin records a surat kuasa with its scan and gives one person a new code; the reconciliation shows who still owes', async () => {
    // A roster member who has not ordered: no surat kuasa yet.
    const villages = (await listVillagesIn('15.71')).map((v) => v.code);
    const person = demoRoster(SEMBAKO_ROSTER_SIZE, villages)[6]!;
    const page = await signIn(browser, server.url, ADMIN, 360);
    const list = new ParticipantsPage(page);
    await list.open(server.url);
    await list.search(person.nip);
    await expect.poll(() => list.row(person.nip).textContent()).toContain('Belum ada');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    // A JPEG renamed .png is refused by its content.
    await list.recordSuratKuasa(person.nip, {
      ref: '800/9001/SK-PG/2026',
      date: today,
      file: {
        name: 'surat-kuasa.png',
        mimeType: 'image/png',
        buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
      },
    });
    await expect.poll(() => list.alert().textContent()).toMatch(/bukan PNG yang sah/);
    await page.getByLabel('Berkas', { exact: true }).setInputFiles({
      name: 'surat-kuasa.png',
      mimeType: 'image/png',
      buffer: SCAN_PNG,
    });
    await page.getByRole('button', { name: 'Simpan surat kuasa' }).click();
    await expect
      .poll(() => list.notice().textContent())
      .toBe(`Surat kuasa 800/9001/SK-PG/2026 untuk ${person.name} tersimpan.`);
    await expect.poll(() => list.row(person.nip).textContent()).toContain('800/9001/SK-PG/2026');
    const href = await list
      .row(person.nip)
      .getByRole('link', { name: 'Lihat berkas' })
      .getAttribute('href');
    const scan = await page.request.get(`${server.url}${href}`);
    expect(scan.headers()['content-type']).toBe('image/png');
    expect(Buffer.compare(await scan.body(), SCAN_PNG)).toBe(0);

    // Two new codes in a row: only the last one activates the account.
    const codeOf = async () =>
      /: ([A-Z2-9]{4}-[A-Z2-9]{4})\./.exec((await list.notice().textContent()) ?? '')?.[1];
    await list.newCode(person.nip);
    await expect.poll(codeOf).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const first = (await codeOf())!;
    expect(await list.whatsApp().getAttribute('href')).toMatch(/^https:\/\/wa\.me\/62\d+\?text=/);
    await screenshot(page, 'sembako-participants-code');
    await list.newCode(person.nip);
    await expect.poll(codeOf).not.toBe(first);
    const second = (await codeOf())!;
    // Outside the admin's browser: activating signs the participant in.
    const activate = (activationCode: string) =>
      fetch(`${server.url}/api/v1/auth/participants/activate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nip: person.nip, activationCode, password: 'kata-sandi-baru-1' }),
      });
    expect((await activate(first)).status).toBe(401);
    expect((await activate(second)).status).toBe(200);

    await new ProgramPage(page).open(server.url);
    await page.getByTestId('sponsor-open').waitFor();
    expect(await page.getByTestId('sponsor-open').textContent()).toMatch(
      /Penyelenggara: subsidi dan potongan yang belum dibayarkanRp [\d.]+/,
    );
    await page
      .getByRole('heading', { name: 'Per OPD: potongan gaji yang belum diterima' })
      .waitFor();
    await page.context().close();
  });

  it('a failed deduction is paid in cash at the next pickup: the desk asks for it and records it', async () => {
    const path = `/api/v1/programs/${programId}`;
    const set = await api.as(admin, 'PATCH', path, {
      failedDeductionHandling: 'collect_at_pickup',
    });
    expect(set.body.failedDeductionHandling).toBe('collect_at_pickup');
    // A participant who picked up this month; the payroll office reports their deduction failed.
    const recon = await api.as(admin, 'GET', `${path}/periods/${month}/reconciliation`);
    const { nip, due } = recon.body.openParticipants.find(
      (p: { status: string | null; due: number }) => p.status === null && p.due > 0,
    );
    const failed = await api.as(admin, 'POST', `${path}/periods/${month}/payroll-results`, {
      csv: `nip,jumlah,status\n${nip},0,gagal\n`,
    });
    expect(failed.body.results[0].status).toBe('gagal');
    // Next month's period, open for ordering now; the program admin orders for them.
    const items = (await api.as(admin, 'GET', `${path}/periods`)).body.items[0].packages[0].items;
    const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 1))
      .toISOString()
      .slice(0, 7);
    const period = await api.as(admin, 'POST', `${path}/periods`, {
      month: next,
      orderOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      orderClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
      packages: [{ name: 'Paket Bulan Depan', items, price: 65_000, sponsorSubsidy: 15_000 }],
    });
    expect(period.status, JSON.stringify(period.body)).toBe(201);
    const order = await api.as(admin, 'POST', `${path}/orders`, {
      id: randomUUID(),
      nip,
      month: next,
      packageId: period.body.packages[0].id,
      qty: 1,
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const person = (await api.as(admin, 'GET', `${path}/participants?q=${nip}`)).body.items[0];
    const cashier = `kasir.${slugOf(person.pickupCooperativeName.replace(/^KDKMP /, ''))}@kdkmp.demo`;

    const desk = await signIn(browser, server.url, cashier, 360);
    const pickup = new PickupDeskPage(desk);
    await pickup.open(server.url, person.pickupCooperativeId);
    await pickup.find(order.body.pickupCode);
    const amount = `Rp ${new Intl.NumberFormat('id-ID').format(due)}`;
    await desk.getByRole('heading', { name: 'Tagihan tunai potongan gaji yang gagal' }).waitFor();
    await pickup.handOver();
    await expect
      .poll(() => pickup.alert().textContent())
      .toBe(`Terima tunai ${amount} sebelum menyerahkan paket`);
    await desk.getByLabel(`Tunai ${amount} sudah diterima dari peserta`).check();
    await screenshot(desk, 'sembako-pickup-cash');
    await pickup.handOver();
    await expect
      .poll(() => pickup.notice().textContent())
      .toContain(`Tunai ${amount} untuk potongan gaji yang gagal tercatat.`);
    const after = await api.as(admin, 'GET', `${path}/periods/${month}/reconciliation`);
    expect(after.body.openParticipants.map((p: { nip: string }) => p.nip)).not.toContain(nip);
    await desk.context().close();
  });
});
