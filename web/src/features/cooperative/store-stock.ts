import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api.ts';

/** The cooperative's dashboard read (stock per product with names), shared by the stock screens. */
export function useStoreStock(coopId: string) {
  return useQuery({
    queryKey: ['dashboard', coopId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cooperatives/{id}/dashboard', { params: { path: { id: coopId } } }),
      ),
    select: (d) => d.stock,
  });
}
