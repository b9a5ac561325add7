import type { Db } from '../../db/database.ts';
import { COOP, postJournalEntries } from '../ledger/index.ts';
import { insertSavingsTransaction } from '../members/index.ts';
import { lockOrganization } from '../network/index.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { contentHash, newId } from '../shared/ids.ts';
import {
  findFiscalYearClose,
  findMemberShares,
  findShuDistribution,
  insertShuDistribution,
} from './shu.repository.ts';
import type { ShuDistributionMethod, ShuDistributionTable } from './yearend.table.ts';

export interface DistributionInput {
  id: string;
  method: ShuDistributionMethod;
  date?: string;
}

export interface DistributionView {
  id: string;
  method: ShuDistributionMethod;
  paidOn: string;
  total: number;
  /** How many members received their SHU. */
  members: number;
}

/** Where the money leaves from: Kas, Bank, or the members' own sukarela. */
const CREDIT_ACCOUNT: Record<ShuDistributionMethod, string> = {
  cash: COOP.kas,
  bank: COOP.bank,
  sukarela: COOP.simpananSukarela,
};

const viewOf = (d: ShuDistributionTable, members: number): DistributionView => ({
  id: d.id,
  method: d.method,
  paidOn: d.paidOn,
  total: Number(d.total),
  members,
});

/**
 * The members' SHU of a closed year paid out as the RAT decided
 * (`distributeShu`), once per year: Dr 2201 Utang SHU Anggota the members'
 * total, Cr Kas, Bank or 2102 Simpanan Sukarela (doc type
 * `shu_distribution`). For sukarela each member's share is also written as a
 * sukarela deposit (note "SHU tahun YYYY") with no entry of its own: the
 * distribution's entry credits 2102 with their total, so the savings accounts
 * still equal the members' savings. Dated after the year, not in the future.
 * The same id and content again → the first result (`created: false`).
 */
export async function distributeShu(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  year: number,
  input: DistributionInput,
): Promise<{ view: DistributionView; created: boolean }> {
  const paidOn = businessDateOf(ctx, input.date);
  const hash = contentHash({ y: year, m: input.method, d: input.date ?? null });
  await lockOrganization(db, coopId);
  const close = await findFiscalYearClose(db, coopId, year);
  if (!close)
    throw new DomainError('InvalidState', {
      message: `Tahun buku ${year} belum ditutup; SHU dibagikan setelah tutup buku`,
      messageEn: `Fiscal year ${year} is not closed; SHU is distributed after the close`,
    });
  const shares = (await findMemberShares(db, coopId, year)).filter((s) => Number(s.total) > 0);
  const existing = await findShuDistribution(db, coopId, year);
  if (existing) {
    if (existing.id === input.id && isReplay(existing, hash, 'Pembagian SHU'))
      return { view: viewOf(existing, shares.length), created: false };
    throw new DomainError('AlreadyExists', {
      message: `SHU tahun ${year} sudah dibagikan pada ${existing.paidOn}`,
      messageEn: `The SHU of ${year} was distributed on ${existing.paidOn}`,
    });
  }
  if (paidOn <= `${year}-12-31`)
    throw new DomainError('ValidationFailed', {
      message: `Tanggal pembagian harus setelah tahun buku ${year}`,
      messageEn: `The distribution date must be after fiscal year ${year}`,
      details: [
        {
          path: '/date',
          message: `harus setelah 31 Desember ${year}`,
          messageEn: `must be after ${year}-12-31`,
        },
      ],
    });
  const total = shares.reduce((t, s) => t + Number(s.total), 0);
  const now = ctx.clock.now();
  const row: ShuDistributionTable = {
    orgId: coopId,
    year,
    id: input.id,
    method: input.method,
    paidOn,
    total,
    contentHash: hash,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now.toISOString(),
  };
  await insertShuDistribution(db, row);
  if (input.method === 'sukarela')
    for (const s of shares)
      await insertSavingsTransaction(db, {
        orgId: coopId,
        id: newId(),
        memberId: s.memberId,
        kind: 'sukarela',
        direction: 'deposit',
        amount: Number(s.total),
        txDate: paidOn,
        method: 'transfer',
        note: `SHU tahun ${year}`,
        contentHash: contentHash({ shu: input.id, m: s.memberId }),
        createdBy: row.createdBy,
        createdAt: row.createdAt,
      });
  await postJournalEntries(
    db,
    [
      {
        orgId: coopId,
        book: 'cooperative',
        date: paidOn,
        docType: 'shu_distribution',
        docId: input.id,
        memo: `Pembagian SHU tahun ${year} kepada ${shares.length} anggota`,
        lines: [
          { account: COOP.utangShuAnggota, debit: total },
          { account: CREDIT_ACCOUNT[input.method], credit: total },
        ],
      },
    ],
    now,
  );
  return { view: viewOf(row, shares.length), created: true };
}
