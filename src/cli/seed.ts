import { systemClock, type Clock } from '../core/shared/clock.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { hasAnyOrganization } from '../core/network/index.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { writeDemoBankFile } from '../demo/seed-bank.ts';
import { openMigrated } from './open.ts';
import { progressBar } from './progress.ts';

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return !(await hasAnyOrganization(db));
}

/** Seeds the demo network into an empty database, with progress. */
export async function seedDemoWithProgress(
  db: Kysely<Database>,
  clock: Clock = systemClock,
): Promise<void> {
  const summary = await seedDemo(db, {
    onProgress: progressBar('Menyiapkan jaringan demo'),
    realClock: clock,
  });
  const bankFile = await writeDemoBankFile(db);
  if (bankFile) console.error(`Contoh mutasi bank demo: ${bankFile}`);
  console.error(
    `Demo siap: ${summary.cooperatives} koperasi, ${summary.days} hari, ${summary.sales} penjualan, ${summary.deliveries} pengiriman, ${summary.statements} tagihan, ${summary.payments} pembayaran (${(summary.ms / 1000).toFixed(1)} s)`,
  );
}

export async function seedCommand(opts: { demo?: boolean }): Promise<number> {
  if (!opts.demo) {
    console.error('Nothing to seed: use `lumbung seed --demo`.');
    return 2;
  }
  const h = await openMigrated();
  try {
    if (!(await isEmpty(h.db))) {
      console.error('The database already holds data; the demo seeds only an empty database.');
      return 1;
    }
    await seedDemoWithProgress(h.db);
    return 0;
  } finally {
    await h.close();
  }
}
