export interface GoodsReceiptTable {
  orgId: string;
  id: string;
  /** The receipt's human number, `BPB/<hub code>/<YYYY>/<MM>/<NNNN>`, given at creation. */
  number: string;
  warehouseId: string;
  supplierName: string;
  receiptDate: string;
  totalCost: number;
  contentHash: string;
  createdAt: string;
  createdBy: string | null;
}
export interface GoodsReceiptLineTable {
  orgId: string;
  receiptId: string;
  lineNo: number;
  productId: string;
  qty: number;
  unitCost: number;
}

export type DeliveryOrderStatus = 'draft' | 'dispatched' | 'received' | 'cancelled';
export interface DeliveryOrderTable {
  orgId: string;
  id: string;
  /** The surat jalan's human number, `SJ/<hub code>/<YYYY>/<MM>/<NNNN>`, given at creation. */
  number: string;
  hubId: string;
  warehouseId: string;
  status: DeliveryOrderStatus;
  value: number;
  contentHash: string;
  orderDate: string;
  dispatchedOn: string | null;
  receivedOn: string | null;
  cancelledOn: string | null;
  overrideReason: string | null;
  overrideBy: string | null;
  createdAt: string;
  createdBy: string | null;
  /** The doc id the current receipt is posted under; null: the order's id (the first receipt). */
  receiptId: string | null;
}
export interface DeliveryOrderLineTable {
  orgId: string;
  deliveryOrderId: string;
  lineNo: number;
  productId: string;
  qty: number;
  dispatchValue: number | null;
  qtyReceived: number | null;
  receivedValue: number | null;
}

export type PaymentMethod = 'cash' | 'qris' | 'transfer' | 'payroll';
export interface SaleTable {
  orgId: string;
  id: string;
  hubId: string;
  saleDate: string;
  occurredAt: string;
  receivedAt: string;
  clockSkew: number;
  paymentMethod: PaymentMethod;
  /** A member of the sale's cooperative (`member.id`), checked when the sale was synced. */
  memberId: string | null;
  /** The member reference a sale was synced with that named no member of the cooperative. */
  memberDiscrepancy: string | null;
  totalAmount: number;
  consignmentAmount: number;
  contentHash: string;
  statementId: string | null;
  /** The `sales_batch` journal entries (both books) that carry this sale; null before they existed. */
  postingId: string | null;
  /** The user who recorded the sale (null before reversals were built, or without a user). */
  recordedBy: string | null;
}
/** A cooperative's sales of one day with one hub, summed: kept with every sale (`insertSales`). */
export interface SaleDayTable {
  orgId: string;
  hubId: string;
  saleDate: string;
  sales: number;
  totalAmount: number;
  consignmentAmount: number;
}
export interface SaleLineTable {
  orgId: string;
  saleDate: string;
  saleId: string;
  lineNo: number;
  productId: string;
  qty: number;
  unitPrice: number;
  consignmentPrice: number;
  costValue: number;
}

export interface StockReturnTable {
  orgId: string;
  id: string;
  /** The return's human number, `RTR/<cooperative code>/<YYYY>/<MM>/<NNNN>`, given at creation. */
  number: string;
  hubId: string;
  warehouseId: string;
  returnDate: string;
  reason: string;
  contentHash: string;
  createdAt: string;
}
export interface StockReturnLineTable {
  orgId: string;
  returnId: string;
  lineNo: number;
  productId: string;
  qty: number;
  costValue: number;
}

export interface StockCountTable {
  orgId: string;
  id: string;
  /** The count's human number, `SO/<cooperative code>/<YYYY>/<MM>/<NNNN>`, given at creation. */
  number: string;
  hubId: string;
  countedAt: string;
  countDate: string;
  shrinkageAmount: number;
  contentHash: string;
  statementId: string | null;
  createdAt: string;
}
export interface StockCountLineTable {
  orgId: string;
  countId: string;
  lineNo: number;
  productId: string;
  expected: number;
  counted: number;
  variance: number;
  chargeAmount: number;
  costValue: number;
}

export interface ConsignmentTables {
  goodsReceipt: GoodsReceiptTable;
  goodsReceiptLine: GoodsReceiptLineTable;
  deliveryOrder: DeliveryOrderTable;
  deliveryOrderLine: DeliveryOrderLineTable;
  sale: SaleTable;
  saleLine: SaleLineTable;
  saleDay: SaleDayTable;
  stockReturn: StockReturnTable;
  stockReturnLine: StockReturnLineTable;
  stockCount: StockCountTable;
  stockCountLine: StockCountLineTable;
}
