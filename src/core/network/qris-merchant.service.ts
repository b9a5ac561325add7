import type { Db } from '../../db/database.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { findOrganizationById } from './network.repository.ts';
import { findQrisMerchant, upsertQrisMerchant } from './qris-merchant.repository.ts';
import { QRIS_CRITERIA, type QrisCriteria, type QrisMerchantTable } from './qris-merchant.table.ts';

export interface QrisMerchantInput {
  nmid: string;
  mcc: string;
  name: string;
  city: string;
  postalCode?: string | null;
  criteria: QrisCriteria;
}

/** A cooperative's QRIS merchant data as the API shows it. */
export interface QrisMerchant {
  cooperativeId: string;
  nmid: string;
  mcc: string;
  name: string;
  city: string;
  postalCode: string | null;
  criteria: QrisCriteria;
  updatedAt: string;
}

const PRINTABLE = /^[\x20-\x7e]+$/;

/**
 * The merchant data normalised (trimmed, NMID upper-case, empty postal code
 * dropped) and the fields that break the QRIS rules: NMID letters and digits
 * (at most 25), MCC 4 digits, name at most 25 and city at most 15 printable
 * ASCII characters (what a QR payload can carry), postal code 5 digits,
 * criteria one of UMI, UKE, UME, UBE, URE. Pure, so forms and tests share it.
 */
export function checkQrisMerchant(input: QrisMerchantInput): {
  value: Omit<QrisMerchant, 'cooperativeId' | 'updatedAt'>;
  errors: ErrorDetail[];
} {
  const value = {
    nmid: input.nmid.trim().toUpperCase(),
    mcc: input.mcc.trim(),
    name: input.name.trim(),
    city: input.city.trim(),
    postalCode: input.postalCode?.trim() || null,
    criteria: input.criteria,
  };
  const errors: ErrorDetail[] = [];
  if (!/^[A-Z0-9]{1,25}$/.test(value.nmid))
    errors.push({
      path: '/nmid',
      message: 'harus 1–25 huruf dan angka',
      messageEn: 'must be 1–25 letters and digits',
    });
  if (!/^\d{4}$/.test(value.mcc))
    errors.push({ path: '/mcc', message: 'harus 4 angka', messageEn: 'must be 4 digits' });
  if (!PRINTABLE.test(value.name) || value.name.length > 25)
    errors.push({
      path: '/name',
      message: 'harus 1–25 karakter (A–Z, 0–9, .,-)',
      messageEn: 'must be 1–25 printable characters (A–Z, 0–9, .,-)',
    });
  if (!PRINTABLE.test(value.city) || value.city.length > 15)
    errors.push({
      path: '/city',
      message: 'harus 1–15 karakter (A–Z, 0–9, .,-)',
      messageEn: 'must be 1–15 printable characters (A–Z, 0–9, .,-)',
    });
  if (value.postalCode !== null && !/^\d{5}$/.test(value.postalCode))
    errors.push({ path: '/postalCode', message: 'harus 5 angka', messageEn: 'must be 5 digits' });
  if (!QRIS_CRITERIA.includes(value.criteria))
    errors.push({
      path: '/criteria',
      message: `harus salah satu dari: ${QRIS_CRITERIA.join(', ')}`,
      messageEn: `must be one of ${QRIS_CRITERIA.join(', ')}`,
    });
  return { value, errors };
}

function toMerchant(row: QrisMerchantTable): QrisMerchant {
  return {
    cooperativeId: row.orgId,
    nmid: row.nmid,
    mcc: row.mcc,
    name: row.name,
    city: row.city,
    postalCode: row.postalCode,
    criteria: row.criteria,
    updatedAt: row.updatedAt,
  };
}

async function loadCooperative(db: Db, coopId: string) {
  const org = await findOrganizationById(db, coopId);
  if (!org || org.kind !== 'cooperative')
    throw new DomainError('NotFound', {
      message: 'Koperasi tidak ditemukan',
      messageEn: 'Cooperative not found',
    });
  return org;
}

/** The cooperative's QRIS merchant data; NotFound when none has been set. */
export async function getQrisMerchant(db: Db, coopId: string): Promise<QrisMerchant> {
  await loadCooperative(db, coopId);
  const row = await findQrisMerchant(db, coopId);
  if (!row)
    throw new DomainError('NotFound', {
      message: 'Data merchant QRIS koperasi ini belum diatur',
      messageEn: "This cooperative's QRIS merchant data has not been set",
    });
  return toMerchant(row);
}

/**
 * Sets (or replaces) the cooperative's QRIS merchant data. Keeps: every
 * stored merchant yields a valid dynamic QRIS payload (the checks of
 * `checkQrisMerchant`, also held by the table's constraints). Setting the same
 * data again changes nothing but the time stamp.
 */
export async function setQrisMerchant(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  input: QrisMerchantInput,
): Promise<QrisMerchant> {
  await loadCooperative(db, coopId);
  const { value, errors } = checkQrisMerchant(input);
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Data merchant QRIS tidak valid',
      messageEn: 'The QRIS merchant data is invalid',
      details: errors,
    });
  const row: QrisMerchantTable = {
    orgId: coopId,
    ...value,
    updatedAt: ctx.clock.now().toISOString(),
    updatedBy: ctx.actor?.userId ?? null,
  };
  await upsertQrisMerchant(db, row);
  return toMerchant(row);
}
