export type * from './consignment.table.ts';
export { createGoodsReceipt, type GoodsReceiptInput } from './goods-receipt.ts';
export {
  createDeliveryOrder,
  cancelDeliveryOrder,
  dispatchDeliveryOrder,
  loadDeliveryOrder,
  receiveDeliveryOrder,
  type DeliveryOrderInput,
} from './delivery-order.ts';
export {
  getDeliveryNote,
  getDeliveryOrderDetail,
  listDeliveryOrders,
  toDeliveryOrderView,
  type DeliveryNote,
  type DeliveryOrderView,
} from './delivery-order.read-model.ts';
export { listSalesWithLines, toSaleView, type SaleView } from './sale.read-model.ts';
export { listGoodsReceipts } from './goods-receipt.read-model.ts';
export {
  listReturns,
  listStockCounts,
  type StockDocumentView,
} from './returns-counts.read-model.ts';
export type { Page, PageQuery } from './document-page.ts';
export {
  recordSales,
  MAX_SALES_PER_BATCH,
  CLOCK_SKEW_MS,
  type SaleInput,
  type SaleResult,
} from './record-sales.ts';
export { createReturn, type ReturnInput } from './create-return.ts';
export {
  createStockCount,
  type StockCountInput,
  type StockCountResultLine,
} from './create-stock-count.ts';
export {
  computeExposure,
  computeNetworkExposures,
  checkDispatchAllowed,
  dispatchVerdict,
  type DispatchVerdict,
  type Exposure,
} from './exposure.ts';
export {
  assessDispatch,
  checkDispatch,
  type DispatchAssessment,
  type DispatchCheck,
  type StockShortfall,
} from './dispatch-check.ts';
export {
  suggestDeliveryQuantities,
  suggestedQuantity,
  SALES_WINDOW_DAYS,
  TARGET_COVER_DAYS,
  type DeliverySuggestion,
} from './delivery-suggestion.ts';
export {
  findDeliveryOrderById,
  findDeliveryOrderLines,
  countSalesAndCounts,
  findDeliveryOrders,
  findGoodsReceipts,
  findSales,
  findSaleLines,
  findSaleDayDrift,
  type DocumentPage,
} from './consignment.repository.ts';
export { getCooperativeBalance, type CooperativeBalance } from './cooperative-balance.ts';
export {
  getWarehouseStock,
  type WarehouseStock,
  type WarehouseStockLine,
} from './warehouse-stock.ts';
export { listMemberPurchases, type MemberPurchases } from './member-purchases.ts';
export {
  findOrderReversalSponsors,
  saleNotReversed,
  sumSales,
  sumSalesByCooperative,
  sumRefundsOfSalesIn,
  sumSoldQtyByProduct,
} from './sales-summary.repository.ts';
