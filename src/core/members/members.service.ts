import type { Db } from '../../db/database.ts';
import { findOrganizationById } from '../network/index.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { isReplay } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { contentHash } from '../shared/ids.ts';
import { checkMemberFields, type FieldProblem } from './member-fields.ts';
import { assignMemberRole, syncOfficerContact } from './member-officers.ts';
import {
  MAX_ADDRESS,
  MAX_NAME,
  PHONE_RE,
  cardCodeOf,
  formatMemberNo,
  nameForm,
  phoneForm,
} from './member-rules.ts';
import {
  findMember,
  findMemberByNik,
  insertMembers,
  lockLastMemberNumber,
  updateMemberRow,
} from './members.repository.ts';
import type { MemberRole, MemberTable } from './members.table.ts';
import { loadDistrictCodes } from './nik.ts';

export interface CreateMemberInput {
  /** The client's id for the member (UUIDv7): sending the same request again creates nothing twice. */
  id: string;
  nik: string;
  name: string;
  joinedOn: string;
  phone?: string;
  address?: string;
  role?: MemberRole;
}

/** A member as the registry shows one (absent fields: none recorded). */
export interface MemberView {
  id: string;
  memberNo: string;
  nik: string;
  name: string;
  gender: MemberTable['gender'];
  birthDate: string;
  joinedOn: string;
  status: MemberTable['status'];
  leftOn?: string;
  phone?: string;
  address?: string;
  role?: MemberRole;
  cardCode: string;
}

export function memberViewOf(m: MemberTable, villageCode: string | null): MemberView {
  return {
    id: m.id,
    memberNo: m.memberNo,
    nik: m.nik,
    name: m.name,
    gender: m.gender,
    birthDate: m.birthDate,
    joinedOn: m.joinedOn,
    status: m.status,
    ...(m.leftOn ? { leftOn: m.leftOn } : {}),
    ...(m.phone ? { phone: m.phone } : {}),
    ...(m.address ? { address: m.address } : {}),
    ...(m.role ? { role: m.role } : {}),
    cardCode: cardCodeOf(villageCode, m.memberNo),
  };
}

function invalid(problems: FieldProblem[]): never {
  throw new DomainError('ValidationFailed', {
    message: `Data anggota tidak sah: ${problems.map((p) => p.id).join('; ')}`,
    messageEn: `The member's data is not valid: ${problems.map((p) => p.en).join('; ')}`,
    details: problems.map((p) => ({ path: p.path, message: p.id, messageEn: p.en })),
  });
}

/** The cooperative's village code (for card codes); unknown ids are refused before a command gets here. */
export async function villageOf(db: Db, coopId: string): Promise<string | null> {
  return (await findOrganizationById(db, coopId))?.villageCode ?? null;
}

export function nikTaken(existing: Pick<MemberTable, 'memberNo' | 'name'>) {
  return {
    id: `NIK sudah terdaftar sebagai anggota ${existing.memberNo} atas nama ${existing.name}`,
    en: `the NIK is already member ${existing.memberNo}'s, ${existing.name}`,
  };
}

/**
 * Registers a member: the NIK checked (a real district, a possible birth
 * date, once per cooperative), gender and birth date taken from it, the next
 * member number of the cooperative given in this transaction (gap-free:
 * numbering waits for the cooperative's other numbering transactions), and
 * an officer role kept in step with the cooperative's officers. The same id
 * and content again answers the member created (`created: false`); the same
 * id with other content is an IdempotencyConflict; a NIK already a member
 * AlreadyExists.
 */
