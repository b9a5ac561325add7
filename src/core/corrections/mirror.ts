import type { Db } from '../../db/database.ts';
import type { MoveInput } from '../inventory/index.ts';
import { COOP, HUB, bookOf, commissionAccountOf, type JournalLineInput } from '../ledger/index.ts';
import type { DocType } from '../shared/doc-type.ts';
import { DomainError } from '../shared/errors.ts';
import {
  findJournalFacts,
  findLocationsByIds,
  findSale,
  findStockFacts,
} from './corrections.repository.ts';

/** A mirror journal entry (one per organization: its lines with debit and credit swapped). */
export interface MirrorEntry {
  orgId: string;
  orgName: string;
  book: 'hub' | 'cooperative';
  lines: (JournalLineInput & { debit: number; credit: number })[];
}

export interface MirrorMoves {
  orgId: string;
  moves: (MoveInput & { value: number })[];
}

export const ZERO = {
  salesAmount: 0,
  shrinkageAmount: 0,
  paymentsAmount: 0,
  subsidyNettedAmount: 0,
};

export function notFound(): never {
  throw new DomainError('NotFound', {
    message: 'Dokumen tidak ditemukan',
    messageEn: 'Document not found',
  });
}

const swap = (l: {
  accountCode: string;
  counterpartyOrgId: string;
  debit: number;
  credit: number;
}) => ({
  account: l.accountCode,
  ...(l.counterpartyOrgId ? { counterpartyOrgId: l.counterpartyOrgId } : {}),
  debit: l.credit,
  credit: l.debit,
});

/**
 * The mirror of every journal line the document posted in the books of `orgIds` (its tenant and
 * its hub), one entry per organization.
 */
export async function mirrorJournal(
  db: Db,
  orgIds: readonly string[],
  docTypes: DocType[],
  docId: string,
): Promise<MirrorEntry[]> {
  const byOrg = new Map<string, MirrorEntry>();
  for (const f of await findJournalFacts(db, orgIds, docTypes, docId)) {
    let e = byOrg.get(f.orgId);
    if (!e)
      byOrg.set(f.orgId, (e = { orgId: f.orgId, orgName: f.orgName, book: bookOf(f), lines: [] }));
    e.lines.push(swap(f));
  }
  return [...byOrg.values()];
}

/**
 * The mirror of every stock move the document posted in the tenants of `orgIds` (its own and its
 * hub's): the same units and value, back.
 */
export async function mirrorStock(
  db: Db,
  orgIds: readonly string[],
  docType: DocType,
  docId: string,
) {
  const facts = await findStockFacts(db, orgIds, docType, docId);
  const locations = new Map(
    (
      await findLocationsByIds(db, [
        ...new Set(facts.flatMap((f) => [f.fromLocationId, f.toLocationId])),
      ])
    ).map((l) => [l.id, l]),
  );
  const byOrg = new Map<string, MirrorMoves>();
  for (const f of facts) {
    let b = byOrg.get(f.orgId);
    if (!b) byOrg.set(f.orgId, (b = { orgId: f.orgId, moves: [] }));
    b.moves.push({
      productId: f.productId,
      ownerOrgId: f.ownerOrgId,
      from: locations.get(f.toLocationId)!,
      to: locations.get(f.fromLocationId)!,
      qty: f.qty,
      value: f.value,
      fallbackUnitCost: 0,
    });
  }
  return { stock: [...byOrg.values()], since: facts[0]?.createdAt ?? '' };
}

/**
 * One sale's share of its sync batch, as `recordSales` computed it: its lines
 * back from the customer to the store at their cost; C: Cr Kas/Bank/Piutang
 * its total, Dr Utang kepada Pengamanat q·k, Dr Pendapatan Komisi q·(p−k)
 * (4102 for a member's sale, else 4101, as it was posted);
 * H: Cr Piutang Konsinyasi, Dr Penjualan q·k; Cr HPP, Dr Persediaan di Koperasi.
 */
export async function planSale(db: Db, coopId: string, saleId: string) {
  const found = await findSale(db, saleId, coopId);
  if (!found) notFound();
  const { sale, lines } = found;
  const base = {
    orgId: sale.orgId,
    hubId: sale.hubId,
    coopId: sale.orgId,
    docDate: sale.saleDate,
    number: null,
    sale: { recordedBy: sale.recordedBy, saleDate: sale.saleDate },
    statement: { ...ZERO, salesAmount: -sale.consignmentAmount },
  };
  if (!sale.postingId) {
    // Posted on its own, before sales were posted per sync: its own facts.
    const books = [sale.orgId, sale.hubId];
    const { stock } = await mirrorStock(db, books, 'sale', saleId);
    return { ...base, journal: await mirrorJournal(db, books, ['sale'], saleId), stock };
  }
  const batch = await findStockFacts(db, [sale.orgId], 'sales_batch', sale.postingId);
  const move = batch[0];
  const locations = move
    ? await findLocationsByIds(db, [move.fromLocationId, move.toLocationId])
    : [];
  const store = locations.find((l) => l.id === move?.fromLocationId);
  const customer = locations.find((l) => l.id === move?.toLocationId);
  if (!store || !customer) throw new Error(`sale ${saleId}: its batch moved no stock`);
  const cost = lines.reduce((t, l) => t + l.costValue, 0);
  const commission = sale.totalAmount - sale.consignmentAmount;
  const paid =
    sale.paymentMethod === 'cash'
      ? COOP.kas
      : sale.paymentMethod === 'payroll'
        ? COOP.piutangPotongGaji
        : COOP.bank;
  const journal: MirrorEntry[] = [
    {
      orgId: sale.orgId,
      orgName: '',
      book: 'cooperative',
      lines: [
        { account: paid, debit: 0, credit: sale.totalAmount },
        {
          account: COOP.utangPengamanat,
          counterpartyOrgId: sale.hubId,
          debit: sale.consignmentAmount,
          credit: 0,
        },
        commission >= 0
          ? { account: commissionAccountOf(sale.memberId), debit: commission, credit: 0 }
          : { account: commissionAccountOf(sale.memberId), debit: 0, credit: -commission },
      ],
    },
    {
      orgId: sale.hubId,
      orgName: '',
      book: 'hub',
      lines: [
        {
          account: HUB.piutangKonsinyasi,
          counterpartyOrgId: sale.orgId,
          debit: 0,
          credit: sale.consignmentAmount,
        },
        {
          account: HUB.penjualan,
          counterpartyOrgId: sale.orgId,
          debit: sale.consignmentAmount,
          credit: 0,
        },
        { account: HUB.hpp, counterpartyOrgId: sale.orgId, debit: 0, credit: cost },
        { account: HUB.persediaanKoperasi, counterpartyOrgId: sale.orgId, debit: cost, credit: 0 },
      ],
    },
  ];
  const stock: MirrorMoves[] = [
    {
      orgId: sale.orgId,
      moves: lines.map((l) => ({
        productId: l.productId,
        ownerOrgId: sale.hubId,
        from: customer,
        to: store,
        qty: l.qty,
        value: l.costValue,
        fallbackUnitCost: 0,
      })),
    },
  ];
  return { ...base, journal, stock };
}
