import { createHash, randomInt } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { setParticipantPassword } from '../access/index.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { toCsv } from '../shared/csv.ts';
import { loadProgram } from './program.service.ts';
import {
  findParticipants,
  findParticipantsByNip,
  markParticipantActivated,
  setActivationCodes,
} from './sembako.repository.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time activation code, `XXXX-XXXX` (40 bits from the CSPRNG). */
export function newActivationCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Codes are stored as SHA-256 of program, NIP and the normalized code; the code itself only in the export. */
export function hashActivationCode(programId: string, nip: string, code: string): string {
  const norm = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(`${programId}|${nip}|${norm}`).digest('base64url');
}

/**
 * Fresh one-time activation codes for the participants (of one OPD, or all)
 * who have not activated yet: any code issued before stops working.
 */
export async function issueActivationCodes(
  db: Db,
  ctx: CommandContext,
  programId: string,
  opd?: string,
) {
  const program = await loadProgram(db, programId);
  const people = await findParticipants(db, program.orgId, programId, { opd, notActivated: true });
  const codes = people.map((p) => ({
    nip: p.nip,
    name: p.name,
    opd: p.opd,
    code: newActivationCode(),
  }));
  await setActivationCodes(
    db,
    program.orgId,
    programId,
    codes.map((c) => ({ nip: c.nip, hash: hashActivationCode(programId, c.nip, c.code) })),
    ctx.clock.now().toISOString(),
  );
  return codes;
}

/** The export of fresh codes handed to the OPDs: nip, nama, opd, kode_aktivasi. */
export function activationCodesCsv(
  codes: Awaited<ReturnType<typeof issueActivationCodes>>,
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
