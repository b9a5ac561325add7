import type { Db } from '../../db/database.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash, isUuid } from '../shared/ids.ts';
import { COOP, findAccount } from './chart-of-accounts.ts';
import { monthlyDepreciation } from './depreciation-schedule.ts';
import type { FixedAssetTable } from './manual.table.ts';
import { bookOfOrganization, manualAccount } from './manual-entry.ts';
import {
  findDepreciationTotals,
  findFixedAsset,
  findFixedAssets,
  insertFixedAsset,
} from './manual-entry.repository.ts';
import { postJournalEntries } from './post-journal-entry.ts';

/** The accounts a fixed asset sits on. */
export const FIXED_ASSET_ACCOUNTS = [COOP.tanahBangunan, COOP.peralatan, COOP.kendaraan] as const;

export interface FixedAssetInput {
  id: string;
  name: string;
  accountCode: string;
  acquiredOn: string;
  cost: number;
  residualValue?: number;
  usefulLifeMonths: number;
  /** The account credited: cash, bank, a payable, hibah for a donated asset… */
  paidFromAccount: string;
}

export type FixedAssetView = Pick<
  FixedAssetTable,
  'id' | 'name' | 'accountCode' | 'acquiredOn' | 'cost' | 'residualValue' | 'usefulLifeMonths'
> & {
  monthlyDepreciation: number;
  accumulatedDepreciation: number;
  bookValue: number;
  lastDepreciatedMonth: string | null;
};

function viewOf(
  a: FixedAssetTable,
  dep?: { total: number; lastMonth: string | null },
): FixedAssetView {
  const cost = Number(a.cost);
  const residualValue = Number(a.residualValue);
  const accumulated = dep?.total ?? 0;
  const asset = { ...a, cost, residualValue };
  return {
    id: a.id,
    name: a.name,
    accountCode: a.accountCode,
    acquiredOn: a.acquiredOn,
    cost,
    residualValue,
    usefulLifeMonths: a.usefulLifeMonths,
    monthlyDepreciation: monthlyDepreciation(asset),
    accumulatedDepreciation: accumulated,
    bookValue: cost - accumulated,
    lastDepreciatedMonth: dep?.lastMonth ?? null,
  };
}

function checkInput(input: FixedAssetInput, residualValue: number) {
  const errors: ErrorDetail[] = [];
  const whole = (n: number) => Number.isSafeInteger(n);
  if (!isUuid(input.id))
    errors.push({ path: '/id', message: 'harus berupa UUID', messageEn: 'must be a uuid' });
  if (!input.name.trim())
    errors.push({ path: '/name', message: 'wajib diisi', messageEn: 'required' });
  if (!(FIXED_ASSET_ACCOUNTS as readonly string[]).includes(input.accountCode))
    errors.push({
      path: '/accountCode',
      message: `harus salah satu dari: ${FIXED_ASSET_ACCOUNTS.join(', ')}`,
      messageEn: `must be one of ${FIXED_ASSET_ACCOUNTS.join(', ')}`,
    });
  if (!whole(input.cost) || input.cost <= 0)
    errors.push({
      path: '/cost',
      message: 'harus rupiah bulat lebih dari 0',
      messageEn: 'must be a positive whole amount',
    });
  if (!whole(residualValue) || residualValue < 0 || residualValue >= input.cost)
    errors.push({
      path: '/residualValue',
      message: 'harus 0 atau lebih dan kurang dari harga perolehan',
      messageEn: 'must be at least 0 and less than the cost',
    });
  if (!whole(input.usefulLifeMonths) || input.usefulLifeMonths < 1)
    errors.push({
      path: '/usefulLifeMonths',
      message: 'harus bilangan bulat bulan, paling sedikit 1',
      messageEn: 'must be a whole number of months, at least 1',
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: `Aset tetap tidak valid: periksa isian yang ditandai (${errors.length})`,
      messageEn: `Invalid fixed asset: check the marked fields (${errors.length})`,
      details: errors,
    });
}

/**
 * A fixed asset bought or brought into a cooperative's books: Dr its account
 * (1501/1502/1503) the cost, Cr the account it was paid from (a manual asset,
 * liability or equity account that is not a fixed asset: Kas, Bank, Utang
 * Lain-lain, Hibah…), doc type `fixed_asset` under the client's id, dated
 * `acquiredOn`. It is then depreciated monthly by `postDepreciation`.
 * Idempotent like `recordJournalEntry`.
 */
export async function registerFixedAsset(
  db: Db,
  ctx: CommandContext,
  orgId: string,
  input: FixedAssetInput,
): Promise<FixedAssetView & { created: boolean }> {
  const book = await bookOfOrganization(db, orgId);
  if (book !== 'cooperative')
    throw new DomainError('InvalidState', {
      message: 'Aset tetap dicatat di pembukuan koperasi',
      messageEn: "Fixed assets are kept in a cooperative's books",
    });
  const residualValue = input.residualValue ?? 0;
  const hash = contentHash({ ...input, name: input.name.trim(), residualValue });
  const existing = await findFixedAsset(db, orgId, input.id);
  if (isReplay(existing, hash, 'Aset tetap')) {
    const totals = await findDepreciationTotals(db, orgId);
    return { ...viewOf(existing!, totals.get(`${orgId}|${input.id}`)), created: false };
  }
  checkInput(input, residualValue);
  const paidFrom = manualAccount(book, input.paidFromAccount, '/paidFromAccount');
  if (
    !['aset', 'liabilitas', 'ekuitas'].includes(paidFrom.type) ||
    paidFrom.section === 'aset_tetap'
  )
    throw new DomainError('ValidationFailed', {
      message: `Akun pembayaran ${paidFrom.code} ${paidFrom.name} tidak dapat dipakai: pilih kas, bank, utang atau hibah`,
      messageEn: `Account ${paidFrom.code} cannot pay for an asset: choose cash, bank, a payable or a donation`,
      details: [
        {
          path: '/paidFromAccount',
          message: 'harus akun aset, kewajiban atau ekuitas, bukan akun aset tetap',
          messageEn: 'must be an asset, liability or equity account, not a fixed asset',
        },
      ],
    });
  const acquiredOn = businessDateOf(ctx, input.acquiredOn, '/acquiredOn');
  const now = ctx.clock.now();
  const row: FixedAssetTable = {
    orgId,
    id: input.id,
    name: input.name.trim(),
    accountCode: input.accountCode,
    acquiredOn,
    cost: input.cost,
    residualValue,
    usefulLifeMonths: input.usefulLifeMonths,
    paidFromAccount: paidFrom.code,
    contentHash: hash,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now.toISOString(),
  };
  await insertFixedAsset(db, row);
  const account = findAccount(book, input.accountCode)!;
  await postJournalEntries(
    db,
    [
      {
        orgId,
        book,
        date: acquiredOn,
        docType: 'fixed_asset',
        docId: input.id,
        memo: `Perolehan aset tetap (${account.name}): ${row.name}`,
        lines: [
          { account: input.accountCode, debit: input.cost },
          { account: paidFrom.code, credit: input.cost },
        ],
      },
    ],
    now,
  );
  return { ...viewOf(row), created: true };
}

/** A cooperative's fixed assets with their depreciation so far and book value, by acquisition date. */
export async function listFixedAssets(db: Db, orgId: string): Promise<FixedAssetView[]> {
  const assets = await findFixedAssets(db, orgId);
  const totals = await findDepreciationTotals(db, orgId);
  return assets.map((a) => viewOf(a, totals.get(`${a.orgId}|${a.id}`)));
}
