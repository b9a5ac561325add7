import { describe, expect, it } from 'vitest';
import { receiptNumber, receiptText, whatsAppLink, type Receipt } from './receipt-text.ts';

const QRIS_SALE: Receipt = {
  saleId: '01936f6e-7c1a-7000-8000-00000000ab12',
  cooperativeName: 'KDKMP Simpang IV Sipin',
  // 14:05 in WIB (UTC+7).
  occurredAt: '2026-03-10T07:05:00.000Z',
  lines: [
    { name: 'Gula Pasir 1 kg', qty: 2, unitPrice: 17_500 },
    { name: 'Minyakita 1 L', qty: 1, unitPrice: 15_700 },
  ],
  total: 50_700,
  paymentMethod: 'qris',
};

describe('receipt text', () => {
  it('holds the cooperative, number, WIB time, each line, the total and the method', () => {
    const lines = receiptText(QRIS_SALE, 'id').split('\n');
    // ICU versions differ on the comma after the date.
    expect(lines[2]).toMatch(/^10 Mar 2026,? 14\.05 WIB$/);
    expect(lines).toEqual([
      'KDKMP Simpang IV Sipin',
      'Struk 0000AB12',
      lines[2],
      '------------------------------',
      'Gula Pasir 1 kg',
      '  2 x Rp 17.500 = Rp 35.000',
      'Minyakita 1 L',
      '  1 x Rp 15.700 = Rp 15.700',
      '------------------------------',
      'Total: Rp 50.700',
      'Cara bayar: QRIS',
      '------------------------------',
      'Terima kasih',
    ]);
  });

  it('a cash sale shows the money received and the change; in English too', () => {
    const cash: Receipt = {
      ...QRIS_SALE,
      paymentMethod: 'cash',
      cashReceived: 100_000,
      change: 49_300,
    };
    const id = receiptText(cash, 'id');
    expect(id).toContain('Cara bayar: Tunai\nUang diterima: Rp 100.000\nKembalian: Rp 49.300');
    const en = receiptText(cash, 'en');
    expect(en).toContain('Receipt 0000AB12');
    expect(en).toMatch(/\n10 Mar 2026,? 14:05 WIB\n/);
    expect(en).toContain('Payment: Cash\nCash received: Rp 100.000\nChange: Rp 49.300');
    expect(en).toContain('Thank you');
    // Change is only for cash: a QRIS receipt never mentions it.
    expect(receiptText(QRIS_SALE, 'en')).not.toMatch(/Change|Cash received/);
  });

  it("a member's sale names the member under the time; a sale without one does not", () => {
    const member = { ...QRIS_SALE, member: { memberNo: '0042', name: 'Siti Aminah' } };
    const lines = receiptText(member, 'id').split('\n');
    expect(lines[3]).toBe('Anggota: 0042 Siti Aminah');
    expect(receiptText(member, 'en')).toContain('\nMember: 0042 Siti Aminah\n');
    expect(receiptText(QRIS_SALE, 'id')).not.toContain('Anggota');
  });

  it('the WhatsApp link carries the whole text, encoded', () => {
    const link = whatsAppLink(QRIS_SALE, 'id');
    expect(link.startsWith('https://wa.me/?text=')).toBe(true);
    expect(link).not.toMatch(/\s/);
    expect(decodeURIComponent(link.slice('https://wa.me/?text='.length))).toBe(
      receiptText(QRIS_SALE, 'id'),
    );
  });

  it('numbers a receipt by the last 8 hex digits of its sale id', () => {
    expect(receiptNumber('01936f6e-7c1a-7000-8000-0000c0ffee99')).toBe('C0FFEE99');
  });
});
