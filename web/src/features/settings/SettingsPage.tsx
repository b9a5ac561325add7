import { useTranslation } from 'react-i18next';
import { DatedSettings } from './DatedSettings.tsx';
import { HubProfileForm } from './HubProfileForm.tsx';
import { WarehousesSection } from './WarehousesSection.tsx';
import '../delivery/hub.css';
import './strings.ts';

/**
 * The hub admin's settings: the hub's profile (what its documents print), its warehouses, and the
 * program rules that change from a date (subsidy eligibility, replenishment, sales window, sessions).
 */
export function SettingsPage() {
  const { t } = useTranslation('settings', { keyPrefix: 'page' });
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <HubProfileForm />
      <WarehousesSection />
      <DatedSettings />
    </section>
  );
}
