import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BrowserRouter,
  matchPath,
  Navigate,
  NavLink,
  Outlet,
  Route,
  Routes,
  useLocation,
  useNavigate,
  useParams,
} from 'react-router';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { api } from './api.ts';
import type { Lang } from './i18n.ts';
import { homeOf, navOf, useSession } from './session.tsx';

/** The screens with their own code chunk, by route path: the one the app opens on is fetched at once. */
const screens: { path: string; preload: () => Promise<unknown> }[] = [];

/**
 * A screen loaded with its own code chunk (route code splitting): `lazyPage(() => import(...),
 * 'Name', '/route/path')`; its `path` is the route's. When its code is already here (`preloadScreen`)
 * it renders at once: no loading step, which React would keep on screen for at least 300 ms.
 */
function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M,
  path: string,
) {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (m) => (loaded = m[name] as ComponentType),
      (e: unknown) => {
        loading = undefined; // not cached: the next try fetches again
        throw e;
      },
    ));
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Screen() {
    // Decided once per mount: switching between the two would mount the screen twice.
    const [Ready] = useState(() => loaded);
    return Ready ? <Ready /> : <Lazy />;
  }
  screens.push({ path, preload });
  return Object.assign(Screen, { path });
}

/** Fetches the code of the screen(s) at `pathname` (the app's first screen); resolves when it is here. */
export function preloadScreen(pathname: string): Promise<unknown> {
  const hits = screens.filter(({ path }) =>
    matchPath({ path, end: !path.endsWith('/*') }, pathname),
  );
  return Promise.all(hits.map((s) => s.preload()));
}

