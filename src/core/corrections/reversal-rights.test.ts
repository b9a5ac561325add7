import { describe, expect, it } from 'vitest';
import type { ReversalPlan } from './plan-reversal.ts';
import { checkReversalRight } from './reversal-rights.ts';

const ZERO = { salesAmount: 0, shrinkageAmount: 0, paymentsAmount: 0, subsidyNettedAmount: 0 };
const plan = (p: Partial<ReversalPlan>): ReversalPlan => ({
  docType: 'sale',
  docId: 's1',
  orgId: 'coopA',
  hubId: 'hub',
  coopId: 'coopA',
  owner: 'cooperative',
  docDate: '2026-03-10',
  number: null,
  journal: [],
  stock: [],
  statement: ZERO,
  blockedBy: [],
  ...p,
});
const sale = plan({ sale: { recordedBy: 'kasir', saleDate: '2026-03-10' } });
const receipt = plan({ docType: 'goods_receipt', owner: 'hub', coopId: null, orgId: 'hub' });
const as = (userId: string, role: string, orgId: string) => ({
  userId,
  memberships: [{ role, orgId }],
});
const may = (who: ReturnType<typeof as>, p: ReversalPlan, today = '2026-03-10') => {
  try {
    checkReversalRight(who, p, today);
    return true;
  } catch (e) {
    expect(e).toMatchObject({ code: 'Forbidden' });
    return false;
  }
};

describe('who may reverse a document', () => {
  it('a cashier: only their own sale, on its day', () => {
    expect(may(as('kasir', 'coop_cashier', 'coopA'), sale)).toBe(true);
    expect(may(as('kasir', 'coop_cashier', 'coopA'), sale, '2026-03-11')).toBe(false);
    expect(may(as('lain', 'coop_cashier', 'coopA'), sale)).toBe(false);
    expect(may(as('kasir', 'coop_cashier', 'coopB'), sale)).toBe(false);
    expect(may(as('kasir', 'coop_cashier', 'coopA'), plan({ docType: 'return' }))).toBe(false);
  });

  it('the manager: the cooperative’s documents, not another’s nor the hub’s', () => {
    expect(may(as('m', 'coop_manager', 'coopA'), sale, '2026-04-01')).toBe(true);
    expect(may(as('m', 'coop_manager', 'coopA'), plan({ docType: 'stock_count' }))).toBe(true);
    expect(may(as('m', 'coop_manager', 'coopB'), sale)).toBe(false);
    expect(may(as('m', 'coop_manager', 'coopA'), receipt)).toBe(false);
  });

  it('a hub admin of the document’s hub: anything; hub staff nothing', () => {
    expect(may(as('a', 'hub_admin', 'hub'), sale)).toBe(true);
    expect(may(as('a', 'hub_admin', 'hub'), receipt)).toBe(true);
    expect(may(as('a', 'hub_admin', 'other-hub'), receipt)).toBe(false);
    expect(may(as('s', 'hub_staff', 'hub'), receipt)).toBe(false);
  });
});
