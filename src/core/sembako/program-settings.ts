import type { Db } from '../../db/database.ts';
import { findOrganizationById } from '../network/index.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { loadProgram } from './program.service.ts';
import type { FailedDeductionHandling, SembakoProgramTable } from './sembako.table.ts';
import { findProgramByName, insertProgram, updateProgramRow } from './sembako.repository.ts';

/** The settings of a program that its office may change. */
export interface ProgramSettings {
  name?: string;
  ordersPerPeriod?: number;
  /** What a failed payroll deduction becomes (default `carry_forward`). */
  failedDeductionHandling?: FailedDeductionHandling;
}

export interface ProgramInput extends ProgramSettings {
  name: string;
  sponsorOrgId: string;
  hubId: string;
}

export const FAILED_DEDUCTION_HANDLINGS = ['carry_forward', 'collect_at_pickup'] as const;

/** What is wrong with the given settings (those left out are not checked). */
export function programSettingsErrors(input: ProgramSettings): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (input.name !== undefined && (!name || name.length > 200))
    errors.push({
      path: '/name',
      message: 'wajib diisi, paling banyak 200 karakter',
      messageEn: 'required, up to 200 characters',
    });
  const per = input.ordersPerPeriod;
  if (per !== undefined && (!Number.isSafeInteger(per) || per < 1 || per > 31))
    errors.push({
      path: '/ordersPerPeriod',
      message: 'harus bilangan bulat 1–31',
      messageEn: 'must be a whole number 1–31',
    });
  const handling = input.failedDeductionHandling;
  if (handling !== undefined && !FAILED_DEDUCTION_HANDLINGS.includes(handling))
    errors.push({
      path: '/failedDeductionHandling',
      message:
        'harus dibawa ke bulan berikutnya (carry_forward) atau ditagih saat pengambilan (collect_at_pickup)',
      messageEn: 'must be carry_forward or collect_at_pickup',
    });
  return errors;
}

/** A program: its sponsor (a government or employer organization) owns its data; a hub supplies it. */
export async function createProgram(db: Db, ctx: CommandContext, input: ProgramInput) {
  const errors = programSettingsErrors({ ...input, name: input.name ?? '' });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const per = input.ordersPerPeriod ?? 1;
  const sponsor = await findOrganizationById(db, input.sponsorOrgId);
  if (!sponsor || !['government', 'employer'].includes(sponsor.kind))
    errors.push({
      path: '/sponsorOrgId',
      message: 'harus organisasi pemerintah atau pemberi kerja',
      messageEn: 'must be a government or employer organization',
    });
  const hub = await findOrganizationById(db, input.hubId);
  if (!hub || hub.kind !== 'hub')
    errors.push({ path: '/hubId', message: 'harus sebuah hub', messageEn: 'must be a hub' });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Data program tidak valid',
      details: errors,
    });
  if (await findProgramByName(db, input.sponsorOrgId, name))
    throw new DomainError('AlreadyExists', {
      message: `Program ${name} sudah ada`,
      details: [{ path: '/name', message: 'nama ini sudah dipakai', messageEn: 'already exists' }],
    });
  const row: SembakoProgramTable = {
    orgId: input.sponsorOrgId,
    id: newId(),
    name,
    hubId: input.hubId,
    ordersPerPeriod: per,
    failedDeductionHandling: input.failedDeductionHandling ?? 'carry_forward',
    createdAt: ctx.clock.now().toISOString(),
  };
  await insertProgram(db, row);
  return row;
}

/**
 * Changes a program's settings; those left out stay. A failed deduction already recorded keeps
 * what it became (carried or owed at pickup): the handling applies to failures reported from now.
 */
export async function updateProgram(db: Db, programId: string, input: ProgramSettings) {
  const program = await loadProgram(db, programId);
  const errors = programSettingsErrors(input);
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Data program tidak valid',
      details: errors,
    });
  const name = input.name?.trim();
  if (name && name !== program.name && (await findProgramByName(db, program.orgId, name)))
    throw new DomainError('AlreadyExists', {
      message: `Program ${name} sudah ada`,
      details: [{ path: '/name', message: 'nama ini sudah dipakai', messageEn: 'already exists' }],
    });
  const set = {
    ...(name ? { name } : {}),
    ...(input.ordersPerPeriod !== undefined ? { ordersPerPeriod: input.ordersPerPeriod } : {}),
    ...(input.failedDeductionHandling
      ? { failedDeductionHandling: input.failedDeductionHandling }
      : {}),
  };
  if (Object.keys(set).length) await updateProgramRow(db, program.orgId, program.id, set);
  return { ...program, ...set };
}
