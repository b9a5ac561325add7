import type { Db } from '../../db/database.ts';
import { pickupQrPayload } from './orders.ts';
import { toOrderView } from './sembako.mappers.ts';
import type { SembakoProgramTable } from './sembako.table.ts';
import { findDeductionsOfParticipant, findOrdersOfParticipant } from './sembako.repository.ts';

/** A participant's own orders, newest first; the pickup code (and its QR payload) only while it can be used. */
export async function listParticipantOrders(db: Db, program: SembakoProgramTable, nip: string) {
  const rows = await findOrdersOfParticipant(db, program.orgId, program.id, nip);
  return rows.map((o) => ({
    ...toOrderView(o),
    packageId: o.packageId,
    createdAt: o.createdAt,
    ...(o.status === 'ordered'
      ? { pickupCode: o.pickupCode, pickupQr: pickupQrPayload(program.id, o.id, o.pickupCode) }
      : {}),
  }));
}

/** A participant's deductions per period: due (picked up), deducted, open. */
export async function listParticipantDeductions(db: Db, program: SembakoProgramTable, nip: string) {
  const orders = await findOrdersOfParticipant(db, program.orgId, program.id, nip);
  const deductions = new Map(
    (await findDeductionsOfParticipant(db, program.orgId, program.id, nip)).map((d) => [
      d.month,
      d,
    ]),
  );
  const due = new Map<string, number>();
  for (const o of orders)
    if (o.status === 'picked_up')
      due.set(o.month, (due.get(o.month) ?? 0) + o.qty * (o.unitPrice - o.unitSubsidy));
  return [...new Set([...due.keys(), ...deductions.keys()])]
    .sort()
    .reverse()
    .map((month) => {
      const d = deductions.get(month);
      const amountDue = due.get(month) ?? 0;
      const deducted = d?.status === 'berhasil' ? Math.min(d.amountDeducted, amountDue) : 0;
      return {
        month,
        amountDue,
        amountDeducted: deducted,
        status: d?.status ?? null,
        open: amountDue - deducted,
      };
    });
}
