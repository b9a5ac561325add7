import type { Db } from '../../db/database.ts';
import { findProductsOfHub } from '../catalog/index.ts';
import { findCooperatives } from '../network/index.ts';
import { DomainError } from '../shared/errors.ts';
import { cashDueAt } from './failed-deductions.ts';
import { loadProgram } from './program.service.ts';
import { toOrderView } from './sembako.mappers.ts';
import { findOrderByPickupCode, findPackageItems } from './sembako.repository.ts';

/** A typed or scanned code as stored: upper case, without spaces or dashes; a QR payload gives its last part. */
export function normalizePickupCode(input: string): string {
  const text = input.trim();
  const qr = /^lumbung:sembako:[^:]+:[^:]+:([^:]+)$/i.exec(text);
  return (qr ? qr[1]! : text).replace(/[\s-]+/g, '').toUpperCase();
}

/** The one answer for a pickup code the caller may not see, whether it exists or not. */
function pickupCodeNotFound(): DomainError {
  return new DomainError('NotFound', {
    message: 'Kode pengambilan tidak ditemukan',
    messageEn: 'Pickup code not found',
  });
}

/**
 * The order a pickup code belongs to, for the counter before the hand-over: the participant's name,
 * the package and its contents, its status and pickup cooperative. `mayHandOver` says whether the
 * caller serves that cooperative; an unknown code and another cooperative's code answer the same
 * NotFound, so the lookup never tells which codes exist. A used or cancelled code of one's own is
 * shown with its status, so the desk can say why it cannot be handed over. `cashDue`: what the
 * participant owes in cash at this cooperative for failed payroll deductions, to collect with
 * the hand-over.
 */
export async function findOrderForPickup(
  db: Db,
  programId: string,
  code: string,
  mayHandOver: (cooperativeId: string) => Promise<boolean>,
) {
  const program = await loadProgram(db, programId);
  const order = await findOrderByPickupCode(
    db,
    program.orgId,
    program.id,
    normalizePickupCode(code),
  );
  if (!order || !(await mayHandOver(order.pickupCooperativeId))) throw pickupCodeNotFound();
  const items = await findPackageItems(db, program.orgId, [order.packageId]);
  const names = new Map((await findProductsOfHub(db, program.hubId)).map((p) => [p.id, p]));
  return {
    ...toOrderView(order),
    nip: order.nip,
    participantName: order.participantName,
    cashDue: await cashDueAt(db, program, order.nip, order.pickupCooperativeId),
    items: items.map((i) => ({
      productId: i.productId,
      productName: names.get(i.productId)?.name ?? i.productId,
      unit: names.get(i.productId)?.unit ?? '',
      qty: i.qty * order.qty,
    })),
  };
}

/** Names for a program's screens: the hub's products and the cooperatives taking part in the hub. */
export async function getProgramDirectory(db: Db, programId: string) {
  const program = await loadProgram(db, programId);
  const products = await findProductsOfHub(db, program.hubId);
  const coops = await findCooperatives(db, { hubIds: [program.hubId], limit: 100_000 });
  return {
    products: products.map((p) => ({ id: p.id, sku: p.sku, name: p.name, unit: p.unit })),
    cooperatives: coops.map((c) => ({ id: c.id, name: c.name })),
  };
}
