import { api, unwrap } from '../../app/api.ts';

/**
 * The partial corrections (API.md, "Corrections"): a buyer's refund of sale lines and a delivery
 * receipt corrected by a signed quantity.
 */

export interface RefundBody {
  reason: string;
  lines: { productId: string; quantity: number }[];
  method: 'cash' | 'qris';
}
export interface ReceiptCorrectionBody {
  reason: string;
  /** Positive: found later; negative: turned out short. */
  lines: { productId: string; quantity: number }[];
}
/** Units of a sale given back by its buyer; the money paid back by `method`. */
export async function refundSale(
  coopId: string,
  saleId: string,
  body: RefundBody & { id: string },
) {
  return unwrap(
    await api.POST('/api/v1/cooperatives/{id}/sales/{saleId}/refund', {
      params: { path: { id: coopId, saleId } },
      body,
    }),
  );
}

/** A received delivery's receipt corrected: units found later (+) or turned out short (−). */
export async function correctDeliveryReceipt(
  deliveryOrderId: string,
  body: ReceiptCorrectionBody & { id: string },
) {
  return unwrap(
    await api.POST('/api/v1/delivery-orders/{id}/receipt-corrections', {
      params: { path: { id: deliveryOrderId } },
      body,
    }),
  );
}

/** What of a listed sale was already refunded (its `refunded` lines), per product and in total. */
export function refundedOf(sale: {
  refunded?: { productId: string; quantity: number; amount: number }[];
}): { amount: number; byProduct: Map<string, number> } {
  const byProduct = new Map<string, number>();
  let amount = 0;
  for (const l of sale.refunded ?? []) {
    byProduct.set(l.productId, (byProduct.get(l.productId) ?? 0) + l.quantity);
    amount += l.amount;
  }
  return { amount, byProduct };
}
