import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Loading and error states in words, with a retry; renders children once the data is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <p className="state">{t('loading')}</p>;
  if (query.isError)
    return (
      <div role="alert" className="state error">
        <p>
          {t('loadError')}: {query.error.message}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          {t('retry')}
        </button>
      </div>
    );
  return <>{children(query.data)}</>;
}
