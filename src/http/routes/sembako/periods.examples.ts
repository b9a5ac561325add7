import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  DemandList,
  PayrollResults,
  ProposedDeliveryOrders,
  Reconciliation,
  SponsorPayment,
  SponsorPaymentBody,
} from './periods.schemas.ts';
import { SEMBAKO_IDS } from './sembako.examples.ts';

const { coop, gula, deliveryOrder } = EXAMPLE_IDS;
const { nip } = SEMBAKO_IDS;

export const demandExample: Static<typeof DemandList> = {
  items: [{ cooperativeId: coop, productId: gula, ordered: 180, pickedUp: 120, pending: 60 }],
};

export const proposedDeliveryOrdersExample: Static<typeof ProposedDeliveryOrders> = {
  items: [
    {
      id: deliveryOrder,
      number: 'SJ/KANA-JBI/2026/03/0041',
      cooperativeId: coop,
      status: 'draft',
      value: 960_000,
      lines: [{ productId: gula, qty: 60 }],
    },
  ],
};

export const payrollCsvExample = `nip,nama,opd,jumlah,periode\r\n${nip},Budi Santoso,Dinas Pendidikan,50000,2026-03\r\n`;

export const payrollResultsExample: Static<typeof PayrollResults> = {
  recorded: 1,
  rejected: 1,
  results: [
    { row: 2, nip, period: '2026-03', status: 'berhasil' },
    {
      row: 3,
      nip: '199001012015032001',
      period: '2026-03',
      status: 'rejected',
      errors: ['jumlah 90000 ≠ potongan 100000 (amount differs from the deduction due)'],
    },
  ],
};

const payment = {
  id: '01936f6e-7c1a-7000-8000-000000000a06',
  amount: 5_750_000,
  receivedOn: '2026-04-05',
  reference: 'SP2D 900/123/BPKAD/2026',
};

export const sponsorPaymentBodyExample: Static<typeof SponsorPaymentBody> = payment;

export const sponsorPaymentExample: Static<typeof SponsorPayment> = {
  ...payment,
  month: '2026-03',
  shares: [
    { cooperativeId: coop, amount: 5_750_000, paymentId: '5c1e0a4e-2b7d-8f00-9a11-3c4d5e6f7a8b' },
  ],
};

const coopAccount = {
  ordered: 6_500_000,
  pickedUp: 5_850_000,
  subsidy: 1_350_000,
  deducted: 4_400_000,
  paidBySponsor: 5_750_000,
  payable: 0,
  collected: 0,
  open: 100_000,
};

export const reconciliationExample: Static<typeof Reconciliation> = {
  month: '2026-03',
  cooperatives: [{ cooperativeId: coop, ...coopAccount }],
  total: coopAccount,
  openParticipants: [
    {
      nip: '199001012015032001',
      name: 'Siti Aminah',
      opd: 'BPKAD',
      due: 100_000,
      deducted: 0,
      collected: 0,
      status: 'gagal',
      open: 100_000,
    },
  ],
  sponsorOpen: { subsidy: 1_350_000, deducted: 4_400_000, paid: 5_750_000, open: 0 },
  opdOpen: [
    { opd: 'BPKAD', due: 100_000, deducted: 0, collected: 0, open: 100_000 },
    { opd: 'Dinas Pendidikan', due: 4_400_000, deducted: 4_400_000, collected: 0, open: 0 },
  ],
};