const NetworkOverview = lazyPage(
  () => import('../features/network/NetworkOverview.tsx'),
  'NetworkOverview',
  '/jaringan',
);
const NewCooperativesPage = lazyPage(
  () => import('../features/network/NewCooperativesPage.tsx'),
  'NewCooperativesPage',
  '/jaringan/koperasi-baru',
);
const OrganizationsPage = lazyPage(
  () => import('../features/organizations/OrganizationsPage.tsx'),
  'OrganizationsPage',
  '/organisasi',
);
const CooperativeDashboard = lazyPage(
  () => import('../features/cooperative/CooperativeDashboard.tsx'),
  'CooperativeDashboard',
  '/koperasi/:id',
);
const ParticipationPage = lazyPage(
  () => import('../features/cooperative/ParticipationPage.tsx'),
  'ParticipationPage',
  '/koperasi/:id/perjanjian',
);
const ReceivePage = lazyPage(
  () => import('../features/cooperative/ReceivePage.tsx'),
  'ReceivePage',
  '/koperasi/:id/terima',
);
const CashierPage = lazyPage(
  () => import('../features/cashier/CashierPage.tsx'),
  'CashierPage',
  '/koperasi/:id/kasir',
);
const ReturnPage = lazyPage(
  () => import('../features/cooperative/ReturnPage.tsx'),
  'ReturnPage',
  '/koperasi/:id/retur',
);
const StockCountPage = lazyPage(
  () => import('../features/cooperative/StockCountPage.tsx'),
  'StockCountPage',
  '/koperasi/:id/opname',
);
const CooperativeStatementsPage = lazyPage(
  () => import('../features/settlement/CooperativeStatementsPage.tsx'),
  'CooperativeStatementsPage',
  '/koperasi/:id/tagihan',
);
const QrisSettingsPage = lazyPage(
  () => import('../features/cashier/QrisSettingsPage.tsx'),
  'QrisSettingsPage',
  '/koperasi/:id/qris',
);
const BooksPage = lazyPage(
  () => import('../features/ledger/BooksPage.tsx'),
  'BooksPage',
  '/koperasi/:id/buku',
);
const StatementsPage = lazyPage(
  () => import('../features/yearend/StatementsPage.tsx'),
  'StatementsPage',
  '/koperasi/:id/laporan-keuangan',
);
const ManualEntriesPage = lazyPage(
  () => import('../features/ledger/ManualEntriesPage.tsx'),
  'ManualEntriesPage',
  '/koperasi/:id/jurnal',
);
const YearEndPage = lazyPage(
  () => import('../features/yearend/YearEndPage.tsx'),
  'YearEndPage',
  '/koperasi/:id/tutup-buku',
);
const DeliveryRoutes = lazyPage(
  () => import('../features/delivery/DeliveryRoutes.tsx'),
  'DeliveryRoutes',
  '/pengiriman/*',
);
const GoodsReceiptsPage = lazyPage(
  () => import('../features/catalog/GoodsReceiptsPage.tsx'),
  'GoodsReceiptsPage',
  '/gudang/penerimaan',
);
const WarehouseStockPage = lazyPage(
  () => import('../features/warehouse/WarehouseStockPage.tsx'),
  'WarehouseStockPage',
  '/gudang/stok',
);
const ProductsPage = lazyPage(
  () => import('../features/catalog/ProductsPage.tsx'),
  'ProductsPage',
  '/produk',
);
const CeilingsPage = lazyPage(
  () => import('../features/catalog/CeilingsPage.tsx'),
  'CeilingsPage',
  '/het',
);
const SettlementPage = lazyPage(
  () => import('../features/settlement/SettlementPage.tsx'),
  'SettlementPage',
  '/penagihan',
);
const BankPage = lazyPage(
  () => import('../features/treasury/bank/BankPage.tsx'),
  'BankPage',
  '/bank',
);
const PayablesPage = lazyPage(
  () => import('../features/treasury/payables/PayablesPage.tsx'),
  'PayablesPage',
  '/utang-usaha',
);
const RiskPage = lazyPage(
  () => import('../features/treasury/payables/RiskPage.tsx'),
  'RiskPage',
  '/risiko',
);
const SubsidyPage = lazyPage(
  () => import('../features/subsidy/SubsidyPage.tsx'),
  'SubsidyPage',
  '/subsidi',
);
const AuditPage = lazyPage(() => import('../features/audit/AuditPage.tsx'), 'AuditPage', '/audit');
const SettingsPage = lazyPage(
  () => import('../features/settings/SettingsPage.tsx'),
  'SettingsPage',
  '/pengaturan',
);
const JobsPage = lazyPage(() => import('../features/jobs/JobsPage.tsx'), 'JobsPage', '/tugas');
const RegionOverview = lazyPage(
  () => import('../features/office/RegionOverview.tsx'),
  'RegionOverview',
  '/wilayah',
);
const ProgramRoutes = lazyPage(
  () => import('../features/sembako/ProgramRoutes.tsx'),
  'ProgramRoutes',
  '/program/*',
);
const ParticipantHome = lazyPage(
  () => import('../features/sembako/ParticipantHome.tsx'),
  'ParticipantHome',
  '/asn/*',
);
const ParticipantLoginPage = lazyPage(
  () => import('../features/sembako/ParticipantLoginPage.tsx'),
  'ParticipantLoginPage',
  '/asn/masuk',
);
const MembersPage = lazyPage(
  () => import('../features/members/MembersPage.tsx'),
  'MembersPage',
  '/koperasi/:id/anggota',
);
const ArrearsPage = lazyPage(
  () => import('../features/members/ArrearsPage.tsx'),
  'ArrearsPage',
  '/koperasi/:id/anggota/tunggakan',
);
const MemberPage = lazyPage(
  () => import('../features/members/MemberPage.tsx'),
  'MemberPage',
  '/koperasi/:id/anggota/:memberId',
);
const PickupDesk = lazyPage(
  () => import('../features/sembako/PickupDesk.tsx'),
  'PickupDesk',
  '/koperasi/:id/ambil',
);
const UsersPage = lazyPage(
  () => import('../features/users/UsersPage.tsx'),
  'UsersPage',
  '/pengguna',
);
const ManagerCodesPage = lazyPage(
  () => import('../features/users/ManagerCodesPage.tsx'),
  'ManagerCodesPage',
  '/pengguna/kode-pengurus',
);
const ActivationPage = lazyPage(
  () => import('../features/users/ActivationPage.tsx'),
  'ActivationPage',
  '/aktivasi',
);
const TrainingRoutes = lazyPage(
  () => import('../features/training/TrainingRoutes.tsx'),
  'TrainingRoutes',
  '/pelatihan/*',
);

