import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBenchNetwork, type BenchNetwork } from '../bench/network.ts';
import { recordSales } from '../src/core/consignment/index.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/db/connection.ts';
import type { Db } from '../src/db/database.ts';
import { buildRelease01Database } from './fixtures/release-0.1/build.ts';
import { emptyDatabases } from './helpers/empty-database.ts';
import { ENGINES } from './helpers/engines.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PG_URL = process.env.LUMBUNG_TEST_PG_URL;

/** Runs the `lumbung` command as an operator would, against DATABASE_URL. */
function lumbung(args: string[], databaseUrl: string) {
  const r = spawnSync(process.execPath, ['bin/lumbung.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LUMBUNG_LOG: 'warn' },
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const saleIds = async (db: Db) =>
  (await db.selectFrom('sale').select('id').orderBy('id').execute()).map((r) => r.id);

for (const engine of ENGINES) {
  describe(`lumbung backup and restore on ${engine}`, () => {
    const dir = mkdtempSync(join(tmpdir(), `lumbung-backup-${engine}-`));
    const ext = engine === 'sqlite' ? 'sqlite' : 'dump';
    let source: DatabaseHandle;
    let net: BenchNetwork;

    const empty = emptyDatabases(engine);
    const emptyDatabase = () => empty.create();

    async function withDatabase<T>(url: string, fn: (db: Db) => Promise<T>): Promise<T> {
      const h = openDatabase(url);
      try {
        return await fn(h.db);
      } finally {
        await h.close();
      }
    }

    const sell = (n: number) => source.db.transaction().execute((trx) => sellIn(trx, n));
    const sellIn = (db: Db, n: number) =>
      recordSales(
        db,
        net.ctx,
        net.coops[0]!.id,
        Array.from({ length: n }, (_, i) => ({
          id: uuidv7(),
          occurredAt: '2026-01-01T02:00:00Z',
          paymentMethod: 'cash' as const,
          lines: [{ productId: net.products[i % 2]!.id, qty: 1, unitPrice: 17_500 }],
        })),
      );

    beforeAll(async () => {
      source = openDatabase(await emptyDatabase());
      await migrateToLatest(source.db);
      net = await buildBenchNetwork(source.db, {
        coops: 2,
        products: 2,
        stock: 1_000,
        startDate: '2026-01-01',
        label: 'backup test',
      });
      await sell(30);
    });

    afterAll(async () => {
      await source.close();
      rmSync(dir, { recursive: true, force: true });
      await empty.dropAll();
    });

    it('backs up to a checked file that restores into an empty database with every sale, and verify passes', async () => {
      const file = join(dir, `full.${ext}`);
      const b = lumbung(['backup', '--out', file], source.url);
      expect(b.out).toMatch(/Backup written: .*30 sales/);
      expect(b.status).toBe(0);
      expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);

      const target = await emptyDatabase();
      const r = lumbung(['restore', file], target);
      expect(r.out).toMatch(/verify: all \d+ invariants hold/);
      expect(r.status).toBe(0);
      expect(await withDatabase(target, saleIds)).toEqual(await saleIds(source.db));
      expect(lumbung(['verify'], target).status).toBe(0);
    });

    it('copies what was committed when it began: a sale still in an open transaction is not in it', async () => {
      const file = join(dir, `snapshot.${ext}`);
      const committed = await saleIds(source.db);
      let pending: string[] = [];
      await source.db.transaction().execute(async (trx) => {
        pending = (await sellIn(trx, 5)).map((s) => s.id);
        const b = lumbung(['backup', '--out', file], source.url);
        expect(b.out).toMatch(/Backup written/);
        expect(b.status).toBe(0);
      });
      expect(await saleIds(source.db)).toEqual([...committed, ...pending].sort());

      const target = await emptyDatabase();
      expect(lumbung(['restore', file], target).status).toBe(0);
      expect(await withDatabase(target, saleIds)).toEqual(committed);
    });

    it('refuses to restore into a database that holds data, and leaves it as it was', async () => {
      const file = join(dir, `full.${ext}`);
      const before = await saleIds(source.db);
      const r = lumbung(['restore', file], source.url);
      expect(r.out).toMatch(/is not empty \(\d+ tables\): restore only into an empty database/);
      expect(r.status).toBe(1);
      expect(await saleIds(source.db)).toEqual(before);
    });

    it('refuses a file that is not a backup, and a backup cut short, leaving the target empty', async () => {
      const notes = join(dir, 'notes.txt');
      writeFileSync(notes, 'not a backup\n');
      const target = await emptyDatabase();
      const r = lumbung(['restore', notes], target);
      expect(r.out).toMatch(/not a lumbung backup/);
      expect(r.status).toBe(1);

      const file = join(dir, `cut.${ext}`);
      copyFileSync(join(dir, `full.${ext}`), file);
      truncateSync(file, Math.floor(statSync(file).size / 2));
      const cut = lumbung(['restore', file], target);
      expect(cut.out).toMatch(/Restore failed/);
      expect(cut.status).toBe(1);
      expect(lumbung(['restore', join(dir, `full.${ext}`)], target).status).toBe(0);
    });

    it('never overwrites a file, and leaves no file when the backup fails', async () => {
      const existing = join(dir, `existing.${ext}`);
      writeFileSync(existing, 'an older backup');
      const r = lumbung(['backup', '--out', existing], source.url);
      expect(r.out).toMatch(/already exists/);
      expect(r.status).toBe(1);
      expect(statSync(existing).size).toBe('an older backup'.length);

      const missing =
        engine === 'sqlite'
          ? `file:${join(dir, 'no-such.sqlite')}`
          : PG_URL!.replace(/\/[^/]*$/, '/no_such_database');
      const failed = join(dir, `failed.${ext}`);
      const f = lumbung(['backup', '--out', failed], missing);
      expect(f.out).toMatch(/Backup failed/);
      expect(f.status).toBe(1);
      expect(readdirSync(dir).filter((n) => n.startsWith('failed'))).toEqual([]);
    });

    it('restores a backup made of a release 0.1 database, migrating it forward, and verify passes', async () => {
      const old = openDatabase(await emptyDatabase());
      try {
        await buildRelease01Database(old.db);
      } finally {
        await old.close();
      }
      const file = join(dir, `release-0.1.${ext}`);
      expect(lumbung(['backup', '--out', file], old.url).status).toBe(0);
      const target = await emptyDatabase();
      const r = lumbung(['restore', file], target);
      expect(r.out).toMatch(
        /Migrated the restored database forward: 2026_11_28_1600_create_auth_tables, /,
      );
      expect(r.out).toMatch(/7 sales; verify: all \d+ invariants hold/);
      expect(r.status).toBe(0);
    });

    it('--dir with --keep N keeps the newest N backups there and deletes only older backups', async () => {
      const kept = join(dir, 'kept');
      mkdirSync(kept);
      for (const day of ['01', '02', '03'])
        writeFileSync(join(kept, `lumbung-202001${day}-000000.${ext}`), 'old');
      writeFileSync(join(kept, 'notes.txt'), 'keep me');
      const r = lumbung(['backup', '--dir', kept, '--keep', '2'], source.url);
      expect(r.status).toBe(0);
      const names = readdirSync(kept).sort();
      expect(names).toHaveLength(3);
      expect(names).toContain(`lumbung-20200103-000000.${ext}`);
      expect(names).toContain('notes.txt');
      expect(names.filter((n) => n.startsWith('lumbung-2020'))).toHaveLength(1);
      expect(
        names.find((n) => /^lumbung-2\d{7}-\d{6}\./.test(n) && !n.startsWith('lumbung-2020')),
      ).toBeDefined();
    });
  });
}
