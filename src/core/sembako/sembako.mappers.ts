import type {
  SembakoOrderTable,
  SembakoProgramTable,
  SembakoSponsorPaymentTable,
  SembakoSponsorShareTable,
} from './sembako.table.ts';

/** A program as its users see it: the sponsor organization owns it, a hub supplies it. */
export function toProgram(p: SembakoProgramTable) {
  return {
    id: p.id,
    name: p.name,
    sponsorOrgId: p.orgId,
    hubId: p.hubId,
    ordersPerPeriod: p.ordersPerPeriod,
    failedDeductionHandling: p.failedDeductionHandling,
  };
}

/** An order as the order reads select it: with its package's and its pickup cooperative's names. */
export type NamedOrderRow = SembakoOrderTable & {
  packageName: string;
  pickupCooperativeName: string;
  /** Its reversal (a picked-up order undone by a correction), if any. */
  reversalId: string | null;
  reversalDate: string | null;
  reversalReason: string | null;
};

/**
 * An order as the participant and the pickup desk see it: the amounts from
 * the unit price and subsidy fixed when it was placed (the participant pays
 * qty × (price − subsidy)).
 */
export function toOrderView(o: NamedOrderRow) {
  return {
    id: o.id,
    month: o.month,
    packageName: o.packageName,
    qty: o.qty,
    amount: o.qty * o.unitPrice,
    amountToDeduct: o.qty * (o.unitPrice - o.unitSubsidy),
    status: o.status,
    pickupCooperativeId: o.pickupCooperativeId,
    pickupCooperativeName: o.pickupCooperativeName,
    pickedUpAt: o.pickedUpAt,
    // A reversed pickup stays `picked_up` (history is not rewritten) but is void: flagged with why.
    reversed: o.reversalId !== null,
    ...(o.reversalId !== null
      ? {
          reversalId: o.reversalId,
          reversedOn: o.reversalDate ?? '',
          reversalReason: o.reversalReason ?? '',
        }
      : {}),
  };
}

/** A sponsor payment with the share credited to each cooperative. */
export function toSponsorPayment(
  p: Pick<SembakoSponsorPaymentTable, 'id' | 'month' | 'amount' | 'receivedOn' | 'reference'> & {
    shares: Pick<SembakoSponsorShareTable, 'cooperativeId' | 'amount' | 'paymentId'>[];
  },
) {
  return {
    id: p.id,
    month: p.month,
    amount: p.amount,
    receivedOn: p.receivedOn,
    reference: p.reference,
    shares: p.shares,
  };
}
