import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useNavigate } from 'react-router';
import { CooperativeDashboard } from '../features/cooperative/CooperativeDashboard.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { NetworkOverview } from '../features/network/NetworkOverview.tsx';
import { api } from './api.ts';
import type { Lang } from './i18n.ts';
import { homeOf, useSession } from './session.tsx';

function Shell() {
  const { t, i18n } = useTranslation();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  if (!me) return <Navigate to="/login" replace />;
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
            await refresh();
            navigate('/login');
          }}
        >
          {t('signOut')}
        </button>
      </header>
      <main className="page">
        <Outlet />
      </main>
    </>
  );
}

function Home() {
  const { me } = useSession();
  return <Navigate to={me ? homeOf(me) : '/login'} replace />;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<Shell />}>
          <Route path="/jaringan" element={<NetworkOverview />} />
          <Route path="/koperasi/:id" element={<CooperativeDashboard />} />
        </Route>
        <Route path="*" element={<Home />} />
      </Routes>
    </BrowserRouter>
  );
}
