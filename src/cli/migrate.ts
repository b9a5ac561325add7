import { openMigrated } from './open.ts';

export async function migrateCommand(): Promise<number> {
  const h = await openMigrated();
  console.log(`Database (${h.engine}) is up to date.`);
  await h.close();
  return 0;
}
