import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './connection.ts';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.ts';

/** The server's SQLite handle with group commit, and a second, independent connection to the same file. */
describe('SQLite group commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-group-'));
  const path = join(dir, 'db.sqlite');
  let h: DatabaseHandle;
  let other: SQLite.Database;
  const seenByOther = (id: number) =>
    other.prepare('select count(*) as n from note where id = ?').get(id) as { n: number };

  beforeAll(async () => {
    h = openDatabase(`file:${path}`);
    await sql`create table parent (id integer primary key)`.execute(h.db);
    await sql`create table note (id integer primary key, body text not null)`.execute(h.db);
    // A deferred foreign key is checked at COMMIT: the one way to make a group's COMMIT fail here.
    await sql`create table child (id integer primary key, parent_id integer not null
      references parent (id) deferrable initially deferred)`.execute(h.db);
    other = new SQLite(path, { readonly: true });
  });
  afterAll(async () => {
    other.close();
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('concurrent transactions are each durable when their caller is told so; a failed one undoes only itself', async () => {
    const visibleAtResolve: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        h.db
          .transaction()
          .execute(async (trx) => {
            await sql`insert into note (id, body) values (${i}, ${`note ${i}`})`.execute(trx);
            await new Promise((r) => setImmediate(r));
            if (i % 7 === 3) throw new Error(`caller ${i} changes its mind`);
            await sql`update note set body = body || ' (checked)' where id = ${i}`.execute(trx);
          })
          .then(() => {
            // Another connection sees only what is committed: the caller learns of its commit after it.
            visibleAtResolve.push(seenByOther(i).n);
          }),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual(Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 7 === 3));
    expect(visibleAtResolve).toHaveLength(60 - failed.length);
    expect(visibleAtResolve.every((n) => n === 1)).toBe(true);
    const rows = other.prepare('select id, body from note order by id').all() as {
      id: number;
      body: string;
    }[];
    expect(rows.map((r) => r.id)).toEqual(
      Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 7 !== 3),
    );
    expect(rows.every((r) => r.body === `note ${r.id} (checked)`)).toBe(true);
  });

  it('when the COMMIT fails, no caller of the group is told its work is done, and none of it stays', async () => {
    await sql`insert into parent (id) values (1)`.execute(h.db);
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) =>
        h.db.transaction().execute(async (trx) => {
          // The second caller's child points at a parent that does not exist.
          await sql`insert into child (id, parent_id) values (${n}, ${n === 2 ? 99 : 1})`.execute(
            trx,
          );
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(other.prepare('select count(*) as n from child').get()).toEqual({ n: 0 });
    // The connection is usable afterwards, and a lone transaction commits at once.
    await h.db
      .transaction()
      .execute((trx) => sql`insert into child (id, parent_id) values (4, 1)`.execute(trx));
    expect(other.prepare('select id from child').all()).toEqual([{ id: 4 }]);
  });

  it('when SQLite rolls the whole group back on its own (disk full), its callers fail and the next caller commits for real', async () => {
    await sql`create table blob_t (x blob)`.execute(h.db);
    const pages = (await sql<{ pageCount: number }>`pragma page_count`.execute(h.db)).rows[0]!
      .pageCount;
    await sql.raw(`pragma max_page_count = ${pages + 5}`).execute(h.db);
    try {
      const a = h.db
        .transaction()
        .execute((trx) => sql`insert into note (id, body) values (2000, 'a')`.execute(trx));
      // SQLITE_FULL: SQLite rolls back the whole transaction, the group's savepoints with it.
      const b = sql`insert into blob_t values (zeroblob(400000))`.execute(h.db);
      const c = h.db
        .transaction()
        .execute((trx) => sql`insert into note (id, body) values (2001, 'c')`.execute(trx));
      const r = await Promise.allSettled([a, b, c]);
      expect(r.map((x) => x.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
      expect(seenByOther(2000).n).toBe(0);
      expect(seenByOther(2001).n).toBe(1);
    } finally {
      await sql.raw('pragma max_page_count = 1073741823').execute(h.db);
    }
  });

  it('a statement outside a transaction, run while a group is open, answers after the group commits', async () => {
    let readAnswered = false;
    const tx = h.db.transaction().execute(async (trx) => {
      await sql`insert into note (id, body) values (1000, 'in a group')`.execute(trx);
    });
    const read = h.db
      .selectFrom('note' as never)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirst()
      .then((r) => {
        readAnswered = true;
        // Whatever it read is committed by the time it answers.
        expect(seenByOther(1000).n).toBe(1);
        return r;
      });
    await Promise.all([tx, read]);
    expect(readAnswered).toBe(true);
  });

  it('work between transactions runs after the open group commits and holds off the transactions that come meanwhile', async () => {
    const sqlite = new SQLite(join(dir, 'between.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    const dialect = new GroupCommitSqliteDialect(sqlite, sqlite);
    const db = new Kysely<Record<string, never>>({ dialect, plugins: [new CamelCasePlugin()] });
    let release = () => {};
    try {
      await sql`create table note (id integer primary key)`.execute(db);
      const order: string[] = [];
      const first = db
        .transaction()
        .execute((trx) => sql`insert into note (id) values (1)`.execute(trx))
        .then(() => order.push('first committed'));
      let started!: () => void;
      const workStarted = new Promise<void>((r) => (started = r));
      const between = dialect.betweenTransactions(async () => {
        // The first transaction's group is committed: no transaction is open on the connection.
        order.push(`between: in a transaction ${sqlite.inTransaction}`);
        started();
        await new Promise<void>((r) => (release = r));
        order.push('between done');
      });
      const second = db
        .transaction()
        .execute((trx) => sql`insert into note (id) values (2)`.execute(trx))
        .then(() => order.push('second committed'));
      await workStarted;
      await first;
      for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
      // The first caller has been told of its commit; the second waits while the work holds on.
      expect(order).toEqual(['between: in a transaction false', 'first committed']);
      expect(sqlite.prepare('select id from note').all()).toEqual([{ id: 1 }]);
      release();
      await Promise.all([between, second]);
      expect(order).toEqual([
        'between: in a transaction false',
        'first committed',
        'between done',
        'second committed',
      ]);
    } finally {
      release();
      await db.destroy();
    }
  });
});
