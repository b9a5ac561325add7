import type { Db } from '../../db/database.ts';
import { findCashDues } from './failed-deduction.repository.ts';
import type { SembakoOrderTable, SembakoProgramTable } from './sembako.table.ts';
import {
  findDeductions,
  findOrdersOfPeriod,
  findParticipants,
  sumSharesOfPeriod,
} from './sembako.repository.ts';

export interface CooperativeAccount {
  cooperativeId: string;
  /** Price × qty of the orders not cancelled. */
  ordered: number;
  /** Price × qty of the packages picked up (the payroll sales recorded there). */
  pickedUp: number;
  /** The sponsor's subsidy on the packages picked up. */
  subsidy: number;
  /** Successful payroll deductions for the packages picked up there. */
  deducted: number;
  /** What the sponsor has paid to the cooperative's account. */
  paidBySponsor: number;
  /** What the sponsor owes now: subsidy + deducted − paid. */
  payable: number;
  /** Failed deductions the participants paid in cash at a later pickup here. */
  collected: number;
  /** Still open on the cooperative's payroll receivable: picked up − paid − collected. */
  open: number;
}

export interface ParticipantAccount {
  nip: string;
  name: string;
  opd: string;
  /** qty × (price − subsidy) of the packages picked up in the period. */
  due: number;
  deducted: number;
  /** Paid in cash at a later pickup, after the deduction failed. */
  collected: number;
  status: 'berhasil' | 'gagal' | null;
  open: number;
}

/**
 * The money of one program period, from its orders, payroll results (a
 * failed deduction carried into a later file and deducted there counts as
 * deducted for this period), cash collected at pickups for failed
 * deductions, and sponsor payments. A participant's successful deduction is
 * attributed to the participant's picked-up orders oldest first, so each
 * cooperative is owed the subsidy plus the deductions for the packages
 * picked up there.
 */
export async function loadPeriodAccounts(db: Db, program: SembakoProgramTable, month: string) {
  const orders = await findOrdersOfPeriod(db, program.orgId, program.id, month, {
    status: ['ordered', 'picked_up'],
  });
  const deductions = new Map(
    (await findDeductions(db, program.orgId, program.id, month)).map((d) => [d.nip, d]),
  );
  const paid = await sumSharesOfPeriod(db, program.orgId, program.id, month);
  const cash = (
    await findCashDues(db, { orgId: program.orgId, programId: program.id }, { month })
  ).filter((c) => c.collectedOrderId !== null);
  const coops = new Map<string, CooperativeAccount>();
  const coop = (id: string) => {
    let c = coops.get(id);
    if (!c) {
      c = {
        cooperativeId: id,
        ordered: 0,
        pickedUp: 0,
        subsidy: 0,
        deducted: 0,
        paidBySponsor: paid.get(id) ?? 0,
        payable: 0,
        collected: 0,
        open: 0,
      };
      coops.set(id, c);
    }
    return c;
  };
  for (const id of paid.keys()) coop(id);
  const byNip = new Map<string, SembakoOrderTable[]>();
  for (const o of orders) {
    const c = coop(o.pickupCooperativeId);
    c.ordered += o.qty * o.unitPrice;
    if (o.status !== 'picked_up') continue;
    c.pickedUp += o.qty * o.unitPrice;
    c.subsidy += o.qty * o.unitSubsidy;
    const list = byNip.get(o.nip) ?? [];
    list.push(o);
    byNip.set(o.nip, list);
  }
  const dues = new Map<string, number>();
  for (const [nip, list] of byNip) {
    list.sort((a, b) =>
      a.pickedUpAt! < b.pickedUpAt! ? -1 : a.pickedUpAt! > b.pickedUpAt! ? 1 : a.id < b.id ? -1 : 1,
    );
    const due = list.reduce((t, o) => t + o.qty * (o.unitPrice - o.unitSubsidy), 0);
    dues.set(nip, due);
    const d = deductions.get(nip);
    let left = d?.status === 'berhasil' ? Math.min(d.amountDeducted, due) : 0;
    for (const o of list) {
      const part = Math.min(left, o.qty * (o.unitPrice - o.unitSubsidy));
      coop(o.pickupCooperativeId).deducted += part;
      left -= part;
    }
  }
  const collectedBy = new Map<string, number>();
  for (const c of cash) {
    coop(c.cooperativeId).collected += c.amount;
    collectedBy.set(c.nip, (collectedBy.get(c.nip) ?? 0) + c.amount);
  }
  for (const c of coops.values()) {
    c.payable = c.subsidy + c.deducted - c.paidBySponsor;
    c.open = c.pickedUp - c.paidBySponsor - c.collected;
  }
  const people = await findParticipants(db, program.orgId, program.id, {
    nips: [...new Set([...dues.keys(), ...deductions.keys()])],
  });
  const participants: ParticipantAccount[] = people.map((p) => {
    const due = dues.get(p.nip) ?? 0;
    const d = deductions.get(p.nip);
    const deducted = d?.status === 'berhasil' ? Math.min(d.amountDeducted, due) : 0;
    const collected = collectedBy.get(p.nip) ?? 0;
    return {
      nip: p.nip,
      name: p.name,
      opd: p.opd,
      due,
      deducted,
      collected,
      status: d?.status ?? null,
      open: due - deducted - collected,
    };
  });
  return {
    orders,
    cooperatives: [...coops.values()].sort((a, b) => (a.cooperativeId < b.cooperativeId ? -1 : 1)),
    participants,
  };
}
