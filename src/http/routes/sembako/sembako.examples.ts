import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  CancelledOrder,
  CreatePeriodBody,
  CreateProgramBody,
  Directory,
  ImportResult,
  MyDeductionList,
  MyOrderList,
  OrderAtPickup,
  PeriodList,
  PickedUpOrder,
  PickupBody,
  PlaceOrderBody,
  PlacedOrder,
  ProgramList,
  UpdateProgramBody,
} from './sembako.schemas.ts';

/** Ids of the Sembako examples (the program of Pemerintah Kota Jambi, one package, one order). */
export const SEMBAKO_IDS = {
  program: '01936f6e-7c1a-7000-8000-000000000a01',
  pemkot: '01936f6e-7c1a-7000-8000-000000000a02',
  paket: '01936f6e-7c1a-7000-8000-000000000a03',
  order: '01936f6e-7c1a-7000-8000-000000000a04',
  minyak: '01936f6e-7c1a-7000-8000-0000000000b3',
  nip: '198503152010011002',
} as const;
const { program, pemkot, paket, order, minyak, nip } = SEMBAKO_IDS;
const { coop, hub, gula } = EXAMPLE_IDS;

export const programsExample: Static<typeof ProgramList> = {
  items: [
    {
      id: program,
      name: 'Sembako Bahagia',
      sponsorOrgId: pemkot,
      hubId: hub,
      ordersPerPeriod: 1,
      failedDeductionHandling: 'carry_forward',
    },
  ],
};

export const createProgramExample: Static<typeof CreateProgramBody> = {
  name: 'Sembako Bahagia',
  sponsorOrgId: pemkot,
  hubId: hub,
  ordersPerPeriod: 1,
  failedDeductionHandling: 'carry_forward',
};

export const updateProgramExample: Static<typeof UpdateProgramBody> = {
  failedDeductionHandling: 'collect_at_pickup',
};

export const importParticipantsExample: Static<typeof ImportResult> = {
  imported: 1_998,
  updated: 0,
  rejected: [
    {
      row: 17,
      nip: '198502302010011002',
      errors: ['tanggal lahir 19850230 tidak valid (birth date 19850230 is not a real date)'],
    },
  ],
};

export const activationCodesCsvExample = `nip,nama,opd,kode_aktivasi\r\n${nip},Budi Santoso,Dinas Pendidikan,K7PQ-2M9X\r\n`;

const window = {
  month: '2026-03',
  orderOpensAt: '2026-02-28T17:00:00.000Z',
  orderClosesAt: '2026-03-20T17:00:00.000Z',
};
const contents = [
  { productId: gula, qty: 2 },
  { productId: minyak, qty: 2 },
];

export const periodsExample: Static<typeof PeriodList> = {
  items: [
    {
      ...window,
      packages: [
        {
          id: paket,
          name: 'Paket Gula & Minyak',
          price: 65_000,
          sponsorSubsidy: 15_000,
          participantPays: 50_000,
          items: contents,
        },
      ],
    },
  ],
};

export const createPeriodExample: Static<typeof CreatePeriodBody> = {
  ...window,
  packages: [
    { name: 'Paket Gula & Minyak', items: contents, price: 65_000, sponsorSubsidy: 15_000 },
  ],
};

export const directoryExample: Static<typeof Directory> = {
  products: [{ id: gula, sku: 'GKP-1', name: 'Gula Kristal Putih 1 kg', unit: 'pak' }],
  cooperatives: [{ id: coop, name: 'KDKMP Simpang IV Sipin' }],
};

/** The order as the participant and the pickup desk see it. */
const orderView = {
  id: order,
  month: '2026-03',
  packageName: 'Paket Gula & Minyak',
  qty: 1,
  amount: 65_000,
  amountToDeduct: 50_000,
  status: 'ordered',
  pickupCooperativeId: coop,
  pickupCooperativeName: 'KDKMP Simpang IV Sipin',
  pickedUpAt: null,
  reversed: false,
};

export const orderAtPickupExample: Static<typeof OrderAtPickup> = {
  ...orderView,
  nip,
  participantName: 'Budi Santoso',
  cashDue: [{ month: '2026-02', amount: 50_000 }],
  items: [{ productId: gula, productName: 'Gula Kristal Putih 1 kg', unit: 'pak', qty: 2 }],
};

export const placeOrderExample: Static<typeof PlaceOrderBody> = {
  id: order,
  nip,
  month: '2026-03',
  packageId: paket,
  qty: 1,
};

export const placedOrderExample: Static<typeof PlacedOrder> = {
  id: order,
  pickupCode: 'K7PQ2M9XWA',
  pickupCooperativeId: coop,
  amountToDeduct: 50_000,
};

export const cancelledOrderExample: Static<typeof CancelledOrder> = {
  id: order,
  status: 'cancelled',
};

export const pickupExample: Static<typeof PickupBody> = { code: 'K7PQ2M9XWA' };

export const pickedUpOrderExample: Static<typeof PickedUpOrder> = {
  id: order,
  status: 'picked_up',
  saleId: '01936f6e-7c1a-7000-8000-000000000a05',
  cooperativeId: coop,
  pickupDate: '2026-03-10',
  amount: 65_000,
  amountToDeduct: 50_000,
  cashCollected: 50_000,
  lines: [
    { productId: gula, qty: 2, unitPrice: 17_131 },
    { productId: minyak, qty: 2, unitPrice: 15_369 },
  ],
};

export const myOrdersExample: Static<typeof MyOrderList> = {
  items: [
    {
      ...orderView,
      packageId: paket,
      createdAt: '2026-03-02T01:15:00.000Z',
      pickupCode: 'K7PQ2M9XWA',
      pickupQr: `lumbung:sembako:${program}:${order}:K7PQ2M9XWA`,
    },
  ],
};

export const myDeductionsExample: Static<typeof MyDeductionList> = {
  items: [
    {
      month: '2026-03',
      amountDue: 50_000,
      amountDeducted: 0,
      status: 'gagal',
      deductedIn: null,
      carriedTo: '2026-04',
      owedAtPickup: 0,
      collectedInCash: 0,
      open: 50_000,
    },
  ],
};