function Shell() {
  const { t, i18n } = useTranslation();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // A civil servant's pages send them to the NIP sign-in, everyone else to the e-mail one.
  if (!me) return <Navigate to={pathname.startsWith('/asn') ? '/asn/masuk' : '/login'} replace />;
  const setLang = (lang: Lang) => {
    localStorage.setItem('lumbung.lang', lang);
    void i18n.changeLanguage(lang);
    void api.PUT('/api/v1/auth/me/locale', { body: { locale: lang } });
  };
  return (
    <>
      <header className="top">
        <strong>{t('appName')}</strong>
        <span className="who">{me.memberships[0]?.orgName}</span>
        <label className="lang">
          {t('language')}
          <select value={i18n.language} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
        <button
          type="button"
          onClick={async () => {
            await api.POST('/api/v1/auth/logout');
            const participant = me.memberships.some((m) => m.role === 'program_participant');
            await refresh();
            navigate(participant ? '/asn/masuk' : '/login');
          }}
        >
          {t('signOut')}
        </button>
      </header>
      <nav className="mainnav" aria-label={t('menu')}>
        {navOf(me).map((item) => (
          <NavLink key={item.to} to={item.to} end={item.end ?? false}>
            {t(item.label)}
          </NavLink>
        ))}
      </nav>
      <main className="page">
        <Suspense fallback={<p className="state">{t('loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}

/**
 * Who may open a cooperative's screen, checked before anything loads (the server checks every request
 * again): `read` — the hub, the office of its region, its own users; `sell` — the hub and its own users;
 * `manage` — the hub and its own manager.
 */
function CooperativeArea({
  need,
  children,
}: {
  need: 'read' | 'sell' | 'manage';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { id = '' } = useParams();
  const ms = me?.memberships ?? [];
  const own = ms.filter((m) => m.orgKind === 'cooperative' && m.orgId === id);
  const allowed =
    ms.some((m) => m.orgKind === 'hub') ||
    (need === 'read' && ms.some((m) => m.orgKind === 'government')) ||
    (need === 'manage' ? own.some((m) => m.role === 'coop_manager') : own.length > 0);
  if (allowed) return <>{children}</>;
  return (
    <section>
      <h1>{t('forbiddenTitle')}</h1>
      <p role="alert" className="state error">
        {t('forbidden')}
      </p>
      <NavLink to="/">{t('back')}</NavLink>
    </section>
  );
}

function Home() {
  const { me } = useSession();
  return <Navigate to={me ? homeOf(me) : '/login'} replace />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notFound')}</h1>
      <NavLink to="/">{t('back')}</NavLink>
    </section>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path={ParticipantLoginPage.path}
          element={
            <Suspense fallback={<p className="state">…</p>}>
              <ParticipantLoginPage />
            </Suspense>
          }
        />
        <Route
          path={ActivationPage.path}
          element={
            <Suspense fallback={<p className="state">…</p>}>
              <ActivationPage />
            </Suspense>
          }
        />
        <Route path="/" element={<Home />} />
        <Route element={<Shell />}>
          <Route path={NetworkOverview.path} element={<NetworkOverview />} />
          <Route path={NewCooperativesPage.path} element={<NewCooperativesPage />} />
          <Route path={OrganizationsPage.path} element={<OrganizationsPage />} />
          <Route
            path={CooperativeDashboard.path}
            element={
              <CooperativeArea need="read">
                <CooperativeDashboard />
              </CooperativeArea>
            }
          />
          <Route
            path={ParticipationPage.path}
            element={
              <CooperativeArea need="read">
                <ParticipationPage />
              </CooperativeArea>
            }
          />
          <Route
            path={ReceivePage.path}
            element={
              <CooperativeArea need="manage">
                <ReceivePage />
              </CooperativeArea>
            }
          />
          <Route
            path={CashierPage.path}
            element={
              <CooperativeArea need="sell">
                <CashierPage />
              </CooperativeArea>
            }
          />
          <Route
            path={ReturnPage.path}
            element={
              <CooperativeArea need="manage">
                <ReturnPage />
              </CooperativeArea>
            }
          />
          <Route
            path={StockCountPage.path}
            element={
              <CooperativeArea need="manage">
                <StockCountPage />
              </CooperativeArea>
            }
          />
          <Route
            path={CooperativeStatementsPage.path}
            element={
              <CooperativeArea need="manage">
                <CooperativeStatementsPage />
              </CooperativeArea>
            }
          />
          <Route
            path={QrisSettingsPage.path}
            element={
              <CooperativeArea need="manage">
                <QrisSettingsPage />
              </CooperativeArea>
            }
          />
          <Route
            path={BooksPage.path}
            element={
              <CooperativeArea need="manage">
                <BooksPage />
              </CooperativeArea>
            }
          />
          <Route
            path={StatementsPage.path}
            element={
              <CooperativeArea need="manage">
                <StatementsPage />
              </CooperativeArea>
            }
          />
          <Route
            path={ManualEntriesPage.path}
            element={
              <CooperativeArea need="manage">
                <ManualEntriesPage />
              </CooperativeArea>
            }
          />
          <Route
            path={YearEndPage.path}
            element={
              <CooperativeArea need="manage">
                <YearEndPage />
              </CooperativeArea>
            }
          />
          <Route
            path={MembersPage.path}
            element={
              <CooperativeArea need="manage">
                <MembersPage />
              </CooperativeArea>
            }
          />
          <Route
            path={ArrearsPage.path}
            element={
              <CooperativeArea need="manage">
                <ArrearsPage />
              </CooperativeArea>
            }
          />
          <Route
            path={MemberPage.path}
            element={
              <CooperativeArea need="manage">
                <MemberPage />
              </CooperativeArea>
            }
          />
          <Route
            path={PickupDesk.path}
            element={
              <CooperativeArea need="sell">
                <PickupDesk />
              </CooperativeArea>
            }
          />
          <Route path={ProgramRoutes.path} element={<ProgramRoutes />} />
          <Route path={ParticipantHome.path} element={<ParticipantHome />} />
          <Route path={DeliveryRoutes.path} element={<DeliveryRoutes />} />
          <Route path={GoodsReceiptsPage.path} element={<GoodsReceiptsPage />} />
          <Route path={WarehouseStockPage.path} element={<WarehouseStockPage />} />
          <Route path={ProductsPage.path} element={<ProductsPage />} />
          <Route path={CeilingsPage.path} element={<CeilingsPage />} />
          <Route path={SettlementPage.path} element={<SettlementPage />} />
          <Route path={BankPage.path} element={<BankPage />} />
          <Route path={PayablesPage.path} element={<PayablesPage />} />
          <Route path={RiskPage.path} element={<RiskPage />} />
          <Route path={SubsidyPage.path} element={<SubsidyPage />} />
          <Route path={AuditPage.path} element={<AuditPage />} />
          <Route path={SettingsPage.path} element={<SettingsPage />} />
          <Route path={JobsPage.path} element={<JobsPage />} />
          <Route path={RegionOverview.path} element={<RegionOverview />} />
          <Route path={TrainingRoutes.path} element={<TrainingRoutes />} />
          <Route path={UsersPage.path} element={<UsersPage />} />
          <Route path={ManagerCodesPage.path} element={<ManagerCodesPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
