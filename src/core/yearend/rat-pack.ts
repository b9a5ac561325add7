import type { Db } from '../../db/database.ts';
import { loadPriceBook } from '../catalog/index.ts';
import { findOfficers, findOrganizationById, type OfficerRole } from '../network/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { getFiscalYear } from './fiscal-year.ts';
import {
  countMembersOn,
  findConsignedStoreQtyAsOf,
  findFixedAssetsAsOf,
} from './rat-pack.repository.ts';
import type { RatPack, RatPackNotes, RatPackSignatory } from './rat-pack.types.ts';
import { previewShu } from './shu-preview.ts';
import { getFinancialStatements } from './statements.ts';
import type { FinancialStatements } from './statements.types.ts';

const SIGNATORIES: { role: OfficerRole; title: string }[] = [
  { role: 'ketua', title: 'Ketua' },
  { role: 'sekretaris', title: 'Sekretaris' },
  { role: 'bendahara', title: 'Bendahara' },
  { role: 'pengawas', title: 'Pengawas' },
];

/** The amount of one account's line anywhere in a statement's sections (0 when absent). */
function lineAmount(sections: { lines: { code: string; amount: number }[] }[], code: string) {
  return sections.flatMap((s) => s.lines).find((l) => l.code === code)?.amount ?? 0;
}

/** The hub's goods in the cooperative's store at the end of `asOf`, valued at that day's consignment price. */
async function consignedStockAsOf(db: Db, coopId: string, asOf: string) {
  const rows = (await findConsignedStoreQtyAsOf(db, coopId, asOf)).filter((r) => r.qty > 0);
  const book = await loadPriceBook(
    db,
    rows.map((r) => r.productId),
  );
  return {
    units: rows.reduce((t, r) => t + r.qty, 0),
    value: rows.reduce(
      (t, r) => t + r.qty * (book.price(r.productId, 'consignment', asOf) ?? 0),
      0,
    ),
  };
}

async function notesOf(
  db: Db,
  coopId: string,
  year: number,
  s: FinancialStatements,
): Promise<RatPackNotes> {
  const yearEnd = `${year}-12-31`;
  const [stock, membersAtStart, membersAtEnd, fixedAssets] = await Promise.all([
    consignedStockAsOf(db, coopId, yearEnd),
    countMembersOn(db, coopId, `${year}-01-01`),
    countMembersOn(db, coopId, yearEnd),
    findFixedAssetsAsOf(db, coopId, yearEnd),
  ]);
  const bs = s.balanceSheet.sections;
  return {
    consignedStockValue: stock.value,
    consignedStockUnits: stock.units,
    memberCommission: s.incomeStatement.memberRevenue,
    nonMemberCommission: s.incomeStatement.nonMemberRevenue,
    subsidy: s.incomeStatement.subsidyRevenue,
    savings: {
      pokok: lineAmount(bs, '3101'),
      wajib: lineAmount(bs, '3102'),
      sukarela: lineAmount(bs, '2102'),
    },
    membersAtStart,
    membersAtEnd,
    fixedAssets,
    depreciation: lineAmount(s.incomeStatement.sections, '5105'),
  };
}

/**
 * The members' annual meeting pack of an ended fiscal year (`getRatPack`):
 * the statements with comparatives, notes from the books, the SHU split and
 * each member's share, and who signs. A closed year gives the final figures;
 * an ended year not yet closed a draft from the year's SHU rules
 * (`ShuRulesMissing` without them). A year not ended: `FiscalYearNotEnded`.
 */
export async function getRatPack(
  db: Db,
  clock: Clock,
  coopId: string,
  year: number,
): Promise<RatPack> {
  const coop = await findOrganizationById(db, coopId);
  if (!coop || coop.kind !== 'cooperative')
    throw new DomainError('NotFound', {
      message: 'Koperasi tidak ditemukan',
      messageEn: 'Cooperative not found',
    });
  const today = todayWib(clock);
  if (today <= `${year}-12-31`)
    throw new DomainError('FiscalYearNotEnded', {
      message: `Tahun buku ${year} belum berakhir; paket RAT dapat dibuat mulai 1 Januari ${year + 1}`,
      messageEn: `Fiscal year ${year} has not ended; the RAT pack is available from 1 January ${year + 1}`,
    });
  const closed = await getFiscalYear(db, coopId, year);
  const shu = closed ?? (await previewShu(db, coopId, year, undefined, clock));
  const statements = await getFinancialStatements(db, coopId, { year });
  const officers = await findOfficers(db, coopId);
  const signatories = SIGNATORIES.flatMap(({ role, title }): RatPackSignatory[] => {
    const holders = officers.filter((o) => o.role === role);
    return holders.length === 0
      ? [{ role, title, name: null }]
      : holders.map((o) => ({ role, title, name: o.name }));
  });
  return {
    status: closed ? 'final' : 'draft',
    year,
    today,
    cooperative: {
      id: coop.id,
      name: coop.name,
      legalNumber: coop.legalNumber,
      villageName: coop.villageName,
      districtName: coop.districtName,
    },
    statements,
    shu,
    notes: await notesOf(db, coopId, year, statements),
    signatories,
  };
}
