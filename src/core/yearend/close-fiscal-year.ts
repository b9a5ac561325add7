import type { Db } from '../../db/database.ts';
import { COOP, postJournalEntries, type JournalLineInput } from '../ledger/index.ts';
import { lockOrganization } from '../network/index.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { fiscalYearViewOf, type StoredAllocation } from './fiscal-year.ts';
import { profitAndLossOfPeriod } from './shu-of-period.ts';
import { computeShu } from './shu-preview.ts';
import { findShuRules, rulesMissing } from './shu-rules.ts';
import { findLatestClosedYears } from '../ledger/index.ts';
import { findFiscalYearClose, insertFiscalYearClose } from './shu.repository.ts';
import type { FiscalYearView, ShuKey, ShuResult } from './shu.types.ts';

/** Where each allocation key's amount goes at the close (jasa anggota: to the members' payable). */
const ACCOUNT_OF: Record<ShuKey, string> = {
  cadangan: COOP.cadangan,
  jasa_anggota: COOP.utangShuAnggota,
  pengurus: COOP.danaPengurus,
  karyawan: COOP.danaKaryawan,
  pendidikan: COOP.danaPendidikan,
  sosial: COOP.danaSosial,
  pembangunan_daerah: COOP.danaPembangunanDaerah,
};

/**
 * The closing entry's lines: each revenue account debited and each expense
 * account credited by its year figure, the net to 3301 Cadangan (cadangan and
 * jasa that could not be divided), 2201 Utang SHU Anggota (the members'
 * shares) and the funds 2202–2206; a loss debits 3401.
 */
function closingLines(
  pl: { accountCode: string; counterpartyOrgId: string; net: number }[],
  result: ShuResult,
): JournalLineInput[] {
  const lines: JournalLineInput[] = pl.map((l) => ({
    account: l.accountCode,
    ...(l.counterpartyOrgId ? { counterpartyOrgId: l.counterpartyOrgId } : {}),
    ...(l.net > 0 ? { debit: l.net } : { credit: -l.net }),
  }));
  if (result.shu <= 0) {
    lines.push({ account: COOP.shuBelumDibagi, debit: -result.shu });
    return lines;
  }
  const members = result.members.reduce((t, m) => t + m.total, 0);
  for (const a of result.allocation) {
    const amount =
      a.key === 'jasa_anggota'
        ? members
        : a.key === 'cadangan'
          ? a.amount + result.undivided
          : a.amount;
    lines.push({ account: ACCOUNT_OF[a.key], credit: amount });
  }
  if (!result.allocation.some((a) => a.key === 'cadangan') && result.undivided > 0)
    lines.push({ account: COOP.cadangan, credit: result.undivided });
  return lines;
}

/**
 * Closes a cooperative's fiscal year (`closeFiscalYear`) once it has ended
 * (WIB): its SHU split by the year's rules, posted in one closing entry dated
 * the year's last day, the members' shares kept. From then on the year is
 * locked (see `postJournalEntries`). Again → the same close (`created:
 * false`). One close at a time per cooperative: the organization row is
 * locked, then everything is checked again.
 */
export async function closeFiscalYear(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  year: number,
): Promise<{ view: FiscalYearView; created: boolean }> {
  const end = `${year}-12-31`;
  const today = todayWib(ctx.clock);
  if (today <= end)
    throw new DomainError('FiscalYearNotEnded', {
      message: `Tahun buku ${year} belum berakhir (hari ini ${today} WIB); tutup buku setelah ${end}`,
      messageEn: `Fiscal year ${year} has not ended (today is ${today} WIB); close it after ${end}`,
    });
  await lockOrganization(db, coopId);
  const existing = await findFiscalYearClose(db, coopId, year);
  if (existing) return { view: await fiscalYearViewOf(db, existing), created: false };
  const latest = (await findLatestClosedYears(db, [coopId])).get(coopId);
  if (latest !== undefined && latest > year)
    throw new DomainError('InvalidState', {
      message: `Tahun buku ${latest} sudah ditutup; tahun ${year} tidak dapat ditutup lagi`,
      messageEn: `Fiscal year ${latest} is already closed; ${year} can no longer be closed`,
    });
  const rules = await findShuRules(db, coopId, year);
  if (!rules) throw rulesMissing(year);
  const result = await computeShu(db, coopId, year, rules);
  const pl = await profitAndLossOfPeriod(db, coopId, `${year}-01-01`, end);
  const id = newId();
  const now = ctx.clock.now();
  await postJournalEntries(
    db,
    [
      {
        orgId: coopId,
        book: 'cooperative',
        date: end,
        docType: 'fiscal_year_close',
        docId: id,
        memo: `Tutup buku ${year}: SHU ${result.shu > 0 ? 'dibagi' : 'rugi dibawa ke tahun berikut'}`,
        lines: closingLines(pl, result),
      },
    ],
    now,
  );
  const allocation: StoredAllocation[] = result.allocation.map((a) => ({
    key: a.key,
    basisPoints: Math.round(a.percent * 100),
    amount: a.amount,
    ...(a.key === 'jasa_anggota' ? { usaha: result.jasaUsaha, modal: result.jasaModal } : {}),
  }));
  await insertFiscalYearClose(
    db,
    {
      orgId: coopId,
      year,
      id,
      shu: result.shu,
      rules: JSON.stringify(rules),
      allocation: JSON.stringify(allocation),
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now.toISOString(),
    },
    result.members.map((m) => ({
      orgId: coopId,
      year,
      memberId: m.memberId,
      purchases: m.purchases,
      savings: m.savings,
      jasaUsaha: m.jasaUsaha,
      jasaModal: m.jasaModal,
      total: m.total,
    })),
  );
  const close = await findFiscalYearClose(db, coopId, year);
  return { view: await fiscalYearViewOf(db, close!), created: true };
}
