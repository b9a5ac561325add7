import { sql, type Kysely } from 'kysely';

/**
 * Capacity building: the cooperative office's training events and the
 * cooperative officers invited to them (attendance, pre/post test scores).
 * The owner of every row is the government organization running the training
 * (`org_id`), so it leads each primary key. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_event')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('organizer_name', 'text', (c) => c.notNull())
    .addColumn('materials', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('training_event_pkey', ['org_id', 'id'])
    .addForeignKeyConstraint('training_event_org_id_fkey', ['org_id'], 'organization', ['id'])
    .execute();
  await db.schema
    .createIndex('training_event_org_id_event_date_idx')
    .on('training_event')
    .columns(['org_id', 'event_date'])
    .execute();

  await db.schema
    .createTable('training_participant')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('cooperative_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('attended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pre_score', 'integer')
    .addColumn('post_score', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_participant_pkey', ['org_id', 'event_id', 'id'])
    .addForeignKeyConstraint(
      'training_participant_event_id_fkey',
      ['org_id', 'event_id'],
      'training_event',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'training_participant_cooperative_id_fkey',
      ['cooperative_id'],
      'organization',
      ['id'],
    )
    .addUniqueConstraint('training_participant_org_id_event_id_cooperative_id_name_uq', [
      'org_id',
      'event_id',
      'cooperative_id',
      'name',
    ])
    .addCheckConstraint(
      'training_participant_position_chk',
      sql`position in ('ketua', 'sekretaris', 'bendahara', 'pengawas', 'manager')`,
    )
    .addCheckConstraint('training_participant_attended_chk', sql`attended in (0, 1)`)
    .addCheckConstraint(
      'training_participant_scores_chk',
      sql`(pre_score is null or (pre_score between 0 and 100)) and (post_score is null or (post_score between 0 and 100))`,
    )
    // A test score belongs to someone who was there.
    .addCheckConstraint(
      'training_participant_scored_attended_chk',
      sql`attended = 1 or (pre_score is null and post_score is null)`,
    )
    .execute();
  await db.schema
    .createIndex('training_participant_cooperative_id_idx')
    .on('training_participant')
    .column('cooperative_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('training_participant').execute();
  await db.schema.dropTable('training_event').execute();
}
