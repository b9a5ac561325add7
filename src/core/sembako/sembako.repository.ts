import { sql } from 'kysely';
import { engineOf } from '../../db/connection.ts';
import type { Db } from '../../db/database.ts';
import { insertMany } from '../../db/batch.ts';
import { ID_CHUNK, selectInChunks } from '../../db/id-lists.ts';
import type {
  SembakoDeductionTable,
  SembakoOrderTable,
  SembakoPackageItemTable,
  SembakoPackageTable,
  SembakoParticipantTable,
  SembakoPeriodTable,
  SembakoProgramTable,
  SembakoSponsorPaymentTable,
  SembakoSponsorShareTable,
} from './sembako.table.ts';

/** An order (the unaliased `sembako_order`) not reversed by a correction: a reversed pickup is void. */
export const orderNotReversed = sql<boolean>`not exists (select 1 from reversal r where r.doc_type = 'sembako_order' and r.doc_id = sembako_order.id)`;

// --- programs, periods, packages ---

export async function insertProgram(db: Db, row: SembakoProgramTable) {
  await db.insertInto('sembakoProgram').values(row).execute();
}

export async function updateProgramRow(
  db: Db,
  orgId: string,
  id: string,
  set: Partial<Pick<SembakoProgramTable, 'name' | 'ordersPerPeriod' | 'failedDeductionHandling'>>,
) {
  await db
    .updateTable('sembakoProgram')
    .set(set)
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function findProgramById(db: Db, id: string) {
  return db.selectFrom('sembakoProgram').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProgramByName(db: Db, orgId: string, name: string) {
  return db
    .selectFrom('sembakoProgram')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Programs sponsored by one of `sponsorIds` or supplied by one of `hubIds`. */
export async function findPrograms(db: Db, sponsorIds: string[], hubIds: string[]) {
  if (sponsorIds.length === 0 && hubIds.length === 0) return [];
  return db
    .selectFrom('sembakoProgram')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(sponsorIds.length ? [eb('orgId', 'in', sponsorIds)] : []),
        ...(hubIds.length ? [eb('hubId', 'in', hubIds)] : []),
      ]),
    )
    .orderBy('name')
    .execute();
}

export async function insertPeriod(
  db: Db,
  period: SembakoPeriodTable,
  packages: SembakoPackageTable[],
  items: SembakoPackageItemTable[],
) {
  await db.insertInto('sembakoPeriod').values(period).execute();
  await insertMany(db, 'sembakoPackage', packages);
  await insertMany(db, 'sembakoPackageItem', items);
}

