import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api.ts';

/** The hub's products with today's prices and ceilings (what a cooperative sells and counts). */
export function useProducts() {
  return useQuery({
    queryKey: ['products'],
    queryFn: async () => unwrap(await api.GET('/api/v1/products')).items,
    staleTime: 5 * 60_000,
  });
}

export type Product = NonNullable<ReturnType<typeof useProducts>['data']>[number];

/** Product names by id, for lines that carry only the id. */
export function nameOf(products: Product[] | undefined, productId: string): string {
  return products?.find((p) => p.id === productId)?.name ?? productId;
}
