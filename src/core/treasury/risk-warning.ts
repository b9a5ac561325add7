import { addDays, daysBetween, longDate } from '../shared/business-date.ts';
import { formatRupiah } from '../shared/money.ts';
import { whatsAppShareUrl, whatsAppUrl } from '../shared/whatsapp.ts';

/** How many days ahead the dashboard warns before a statement turns overdue or a hold starts. */
export const EARLY_WARNING_DAYS = 7;

export interface EarlyWarning {
  /** due: a statement falls due soon; hold: deliveries stop soon unless it is paid. */
  kind: 'due' | 'hold';
  statementId: string;
  number: string;
  /** The due date, or the last day before the hold. */
  date: string;
  amount: number;
  text: string;
  textEn: string;
  /** A wa.me link with the text, to the cooperative's ketua when a phone is known. */
  whatsappUrl: string;
}

/** A chat with the manager's phone with the message typed in, or (no phone) the message to share. */
const whatsappLink = (text: string, phone?: string | null) =>
  whatsAppUrl(phone, text) ?? whatsAppShareUrl(text);

/**
 * The warnings of the next {@link EARLY_WARNING_DAYS} days: an open statement
 * falling due, and an overdue one whose grace days end (after which
 * dispatches to the cooperative are refused), each with the date, the amount
 * and a sentence to send.
 */
export function earlyWarningsOf(
  statements: { id: string; number: string; dueDate: string; outstanding: number }[],
  today: string,
  graceDays: number,
  to: { cooperativeName: string; paymentReference: string | null; phone?: string | null },
): EarlyWarning[] {
  const horizon = addDays(today, EARLY_WARNING_DAYS);
  const ref = to.paymentReference
    ? {
        id: ` Tulis ${to.paymentReference} di berita transfer.`,
        en: ` Write ${to.paymentReference} in the transfer remark.`,
      }
    : { id: '', en: '' };
  const out: EarlyWarning[] = [];
  for (const s of statements) {
    if (s.outstanding <= 0) continue;
    const amount = formatRupiah(s.outstanding);
    if (s.dueDate >= today && s.dueDate <= horizon) {
      const n = daysBetween(today, s.dueDate);
      const text = `${to.cooperativeName}: tagihan ${s.number} sebesar ${amount} jatuh tempo ${longDate(s.dueDate, 'id')} (${n === 0 ? 'hari ini' : `${n} hari lagi`}).${ref.id}`;
      out.push({
        kind: 'due',
        statementId: s.id,
        number: s.number,
        date: s.dueDate,
        amount: s.outstanding,
        text,
        textEn: `${to.cooperativeName}: statement ${s.number} of ${amount} falls due on ${longDate(s.dueDate, 'en')} (${n === 0 ? 'today' : `in ${n} days`}).${ref.en}`,
        whatsappUrl: whatsappLink(text, to.phone),
      });
    }
    const lastDay = addDays(s.dueDate, graceDays);
    if (s.dueDate < today && lastDay >= today && lastDay <= horizon) {
      const text = `${to.cooperativeName}: jika ${amount} (tagihan ${s.number}) belum dibayar sampai ${longDate(lastDay, 'id')}, pengiriman barang dihentikan mulai ${longDate(addDays(lastDay, 1), 'id')}.${ref.id}`;
      out.push({
        kind: 'hold',
        statementId: s.id,
        number: s.number,
        date: lastDay,
        amount: s.outstanding,
        text,
        textEn: `${to.cooperativeName}: unless ${amount} (statement ${s.number}) is paid by ${longDate(lastDay, 'en')}, deliveries stop from ${longDate(addDays(lastDay, 1), 'en')}.${ref.en}`,
        whatsappUrl: whatsappLink(text, to.phone),
      });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
