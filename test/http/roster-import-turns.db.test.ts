/**
 * Issue 17, finding 6 (second half): a large roster import must not hold other requests up (a
 * cashier's sync, a login). A real listening server, so that requests arrive over sockets and are
 * read between turns of the event loop as in production. Nothing here asserts a time: only the
 * order in which the server answers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVillagesIn } from '../../src/core/network/index.ts';
import { ROSTER_COLUMNS, toCsv } from '../../src/core/sembako/index.ts';
import { demoRoster } from '../../src/demo/seed-sembako.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, type HttpFixture } from '../helpers/http.ts';
import { createSembakoProgram } from '../helpers/sembako.ts';

/** Enough rows that reading, checking and writing them takes many turns of the event loop. */
const ROWS = 20_000;
/** The file of the second test (NIPs other than the first file's). */
const MORE = 5_000;

for (const engine of ENGINES) {
  describe(`a large roster import (${engine})`, () => {
    let f: HttpFixture;
    let base: string;
    let admin: Record<string, string>;
    let programId: string;
    let importUrl: string;
    let roster: ReturnType<typeof demoRoster>;
    const csvOf = (rows: typeof roster) =>
      toCsv(
        [...ROSTER_COLUMNS],
        rows.map((r) => [r.nip, r.name, r.opd, r.phone, r.village]),
      );
    const participants = async () => {
      const { n } = await f.t.db
        .selectFrom('sembakoParticipant')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('programId', '=', programId)
        .executeTakeFirstOrThrow();
      return Number(n);
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      ({ admin, programId } = await createSembakoProgram(f));
      importUrl = `/api/v1/programs/${programId}/participants/import`;
      base = await f.app.listen({ port: 0, host: '127.0.0.1' });
      const villages = (await listVillagesIn('15.71')).map((v) => v.code);
      roster = demoRoster(ROWS + MORE, villages);
    }, 60_000);
    afterAll(() => f?.close());

    it('requests sent once the server has the whole file are answered before the import is', async () => {
      const csv = csvOf(roster.slice(0, ROWS));
      // The order in which the server finishes its answers, and the moment it has read the file.
      const answered: string[] = [];
      let fileRead!: () => void;
      const fileReceived = new Promise<void>((resolve) => (fileRead = resolve));
      const watch = (req: IncomingMessage, res: ServerResponse) => {
        const path = (req.url ?? '').split('?')[0]!;
        res.once('finish', () => answered.push(path));
        if (path === importUrl) req.once('end', () => fileRead());
      };
      f.app.server.on('request', watch);
      try {
        const importing = fetch(`${base}${importUrl}`, {
          method: 'POST',
          headers: { ...admin, 'content-type': 'text/csv' },
          body: csv,
        });
        await fileReceived;
        // A request that needs no database, and one that reads it (as a sync or a login does).
        const [health, programs] = await Promise.all([
          fetch(`${base}/api/health`),
          fetch(`${base}/api/v1/programs`, { headers: admin }),
        ]);
        expect(health.status).toBe(200);
        expect(programs.status).toBe(200);
        const imported = await importing;
        expect(imported.status).toBe(200);
        expect(await imported.json()).toEqual({ imported: ROWS, updated: 0, rejected: [] });
        expect(answered).toHaveLength(3);
        expect(answered.at(-1)).toBe(importUrl);
      } finally {
        f.app.server.off('request', watch);
      }
      expect(await participants()).toBe(ROWS);
    }, 60_000);

    it('a write that fails part way is answered as such, and sending the file again completes it', async () => {
      const file = roster.slice(ROWS);
      // The database refuses one row near the end of the file (as a full disk would refuse a write).
      const failing = file[MORE - 500]!.nip;
      if (engine === 'sqlite')
        await sql
          .raw(
            `create trigger refuse_row before insert on sembako_participant when new.nip = '${failing}' begin select raise(abort, 'refused for the test'); end`,
          )
          .execute(f.t.db);
      else {
        await sql
          .raw(
            `create function refuse_row() returns trigger language plpgsql as $$ begin if new.nip = '${failing}' then raise exception 'refused for the test'; end if; return new; end $$`,
          )
          .execute(f.t.db);
        await sql
          .raw(
            'create trigger refuse_row before insert on sembako_participant for each row execute function refuse_row()',
          )
          .execute(f.t.db);
      }
      const send = () =>
        fetch(`${base}${importUrl}`, {
          method: 'POST',
          headers: { ...admin, 'content-type': 'text/csv', 'accept-language': 'en' },
          body: csvOf(file),
        });
      const failed = await send();
      expect(failed.status).toBe(500);
      expect(failed.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await failed.json()) as { detail: string };
      if (engine === 'sqlite') {
        // Written in short transactions: what was saved is said, and a resend completes it.
        expect(problem.detail).toMatch(/stopped .* after 4000 of 5000 valid rows were saved/);
        expect(problem.detail).toContain('Send the same file again');
        expect(await participants()).toBe(ROWS + 4000);
      } else {
        // One transaction: nothing of the file is saved.
        expect(await participants()).toBe(ROWS);
      }
      await sql
        .raw('drop trigger refuse_row' + (engine === 'sqlite' ? '' : ' on sembako_participant'))
        .execute(f.t.db);
      const again = await send();
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(
        engine === 'sqlite'
          ? { imported: 1000, updated: 4000, rejected: [] }
          : { imported: MORE, updated: 0, rejected: [] },
      );
      expect(await participants()).toBe(ROWS + MORE);
    }, 60_000);
  });
}
