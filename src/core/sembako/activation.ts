import type { Db } from '../../db/database.ts';
import { hashOneTimeCode, newOneTimeCode, setParticipantPassword } from '../access/index.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { toCsv } from '../shared/csv.ts';
import { whatsAppUrl } from '../shared/whatsapp.ts';
import { loadProgram, notFound } from './program.service.ts';
import type { SembakoParticipantTable, SembakoProgramTable } from './sembako.table.ts';
import {
  findParticipants,
  findParticipantsByNip,
  markParticipantActivated,
  setActivationCodes,
} from './sembako.repository.ts';

/** A one-time activation code, `XXXX-XXXX` (the access module's one-time codes). */
export const newActivationCode = newOneTimeCode;

/** Codes are stored as SHA-256 of program, NIP and the normalized code; the code itself only in the export. */
export function hashActivationCode(programId: string, nip: string, code: string): string {
  return hashOneTimeCode(`${programId}|${nip}`, code);
}

/** Fresh codes for these participants; the codes issued to them before stop working. */
async function issueCodes(
  db: Db,
  ctx: CommandContext,
  program: SembakoProgramTable,
  people: SembakoParticipantTable[],
) {
  const codes = people.map((p) => ({
    nip: p.nip,
    name: p.name,
    opd: p.opd,
    phone: p.phone,
    code: newActivationCode(),
  }));
  await setActivationCodes(
    db,
    program.orgId,
    program.id,
    codes.map((c) => ({ nip: c.nip, hash: hashActivationCode(program.id, c.nip, c.code) })),
    ctx.clock.now().toISOString(),
  );
  return codes;
}

/** How many participants (of one OPD, or all) have not activated, and how many of them hold a code. */
export async function activationCodeSummary(db: Db, programId: string, opd?: string) {
  const program = await loadProgram(db, programId);
  const people = await findParticipants(db, program.orgId, programId, { opd, notActivated: true });
  const withoutCode = people.filter((p) => p.activationIssuedAt === null).length;
  return { notActivated: people.length, withoutCode, withCode: people.length - withoutCode };
}

/**
 * One-time activation codes for the participants (of one OPD, or all) who
 * have not activated yet. By default only those who never had a code get one:
 * a code handed out keeps working. With `reissue`, every one of them gets a
 * fresh code and the earlier codes stop working; `expectedCount` must be the
 * number the user was asked about, so a roster changed in between is not
 * reissued unseen.
 */
export async function issueActivationCodes(
  db: Db,
  ctx: CommandContext,
  programId: string,
  input: { opd?: string; reissue?: boolean; expectedCount?: number },
) {
  const program = await loadProgram(db, programId);
  const people = await findParticipants(db, program.orgId, programId, {
    opd: input.opd,
    notActivated: true,
  });
  if (!input.reissue) {
    return issueCodes(
      db,
      ctx,
      program,
      people.filter((p) => p.activationIssuedAt === null),
    );
  }
  if (input.expectedCount !== people.length) {
    throw new DomainError('InvalidState', {
      message: `Jumlah peserta yang belum aktivasi sekarang ${people.length}, bukan ${input.expectedCount ?? '—'}: periksa lagi sebelum menerbitkan ulang`,
      messageEn: `${people.length} participants have not activated now, not ${input.expectedCount ?? '—'}: check again before reissuing`,
      details: [
        {
          path: '/expectedCount',
          message: `harus ${people.length}`,
          messageEn: `must be ${people.length}`,
        },
      ],
    });
  }
  return issueCodes(db, ctx, program, people);
}

/**
 * A fresh one-time code for one participant, activated or not (for one who lost the code or
 * forgot the password: activating with it sets a new password); the code issued before stops
 * working. With the participant's phone, a WhatsApp link that sends them the code.
 */
export async function reissueParticipantCode(
  db: Db,
  ctx: CommandContext,
  programId: string,
  nip: string,
) {
  const program = await loadProgram(db, programId);
  const people = await findParticipants(db, program.orgId, programId, { nips: [nip] });
  if (people.length === 0) notFound('Peserta', 'Participant');
  const [issued] = await issueCodes(db, ctx, program, people);
  const { code, phone } = issued!;
  const url =
    phone &&
    whatsAppUrl(
      phone,
      `Kode aktivasi akun ${program.name} untuk NIP ${nip}: ${code}. Masukkan di halaman masuk ASN bersama kata sandi baru. Kode ini sekali pakai; kode sebelumnya tidak berlaku lagi.`,
    );
  return { nip, code, ...(url ? { whatsappUrl: url } : {}) };
}

/** The export of fresh codes handed to the OPDs: nip, nama, opd, kode_aktivasi. */
export function activationCodesCsv(
  codes: { nip: string; name: string; opd: string; code: string }[],
): string {
  return toCsv(
    ['nip', 'nama', 'opd', 'kode_aktivasi'],
    codes.map((c) => [c.nip, c.name, c.opd, c.code]),
  );
}

/**
 * A participant sets a password with the one-time code: the code must match
 * the latest one issued (then it is spent). With several programs holding the
 * NIP, `programId` picks one; otherwise any program whose code matches.
 */
export async function activateParticipant(
  db: Db,
  ctx: CommandContext,
  input: { programId?: string; nip: string; activationCode: string; password: string },
) {
  const rows = (await findParticipantsByNip(db, input.nip)).filter(
    (p) => !input.programId || p.programId === input.programId,
  );
  const match = rows.find(
    (p) =>
      p.activationCodeHash !== null &&
      p.activationCodeHash === hashActivationCode(p.programId, p.nip, input.activationCode),
  );
  if (!match)
    throw new DomainError('Unauthenticated', {
      message: 'NIP atau kode aktivasi salah',
      messageEn: 'Wrong NIP or activation code',
    });
  const userId = await setParticipantPassword(db, match.nip, match.name, input.password, ctx.clock);
  await markParticipantActivated(db, match, userId, ctx.clock.now().toISOString());
  return { userId, programId: match.programId };
}
