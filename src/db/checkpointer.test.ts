import {
  closeSync,
  copyFileSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
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

  it('writes the WAL from its beginning again while writes go on, without the writer copying it', async () => {
    const path = join(dir, 'steady.sqlite');
    const h = openDatabase(`file:${path}`, { backgroundCheckpoints: true });
    await sql`create table note (id integer primary key, body text not null)`.execute(h.db);
    // The WAL header's checkpoint sequence number (bytes 12–15) goes up each time the WAL starts over.
    const restarts = () => {
      const fd = openSync(`${path}-wal`, 'r');
      try {
        const header = Buffer.alloc(16);
        readSync(fd, header, 0, 16, 0);
        return header.readUInt32BE(12);
      } finally {
        closeSync(fd);
      }
    };
    try {
      const before = restarts();
      // Writes one after another, 1 ms apart, ~2 pages each (~2,000 frames a second), until the
      // WAL has started over: by the worker's pass and this connection's next transaction, long
      // before the 20,000 frames (82 MB) where the writer would checkpoint the WAL itself.
      const until = Date.now() + 15_000;
      let written = 0;
      while (restarts() === before && Date.now() < until) {
        await h.db
          .transaction()
          .execute((trx) =>
            sql`insert into note (body) values (${'x'.repeat(5_000)})`.execute(trx),
          );
        written++;
        await new Promise((r) => setTimeout(r, 1));
      }
      expect(restarts()).toBeGreaterThan(before);
      expect(statSync(`${path}-wal`).size).toBeLessThan(15_000 * 4_120);
      expect(
        (await sql<{ n: number }>`select count(*) as n from note`.execute(h.db)).rows[0]!.n,
      ).toBe(written);
    } finally {
      await h.close();
    }
  });
});
