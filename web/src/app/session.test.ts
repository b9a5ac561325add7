import { describe, expect, it } from 'vitest';
import { homeOf, navOf } from './session.tsx';

type Me = Parameters<typeof homeOf>[0];
const coop = '01936f6e-7c1a-7000-8000-00000000c001';
function meWith(...roles: { role: string; orgKind: string }[]): Me {
  return {
    memberships: roles.map((r) => ({ orgId: coop, orgName: 'KDKMP Uji', ...r })),
  } as unknown as Me;
}

describe('homeOf', () => {
  it('a cashier lands on the till; a manager (also a cashier) on the dashboard', () => {
    expect(homeOf(meWith({ role: 'coop_cashier', orgKind: 'cooperative' }))).toBe(
      `/koperasi/${coop}/kasir`,
    );
    expect(homeOf(meWith({ role: 'coop_manager', orgKind: 'cooperative' }))).toBe(
      `/koperasi/${coop}`,
    );
    expect(
      homeOf(
        meWith(
          { role: 'coop_cashier', orgKind: 'cooperative' },
          { role: 'coop_manager', orgKind: 'cooperative' },
        ),
      ),
    ).toBe(`/koperasi/${coop}`);
  });

  it('the warehouse staff lands on the stock of the warehouses; the hub admin keeps the network', () => {
    expect(homeOf(meWith({ role: 'hub_staff', orgKind: 'hub' }))).toBe('/gudang/stok');
    expect(homeOf(meWith({ role: 'hub_admin', orgKind: 'hub' }))).toBe('/jaringan');
    expect(
      homeOf(meWith({ role: 'hub_staff', orgKind: 'hub' }, { role: 'hub_admin', orgKind: 'hub' })),
    ).toBe('/jaringan');
    for (const role of ['hub_admin', 'hub_staff'])
      expect(navOf(meWith({ role, orgKind: 'hub' })).map((i) => i.to)).toContain('/gudang/stok');
  });

  it("the cashier's menu keeps the overview, the till and the pickup desk", () => {
    expect(
      navOf(meWith({ role: 'coop_cashier', orgKind: 'cooperative' })).map((i) => i.to),
    ).toEqual([`/koperasi/${coop}`, `/koperasi/${coop}/kasir`, `/koperasi/${coop}/ambil`]);
  });

  it('only the hub admin has the ceilings screen in the menu', () => {
    const admin = navOf(meWith({ role: 'hub_admin', orgKind: 'hub' })).map((i) => i.to);
    const staff = navOf(meWith({ role: 'hub_staff', orgKind: 'hub' })).map((i) => i.to);
    expect(admin).toContain('/het');
    expect(staff).not.toContain('/het');
  });
});
