import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Engine } from '../../src/db/database.ts';

export interface EmptyDatabases {
  /** A URL naming a new database without tables: a SQLite file not yet made, or a PostgreSQL database just created. */
  create(): Promise<string>;
  /** Deletes every database and file it made. */
  dropAll(): Promise<void>;
}

/** Empty, unmigrated databases of one engine (what restore and the upgrade start from). */
export function emptyDatabases(engine: Engine): EmptyDatabases {
  const dir = mkdtempSync(join(tmpdir(), `lumbung-empty-${engine}-`));
  const admin = process.env.LUMBUNG_TEST_PG_URL;
  const made: string[] = [];
  const query = async (text: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  return {
    async create() {
      const name = `e_${randomBytes(6).toString('hex')}`;
      if (engine === 'sqlite') return `file:${join(dir, `${name}.sqlite`)}`;
      if (!admin) throw new Error('PostgreSQL is not available in this run');
      await query(`create database ${name}`);
      made.push(name);
      return admin.replace(/\/[^/]*$/, `/${name}`);
    },
    async dropAll() {
      rmSync(dir, { recursive: true, force: true });
      for (const name of made.splice(0))
        await query(`drop database if exists ${name} with (force)`);
    },
  };
}
