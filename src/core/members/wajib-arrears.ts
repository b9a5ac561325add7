import type { Db } from '../../db/database.ts';
import { findOrganizationById } from '../network/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { formatRupiah } from '../shared/money.ts';
import { whatsAppShareUrl, whatsAppUrl } from '../shared/whatsapp.ts';
import { findWajibDebtors } from './wajib.repository.ts';

export interface ArrearsItem {
  memberId: string;
  memberNo: string;
  name: string;
  phone?: string;
  /** Billed months not covered by wajib deposits (deposits pay the oldest bills first). */
  months: number;
  /** Σ wajib billed − Σ wajib deposited. */
  amount: number;
  /** A WhatsApp link with a reminder to the member, when their phone is a mobile number. */
  whatsappUrl?: string;
}

export interface SavingsArrears {
  items: ArrearsItem[];
  total: number;
  /** The list as a message (Indonesian) for the members' group. */
  shareText: string;
  /** WhatsApp's share link for `shareText` (the manager picks the group). */
  shareUrl: string;
}

/** A business date as the members read it: `10-03-2026`. */
export function dateDdMmYyyy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}-${m}-${y}`;
}

/** How many of the bills, newest first, the amount in arrears reaches into. */
function monthsInArrears(bills: { amount: number }[], arrears: number): number {
  let left = arrears;
  let months = 0;
  for (let i = bills.length - 1; i >= 0 && left > 0; i--) {
    months++;
    left -= bills[i]!.amount;
  }
  return months;
}

/**
 * The active members whose wajib bills exceed their wajib deposits, by
 * member number: months and amount in arrears, a WhatsApp reminder link for
 * each member with a mobile number, and the whole list as one message for
 * the members' group.
 */
export async function listSavingsArrears(
  db: Db,
  clock: Clock,
  coopId: string,
): Promise<SavingsArrears> {
  const coop = await findOrganizationById(db, coopId);
  const coopName = coop?.name ?? 'Koperasi';
  const asOf = dateDdMmYyyy(todayWib(clock));
  const items: ArrearsItem[] = (await findWajibDebtors(db, coopId)).map((d) => {
    const amount = d.billed - d.paid;
    const months = monthsInArrears(d.bills, amount);
    const text =
      `Yth. ${d.name} (anggota no. ${d.memberNo}), simpanan wajib Anda di ${coopName} ` +
      `tertunggak ${months} bulan sebesar ${formatRupiah(amount)} (per ${asOf}). ` +
      'Mohon dilunasi di kantor koperasi. Terima kasih.';
    const whatsappUrl = whatsAppUrl(d.phone, text);
    return {
      memberId: d.id,
      memberNo: d.memberNo,
      name: d.name,
      ...(d.phone ? { phone: d.phone } : {}),
      months,
      amount,
      ...(whatsappUrl ? { whatsappUrl } : {}),
    };
  });
  const total = items.reduce((s, i) => s + i.amount, 0);
  const shareText = items.length
    ? [
        `Tunggakan simpanan wajib ${coopName} per ${asOf}:`,
        ...items.map(
          (i, n) =>
            `${n + 1}. ${i.memberNo} ${i.name}: ${i.months} bulan, ${formatRupiah(i.amount)}`,
        ),
        `Jumlah ${formatRupiah(total)} (${items.length} anggota). Mohon dilunasi di kantor koperasi. Terima kasih.`,
      ].join('\n')
    : `Tidak ada tunggakan simpanan wajib ${coopName} per ${asOf}. Terima kasih.`;
  return {
    items,
    total,
    shareText,
    shareUrl: whatsAppShareUrl(shareText),
  };
}
