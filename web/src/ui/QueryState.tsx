import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What QueryState needs of a query: plain and infinite react-query results both fit. */
interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  data: T | undefined;
  refetch: () => unknown;
}

/** Loading and error states in words, with a retry; renders children once the data is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <p className="state">{t('loading')}</p>;
  if (query.isError)
    return (
      <div role="alert" className="state error">
        <p>
          {t('loadError')}: {query.error?.message}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          {t('retry')}
        </button>
      </div>
    );
  return <>{children(query.data as T)}</>;
}

/** The next page of a cursor-paged list, when there is one. */
export function LoadMore({
  query,
  label,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label?: string;
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? t('loading') : (label ?? t('loadMore'))}
    </button>
  );
}
