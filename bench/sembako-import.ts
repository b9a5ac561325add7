import { performance } from 'node:perf_hooks';
import { insertMany } from '../src/db/batch.ts';
import { createOrganization, listVillagesIn } from '../src/core/network/index.ts';
import { createProgram, importParticipants, toCsv } from '../src/core/sembako/index.ts';
import { fixedClock } from '../src/core/shared/clock.ts';
import { demoRoster } from '../src/demo/seed-sembako.ts';
import { freshDatabase, round, say, type BenchEntry } from './lib.ts';

const ROWS = 17_000;

/**
 * `sembako-import`: the 17,000-ASN roster (CSV) through `importParticipants`
 * (parse, NIP and kelurahan checks, upsert) in one transaction on SQLite,
 * next to plain multi-row inserts of the same rows in the same process.
 */
export async function benchSembakoImport(): Promise<BenchEntry | undefined> {
  const h = await freshDatabase('sqlite', 'sembako-import');
  if (!h) return undefined;
  try {
    const clock = fixedClock('2026-03-10T03:00:00Z');
    const ctx = { clock, actor: { userId: 'bench', role: 'program_admin' } };
    const hub = await createOrganization(
      h.db,
      { kind: 'hub', name: 'Hub Bench', regionCode: '15.71' },
      clock,
    );
    const pemkot = await createOrganization(
      h.db,
      { kind: 'government', name: 'Pemerintah Kota Jambi', regionCode: '15.71' },
      clock,
    );
    const program = await createProgram(h.db, ctx, {
      name: 'Sembako Bahagia',
      sponsorOrgId: pemkot.id,
      hubId: hub.id,
    });
    const reference = await createProgram(h.db, ctx, {
      name: 'Referensi',
      sponsorOrgId: pemkot.id,
      hubId: hub.id,
    });
    const villages = (await listVillagesIn('15.71')).map((v) => v.code);
    const roster = demoRoster(ROWS, villages, 17_000);
    const csv = toCsv(
      ['nip', 'nama', 'opd', 'telepon', 'kode_kelurahan'],
      roster.map((r) => [r.nip, r.name, r.opd, r.phone, r.village]),
    );
    say(`  sembako-import: ${ROWS} rows, ${(csv.length / 1024).toFixed(0)} KB of CSV`);
    let t0 = performance.now();
    const r = await h.db
      .transaction()
      .execute((trx) => importParticipants(trx, ctx, program.id, csv));
    const seconds = (performance.now() - t0) / 1000;
    if (r.imported !== ROWS)
      throw new Error(`imported ${r.imported}, rejected ${r.rejected.length}`);
    t0 = performance.now();
    const now = clock.now().toISOString();
    await h.db.transaction().execute((trx) =>
      insertMany(
        trx,
        'sembakoParticipant',
        roster.map((x) => ({
          orgId: pemkot.id,
          programId: reference.id,
          nip: x.nip,
          name: x.name,
          opd: x.opd,
          phone: x.phone,
          villageCode: x.village,
          pickupCooperativeId: null,
          payrollAuthRef: null,
          userId: null,
          activationCodeHash: null,
          activationIssuedAt: null,
          activatedAt: null,
          createdAt: now,
          updatedAt: now,
        })),
      ),
    );
    const raw = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const again = await h.db
      .transaction()
      .execute((trx) => importParticipants(trx, ctx, program.id, csv));
    const reimport = (performance.now() - t0) / 1000;
    say(
      `  sembako-import: import ${round(seconds, 3)} s, re-import (all updates, ${again.updated}) ${round(reimport, 3)} s, raw inserts ${round(raw, 3)} s`,
    );
    return {
      name: 'sembako-import',
      engine: 'sqlite',
      value: round(seconds, 3),
      unit: 's',
      reference: round(raw, 3),
      referenceName: 'plain multi-row inserts of the same rows, same process',
      referenceUnit: 's',
      ratio: round(raw / seconds, 3),
      target: '< 5 s for 17,000 rows',
      note: `${ROWS} rows through importParticipants in one transaction; re-import of the same file ${round(reimport, 3)} s`,
    };
  } finally {
    await h.close();
  }
}
