import type { Db } from '../../db/database.ts';
import { findOrderReversalSponsors, saleNotReversed } from './sales-summary.repository.ts';

/**
 * The SQL of member purchases. Reads the `member` table of the members
 * module (SQL, no import: members may import consignment, not the reverse).
 */

/** Of `ids`, those that are members of the cooperative, with what a sale's date is checked against. */
export async function findMembersOfCooperative(db: Db, coopId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('member')
    .select(['id', 'joinedOn', 'status', 'leftOn'])
    .where('orgId', '=', coopId)
    .where('id', 'in', ids)
    .execute();
}

/** Whether a member of the cooperative has this id. */
export async function memberExists(db: Db, coopId: string, memberId: string) {
  const row = await db
    .selectFrom('member')
    .select('id')
    .where('orgId', '=', coopId)
    .where('id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A member's sales dated in [from, to] that are not reversed, newest first, at their recorded total. */
export async function findSalesOfMember(
  db: Db,
  coopId: string,
  memberId: string,
  from: string,
  to: string,
) {
  const sponsors = await findOrderReversalSponsors(db, [coopId]);
  return db
    .selectFrom('sale')
    .select(['id', 'occurredAt', 'totalAmount', 'paymentMethod'])
    .where('orgId', '=', coopId)
    .where('memberId', '=', memberId)
    .where('saleDate', '>=', from)
    .where('saleDate', '<=', to)
    .where(saleNotReversed('sale.id', sponsors))
    .orderBy('occurredAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
