import { sql } from 'kysely';
import { engineOf } from '../../db/connection.ts';
import type { Db } from '../../db/database.ts';
import { selectInChunks } from '../../db/id-lists.ts';
import type { OfficerTable, OrganizationTable, ParticipationTable } from './network.table.ts';
import { PARTICIPATION_ROW_COLUMNS, type ParticipationRow } from './participation-terms.ts';

export async function insertOrganization(db: Db, row: OrganizationTable): Promise<void> {
  await db.insertInto('organization').values(row).execute();
}

export async function findOrganizationById(
  db: Db,
  id: string,
): Promise<OrganizationTable | undefined> {
  return db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganizationByVillageCode(db: Db, villageCode: string) {
  return db
    .selectFrom('organization')
    .selectAll()
    .where('villageCode', '=', villageCode)
    .executeTakeFirst();
}

export async function findOrganizationsByKind(db: Db, kind: OrganizationTable['kind']) {
  return db
    .selectFrom('organization')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('name')
    .execute();
}

export async function findOrganizationsByKinds(db: Db, kinds: OrganizationTable['kind'][]) {
  return db.selectFrom('organization').selectAll().where('kind', 'in', kinds).execute();
}

/** An organization of this kind, name (trimmed, any case) and region code. */
export async function findOrganizationByName(
  db: Db,
  kind: OrganizationTable['kind'],
  name: string,
  regionCode: string | null,
): Promise<OrganizationTable | undefined> {
  let q = db
    .selectFrom('organization')
    .selectAll()
    .where('kind', '=', kind)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  q =
    regionCode === null
      ? q.where('regionCode', 'is', null)
      : q.where('regionCode', '=', regionCode);
  return q.executeTakeFirst();
}

/**
 * On PostgreSQL, serializes the creation of organizations of one kind, name
 * and region until the transaction ends (no table constraint holds that
 * uniqueness), so that two concurrent requests cannot both pass the check.
 * SQLite runs one transaction at a time anyway.
 */
export async function lockOrganizationName(
  db: Db,
  kind: OrganizationTable['kind'],
  name: string,
  regionCode: string | null,
): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  const key = `organization|${kind}|${name.toLowerCase()}|${regionCode ?? ''}`;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
}

export async function insertOfficers(db: Db, rows: OfficerTable[]): Promise<void> {
  if (rows.length) await db.insertInto('officer').values(rows).execute();
}

export async function insertParticipation(db: Db, row: ParticipationTable): Promise<void> {
  await db.insertInto('participation').values(row).execute();
}

/**
 * The cooperative's participation in a hub's program. With `lock`, on
 * PostgreSQL the row stays locked until the transaction ends: every command
 * that changes what the cooperative owes or holds takes this lock first, so
 * that concurrent commands see each other's effects (exposure, replays).
 * Without terms: they are versioned (`findParticipationOn`, `loadCooperativeContext` with `on`).
 */
/**
 * Takes an organization's row lock on PostgreSQL until the transaction ends, so
 * that commands which must not interleave for it (a hub's admins, its
 * month-end allowance) see each other; SQLite writes one at a time.
 */
export async function lockOrganization(db: Db, orgId: string): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await db.selectFrom('organization').select('id').where('id', '=', orgId).forUpdate().execute();
}

export async function findParticipation(
  db: Db,
  coopId: string,
  opts: { hubId?: string; lock?: boolean } = {},
): Promise<ParticipationRow | undefined> {
  let q = db
    .selectFrom('participation')
    .select(PARTICIPATION_ROW_COLUMNS)
    .where('orgId', '=', coopId);
  if (opts.hubId) q = q.where('hubId', '=', opts.hubId);
  if (opts.lock && engineOf(db) === 'postgres') q = q.forUpdate();
  return q.orderBy('startDate').executeTakeFirst();
}

/** The hub's participations without terms (`findParticipationsOfHubOn` adds those of a date). */
export async function findParticipationsOfHub(db: Db, hubId: string): Promise<ParticipationRow[]> {
  return db
    .selectFrom('participation')
    .select(PARTICIPATION_ROW_COLUMNS)
    .where('hubId', '=', hubId)
    .orderBy('orgId')
    .execute();
}

