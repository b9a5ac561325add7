import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './network.css';
import './strings.ts';

/** The screens that set a network up, in the order a new hub goes through them. */
const STEPS = [
  { to: '/pengaturan', label: 'settings' },
  { to: '/organisasi', label: 'organizations' },
  { to: '/jaringan/koperasi-baru', label: 'cooperatives' },
  { to: '/produk', label: 'products' },
  { to: '/het', label: 'ceilings' },
  { to: '/pengguna', label: 'users' },
] as const;

/** A hub admin's first screen while the network has no cooperative: the set-up steps, each a link. */
export function NetworkStart() {
  const { t } = useTranslation('network', { keyPrefix: 'start' });
  return (
    <section className="start-steps" aria-labelledby="start-title">
      <h2 id="start-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <ol>
        {STEPS.map((s) => (
          <li key={s.to}>
            <Link to={s.to}>{t(s.label)}</Link>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The hub admin's way to new cooperatives, next to the network's title. */
export function AddCooperativesLink() {
  const { t } = useTranslation('network');
  return (
    <Link className="button" to="/jaringan/koperasi-baru">
      {t('addCooperatives')}
    </Link>
  );
}
