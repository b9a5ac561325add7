import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BrowserRouter,
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

/** A screen loaded with its own code chunk (route code splitting): `lazyPage(() => import(...), 'Name')`. */
function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const NetworkOverview = lazyPage(
  () => import('../features/network/NetworkOverview.tsx'),
  'NetworkOverview',
);
const CooperativeDashboard = lazyPage(
  () => import('../features/cooperative/CooperativeDashboard.tsx'),
  'CooperativeDashboard',
);
const ReceivePage = lazyPage(
  () => import('../features/cooperative/ReceivePage.tsx'),
  'ReceivePage',
);
const CashierPage = lazyPage(() => import('../features/cashier/CashierPage.tsx'), 'CashierPage');
const ReturnPage = lazyPage(() => import('../features/cooperative/ReturnPage.tsx'), 'ReturnPage');
const StockCountPage = lazyPage(
  () => import('../features/cooperative/StockCountPage.tsx'),
  'StockCountPage',
);
const CooperativeStatementsPage = lazyPage(
  () => import('../features/settlement/CooperativeStatementsPage.tsx'),
  'CooperativeStatementsPage',
);
const QrisSettingsPage = lazyPage(
  () => import('../features/cashier/QrisSettingsPage.tsx'),
  'QrisSettingsPage',
);
const BooksPage = lazyPage(() => import('../features/ledger/BooksPage.tsx'), 'BooksPage');
const DeliveryRoutes = lazyPage(
  () => import('../features/delivery/DeliveryRoutes.tsx'),
  'DeliveryRoutes',
);
const GoodsReceiptsPage = lazyPage(
  () => import('../features/catalog/GoodsReceiptsPage.tsx'),
  'GoodsReceiptsPage',
);
const ProductsPage = lazyPage(() => import('../features/catalog/ProductsPage.tsx'), 'ProductsPage');
const SettlementPage = lazyPage(
  () => import('../features/settlement/SettlementPage.tsx'),
  'SettlementPage',
);
const SubsidyPage = lazyPage(() => import('../features/subsidy/SubsidyPage.tsx'), 'SubsidyPage');
const AuditPage = lazyPage(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
const RegionOverview = lazyPage(
  () => import('../features/office/RegionOverview.tsx'),
  'RegionOverview',
);
const ProgramRoutes = lazyPage(
  () => import('../features/sembako/ProgramRoutes.tsx'),
  'ProgramRoutes',
);
const ParticipantHome = lazyPage(
  () => import('../features/sembako/ParticipantHome.tsx'),
  'ParticipantHome',
);
const ParticipantLoginPage = lazyPage(
  () => import('../features/sembako/ParticipantLoginPage.tsx'),
  'ParticipantLoginPage',
);
const PickupDesk = lazyPage(() => import('../features/sembako/PickupDesk.tsx'), 'PickupDesk');
const TrainingRoutes = lazyPage(
  () => import('../features/training/TrainingRoutes.tsx'),
  'TrainingRoutes',
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
          path="/asn/masuk"
          element={
            <Suspense fallback={<p className="state">…</p>}>
              <ParticipantLoginPage />
            </Suspense>
          }
        />
        <Route path="/" element={<Home />} />
        <Route element={<Shell />}>
          <Route path="/jaringan" element={<NetworkOverview />} />
          <Route
            path="/koperasi/:id"
            element={
              <CooperativeArea need="read">
                <CooperativeDashboard />
              </CooperativeArea>
            }
          />
          <Route
            path="/koperasi/:id/terima"
            element={
              <CooperativeArea need="manage">
                <ReceivePage />
              </CooperativeArea>
            }
          />
          <Route
            path="/koperasi/:id/kasir"
            element={
              <CooperativeArea need="sell">
                <CashierPage />
              </CooperativeArea>
            }
          />
          <Route
            path="/koperasi/:id/retur"
            element={
              <CooperativeArea need="manage">
                <ReturnPage />
              </CooperativeArea>
            }
          />
          <Route
            path="/koperasi/:id/opname"
            element={
              <CooperativeArea need="manage">
                <StockCountPage />
              </CooperativeArea>
            }
          />
          <Route
            path="/koperasi/:id/tagihan"
            element={
              <CooperativeArea need="manage">
                <CooperativeStatementsPage />
              </CooperativeArea>
            }
          />
          <Route
            path="/koperasi/:id/qris"
            element={
              <CooperativeArea need="manage">
                <QrisSettingsPage />
              </CooperativeArea>
            }
          />
          <Route
            path="/koperasi/:id/buku"
            element={
              <CooperativeArea need="manage">
                <BooksPage />
              </CooperativeArea>
            }
          />
          <Route
            path="/koperasi/:id/ambil"
            element={
              <CooperativeArea need="sell">
                <PickupDesk />
              </CooperativeArea>
            }
          />
          <Route path="/program/*" element={<ProgramRoutes />} />
          <Route path="/asn/*" element={<ParticipantHome />} />
          <Route path="/pengiriman/*" element={<DeliveryRoutes />} />
          <Route path="/gudang/penerimaan" element={<GoodsReceiptsPage />} />
          <Route path="/produk" element={<ProductsPage />} />
          <Route path="/penagihan" element={<SettlementPage />} />
          <Route path="/subsidi" element={<SubsidyPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/wilayah" element={<RegionOverview />} />
          <Route path="/pelatihan/*" element={<TrainingRoutes />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