export async function findPeriod(db: Db, orgId: string, programId: string, month: string) {
  return db
    .selectFrom('sembakoPeriod')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export async function findPeriods(db: Db, orgId: string, programId: string) {
  return db
    .selectFrom('sembakoPeriod')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .orderBy('month', 'desc')
    .execute();
}

export async function findPackages(db: Db, orgId: string, programId: string, months?: string[]) {
  let q = db
    .selectFrom('sembakoPackage')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('programId', '=', programId);
  if (months) {
    if (months.length === 0) return [];
    q = q.where('month', 'in', months);
  }
  return q.orderBy('month').orderBy('name').execute();
}

/**
 * A package with its period's ordering window, when the package belongs to the
 * program's period of `month` (one query for placing an order).
 */
export async function findPackageOfPeriod(
  db: Db,
  orgId: string,
  programId: string,
  month: string,
  packageId: string,
) {
  return db
    .selectFrom('sembakoPackage as k')
    .innerJoin('sembakoPeriod as p', (j) =>
      j
        .onRef('p.orgId', '=', 'k.orgId')
        .onRef('p.programId', '=', 'k.programId')
        .onRef('p.month', '=', 'k.month'),
    )
    .select(['k.id', 'k.price', 'k.sponsorSubsidy', 'p.orderOpensAt', 'p.orderClosesAt'])
    .where('k.orgId', '=', orgId)
    .where('k.id', '=', packageId)
    .where('k.programId', '=', programId)
    .where('k.month', '=', month)
    .executeTakeFirst();
}

export async function findPackageItems(db: Db, orgId: string, packageIds: string[]) {
  if (packageIds.length === 0) return [];
  return db
    .selectFrom('sembakoPackageItem')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('packageId', 'in', packageIds)
    .orderBy('packageId')
    .orderBy('lineNo')
    .execute();
}

// --- participants ---

export async function findParticipantNips(db: Db, orgId: string, programId: string) {
  const rows = await db
    .selectFrom('sembakoParticipant')
    .select('nip')
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .execute();
  return new Set(rows.map((r) => r.nip));
}

/** Inserts new participants and updates the roster fields of known ones (login data untouched). */
export async function upsertParticipants(db: Db, rows: SembakoParticipantTable[]) {
  if (rows.length === 0) return;
  const chunk = 2000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    // The directory first: a roster row is never without its entry (one without a row is skipped).
    await db
      .insertInto('sembakoNipDirectory')
      .values(part.map((r) => ({ nip: r.nip, orgId: r.orgId, programId: r.programId })))
      .onConflict((oc) => oc.columns(['nip', 'orgId', 'programId']).doNothing())
      .execute();
    await db
      .insertInto('sembakoParticipant')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['orgId', 'programId', 'nip']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          opd: eb.ref('excluded.opd'),
          phone: eb.ref('excluded.phone'),
          villageCode: eb.ref('excluded.villageCode'),
          pickupCooperativeId: eb.ref('excluded.pickupCooperativeId'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }
}

/**
 * PostgreSQL: refreshes the planner's statistics of the roster after a bulk write. A program the
 * statistics do not know yet is estimated at one row, and its participants' look-ups (by user at
 * sign-in, by NIP for every order) could then read the whole program's roster each time.
 */
export async function analyzeParticipants(db: Db) {
  if (engineOf(db) === 'postgres') await sql`analyze sembako_participant`.execute(db);
}

export async function findParticipant(
  db: Db,
  orgId: string,
  programId: string,
  nip: string,
  opts: { lock?: boolean } = {},
) {
  let q = db
    .selectFrom('sembakoParticipant')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .where('nip', '=', nip);
  if (opts.lock && engineOf(db) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * Every program's roster row of a NIP: the programs from the directory (keyed by NIP), then each
 * row in its sponsor's tenant.
 */
export async function findParticipantsByNip(db: Db, nip: string) {
  const programs = await db
    .selectFrom('sembakoNipDirectory')
    .select(['orgId', 'programId'])
    .where('nip', '=', nip)
    .orderBy('orgId')
    .orderBy('programId')
    .execute();
  const out: SembakoParticipantTable[] = [];
  for (const p of programs) {
    const row = await findParticipant(db, p.orgId, p.programId, nip);
    if (row) out.push(row);
  }
  return out;
}

/** The user's participant row in a program (of the sponsor `orgId`, routed to its tenant). */
export async function findParticipantOfUser(
  db: Db,
  orgId: string,
  programId: string,
  userId: string,
) {
  return db
    .selectFrom('sembakoParticipant')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

export async function findParticipants(
  db: Db,
  orgId: string,
  programId: string,
  f: { opd?: string; nips?: string[]; notActivated?: boolean } = {},
) {
  let q = db
    .selectFrom('sembakoParticipant')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('programId', '=', programId);
  if (f.opd) q = q.where('opd', '=', f.opd);
  if (f.nips) {
    if (f.nips.length === 0) return [];
    if (f.nips.length <= ID_CHUNK) q = q.where('nip', 'in', f.nips);
  }
  if (f.notActivated) q = q.where('activatedAt', 'is', null);
  const rows = await q.orderBy('opd').orderBy('nip').execute();
  if (!f.nips || f.nips.length <= ID_CHUNK) return rows;
  // More NIPs than a statement takes parameters: the program's roster, filtered here.
  const only = new Set(f.nips);
  return rows.filter((r) => only.has(r.nip));
}

export async function setActivationCodes(
  db: Db,
  orgId: string,
  programId: string,
  codes: { nip: string; hash: string }[],
  issuedAt: string,
) {
  for (const c of codes)
    await db
      .updateTable('sembakoParticipant')
      .set({ activationCodeHash: c.hash, activationIssuedAt: issuedAt })
      .where('orgId', '=', orgId)
      .where('programId', '=', programId)
      .where('nip', '=', c.nip)
      .execute();
}

export async function markParticipantActivated(
  db: Db,
  p: { orgId: string; programId: string; nip: string },
  userId: string,
  at: string,
) {
  await db
    .updateTable('sembakoParticipant')
    .set({ userId, activatedAt: at, activationCodeHash: null, updatedAt: at })
    .where('orgId', '=', p.orgId)
    .where('programId', '=', p.programId)
    .where('nip', '=', p.nip)
    .execute();
}

// --- orders ---

export async function insertOrder(db: Db, row: SembakoOrderTable) {
  await db.insertInto('sembakoOrder').values(row).execute();
}

export async function findOrderById(
  db: Db,
  orgId: string,
  id: string,
  opts: { lock?: boolean } = {},
) {
  let q = db.selectFrom('sembakoOrder').selectAll().where('orgId', '=', orgId).where('id', '=', id);
  if (opts.lock && engineOf(db) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * In one statement: the order with id `id` (any participant, any program of
 * the organization) and the participant's orders of the month, cancelled ones
 * included. Two index lookups joined by UNION ALL (an OR would scan the
 * organization's orders on SQLite); an order found by both appears once.
 */
export async function findOrderAndMonthOrders(
  db: Db,
  orgId: string,
  id: string,
  participant: { programId: string; month: string; nip: string },
) {
  // `voided`: a pickup reversed by a correction, which no longer counts as an order of the month.
  const voided = sql<number>`case when ${orderNotReversed} then 0 else 1 end`.as('voided');
  const rows = await db
    .selectFrom('sembakoOrder')
    .selectAll()
    .select(voided)
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .unionAll(
      db
        .selectFrom('sembakoOrder')
        .selectAll()
        .select(voided)
        .where('orgId', '=', orgId)
        .where('programId', '=', participant.programId)
        .where('month', '=', participant.month)
        .where('nip', '=', participant.nip),
    )
    .execute();
  return rows
    .filter((r, i) => rows.findIndex((o) => o.id === r.id) === i)
    .map(({ voided: v, ...order }) => ({ ...order, voided: Number(v) === 1 }));
}

export async function updateOrder(
  db: Db,
  orgId: string,
  id: string,
  set: Partial<
    Pick<SembakoOrderTable, 'status' | 'cancelledAt' | 'pickedUpAt' | 'pickupDate' | 'saleId'>
  >,
) {
  await db
    .updateTable('sembakoOrder')
    .set(set)
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function findOrdersOfPeriod(
  db: Db,
  orgId: string,
  programId: string,
  month: string,
  f: { nip?: string; cooperativeId?: string; status?: SembakoOrderTable['status'][] } = {},
) {
  let q = db
    .selectFrom('sembakoOrder')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .where('month', '=', month);
  if (f.nip) q = q.where('nip', '=', f.nip);
  if (f.cooperativeId) q = q.where('pickupCooperativeId', '=', f.cooperativeId);
  if (f.status) q = q.where('status', 'in', f.status);
  // A reversed pickup (corrections) is void: not billed, not deducted.
  q = q.where(orderNotReversed);
  return q.orderBy('createdAt').orderBy('id').execute();
}

/** What the order reads show of an order's reversal (corrections, joined as `r`): the order is void. */
const REVERSAL_OF_ORDER = [
  'r.id as reversalId',
  'r.reversalDate',
  'r.reason as reversalReason',
] as const;

export async function findOrdersOfParticipant(
  db: Db,
  orgId: string,
  programId: string,
  nip: string,
) {
  return db
    .selectFrom('sembakoOrder as o')
    .innerJoin('sembakoPackage as k', (j) =>
      j.onRef('k.orgId', '=', 'o.orgId').onRef('k.id', '=', 'o.packageId'),
    )
    .innerJoin('organization as c', 'c.id', 'o.pickupCooperativeId')
    .leftJoin('reversal as r', (j) =>
      j
        .on('r.docType', '=', 'sembako_order')
        .onRef('r.orgId', '=', 'o.orgId')
        .onRef('r.docId', '=', 'o.id'),
    )
    .selectAll('o')
    .select(['k.name as packageName', 'c.name as pickupCooperativeName', ...REVERSAL_OF_ORDER])
    .where('o.orgId', '=', orgId)
    .where('o.programId', '=', programId)
    .where('o.nip', '=', nip)
    .orderBy('o.month', 'desc')
    .orderBy('o.createdAt', 'desc')
    .execute();
}

/** The order of a program carrying this pickup code (unique per program), with who ordered what and where. */
export async function findOrderByPickupCode(
  db: Db,
  orgId: string,
  programId: string,
  code: string,
) {
  return db
    .selectFrom('sembakoOrder as o')
    .innerJoin('sembakoPackage as k', (j) =>
      j.onRef('k.orgId', '=', 'o.orgId').onRef('k.id', '=', 'o.packageId'),
    )
    .innerJoin('sembakoParticipant as p', (j) =>
      j
        .onRef('p.orgId', '=', 'o.orgId')
        .onRef('p.programId', '=', 'o.programId')
        .onRef('p.nip', '=', 'o.nip'),
    )
    .innerJoin('organization as c', 'c.id', 'o.pickupCooperativeId')
    .leftJoin('reversal as r', (j) =>
      j
        .on('r.docType', '=', 'sembako_order')
        .onRef('r.orgId', '=', 'o.orgId')
        .onRef('r.docId', '=', 'o.id'),
    )
    .selectAll('o')
    .select([
      'k.name as packageName',
      'p.name as participantName',
      'c.name as pickupCooperativeName',
      ...REVERSAL_OF_ORDER,
    ])
    .where('o.orgId', '=', orgId)
    .where('o.programId', '=', programId)
    .where('o.pickupCode', '=', code)
    .executeTakeFirst();
}

/** Packages per (cooperative, package, status) of a period, reversed pickups left out: the demand's raw material. */
export async function sumOrdersByCooperative(
  db: Db,
  orgId: string,
  programId: string,
  month: string,
) {
  const rows = await db
    .selectFrom('sembakoOrder')
    .select(['pickupCooperativeId', 'packageId', 'status'])
    .select((eb) => eb.fn.sum<number>('qty').as('qty'))
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .where('month', '=', month)
    .where('status', '!=', 'cancelled')
    .where(orderNotReversed)
    .groupBy(['pickupCooperativeId', 'packageId', 'status'])
    .execute();
  return rows.map((r) => ({ ...r, qty: Number(r.qty) }));
}

// --- deductions and sponsor payments ---

export async function findDeductions(db: Db, orgId: string, programId: string, month: string) {
  return db
    .selectFrom('sembakoDeduction')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .where('month', '=', month)
    .execute();
}

export async function upsertDeductions(db: Db, rows: SembakoDeductionTable[]) {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto('sembakoDeduction')
      .values(rows.slice(i, i + 2000))
      .onConflict((oc) =>
        oc.columns(['orgId', 'programId', 'month', 'nip']).doUpdateSet((eb) => ({
          amountDue: eb.ref('excluded.amountDue'),
          amountDeducted: eb.ref('excluded.amountDeducted'),
          status: eb.ref('excluded.status'),
          importedAt: eb.ref('excluded.importedAt'),
        })),
      )
      .execute();
}

export async function findSponsorPayment(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('sembakoSponsorPayment')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertSponsorPayment(
  db: Db,
  row: SembakoSponsorPaymentTable,
  shares: SembakoSponsorShareTable[],
) {
  await db.insertInto('sembakoSponsorPayment').values(row).execute();
  await insertMany(db, 'sembakoSponsorShare', shares);
}

export async function findShares(db: Db, orgId: string, sponsorPaymentId: string) {
  return db
    .selectFrom('sembakoSponsorShare')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('sponsorPaymentId', '=', sponsorPaymentId)
    .orderBy('cooperativeId')
    .execute();
}

/** What the sponsor has paid per cooperative for a period, over all its payments. */
export async function sumSharesOfPeriod(db: Db, orgId: string, programId: string, month: string) {
  const rows = await db
    .selectFrom('sembakoSponsorShare as s')
    .innerJoin('sembakoSponsorPayment as p', (j) =>
      j.onRef('p.orgId', '=', 's.orgId').onRef('p.id', '=', 's.sponsorPaymentId'),
    )
    .select(['s.cooperativeId'])
    .select((eb) => eb.fn.sum<number>('s.amount').as('amount'))
    .where('s.orgId', '=', orgId)
    .where('p.programId', '=', programId)
    .where('p.month', '=', month)
    .groupBy('s.cooperativeId')
    .execute();
  return new Map(rows.map((r) => [r.cooperativeId, Number(r.amount)]));
}

// --- reads of other modules' tables (no import) ---

/** The cooperatives of the villages: the KDKMP of each kelurahan. */
export async function findCooperativesOfVillages(db: Db, villageCodes: string[]) {
  if (villageCodes.length === 0) return new Map<string, string>();
  const out = new Map<string, string>();
  for (let i = 0; i < villageCodes.length; i += 5000) {
    const rows = await db
      .selectFrom('organization')
      .select(['id', 'villageCode'])
      .where('kind', '=', 'cooperative')
      .where('villageCode', 'in', villageCodes.slice(i, i + 5000))
      .execute();
    for (const r of rows) if (r.villageCode) out.set(r.villageCode, r.id);
  }
  return out;
}

export async function findOrganizationNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Hub-owned units of the products on their way to or at each cooperative:
 * store and transit stock plus lines of draft delivery orders.
 */
export async function findSupplyAtCooperatives(db: Db, hubId: string, coopIds: string[]) {
  const out = new Map<string, number>();
  if (coopIds.length === 0) return out;
  // Each location's balance on its own: a store sold past its books (negative, not yet counted)
  // holds none, and takes nothing off what is in transit or on a draft.
  const stock = await selectInChunks(coopIds, (ids) =>
    db
      .selectFrom('stockBalance as b')
      .innerJoin('location as l', 'l.id', 'b.locationId')
      .select(['l.orgId', 'b.productId', 'b.qty'])
      .where('l.orgId', 'in', ids)
      // The balance of a cooperative's location is in its book: each cooperative's tenant alone.
      .where('b.orgId', 'in', ids)
      .where('l.kind', 'in', ['store', 'transit'])
      .where('b.ownerOrgId', '=', hubId)
      .where('b.qty', '>', 0)
      .execute(),
  );
  const drafts = await selectInChunks(coopIds, (ids) =>
    db
      .selectFrom('deliveryOrderLine as dl')
      .innerJoin('deliveryOrder as d', (j) =>
        j.onRef('d.orgId', '=', 'dl.orgId').onRef('d.id', '=', 'dl.deliveryOrderId'),
      )
      .select(['d.orgId', 'dl.productId'])
      .select((eb) => eb.fn.sum<number>('dl.qty').as('qty'))
      .where('d.orgId', 'in', ids)
      .where('d.hubId', '=', hubId)
      .where('d.status', '=', 'draft')
      .groupBy(['d.orgId', 'dl.productId'])
      .execute(),
  );
  for (const r of [...stock, ...drafts]) {
    const k = `${r.orgId}|${r.productId}`;
    out.set(k, (out.get(k) ?? 0) + Number(r.qty));
  }
  return out;
}
