import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const OFFICE = 'dinas@jambikota.demo';
const ROLE_WORDS: Record<string, string> = {
  ketua: 'Ketua',
  sekretaris: 'Sekretaris',
  bendahara: 'Bendahara',
  pengawas: 'Pengawas',
};

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer(20);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Officer {
  role: string;
  name: string;
}
interface Participant {
  cooperativeId: string;
  name: string;
  attended: boolean;
  preScore: number | null;
  postScore: number | null;
}

/** The BKPSDM training, one of its cooperatives and that cooperative's officers, as the API has them. */
async function setting() {
  const api = apiOf(server.url);
  const token = await api.tokenOf(OFFICE);
  const events = await api.as(token, 'GET', '/api/v1/training/events');
  const event = (events.body.items as { id: string; venue: string }[]).find((e) =>
    /BKPSDM/.test(e.venue),
  )!;
  const detail = await api.as(token, 'GET', `/api/v1/training/events/${event.id}`);
  const first = (detail.body.participants as Participant[])[0]!;
  const coop = await api.as(token, 'GET', `/api/v1/cooperatives/${first.cooperativeId}`);
  const coverage = await api.as(token, 'GET', '/api/v1/training/coverage');
  return {
    api,
    token,
    eventId: event.id,
    coop: { id: coop.body.id as string, name: coop.body.name as string },
    officers: coop.body.officers as Officer[],
    trainedBefore: coverage.body.totals.officersTrained as number,
  };
}

describe('training attendance (usability point 14)', () => {
  it("chooses a cooperative's officers by name, marks three attended with scores and saves them at once", async () => {
    const s = await setting();
    expect(s.officers.length).toBe(4);
    const page = await signIn(browser, server.url, OFFICE, 360);
    const puts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().includes('/participants')) puts.push(r.url());
    });
    await page.goto(`${server.url}/pelatihan/${s.eventId}`);
    await page.getByText('Aula BKPSDM Kota Jambi').first().waitFor();

    // Choose the cooperative: its officers appear with their names and roles in words.
    await page.getByLabel('Koperasi', { exact: true }).selectOption({ label: s.coop.name });
    await page.getByRole('button', { name: 'Tampilkan pengurus' }).click();
    const group = page.getByRole('group', { name: s.coop.name });
    for (const o of s.officers) {
      const row = group.getByRole('listitem').filter({ hasText: o.name });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(ROLE_WORDS[o.role]);
    }

    // Two officers not invited before, and a person typed by hand, in the same list.
    const sekretaris = s.officers.find((o) => o.role === 'sekretaris')!.name;
    const pengawas = s.officers.find((o) => o.role === 'pengawas')!.name;
    const guest = 'Rahmat Hidayat';
    await group.getByLabel('Nama orang lain').fill(guest);
    await group.getByLabel('Jabatan').selectOption({ label: 'Manajer' });
    await group.getByRole('button', { name: 'Tambah ke daftar' }).click();
    const marks = [
      [sekretaris, '55', '80'],
      [pengawas, '60', '150'],
      [guest, '40', '75'],
    ] as const;
    for (const [name, pre, post] of marks) {
      await group.getByLabel(`Hadir — ${name}`).check();
      await group.getByLabel(`Nilai pre-test — ${name}`).fill(pre);
      await group.getByLabel(`Nilai post-test — ${name}`).fill(post);
    }
    await screenshot(page, 'training-attendance');

    // One invalid score: the message stands under that row, nothing typed is lost, nothing sent.
    await page.getByRole('button', { name: 'Simpan semua' }).click();
    const pengawasRow = group.getByRole('listitem').filter({ hasText: pengawas });
    await expect
      .poll(async () => pengawasRow.textContent())
      .toMatch(/Nilai harus bilangan bulat 0–100/);
    expect(puts).toHaveLength(0);
    expect(await group.getByLabel(`Nilai pre-test — ${guest}`).inputValue()).toBe('40');
    await group.getByLabel(`Nilai post-test — ${pengawas}`).fill('85');
    await page.getByRole('button', { name: 'Simpan semua' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Tersimpan/ })
      .waitFor();
    expect(puts).toHaveLength(1);

    // The event shows them as attended, with their scores; the API agrees.
    await page.getByLabel(/Saring peserta/).fill(s.coop.name);
    for (const [name, pre] of [
      [sekretaris, '55'],
      [pengawas, '60'],
      [guest, '40'],
    ]) {
      const row = page.getByRole('row').filter({ hasText: name });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toMatch(new RegExp(`Ya.*${pre}`));
    }
    await screenshot(page, 'training-attendance-saved');
    const detail = await s.api.as(s.token, 'GET', `/api/v1/training/events/${s.eventId}`);
    const saved = (detail.body.participants as Participant[]).filter(
      (p) => p.cooperativeId === s.coop.id && [sekretaris, pengawas, guest].includes(p.name),
    );
    expect(saved.map((p) => [p.name, p.attended, p.preScore, p.postScore]).sort()).toEqual(
      [
        [sekretaris, true, 55, 80],
        [pengawas, true, 60, 85],
        [guest, true, 40, 75],
      ].sort(),
    );

    // The coverage counts the three.
    await page.goto(`${server.url}/pelatihan/cakupan`);
    const trained = page.getByTestId('officers-trained').locator('strong');
    await expect.poll(async () => Number(await trained.textContent())).toBe(s.trainedBefore + 3);
    await page.context().close();
  });
});
