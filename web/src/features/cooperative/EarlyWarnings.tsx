import { useTranslation } from 'react-i18next';
import type { paths } from '../../app/api-types.ts';
import { useSession } from '../../app/session.tsx';
import '../treasury/payables/strings.ts';

type Warning =
  paths['/api/v1/cooperatives/{id}/dashboard']['get']['responses'][200]['content']['application/json']['earlyWarnings'][number];

/**
 * The days-ahead warnings of the dashboard: a statement falling due, or the grace days of an overdue
 * one ending (deliveries stop after). The hub's users get a WhatsApp link to send it to the ketua.
 */
export function EarlyWarnings({ warnings }: { warnings: Warning[] }) {
  const { t, i18n } = useTranslation('earlyWarning');
  const { me } = useSession();
  const isHub = me?.memberships.some((m) => m.orgKind === 'hub') ?? false;
  if (warnings.length === 0) return null;
  return (
    <div role="status" className="state">
      <strong>{t('title')}</strong>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.kind}-${w.statementId}`} className={w.kind === 'hold' ? 'warn' : undefined}>
            {i18n.language === 'en' ? w.textEn : w.text}{' '}
            {isHub && (
              <a href={w.whatsappUrl} target="_blank" rel="noreferrer">
                {t('share')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
