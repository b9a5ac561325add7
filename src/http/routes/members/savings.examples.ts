import type { Static } from 'typebox';
import type {
  EndMembershipBody,
  MemberSavings,
  RecordSavingsBody,
  SavingsArrears,
  SavingsRules,
  SetSavingsRulesBody,
  WajibBillingBody,
} from './savings.schemas.ts';

/** Rahmat Hidayat, member 0001 of KDKMP Simpang IV Sipin (as in the members' examples). */
const rahmatId = '01936f6e-7c1a-7000-8000-000000000a01';

export const setSavingsRulesExample: Static<typeof SetSavingsRulesBody> = {
  effectiveFrom: '2026-01-01',
  pokok: 100_000,
  wajibMonthly: 10_000,
};

export const savingsRulesExample: Static<typeof SavingsRules> = {
  current: setSavingsRulesExample,
  history: [
    setSavingsRulesExample,
    { effectiveFrom: '2025-08-01', pokok: 50_000, wajibMonthly: 5_000 },
  ],
};

export const recordSavingsExample: Static<typeof RecordSavingsBody> = {
  id: '01936f6e-7c1a-7000-8000-000000005a03',
  kind: 'wajib',
  direction: 'deposit',
  amount: 10_000,
  date: '2026-03-10',
  method: 'cash',
};

export const memberSavingsExample: Static<typeof MemberSavings> = {
  pokok: 100_000,
  wajib: 10_000,
  sukarela: 25_000,
  wajibArrears: 0,
  pokokDue: 0,
  transactions: [
    {
      id: '01936f6e-7c1a-7000-8000-000000005a03',
      date: '2026-03-10',
      kind: 'wajib',
      direction: 'deposit',
      amount: 10_000,
      method: 'cash',
      balanceAfter: 10_000,
    },
    {
      id: '01936f6e-7c1a-7000-8000-000000005a02',
      date: '2026-03-05',
      kind: 'sukarela',
      direction: 'deposit',
      amount: 25_000,
      method: 'qris',
      balanceAfter: 25_000,
    },
    {
      id: '01936f6e-7c1a-7000-8000-000000005a01',
      date: '2026-03-02',
      kind: 'pokok',
      direction: 'deposit',
      amount: 100_000,
      method: 'cash',
      balanceAfter: 100_000,
    },
  ],
};

export const wajibBillingExample: Static<typeof WajibBillingBody> = { month: '2026-03' };

const rahmatText =
  'Yth. Rahmat Hidayat (anggota no. 0001), simpanan wajib Anda di KDKMP Simpang IV Sipin tertunggak 2 bulan sebesar Rp 20.000 (per 10-03-2026). Mohon dilunasi di kantor koperasi. Terima kasih.';
const shareText = [
  'Tunggakan simpanan wajib KDKMP Simpang IV Sipin per 10-03-2026:',
  '1. 0001 Rahmat Hidayat: 2 bulan, Rp 20.000',
  'Jumlah Rp 20.000 (1 anggota). Mohon dilunasi di kantor koperasi. Terima kasih.',
].join('\n');

export const savingsArrearsExample: Static<typeof SavingsArrears> = {
  items: [
    {
      memberId: rahmatId,
      memberNo: '0001',
      name: 'Rahmat Hidayat',
      phone: '081366112233',
      months: 2,
      amount: 20_000,
      whatsappUrl: `https://wa.me/6281366112233?text=${encodeURIComponent(rahmatText)}`,
    },
  ],
  total: 20_000,
  shareText,
  shareUrl: `https://wa.me/?text=${encodeURIComponent(shareText)}`,
};

export const endMembershipExample: Static<typeof EndMembershipBody> = {
  id: '01936f6e-7c1a-7000-8000-000000005e01',
  status: 'left',
  date: '2026-03-10',
  method: 'cash',
  reason: 'Pindah domisili ke Kabupaten Muaro Jambi',
};

export const passbookPdfExample = '%PDF-1.3 … (binary: the member’s buku simpanan as an A4 PDF)';