export async function createMember(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  input: CreateMemberInput,
): Promise<{ member: MemberView; created: boolean }> {
  const today = todayWib(ctx.clock);
  const lastNo = await lockLastMemberNumber(db, coopId);
  const villageCode = await villageOf(db, coopId);
  const { id, role, ...fields } = input;
  const hash = contentHash({ ...fields, role: role ?? null });
  const existing = await findMember(db, coopId, id);
  if (isReplay(existing, hash, 'Anggota'))
    return { member: memberViewOf(existing!, villageCode), created: false };
  const checked = checkMemberFields(fields, await loadDistrictCodes(), today);
  if (!checked.ok) invalid(checked.problems);
  const { facts, ...member } = checked.member;
  const holder = await findMemberByNik(db, coopId, member.nik);
  if (holder) {
    const taken = nikTaken(holder);
    throw new DomainError('AlreadyExists', {
      message: taken.id,
      messageEn: `The NIK is already member ${holder.memberNo}'s, ${holder.name}`,
      details: [{ path: '/nik', message: taken.id, messageEn: taken.en }],
    });
  }
  const now = ctx.clock.now().toISOString();
  const row: MemberTable = {
    orgId: coopId,
    id,
    memberNo: formatMemberNo(lastNo + 1),
    ...member,
    gender: facts.gender,
    birthDate: facts.birthDate,
    status: 'active',
    leftOn: null,
    role: null,
    contentHash: hash,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await insertMembers(db, [row]);
  if (role) await assignMemberRole(db, row, role, now);
  return { member: memberViewOf({ ...row, role: role ?? null }, villageCode), created: true };
}

export async function loadMember(db: Db, coopId: string, memberId: string): Promise<MemberTable> {
  const m = await findMember(db, coopId, memberId);
  if (!m)
    throw new DomainError('NotFound', {
      message: 'Anggota tidak ditemukan',
      messageEn: 'Member not found',
    });
  return m;
}

/** One member of the cooperative, with the code on their card. */
export async function getMember(db: Db, coopId: string, memberId: string): Promise<MemberView> {
  return memberViewOf(await loadMember(db, coopId, memberId), await villageOf(db, coopId));
}

export interface UpdateMemberInput {
  name?: string;
  phone?: string | null;
  address?: string | null;
  role?: MemberRole | null;
}

/**
 * Changes a member's name, phone, address or officer role (null clears).
 * The NIK, number and join date stay as registered. A role is for active
 * members only (InvalidState otherwise); the officer rows follow the member
 * (see `assignMemberRole`).
 */
export async function updateMember(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  memberId: string,
  input: UpdateMemberInput,
): Promise<MemberView> {
  const member = await loadMember(db, coopId, memberId);
  const problems: FieldProblem[] = [];
  const set: Partial<Pick<MemberTable, 'name' | 'phone' | 'address'>> = {};
  if (input.name !== undefined) {
    set.name = nameForm(input.name);
    if (!set.name || set.name.length > MAX_NAME)
      problems.push({
        path: '/name',
        id: `nama wajib diisi, paling banyak ${MAX_NAME} karakter`,
        en: `name required, at most ${MAX_NAME} characters`,
      });
  }
  if (input.phone !== undefined) {
    set.phone = input.phone ? phoneForm(input.phone) : null;
    if (set.phone && !PHONE_RE.test(set.phone))
      problems.push({
        path: '/phone',
        id: `nomor telepon ${input.phone} tidak valid`,
        en: 'phone number not valid',
      });
  }
  if (input.address !== undefined) {
    set.address = input.address?.trim() || null;
    if ((set.address?.length ?? 0) > MAX_ADDRESS)
      problems.push({
        path: '/address',
        id: `alamat lebih dari ${MAX_ADDRESS} karakter`,
        en: `address over ${MAX_ADDRESS} characters`,
      });
  }
  if (problems.length) invalid(problems);
  if (input.role && member.status !== 'active')
    throw new DomainError('InvalidState', {
      message: `Anggota ${member.memberNo} sudah tidak aktif; jabatan hanya untuk anggota aktif`,
      messageEn: `Member ${member.memberNo} is no longer active; roles are for active members only`,
    });
  const now = ctx.clock.now().toISOString();
  const updated: MemberTable = { ...member, ...set, updatedAt: now };
  if (Object.keys(set).length)
    await updateMemberRow(db, coopId, memberId, { ...set, updatedAt: now });
  if (input.role !== undefined) {
    await assignMemberRole(db, updated, input.role, now);
    updated.role = input.role;
  } else if (member.role) await syncOfficerContact(db, updated);
  return memberViewOf(updated, await villageOf(db, coopId));
}
