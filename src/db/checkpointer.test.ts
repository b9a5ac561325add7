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
import { walRestarts } from './checkpointer.ts';
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

describe('when the server holds its connection for a WAL restart', () => {
  const turn = () => new Promise((r) => setTimeout(r, 0));
  const caughtUp = (log: number) => ({ log, checkpointed: log });

  it('holds once the WAL has grown and a pass caught up, never while it stays the same (idle)', async () => {
    let holds = 0;
    const r = walRestarts(
      async (work) => {
        holds++;
        await work();
      },
      async () => {},
    );
    r.onPass(caughtUp(1_999)); // not yet 2,000 frames
    r.onPass({ log: 5_000, checkpointed: 4_000 }); // the pass did not catch up
    await turn();
    expect(holds).toBe(0);
    r.onPass(caughtUp(5_000));
    await turn();
    expect(holds).toBe(1);
    // No writes: the same WAL pass after pass is not held again.
    for (let i = 0; i < 5; i++) r.onPass(caughtUp(5_000));
    await turn();
    expect(holds).toBe(1);
    // Started over, then grown past 2,000 frames again: held again.
    r.onPass(caughtUp(1_000));
    r.onPass(caughtUp(2_500));
    await turn();
    expect(holds).toBe(2);
    r.close();
    r.onPass(caughtUp(1_000));
    r.onPass(caughtUp(9_000));
    await turn();
    expect(holds).toBe(2);
  });

  it('lets go after 50 ms when the pass is slow, and waits for twice the growth before trying again', async () => {
    const held: number[] = [];
    const r = walRestarts(
      async (work) => {
        const t = performance.now();
        await work();
        held.push(performance.now() - t);
      },
      () => new Promise<void>(() => {}), // a pass that never ends in time
    );
    r.onPass(caughtUp(2_000));
    await expect.poll(() => held.length).toBe(1);
    expect(held[0]).toBeGreaterThanOrEqual(45);
    expect(held[0]).toBeLessThan(180); // 50 ms and a late timer, not the 200 ms it once was
    r.onPass(caughtUp(5_999)); // grown by less than 2 × 2,000
    await turn();
    expect(held).toHaveLength(1);
    r.onPass(caughtUp(6_000));
    await expect.poll(() => held.length).toBe(2);
  });
});
