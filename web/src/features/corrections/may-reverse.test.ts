import { describe, expect, it } from 'vitest';
import { mayReverse } from './may-reverse.ts';

const coop = (role: string, orgId = 'c1') => ({ orgId, orgKind: 'cooperative', role });
const hub = (role: string) => ({ orgId: 'h1', orgKind: 'hub', role });
const TODAY = '2026-12-06';

describe('who is offered "Batalkan"', () => {
  it("the cooperative's manager: its own cooperative's documents, not the hub's nor another's", () => {
    for (const docType of ['sale', 'return', 'stock_count', 'delivery_receipt'] as const)
      expect(mayReverse([coop('coop_manager')], { docType, cooperativeId: 'c1' })).toBe(true);
    expect(mayReverse([coop('coop_manager')], { docType: 'sale', cooperativeId: 'c2' })).toBe(
      false,
    );
    expect(mayReverse([coop('coop_manager')], { docType: 'payment', cooperativeId: 'c1' })).toBe(
      false,
    );
    expect(mayReverse([coop('coop_manager')], { docType: 'goods_receipt' })).toBe(false);
  });
  it('a cashier: its own sale of today only', () => {
    const sale = { docType: 'sale' as const, cooperativeId: 'c1', today: TODAY, own: true };
    expect(mayReverse([coop('coop_cashier')], { ...sale, date: TODAY })).toBe(true);
    expect(mayReverse([coop('coop_cashier')], { ...sale, date: '2026-12-05' })).toBe(false);
    expect(mayReverse([coop('coop_cashier')], { ...sale, date: TODAY, own: false })).toBe(false);
    expect(mayReverse([coop('coop_cashier')], { ...sale, docType: 'return', date: TODAY })).toBe(
      false,
    );
  });
  it("the hub's admin: any document of the network; hub staff and the office never", () => {
    expect(mayReverse([hub('hub_admin')], { docType: 'goods_receipt' })).toBe(true);
    expect(mayReverse([hub('hub_admin')], { docType: 'payment', cooperativeId: 'c1' })).toBe(true);
    expect(mayReverse([hub('hub_admin')], { docType: 'sale', cooperativeId: 'c1' })).toBe(true);
    expect(mayReverse([hub('hub_staff')], { docType: 'goods_receipt' })).toBe(false);
    expect(
      mayReverse([{ orgId: 'g1', orgKind: 'government', role: 'gov_viewer' }], {
        docType: 'payment',
        cooperativeId: 'c1',
      }),
    ).toBe(false);
  });
});
