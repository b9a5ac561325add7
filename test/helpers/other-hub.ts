import type { Clock } from '../../src/core/shared/clock.ts';
import {
  createCooperative,
  createOrganization,
  createParticipation,
} from '../../src/core/network/index.ts';
import type { Db } from '../../src/db/database.ts';

/**
 * A cooperative in the village that takes part with a second hub of the same database: another
 * hub's network, which the first hub may neither see nor change.
 */
export async function cooperativeOfAnotherHub(
  db: Db,
  clock: Clock,
  villageCode: string,
  names: { hub: string; cooperative: string; hubRegion?: string },
) {
  const hub = await createOrganization(
    db,
    { kind: 'hub', name: names.hub, regionCode: names.hubRegion ?? '15' },
    clock,
  );
  const coop = await createCooperative(db, { name: names.cooperative, villageCode }, clock);
  await createParticipation(
    db,
    coop.id,
    { hubId: hub.id, agreementNo: `PKS/${villageCode}`, startDate: '2026-01-01', exposureLimit: 1 },
    clock,
  );
  return { hub, coop };
}
