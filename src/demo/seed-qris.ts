import type { Kysely } from 'kysely';
import { findOrganizationsByKind, setQrisMerchant } from '../core/network/index.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { CommandContext } from '../core/shared/context.ts';
import type { Database } from '../db/database.ts';

/** The demo NMID of the `index`-th KDKMP (0-based, in village-code order). */
export function demoNmid(index: number): string {
  return `ID1026157100${String(index + 1).padStart(3, '0')}`;
}

/** A name as a QR payload carries it: printable ASCII, at most 25 characters. */
function merchantName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, 25)
    .trim();
}

/**
 * QRIS merchant data for every KDKMP of the region: NMID from its position in
 * village-code order, MCC 5411 (grocery), its name cut to 25 characters, city
 * KOTA JAMBI, criteria UMI (micro). Deterministic; one transaction.
 */
export async function seedQris(
  db: Kysely<Database>,
  opts: { regionCode: string; clock: Clock },
): Promise<number> {
  const coops = (await findOrganizationsByKind(db, 'cooperative'))
    .filter((c) => c.villageCode?.startsWith(`${opts.regionCode}.`))
    .sort((a, b) => (a.villageCode ?? '').localeCompare(b.villageCode ?? ''));
  const ctx: CommandContext = {
    clock: opts.clock,
    actor: { userId: 'demo-seed', role: 'hub_admin' },
  };
  await db.transaction().execute(async (trx) => {
    for (const [i, coop] of coops.entries())
      await setQrisMerchant(trx, ctx, coop.id, {
        nmid: demoNmid(i),
        mcc: '5411',
        name: merchantName(coop.name),
        city: 'KOTA JAMBI',
        criteria: 'UMI',
      });
  });
  return coops.length;
}
