import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import type { paths } from './api-types.ts';

const ME_KEY = 'lumbung.me';
type Me = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];

/**
 * The signed-in user. Without a connection (no answer at all) the last answer stands, so a cashier's
 * phone opens its screens offline; the server still decides every request once it is reachable.
 */
async function fetchMe(): Promise<Me | null> {
  let res;
  try {
    res = await api.GET('/api/v1/auth/me');
  } catch (e) {
    const saved = localStorage.getItem(ME_KEY);
    if (saved) return JSON.parse(saved) as Me;
    throw e;
  }
  if (res.response.status === 401) {
    localStorage.removeItem(ME_KEY);
    return null;
  }
  if (!res.data) throw new Error(res.response.statusText);
  localStorage.setItem(ME_KEY, JSON.stringify(res.data));
  return res.data;
}

const meQuery = { queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000, retry: false } as const;

/** Starts asking who is signed in before the first render (alongside the first screen's code). */
export function prefetchSession(client: QueryClient): Promise<void> {
  return client.prefetchQuery(meQuery);
}

const SessionContext = createContext<{ me: Me | null; refresh: () => Promise<void> }>({
  me: null,
  refresh: async () => {},
});

/** Who is signed in (from the session cookie), for every screen. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const q = useQuery(meQuery);
  if (q.isPending) return <p className="state">…</p>;
  const refresh = async () => {
    await client.invalidateQueries();
    await client.refetchQueries({ queryKey: ['me'] });
  };
  return (
    <SessionContext.Provider value={{ me: q.data ?? null, refresh }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession() {
  return useContext(SessionContext);
}

/**
 * What follows every sign-in (password, activation code): the user's remembered language (so that
 * signing in on another phone speaks it too), then the session read again.
 */
export function useSignedIn() {
  const { refresh } = useSession();
  const { i18n } = useTranslation();
  return async (user: { locale: string }) => {
    if (user.locale === 'id' || user.locale === 'en') {
      localStorage.setItem('lumbung.lang', user.locale);
      await i18n.changeLanguage(user.locale);
    }
    await refresh();
  };
}

/** The role that decides the home screen: hub (its warehouse staff: the stock), cooperative (a cashier: the till) or office. */
export function homeOf(me: Me): string {
  const m = me.memberships[0];
  if (!m) return '/login';
  if (m.role === 'program_participant') return '/asn';
  if (m.role === 'program_admin') return '/program';
  if (m.orgKind === 'cooperative' && me.memberships.every((x) => x.role === 'coop_cashier'))
    return `/koperasi/${m.orgId}/kasir`;
  if (m.orgKind === 'cooperative') return `/koperasi/${m.orgId}`;
  if (m.orgKind === 'government') return '/wilayah';
  if (me.memberships.every((x) => x.role === 'hub_staff')) return '/gudang/stok';
  return '/jaringan';
}

export interface NavItem {
  to: string;
  /** A key of the common translations. */
  label: string;
  end?: boolean;
}

/** The menu of the signed-in user's role; the server still checks every request. */
export function navOf(me: Me): NavItem[] {
  const m = me.memberships[0];
  if (!m) return [];
  if (m.role === 'program_participant') return [{ to: '/asn', label: 'navSembakoAsn' }];
  if (m.role === 'program_admin') return [{ to: '/program', label: 'navSembakoProgram' }];
  if (m.orgKind === 'cooperative') {
    const base = `/koperasi/${m.orgId}`;
    const items: NavItem[] = [
      { to: base, label: 'navDashboard', end: true },
      { to: `${base}/kasir`, label: 'navCashier' },
      { to: `${base}/ambil`, label: 'navPickup' },
    ];
    if (m.role === 'coop_manager')
      items.push(
        { to: `${base}/terima`, label: 'navReceive' },
        { to: `${base}/retur`, label: 'navReturns' },
        { to: `${base}/opname`, label: 'navCount' },
        { to: `${base}/tagihan`, label: 'navStatements' },
        { to: `${base}/buku`, label: 'navBooks' },
        { to: `${base}/laporan-keuangan`, label: 'navFinancialStatements' },
        { to: `${base}/jurnal`, label: 'navJournalAssets' },
        { to: `${base}/tutup-buku`, label: 'navYearEnd' },
        { to: `${base}/anggota`, label: 'navMembers' },
        { to: `${base}/qris`, label: 'navQris' },
        { to: '/pengguna', label: 'navUsers' },
      );
    return items;
  }
  if (m.orgKind === 'government')
    return [
      { to: '/wilayah', label: 'navRegion' },
      { to: '/jaringan', label: 'navNetwork' },
      { to: '/pelatihan', label: 'navTraining' },
    ];
  const items: NavItem[] = [
    { to: '/jaringan', label: 'navNetwork' },
    { to: '/pengiriman', label: 'navDeliveries' },
    { to: '/gudang/stok', label: 'navWarehouseStock' },
    { to: '/gudang/penerimaan', label: 'navGoodsReceipts' },
    { to: '/produk', label: 'navProducts' },
    { to: '/penagihan', label: 'navSettlement' },
    { to: '/bank', label: 'navBank' },
    { to: '/utang-usaha', label: 'navPayables' },
    { to: '/risiko', label: 'navRisk' },
    { to: '/subsidi', label: 'navSubsidy' },
    { to: '/program', label: 'navSembakoProgram' },
  ];
  if (m.role === 'hub_admin')
    items.push(
      { to: '/het', label: 'navCeilings' },
      { to: '/organisasi', label: 'navOrganizations' },
      { to: '/pengguna', label: 'navUsers' },
      { to: '/tugas', label: 'navJobs' },
      { to: '/audit', label: 'navAudit' },
      { to: '/pengaturan', label: 'navSettings' },
    );
  return items;
}
