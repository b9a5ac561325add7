import { verifyDatabase } from '../core/integrity/index.ts';
import { openMigrated } from './open.ts';

/** Recomputes every balance from the facts; exit 1 with the list of any drift. */
export async function verifyCommand(): Promise<number> {
  const h = await openMigrated();
  try {
    const report = await verifyDatabase(h.db);
    for (const c of report.checks) {
      console.log(`${c.ok ? 'OK  ' : 'FAIL'} ${c.name}`);
      for (const p of c.problems) console.log(`       - ${p}`);
    }
    console.log(report.ok ? 'verify: all invariants hold' : 'verify: DRIFT FOUND');
    return report.ok ? 0 : 1;
  } finally {
    await h.close();
  }
}