export interface CooperativeFilter {
  hubIds?: string[];
  regionCodes?: string[];
  /** Regions (a hub's own) whose cooperatives that take part with no hub yet are included. */
  unclaimedIn?: string[];
  ids?: string[];
  q?: string;
  districtCode?: string;
  /** Cursor: the last (name, id) of the previous page. */
  after?: { name: string; id: string };
  limit: number;
}

/** Cooperatives visible through the filter, by name, a page at a time. */
export async function findCooperatives(db: Db, f: CooperativeFilter) {
  let q = db
    .selectFrom('organization as o')
    .leftJoin('participation as p', 'p.orgId', 'o.id')
    .select([
      'o.id',
      'o.name',
      'o.villageCode',
      'o.villageName',
      'o.districtCode',
      'o.districtName',
      'o.status',
      'p.hubId',
      'p.id as participationId',
      'p.startDate',
    ])
    .where('o.kind', '=', 'cooperative');
  q = q.where((eb) => {
    const ors = [];
    if (f.hubIds?.length) ors.push(eb('p.hubId', 'in', f.hubIds));
    if (f.ids?.length) ors.push(eb('o.id', 'in', f.ids));
    for (const r of f.regionCodes ?? []) ors.push(eb('o.villageCode', 'like', `${r}.%`));
    for (const r of f.unclaimedIn ?? [])
      ors.push(eb.and([eb('p.id', 'is', null), eb('o.villageCode', 'like', `${r}.%`)]));
    return ors.length ? eb.or(ors) : eb.lit(false);
  });
  if (f.q) q = q.where('o.name', 'like', `%${f.q}%`);
  if (f.districtCode) q = q.where('o.districtCode', '=', f.districtCode);
  if (f.after) {
    const after = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('o.name', '>', after.name),
        eb.and([eb('o.name', '=', after.name), eb('o.id', '>', after.id)]),
      ]),
    );
  }
  return q.orderBy('o.name').orderBy('o.id').limit(f.limit).execute();
}

/** The names of the cooperatives taking or having taken part with the hub, by id. */
export async function findNamesOfHubCooperatives(
  db: Db,
  hubId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('participation').select('orgId').where('hubId', '=', hubId),
    )
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findOfficers(db: Db, coopId: string) {
  return db.selectFrom('officer').selectAll().where('orgId', '=', coopId).orderBy('role').execute();
}

/** Whether the database holds any organization yet (an empty database is seeded in demo mode). */
export async function hasAnyOrganization(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('organization').select('id').limit(1).executeTakeFirst());
}

/** An officer's name and phone (as a re-imported cooperatives file gives them), or the member it is. */
export async function updateOfficer(
  db: Db,
  orgId: string,
  id: string,
  set: Partial<Pick<OfficerTable, 'name' | 'phone' | 'memberId'>>,
): Promise<void> {
  await db
    .updateTable('officer')
    .set(set)
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** The organization whose documents carry this short code. */
export async function findOrganizationByShortCode(
  db: Db,
  shortCode: string,
): Promise<OrganizationTable | undefined> {
  return db
    .selectFrom('organization')
    .selectAll()
    .where('shortCode', '=', shortCode)
    .executeTakeFirst();
}

/** Changes an organization's own data (a hub's profile). */
export async function updateOrganization(
  db: Db,
  id: string,
  set: Partial<Omit<OrganizationTable, 'id' | 'kind' | 'createdAt'>>,
): Promise<void> {
  await db.updateTable('organization').set(set).where('id', '=', id).execute();
}

/** The payment references of organizations by id (cooperatives have one; others are left out). */
export async function findPaymentReferences(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await selectInChunks(ids, (chunk) =>
    db
      .selectFrom('organization')
      .select(['id', 'paymentReference'])
      .where('id', 'in', chunk)
      .where('paymentReference', 'is not', null)
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, r.paymentReference!]));
}
