import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api.ts';

/** The programs the signed-in user takes part in (as sponsor, hub, cooperative or participant). */
export function usePrograms() {
  return useQuery({
    queryKey: ['sembako', 'programs'],
    queryFn: async () => unwrap(await api.GET('/api/v1/programs')).items,
  });
}

/** A program's periods with their packages, newest first. */
export function usePeriods(programId: string | undefined) {
  return useQuery({
    queryKey: ['sembako', 'periods', programId],
    enabled: !!programId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programs/{programId}/periods', {
          params: { path: { programId: programId! } },
        }),
      ).items,
  });
}

/** Product and cooperative names of the program's hub, as lookups by id. */
export function useDirectory(programId: string | undefined) {
  return useQuery({
    queryKey: ['sembako', 'directory', programId],
    enabled: !!programId,
    staleTime: 300_000,
    queryFn: async () => {
      const d = unwrap(
        await api.GET('/api/v1/programs/{programId}/directory', {
          params: { path: { programId: programId! } },
        }),
      );
      return {
        products: d.products,
        product: new Map(d.products.map((p) => [p.id, p])),
        cooperative: new Map(d.cooperatives.map((c) => [c.id, c.name])),
      };
    },
  });
}

export type Directory = NonNullable<ReturnType<typeof useDirectory>['data']>;

/** What the program admin's screens work on: the chosen program, its chosen period (none yet: undefined), its names. */
export interface ProgramCtx {
  programId: string;
  month: string | undefined;
  dir: Directory | undefined;
}

/** A package's contents in words: `2 × Gula Kristal Putih 1 kg, 2 × Minyakita 1 L`. */
export function contentsOf(items: { productId: string; qty: number }[], dir?: Directory): string {
  return items.map((i) => `${i.qty} × ${dir?.product.get(i.productId)?.name ?? '…'}`).join(', ');
}
