import type { Db } from '../../db/database.ts';
import { agingBucket, type Aging } from '../settlement/index.ts';
import { daysBetween } from '../shared/business-date.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import {
  findSupplierInvoices,
  findSuppliers,
  type SupplierInvoiceRow,
} from './payables.repository.ts';
import { openAmountOf } from './payables.ts';

export type SupplierInvoiceStatus = 'open' | 'paid' | 'cancelled';

export interface SupplierInvoiceView {
  id: string;
  number: string;
  supplierId: string;
  supplierName: string;
  invoiceDate: string;
  dueDate: string;
  amount: number;
  paidAmount: number;
  outstanding: number;
  status: SupplierInvoiceStatus;
  daysPastDue: number;
  cancelledOn?: string;
}

const emptyAging = (): Aging => ({ current: 0, d1to30: 0, d31to60: 0, d61to90: 0, d90plus: 0 });

function viewOf(i: SupplierInvoiceRow, asOf: string): SupplierInvoiceView {
  const outstanding = openAmountOf(i);
  const status: SupplierInvoiceStatus = i.cancelledOn
    ? 'cancelled'
    : outstanding > 0
      ? 'open'
      : 'paid';
  return {
    id: i.id,
    number: i.number,
    supplierId: i.supplierId,
    supplierName: i.supplierName,
    invoiceDate: i.invoiceDate,
    dueDate: i.dueDate,
    amount: i.amount,
    paidAmount: i.paidAmount,
    outstanding,
    status,
    daysPastDue: outstanding > 0 ? Math.max(0, daysBetween(i.dueDate, asOf)) : 0,
    ...(i.cancelledOn ? { cancelledOn: i.cancelledOn } : {}),
  };
}

/**
 * The hub's supplier invoices as of today: open ones oldest due first, else
 * newest first; a reversed receipt's invoice shows as cancelled.
 */
export async function listSupplierInvoices(
  db: Db,
  clock: Clock,
  hubId: string,
  filter: { status?: SupplierInvoiceStatus; supplierId?: string } = {},
): Promise<SupplierInvoiceView[]> {
  const asOf = todayWib(clock);
  const items = (await findSupplierInvoices(db, hubId, { supplierId: filter.supplierId }))
    .map((i) => viewOf(i, asOf))
    .filter((i) => !filter.status || i.status === filter.status);
  return filter.status === 'open'
    ? items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number))
    : items.reverse();
}

export interface PayablesAging {
  asOf: string;
  total: number;
  aging: Aging;
  suppliers: {
    supplierId: string;
    name: string;
    termsDays: number;
    outstanding: number;
    aging: Aging;
  }[];
}

/**
 * What the hub owes its suppliers today by days past due (current, 1–30,
 * 31–60, 61–90, >90: the same buckets as the cooperatives' aging), per supplier.
 */
export async function getPayablesAging(
  db: Db,
  clock: Clock,
  hubId: string,
): Promise<PayablesAging> {
  const asOf = todayWib(clock);
  const [suppliers, invoices] = await Promise.all([
    findSuppliers(db, hubId),
    findSupplierInvoices(db, hubId),
  ]);
  const bySupplier = new Map(
    suppliers.map((s) => [
      s.id,
      {
        supplierId: s.id,
        name: s.name,
        termsDays: s.termsDays,
        outstanding: 0,
        aging: emptyAging(),
      },
    ]),
  );
  const aging = emptyAging();
  let total = 0;
  for (const i of invoices) {
    const open = openAmountOf(i);
    if (open <= 0) continue;
    const bucket = agingBucket(i.dueDate, asOf);
    const s = bySupplier.get(i.supplierId)!;
    s.outstanding += open;
    s.aging[bucket] += open;
    aging[bucket] += open;
    total += open;
  }
  return { asOf, total, aging, suppliers: [...bySupplier.values()] };
}
