import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../test/helpers/engines.ts';
import { verifyDatabase } from '../core/integrity/index.ts';
import { fixedClock } from '../core/shared/clock.ts';
import { getFiscalYear } from '../core/yearend/index.ts';
import { seedDemo } from './seed-demo.ts';

const PILOTS = ['KDKMP Pakuan Baru', 'KDKMP Sungai Asam', 'KDKMP Payo Lebar'];

for (const engine of ENGINES) {
  describe(`demo pilots' year end on ${engine}`, () => {
    let t: TestDatabase;
    let coops: { id: string; name: string }[];
    beforeAll(async () => {
      t = await createTestDatabase(engine);
      // A short demo: the pilots' history still runs from 2025-01-01.
      await seedDemo(t.db, { days: 3, realClock: fixedClock('2026-12-05T17:30:00Z') });
      coops = await t.db
        .selectFrom('organization')
        .select(['id', 'name'])
        .where('kind', '=', 'cooperative')
        .execute();
      // The pilots' history is about 700 days of commands: minutes on PostgreSQL.
    }, 900_000);
    afterAll(async () => {
      await t?.close();
    });
    const idOf = (name: string) => coops.find((c) => c.name === name)!.id;

    it('closed 2025 for the three pilots with an SHU split exactly among their members', async () => {
      for (const name of PILOTS) {
        const year = await getFiscalYear(t.db, idOf(name), 2025);
        expect(year, name).not.toBeNull();
        expect(year!.shu).toBeGreaterThan(0);
        const percent = Object.fromEntries(year!.rules.allocation.map((a) => [a.key, a.percent]));
        expect(percent).toEqual({
          cadangan: 40,
          jasa_anggota: 40,
          pengurus: 5,
          karyawan: 5,
          pendidikan: 5,
          sosial: 5,
        });
        expect(year!.allocation.reduce((s, a) => s + a.amount, 0)).toBe(year!.shu);
        const jasa = year!.allocation.find((a) => a.key === 'jasa_anggota')!.amount;
        expect(year!.jasaUsaha + year!.jasaModal).toBe(jasa);
        expect(year!.undivided).toBe(0);
        const members = year!.members;
        expect(members.length).toBeGreaterThan(40);
        expect(members.reduce((s, m) => s + m.jasaUsaha, 0)).toBe(year!.jasaUsaha);
        expect(members.reduce((s, m) => s + m.jasaModal, 0)).toBe(year!.jasaModal);
        expect(members.reduce((s, m) => s + m.total, 0)).toBe(jasa);
      }
      // The first pilot's RAT credited its members' SHU to their sukarela.
      const paid = await getFiscalYear(t.db, idOf(PILOTS[0]!), 2025);
      expect(paid!.distribution).toMatchObject({ method: 'sukarela', paidOn: '2026-03-14' });
      expect(paid!.distribution!.total).toBe(paid!.members.reduce((s, m) => s + m.total, 0));
      expect((await getFiscalYear(t.db, idOf(PILOTS[1]!), 2025))!.distribution).toBeNull();
    });

    it('keeps the other cooperatives out of 2025 but for the pokok paid at their founding', async () => {
      const rows = await t.db
        .selectFrom('journalEntry')
        .innerJoin('organization', 'organization.id', 'journalEntry.orgId')
        .select(['organization.name', 'journalEntry.docType'])
        .where('organization.kind', '=', 'cooperative')
        .where('journalEntry.entryDate', '>=', '2025-01-01')
        .where('journalEntry.entryDate', '<=', '2025-12-31')
        .execute();
      const others = rows.filter((r) => !PILOTS.includes(r.name));
      expect(new Set(others.map((r) => r.docType))).toEqual(new Set(['savings']));
      const pilotDocs = new Set(rows.filter((r) => PILOTS.includes(r.name)).map((r) => r.docType));
      for (const d of [
        'sales_batch',
        'payment',
        'manual_entry',
        'depreciation',
        'fiscal_year_close',
      ])
        expect(pilotDocs).toContain(d);
      const closes = await t.db.selectFrom('fiscalYearClose').select('orgId').execute();
      expect(closes.map((c) => c.orgId).sort()).toEqual(PILOTS.map(idOf).sort());
    });

    it("passes lumbung verify's checks", async () => {
      expect((await verifyDatabase(t.db)).checks.filter((c) => !c.ok)).toEqual([]);
    });
  });
}
