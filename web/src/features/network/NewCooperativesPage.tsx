import { useTranslation } from 'react-i18next';
import { CooperativeForm } from './CooperativeForm.tsx';
import { CooperativeImport } from './CooperativeImport.tsx';
import '../delivery/hub.css';
import './network.css';
import './strings.ts';

/** The hub admin's new cooperatives: many from a file, or one by one. */
export function NewCooperativesPage() {
  const { t } = useTranslation('network', { keyPrefix: 'create' });
  return (
    <section className="new-coops">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <CooperativeImport />
      <CooperativeForm />
    </section>
  );
}
