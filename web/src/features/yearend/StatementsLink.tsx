import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './statements-strings.ts';

/** The way from a cooperative's books to its SAK EP statements. */
export function StatementsLink({ orgId }: { orgId: string }) {
  const { t } = useTranslation('statements');
  return (
    <p>
      <Link to={`/koperasi/${encodeURIComponent(orgId)}/laporan-keuangan`}>{t('booksLink')}</Link>
    </p>
  );
}
