import type { Db } from '../../db/database.ts';
import { findProductsByIds } from '../catalog/index.ts';
import { findOrganizationById } from '../network/index.ts';
import { numberSearchPattern } from '../numbering/index.ts';
import { DomainError } from '../shared/errors.ts';
import type {
  DeliveryOrderLineTable,
  DeliveryOrderStatus,
  DeliveryOrderTable,
} from './consignment.table.ts';
import { findDeliveryOrderLines, findDeliveryOrders } from './consignment.repository.ts';
import { documentPage, pageOfDocuments, type PageQuery } from './document-page.ts';

/** A delivery order as the API shows it: its row, the cooperative named as such, without the replay hash. */
export type DeliveryOrderView<R> = Omit<R, 'contentHash'> & { cooperativeId: string };

/** The one mapper of a delivery order row (whole or listed): `orgId` is the cooperative it goes to. */
export function toDeliveryOrderView<R extends { orgId: string; contentHash?: string }>(
  row: R,
): DeliveryOrderView<R> {
  const { contentHash: _hash, ...rest } = row;
  return { ...rest, cooperativeId: row.orgId };
}

/**
 * A page of the delivery orders of some cooperatives or of one hub, newest
 * first, with their line count and total quantity; `q` keeps those whose
 * number contains it (any case).
 */
export async function listDeliveryOrders(
  db: Db,
  f: { coopIds?: string[]; hubId?: string; status?: DeliveryOrderStatus; q?: string },
  q: PageQuery,
) {
  const { q: text, ...filter } = f;
  const rows = await findDeliveryOrders(db, {
    ...filter,
    numberLike: numberSearchPattern(text),
    ...documentPage(q),
  });
  const page = pageOfDocuments(rows, q, (r) => r.orderDate);
  return { ...page, items: page.items.map(toDeliveryOrderView) };
}

/** One delivery order with its lines. */
export async function getDeliveryOrderDetail(
  db: Db,
  order: DeliveryOrderTable,
): Promise<DeliveryOrderView<DeliveryOrderTable> & { lines: DeliveryOrderLineTable[] }> {
  return {
    ...toDeliveryOrderView(order),
    lines: await findDeliveryOrderLines(db, order.orgId, order.id),
  };
}

/** What the surat jalan (delivery note) prints: who sends, who receives, the dates, the lines and their weight. */
export interface DeliveryNote {
  number: string;
  /** Net weight of the goods in grams: each line's quantity × its product's net content, for products sold by weight. */
  netGrams: number;
  /** Net volume in millilitres, for products sold by volume (cooking oil), which have no weight on record. */
  netMillilitres: number;
  hubName: string;
  cooperativeName: string;
  villageName: string | null;
  districtName: string | null;
  orderDate: string;
  dispatchedOn: string;
  receivedOn: string | null;
  overrideReason: string | null;
  lines: { sku: string; name: string; unit: string; qty: number; qtyReceived: number | null }[];
}

/**
 * The delivery note of an order that has left the warehouse (`InvalidState`
 * for a draft or a cancelled order): its lines with each product's SKU, name
 * and unit.
 */
export async function getDeliveryNote(db: Db, order: DeliveryOrderTable): Promise<DeliveryNote> {
  if (order.status !== 'dispatched' && order.status !== 'received')
    throw new DomainError('InvalidState', {
      message: 'Surat jalan dicetak setelah barang dikirim',
      messageEn: 'The delivery note is printed once the goods are dispatched',
    });
  const [lines, coop, hub] = await Promise.all([
    findDeliveryOrderLines(db, order.orgId, order.id),
    findOrganizationById(db, order.orgId),
    findOrganizationById(db, order.hubId),
  ]);
  const products = new Map(
    (
      await findProductsByIds(
        db,
        lines.map((l) => l.productId),
      )
    ).map((p) => [p.id, p]),
  );
  return {
    number: order.number,
    ...netContentOf(lines, products),
    hubName: hub?.name ?? '',
    cooperativeName: coop?.name ?? '',
    villageName: coop?.villageName ?? null,
    districtName: coop?.districtName ?? null,
    orderDate: order.orderDate,
    dispatchedOn: order.dispatchedOn ?? order.orderDate,
    receivedOn: order.receivedOn,
    overrideReason: order.overrideReason,
    lines: lines.map((l) => ({
      sku: products.get(l.productId)?.sku ?? '',
      name: products.get(l.productId)?.name ?? l.productId,
      unit: products.get(l.productId)?.unit ?? '',
      qty: l.qty,
      qtyReceived: l.qtyReceived,
    })),
  };
}

/** The net weight (g, kg products) and net volume (ml, l products) of the lines: quantity × net content. */
function netContentOf(
  lines: { productId: string; qty: number }[],
  products: Map<string, { netUnit: string; netMilli: number }>,
): { netGrams: number; netMillilitres: number } {
  let netGrams = 0;
  let netMillilitres = 0;
  for (const l of lines) {
    const p = products.get(l.productId);
    if (!p) continue;
    if (p.netUnit === 'g' || p.netUnit === 'kg') netGrams += l.qty * p.netMilli;
    else netMillilitres += l.qty * p.netMilli;
  }
  return { netGrams, netMillilitres };
}
