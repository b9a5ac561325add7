import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api.ts';
import './hub.css';

export const STATUSES = ['draft', 'dispatched', 'received', 'cancelled'] as const;

/** The cooperatives the hub serves (one request: the network is at most a few hundred). */
export function useCooperatives() {
  return useQuery({
    queryKey: ['cooperatives', 'all'],
    queryFn: async () => {
      const items = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(
          await api.GET('/api/v1/cooperatives', {
            params: { query: { limit: '200', ...(cursor ? { cursor } : {}) } },
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    staleTime: 60_000,
  });
}

export function useProducts() {
  return useQuery({
    queryKey: ['products'],
    queryFn: async () => unwrap(await api.GET('/api/v1/products')).items,
    staleTime: 60_000,
  });
}

export { quantity as fmtQty } from '../../ui/format.ts';
