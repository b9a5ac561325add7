import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  DeliveryOrderBody,
  DeliveryOrderDetail,
  DeliveryOrderList,
  DeliveryOrderState,
  DeliverySuggestions,
  DispatchBody,
  DispatchCheck,
  GoodsReceiptBody,
  GoodsReceiptList,
  ReceiveBody,
} from './consignment.schemas.ts';

const { coop: COOP, hub: HUB, gula: GULA, deliveryOrder: DO } = EXAMPLE_IDS;
const WAREHOUSE = '01936f6e-7c1a-7000-8000-0000000000e1';

// --- Goods receipts ---
export const goodsReceiptExample: Static<typeof GoodsReceiptBody> = {
  supplierName: 'PT Sinar Gula Nusantara',
  date: '2026-03-09',
  lines: [{ productId: GULA, qty: 5_000, unitCost: 15_100 }],
};

export const goodsReceiptListExample: Static<typeof GoodsReceiptList> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-000000000501',
      number: 'BPB/KANA-JBI/2026/03/0012',
      warehouseId: WAREHOUSE,
      supplierName: 'PT Sinar Gula Nusantara',
      receiptDate: '2026-03-09',
      totalCost: 75_500_000,
      createdAt: '2026-03-09T03:20:00.000Z',
    },
  ],
};

// --- Delivery orders ---
export const deliveryOrderExample: Static<typeof DeliveryOrderBody> = {
  cooperativeId: COOP,
  lines: [{ productId: GULA, qty: 300 }],
};

const orderDates = {
  orderDate: '2026-03-10',
  dispatchedOn: '2026-03-10',
  cancelledOn: null,
  overrideReason: null,
  createdAt: '2026-03-10T01:05:00.000Z',
};

export const deliveryOrderListExample: Static<typeof DeliveryOrderList> = {
  items: [
    {
      id: DO,
      number: 'SJ/KANA-JBI/2026/03/0042',
      orgId: COOP,
      cooperativeId: COOP,
      hubId: HUB,
      status: 'dispatched',
      value: 4_890_000,
      ...orderDates,
      receivedOn: null,
      lineCount: 1,
      totalQty: 300,
    },
  ],
};

export const deliveryOrderDetailExample: Static<typeof DeliveryOrderDetail> = {
  id: DO,
  number: 'SJ/KANA-JBI/2026/03/0042',
  orgId: COOP,
  cooperativeId: COOP,
  hubId: HUB,
  warehouseId: WAREHOUSE,
  status: 'received',
  value: 4_890_000,
  ...orderDates,
  receivedOn: '2026-03-11',
  overrideBy: null,
  createdBy: '01936f6e-7c1a-7000-8000-000000000601',
  lines: [
    {
      orgId: COOP,
      deliveryOrderId: DO,
      lineNo: 1,
      productId: GULA,
      qty: 300,
      dispatchValue: 4_890_000,
      qtyReceived: 298,
      receivedValue: 4_857_400,
    },
  ],
};

export const dispatchExample: Static<typeof DispatchBody> = {
  override: { reason: 'Pembayaran sudah ditransfer, bukti diterima 10/03' },
};

export const receiveExample: Static<typeof ReceiveBody> = {
  lines: [{ productId: GULA, qtyReceived: 298 }],
};

export const cancelledExample: Static<typeof DeliveryOrderState> = { id: DO, status: 'cancelled' };

export const deliverySuggestionsExample: Static<typeof DeliverySuggestions> = {
  items: [
    {
      productId: GULA,
      sold28Days: 620,
      stock: 180,
      inTransit: 0,
      suggestedQty: 130,
      consignmentPrice: 16_300,
    },
  ],
  salesWindowDays: 28,
  coverDays: 14,
};

export const dispatchCheckExample: Static<typeof DispatchCheck> = {
  exposure: 31_200_000,
  orderValue: 4_890_000,
  exposureLimit: 50_000_000,
  exposureAfter: 36_090_000,
  withinLimit: true,
  onHold: false,
  overdueAmount: 0,
  stockShortfalls: [],
};

/** The PDF answer's example (binary; a placeholder in the document). */
export const deliveryNotePdfExample = '%PDF-1.3 … (the surat jalan as an A4 PDF document)';
