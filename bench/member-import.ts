import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { importMembers, readMemberFile } from '../src/core/members/index.ts';
import { createCooperative } from '../src/core/network/index.ts';
import { fixedClock } from '../src/core/shared/clock.ts';
import { freshDatabase, round, say, type BenchEntry } from './lib.ts';

const ROWS = 50_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Row `i` of a cooperative's file: a valid, unique NIK of a Kota Jambi district, name, join date, phone, address. */
function row(i: number): string {
  const district = pad((i % 11) + 1);
  const day = (i % 28) + 1 + (i % 2 ? 40 : 0);
  const month = (Math.floor(i / 28) % 12) + 1;
  const year = 60 + (Math.floor(i / 336) % 40);
  const serial = pad(Math.floor(i / 13_440) + 1, 4);
  const joined = `${2020 + (i % 6)}-${pad((i % 12) + 1)}-${pad((i % 27) + 1)}`;
  return `1571${district}${pad(day)}${pad(month)}${pad(year)}${serial};Anggota Koperasi ${i};${joined};08${1_100_000_000 + i};Jl. Kenanga RT ${pad(i % 40)} No. ${i % 200}`;
}

/**
 * `member-import`: a 50,000-member file (CSV) through the real command on
 * SQLite — `readMemberFile` (parse) and `importMembers` (NIK, name, date and
 * phone checks, duplicate and existing-NIK checks, numbering, batched
 * inserts) in one transaction — next to a raw reference in the same process:
 * csv-parse of the same text and plain better-sqlite3 prepared inserts of
 * the same rows in one transaction, without any check.
 */
export async function benchMemberImport(): Promise<BenchEntry | undefined> {
  const h = await freshDatabase('sqlite', 'member-import');
  if (!h) return undefined;
  const rawDir = mkdtempSync(join(tmpdir(), 'lumbung-bench-raw-'));
  try {
    const clock = fixedClock('2026-03-10T03:00:00Z');
    const ctx = { clock, actor: { userId: 'bench', role: 'coop_manager' } };
    const coop = await createCooperative(
      h.db,
      { name: 'KDKMP Bench', villageCode: '15.71.01.1001' },
      clock,
    );
    const lines = ['nik;nama;tanggal_masuk;telepon;alamat'];
    for (let i = 0; i < ROWS; i++) lines.push(row(i));
    const csv = `${lines.join('\r\n')}\r\n`;
    say(`  member-import: ${ROWS} rows, ${(csv.length / 1024).toFixed(0)} KB of CSV`);

    let t0 = performance.now();
    const rows = await readMemberFile(csv);
    const result = await h.db
      .transaction()
      .execute((trx) => importMembers(trx, ctx, coop.id, rows));
    const seconds = (performance.now() - t0) / 1000;
    if (result.imported !== ROWS)
      throw new Error(
        `imported ${result.imported}, rejected ${JSON.stringify(result.rejected[0])}`,
      );

    t0 = performance.now();
    const again = await h.db
      .transaction()
      .execute(async (trx) => importMembers(trx, ctx, coop.id, await readMemberFile(csv)));
    const reimport = (performance.now() - t0) / 1000;

    const raw = new Database(join(rawDir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.exec(
      'create table member (org_id text not null, id text not null, member_no text not null, nik text not null, name text not null, joined_on text not null, phone text, address text, primary key (org_id, id), unique (org_id, member_no), unique (org_id, nik))',
    );
    t0 = performance.now();
    const records = parse(csv, { delimiter: ';', from_line: 2 }) as string[][];
    const insert = raw.prepare('insert into member values (?, ?, ?, ?, ?, ?, ?, ?)');
    raw.transaction(() => {
      records.forEach((r, i) =>
        insert.run(coop.id, crypto.randomUUID(), pad(i + 1, 4), r[0], r[1], r[2], r[3], r[4]),
      );
    })();
    const rawSeconds = (performance.now() - t0) / 1000;
    raw.close();

    say(
      `  member-import: import ${round(seconds, 3)} s (${Math.round(ROWS / seconds)} rows/s), re-import (all ${again.updated} updated) ${round(reimport, 3)} s, raw csv-parse + prepared inserts ${round(rawSeconds, 3)} s (${Math.round(ROWS / rawSeconds)} rows/s), raw ÷ import ${round(rawSeconds / seconds, 3)}`,
    );
    return {
      name: 'member-import',
      engine: 'sqlite',
      value: round(seconds, 3),
      unit: 's',
      reference: round(rawSeconds, 3),
      referenceName:
        'csv-parse + better-sqlite3 prepared inserts of the same rows, one transaction',
      referenceUnit: 's',
      ratio: round(rawSeconds / seconds, 3),
      target: '< 5 s for 50,000 rows',
      note: `${ROWS} rows through readMemberFile + importMembers in one transaction: ${Math.round(ROWS / seconds)} rows/s (raw ${Math.round(ROWS / rawSeconds)} rows/s); re-import of the same file ${round(reimport, 3)} s`,
    };
  } finally {
    await h.close();
    rmSync(rawDir, { recursive: true, force: true });
  }
}
