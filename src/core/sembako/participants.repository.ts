import type { Db } from '../../db/database.ts';
import type { SembakoPayrollAuthorizationTable } from './sembako.table.ts';

/** SQL of the program office's participant administration: surat kuasa scans and the participant list. */

/** Records (or replaces) a participant's surat kuasa and keeps its number on the participant. */
export async function upsertPayrollAuthorization(
  db: Db,
  row: SembakoPayrollAuthorizationTable,
  ref: string,
) {
  await db
    .insertInto('sembakoPayrollAuthorization')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['orgId', 'programId', 'nip']).doUpdateSet((eb) => ({
        signedOn: eb.ref('excluded.signedOn'),
        contentType: eb.ref('excluded.contentType'),
        scan: eb.ref('excluded.scan'),
        scanSize: eb.ref('excluded.scanSize'),
        recordedAt: eb.ref('excluded.recordedAt'),
        recordedBy: eb.ref('excluded.recordedBy'),
      })),
    )
    .execute();
  await db
    .updateTable('sembakoParticipant')
    .set({ payrollAuthRef: ref, updatedAt: row.recordedAt })
    .where('orgId', '=', row.orgId)
    .where('programId', '=', row.programId)
    .where('nip', '=', row.nip)
    .execute();
}

/** The surat kuasa of a participant with its file. */
export async function findPayrollAuthorizationScan(
  db: Db,
  orgId: string,
  programId: string,
  nip: string,
) {
  return db
    .selectFrom('sembakoPayrollAuthorization')
    .select(['nip', 'signedOn', 'contentType', 'scan', 'scanSize'])
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .where('nip', '=', nip)
    .executeTakeFirst();
}

export interface ParticipantFilter {
  /** Part of the name (any case), or the start of the NIP. */
  q?: string;
  opd?: string;
  /** The NIP of the last row of the previous page. */
  afterNip?: string;
  limit: number;
}

/** Search text without LIKE's wildcards (the engines escape them differently; names and NIPs hold none). */
const likeText = (s: string) => s.replace(/[\\%_]/g, '');

/** A page of a program's participants in NIP order, with the date their surat kuasa was signed. */
export async function findParticipantsPage(
  db: Db,
  orgId: string,
  programId: string,
  f: ParticipantFilter,
) {
  let q = db
    .selectFrom('sembakoParticipant as p')
    .leftJoin('sembakoPayrollAuthorization as a', (j) =>
      j
        .onRef('a.orgId', '=', 'p.orgId')
        .onRef('a.programId', '=', 'p.programId')
        .onRef('a.nip', '=', 'p.nip'),
    )
    .leftJoin('organization as c', 'c.id', 'p.pickupCooperativeId')
    .select([
      'p.nip',
      'p.name',
      'p.opd',
      'p.phone',
      'p.villageCode',
      'p.pickupCooperativeId',
      'c.name as pickupCooperativeName',
      'p.payrollAuthRef',
      'a.signedOn as payrollAuthSignedOn',
      'p.activatedAt',
      'p.activationIssuedAt',
    ])
    .where('p.orgId', '=', orgId)
    .where('p.programId', '=', programId);
  const text = likeText(f.q?.trim() ?? '');
  if (text) {
    const pattern = `%${text.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb('p.nip', 'like', `${text.replace(/\s+/g, '')}%`),
        eb(eb.fn('lower', ['p.name']), 'like', eb.val(pattern)),
      ]),
    );
  }
  if (f.opd) q = q.where('p.opd', '=', f.opd);
  if (f.afterNip) q = q.where('p.nip', '>', f.afterNip);
  return q.orderBy('p.nip').limit(f.limit).execute();
}
