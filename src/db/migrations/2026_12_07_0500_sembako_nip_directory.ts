import type { Kysely } from 'kysely';

/**
 * `sembako_nip_directory`: which sponsors' programs hold a NIP, keyed by the NIP. A civil servant
 * activates with NIP and code alone (no program named): the directory names the tenants
 * (`org_id`, `program_id`) whose roster rows are then read, each routed to its sponsor. Kept by the
 * roster's one write path (`upsertParticipants`, in its transaction); filled here from the rosters
 * already imported. Its key leads with `nip`, not `org_id`: on a distributed cluster it is
 * distributed by NIP (docs/SCALING.md). Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sembako_nip_directory')
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sembako_nip_directory_pkey', ['nip', 'org_id', 'program_id'])
    .execute();
  await db
    .insertInto('sembako_nip_directory')
    .columns(['nip', 'org_id', 'program_id'])
    .expression(db.selectFrom('sembako_participant').select(['nip', 'org_id', 'program_id']))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sembako_nip_directory').execute();
}
