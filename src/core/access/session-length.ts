import type { Db } from '../../db/database.ts';
import { findParticipation, hubSettingsOn } from '../network/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { SESSION_TTL_MS, type AuthUser } from './auth.service.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long a new sign-in of the user lasts: the session length its hub sets
 * for today (`sessionHours`), for the users of a hub and of the cooperatives
 * taking part with it; the shortest when the user belongs to several hubs'
 * networks; the default for everyone else.
 */
export async function sessionLengthMsOf(db: Db, user: AuthUser, clock: Clock): Promise<number> {
  const hubIds = new Set<string>();
  for (const m of user.memberships) {
    if (m.orgKind === 'hub') hubIds.add(m.orgId);
    else if (m.orgKind === 'cooperative') {
      const p = await findParticipation(db, m.orgId);
      if (p) hubIds.add(p.hubId);
    }
  }
  if (hubIds.size === 0) return SESSION_TTL_MS;
  const today = todayWib(clock);
  const hours = await Promise.all(
    [...hubIds].map(async (hubId) => (await hubSettingsOn(db, hubId, today)).sessionHours),
  );
  return Math.min(...hours) * HOUR_MS;
}
