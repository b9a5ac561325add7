/** A finished sale as its receipt shows it, and the receipt as plain text (WhatsApp). Pure: tested without a browser. */
import { instantWib, rupiah } from '../../ui/format.ts';

export type ReceiptMethod = 'cash' | 'qris' | 'transfer';

export interface ReceiptLine {
  name: string;
  qty: number;
  /** Whole rupiah. */
  unitPrice: number;
}

export interface Receipt {
  saleId: string;
  cooperativeName: string;
  /** ISO instant of the sale. */
  occurredAt: string;
  lines: ReceiptLine[];
  total: number;
  paymentMethod: ReceiptMethod;
  /** Cash sales: what the customer handed over. */
  cashReceived?: number;
  /** Cash sales: what went back. */
  change?: number;
  /** The member who bought, when the cashier chose one. */
  member?: { memberNo: string; name: string };
}

export type ReceiptLang = 'id' | 'en';

/** The receipt's words, shared by the screen, the print and the text, so all three say the same. */
export const RECEIPT_LABELS = {
  id: {
    receipt: 'Struk',
    member: 'Anggota',
    total: 'Total',
    method: 'Cara bayar',
    cash: 'Tunai',
    qris: 'QRIS',
    transfer: 'Transfer',
    cashReceived: 'Uang diterima',
    change: 'Kembalian',
    thanks: 'Terima kasih',
  },
  en: {
    receipt: 'Receipt',
    member: 'Member',
    total: 'Total',
    method: 'Payment',
    cash: 'Cash',
    qris: 'QRIS',
    transfer: 'Transfer',
    cashReceived: 'Cash received',
    change: 'Change',
    thanks: 'Thank you',
  },
} as const;

export function receiptLang(lang: string): ReceiptLang {
  return lang.startsWith('en') ? 'en' : 'id';
}

/** A short receipt number from the sale's UUID: its last 8 hex digits, upper case. */
export function receiptNumber(saleId: string): string {
  return saleId.replace(/-/g, '').slice(-8).toUpperCase();
}

export function receiptLineTotal(l: ReceiptLine): number {
  return l.qty * l.unitPrice;
}

const RULE = '-'.repeat(30);

/**
 * The receipt as plain text, one fact a line, for a chat message: the
 * cooperative, receipt number, date and time in WIB, the member (number and
 * name) when there is one, each line (name, then
 * qty × price = line total), total, payment method, and for cash the money
 * received and the change.
 */
export function receiptText(r: Receipt, lang: string): string {
  const l = RECEIPT_LABELS[receiptLang(lang)];
  const out = [
    r.cooperativeName,
    `${l.receipt} ${receiptNumber(r.saleId)}`,
    instantWib(r.occurredAt, receiptLang(lang)),
    ...(r.member ? [`${l.member}: ${r.member.memberNo} ${r.member.name}`] : []),
    RULE,
  ];
  for (const line of r.lines)
    out.push(
      line.name,
      `  ${line.qty} x ${rupiah(line.unitPrice)} = ${rupiah(receiptLineTotal(line))}`,
    );
  out.push(RULE, `${l.total}: ${rupiah(r.total)}`, `${l.method}: ${l[r.paymentMethod]}`);
  if (r.paymentMethod === 'cash' && r.cashReceived !== undefined && r.change !== undefined)
    out.push(`${l.cashReceived}: ${rupiah(r.cashReceived)}`, `${l.change}: ${rupiah(r.change)}`);
  out.push(RULE, l.thanks);
  return out.join('\n');
}

/** A wa.me link that opens WhatsApp with the receipt as the message (the person picks the chat). */
export function whatsAppLink(r: Receipt, lang: string): string {
  return `https://wa.me/?text=${encodeURIComponent(receiptText(r, lang))}`;
}
