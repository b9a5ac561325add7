import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { loadConfig } from '../config.ts';

/** Opens the configured database and brings its schema up to date. */
export async function openMigrated(
  opts: Parameters<typeof openDatabase>[1] = {},
): Promise<DatabaseHandle> {
  const handle = openDatabase(loadConfig().databaseUrl, opts);
  await migrateToLatest(handle.db);
  return handle;
}
