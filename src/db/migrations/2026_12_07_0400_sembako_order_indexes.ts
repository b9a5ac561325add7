import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The lookups every order makes — a participant by (org_id, program_id, nip), the participant's
 * orders of a month by (org_id, program_id, month, nip), and the foreign-key check of each new
 * order against its participant — each have one index whose leading columns they match, and no
 * other index leads with a part of their key. Before, `sembako_participant_org_id_program_id_opd_idx`,
 * `sembako_order_cooperative_idx` and `sembako_order_org_id_program_id_pickup_code_uq` led with
 * (org_id, program_id[, month]): without statistics for the values asked (a roster just imported,
 * a program or a month the statistics do not know yet: the first orders of every period) every
 * candidate is estimated at one row, PostgreSQL could take the shorter index, and each order then
 * read all participants of the program or all its orders of the month so far. These indexes now
 * lead with the column that tells them apart; the queries they serve filter on all their columns
 * by equality. The unique constraint is rebuilt on PostgreSQL only: SQLite cannot drop a table
 * constraint without rebuilding the table, and its planner prefers the index matching the most
 * columns by equality anyway. Frozen once landed.
 */
type Index = [name: string, columns: string[]];
const PARTICIPANT_OPD: [table: string, before: Index, after: Index] = [
  'sembako_participant',
  ['sembako_participant_org_id_program_id_opd_idx', ['org_id', 'program_id', 'opd']],
  ['sembako_participant_opd_idx', ['opd', 'org_id', 'program_id']],
];
const ORDER_COOPERATIVE: [table: string, before: Index, after: Index] = [
  'sembako_order',
  ['sembako_order_cooperative_idx', ['org_id', 'program_id', 'month', 'pickup_cooperative_id']],
  [
    'sembako_order_pickup_cooperative_idx',
    ['pickup_cooperative_id', 'org_id', 'program_id', 'month'],
  ],
];
const PICKUP_CODE: [before: Index, after: Index] = [
  ['sembako_order_org_id_program_id_pickup_code_uq', ['org_id', 'program_id', 'pickup_code']],
  ['sembako_order_pickup_code_org_id_program_id_uq', ['pickup_code', 'org_id', 'program_id']],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function replaceIndex(db: Kysely<any>, table: string, from: Index, to: Index) {
  await db.schema.dropIndex(from[0]).execute();
  await db.schema.createIndex(to[0]).on(table).columns(to[1]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function replaceUnique(db: Kysely<any>, from: Index, to: Index) {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter table sembako_order drop constraint ${sql.id(from[0])},
    add constraint ${sql.id(to[0])} unique (${sql.join(to[1].map((c) => sql.id(c)))})`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, before, after] of [PARTICIPANT_OPD, ORDER_COOPERATIVE])
    await replaceIndex(db, table, before, after);
  await replaceUnique(db, ...PICKUP_CODE);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await replaceUnique(db, PICKUP_CODE[1], PICKUP_CODE[0]);
  for (const [table, before, after] of [ORDER_COOPERATIVE, PARTICIPANT_OPD])
    await replaceIndex(db, table, after, before);
}
