import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.ts';

describe('background checkpoints (SQLite file, the server)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-checkpoint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies committed writes from the WAL into the database file within seconds, and stops on close', async () => {
    const path = join(dir, 'db.sqlite');
    const h = openDatabase(`file:${path}`, { backgroundCheckpoints: true });
    await sql`create table note (id integer primary key, body text not null)`.execute(h.db);
    for (let i = 0; i < 200; i++)
      await h.db
        .transaction()
        .execute((trx) => sql`insert into note (body) values (${'x'.repeat(500)})`.execute(trx));
    // The server's own commits no longer checkpoint (its limit is 20,000 pages): the WAL holds them.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(100_000);
    // The database file alone (no WAL beside it) has the 200 notes once the worker has run.
    const fileAlone = async () => {
      const copy = join(dir, `copy-${Date.now()}.sqlite`);
      copyFileSync(path, copy);
      const c = new SQLite(copy, { readonly: true });
      try {
        return (c.prepare('select count(*) as n from note').get() as { n: number }).n;
      } catch {
        return 0; // the table itself is not in the file yet
      } finally {
        c.close();
      }
    };
    await expect.poll(fileAlone, { timeout: 5_000, interval: 250 }).toBe(200);
    await h.close();
  });
});
