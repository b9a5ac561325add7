import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.ts';

/** PRAGMA synchronous answers 1 for NORMAL, 2 for FULL. */
async function synchronousOf(env: string | undefined): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-sync-'));
  const before = process.env.LUMBUNG_SQLITE_SYNC;
  if (env === undefined) delete process.env.LUMBUNG_SQLITE_SYNC;
  else process.env.LUMBUNG_SQLITE_SYNC = env;
  try {
    const h = openDatabase(`file:${join(dir, 'sync.sqlite')}`);
    try {
      const r = await sql<{ synchronous: number }>`pragma synchronous`.execute(h.db);
      return r.rows[0]!.synchronous;
    } finally {
      await h.close();
    }
  } finally {
    if (before === undefined) delete process.env.LUMBUNG_SQLITE_SYNC;
    else process.env.LUMBUNG_SQLITE_SYNC = before;
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('LUMBUNG_SQLITE_SYNC (SQLite durability on power loss)', () => {
  const initial = process.env.LUMBUNG_SQLITE_SYNC;
  afterEach(() => {
    expect(process.env.LUMBUNG_SQLITE_SYNC).toBe(initial);
  });

  it('is NORMAL by default: the WAL is synced at checkpoints, not at every commit', async () => {
    expect(await synchronousOf(undefined)).toBe(1);
    expect(await synchronousOf('normal')).toBe(1);
  });

  it('full syncs the WAL at every commit, so a committed sale survives a power loss', async () => {
    expect(await synchronousOf('full')).toBe(2);
    expect(await synchronousOf('FULL')).toBe(2);
  });

  it('refuses a value it does not know, naming the ones it does', async () => {
    await expect(synchronousOf('off')).rejects.toThrow(/LUMBUNG_SQLITE_SYNC.*normal.*full/);
  });
});
