import type { Db } from '../../db/database.ts';
import { DomainError } from '../shared/errors.ts';
import {
  findMembersOfCooperative,
  findSalesOfMember,
  memberExists,
} from './member-purchases.repository.ts';
import { lessRefunds, sumRefundsOfSalesIn } from './sales-summary.repository.ts';
import type { PaymentMethod } from './consignment.table.ts';

/** What became of the member a synced sale named. */
export interface MemberVerdict {
  /** The member the sale is kept for; null: a non-member sale. */
  memberId: string | null;
  /** The reference sent when it named no member of the cooperative on the sale's date. */
  discrepancy: string | null;
  /** Said to the cashier when the sale was kept as a non-member sale (Indonesian). */
  message?: string;
}

const NON_MEMBER = 'dicatat sebagai penjualan non-anggota';

/**
 * The member of each sale of a sync batch, checked against the cooperative's
 * members in one query: a member of this cooperative who had joined by the
 * sale's date and had not left by it (left after it is fine) keeps the sale a
 * member's; any other reference (unknown, another cooperative's member, one
 * who left on or before the sale's date or joined after it) makes the sale a
 * non-member sale that keeps the reference as its discrepancy. A sale is never
 * refused for its member.
 */
export async function checkSaleMembers(
  db: Db,
  coopId: string,
  sales: { memberId?: string | undefined; date: string }[],
): Promise<MemberVerdict[]> {
  const sent = sales.map((s) =>
    typeof s.memberId === 'string' && s.memberId.trim() !== '' ? s.memberId : null,
  );
  const ids = [...new Set(sent.filter((m): m is string => m !== null))];
  const members = new Map((await findMembersOfCooperative(db, coopId, ids)).map((m) => [m.id, m]));
  return sales.map((s, i) => {
    const ref = sent[i]!;
    if (ref === null) return { memberId: null, discrepancy: null };
    const m = members.get(ref);
    const why = !m
      ? 'Anggota tidak terdaftar di koperasi ini'
      : m.joinedOn > s.date
        ? `Anggota baru masuk pada ${m.joinedOn}, setelah tanggal penjualan ${s.date}`
        : m.status !== 'active' && (m.leftOn === null || m.leftOn <= s.date)
          ? `Anggota sudah keluar${m.leftOn ? ` pada ${m.leftOn}` : ''}`
          : null;
    return why === null
      ? { memberId: ref, discrepancy: null }
      : { memberId: null, discrepancy: ref, message: `${why}: ${NON_MEMBER}` };
  });
}

export interface MemberPurchases {
  year: number;
  total: number;
  count: number;
  items: { saleId: string; occurredAt: string; amount: number; paymentMethod: PaymentMethod }[];
}

/**
 * A member's purchases at the cooperative in a calendar year (business
 * dates, WIB), newest first: each sale at its total less what the buyer was
 * paid back, reversed sales left out, as the sales figures count them.
 */
export async function listMemberPurchases(
  db: Db,
  coopId: string,
  memberId: string,
  year: number,
): Promise<MemberPurchases> {
  if (!(await memberExists(db, coopId, memberId)))
    throw new DomainError('NotFound', {
      message: 'Anggota tidak ditemukan',
      messageEn: 'Member not found',
    });
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const sales = await findSalesOfMember(db, coopId, memberId, from, to);
  const refunded = sales.length
    ? await sumRefundsOfSalesIn(db, [coopId], from, to, { by: 'saleId', memberId })
    : new Map();
  const items = sales.map((s) => ({
    saleId: s.id,
    occurredAt: s.occurredAt,
    amount: lessRefunds(s.totalAmount, refunded.get(s.id)),
    paymentMethod: s.paymentMethod,
  }));
  return {
    year,
    total: items.reduce((t, s) => t + s.amount, 0),
    count: items.length,
    items,
  };
}
