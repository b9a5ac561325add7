import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api.ts';

/** The hub's warehouses, oldest (the default) first: for the settings screen and the goods receipt form. */
export function useWarehouses() {
  return useQuery({
    queryKey: ['warehouses'],
    queryFn: async () => unwrap(await api.GET('/api/v1/hub/warehouses')).items,
    staleTime: 60_000,
  });
}
