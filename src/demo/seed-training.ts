import type { Kysely } from 'kysely';
import { findOfficers, findOrganizationsByKind } from '../core/network/index.ts';
import { fixedClock, type Clock } from '../core/shared/clock.ts';
import type { CommandContext } from '../core/shared/context.ts';
import {
  createTrainingEvent,
  recordTrainingParticipants,
  type ParticipantInput,
} from '../core/training/index.ts';
import type { Database } from '../db/database.ts';
import { seededRandom } from './random.ts';

export const BKPSDM_TRAINING = {
  title: 'Pelatihan Pengurus KDKMP Kota Jambi: Konsinyasi, Pembukuan dan Tata Kelola',
  venue: 'Aula BKPSDM Kota Jambi',
  organizerName: 'Dinas Koperasi dan UKM Kota Jambi',
  materials: [
    'Modul 1: Pola konsinyasi tanpa uang muka (Koperasi Manis)',
    'Modul 2: Pembukuan koperasi sesuai SAK EP',
    'Modul 3: Tata kelola dan pengawasan KDKMP',
  ].join('\n'),
};

/**
 * The Dinas's training of the 68 KDKMP's officers at the BKPSDM hall on
 * `date`: the ketua and bendahara of every cooperative and the manager of
 * every third one invited, most of them present, with pre- and post-test
 * scores (the post-test higher on average). Deterministic: the same seed
 * draws the same scores. Runs the office's commands in one transaction.
 */
export async function seedTraining(
  db: Kysely<Database>,
  opts: { date: string; clock: Clock },
): Promise<{ invited: number; attended: number }> {
  const rnd = seededRandom(2025);
  const office = (await findOrganizationsByKind(db, 'government')).find((g) => g.regionCode);
  if (!office) return { invited: 0, attended: 0 };
  const coops = (await findOrganizationsByKind(db, 'cooperative'))
    .filter((c) => c.villageCode?.startsWith(`${office.regionCode}.`))
    .sort((a, b) => (a.villageCode ?? '').localeCompare(b.villageCode ?? ''));
  const ctx: CommandContext = {
    clock: fixedClock(opts.clock.now().toISOString()),
    actor: { userId: 'demo-seed', role: 'gov_viewer', orgId: office.id },
  };
  const participants: ParticipantInput[] = [];
  for (const [i, coop] of coops.entries()) {
    const officers = (await findOfficers(db, coop.id)).filter(
      (o) => o.role === 'ketua' || o.role === 'bendahara',
    );
    const invited: Omit<ParticipantInput, 'cooperativeId'>[] = officers.map((o) => ({
      name: o.name,
      position: o.role,
    }));
    if (i % 3 === 0) invited.push({ name: `Manajer ${coop.name}`, position: 'manager' });
    for (const p of invited) {
      const attended = !rnd.chance(0.08);
      const pre = rnd.int(35, 70);
      participants.push({
        ...p,
        cooperativeId: coop.id,
        attended,
        preScore: attended ? pre : null,
        postScore: attended ? Math.min(100, pre + rnd.int(-5, 30)) : null,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    const id = '01936f6e-7c1a-7000-8000-00000000b4d1';
    await createTrainingEvent(trx, ctx, office.id, { id, date: opts.date, ...BKPSDM_TRAINING });
    await recordTrainingParticipants(trx, ctx, office.id, id, participants);
  });
  return {
    invited: participants.length,
    attended: participants.filter((p) => p.attended).length,
  };
}
