import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../app/api.ts';
import type { paths } from '../../../app/api-types.ts';

export type BankLine =
  paths['/api/v1/bank-statements/lines']['get']['responses'][200]['content']['application/json']['items'][number];
export type BankImportResult =
  paths['/api/v1/bank-statements']['post']['responses'][201]['content']['application/json'];
export type BankFormat = 'mt940' | 'csv-bca' | 'csv-mandiri' | 'snap-json';
export const BANK_FORMATS: BankFormat[] = ['mt940', 'csv-bca', 'csv-mandiri', 'snap-json'];
export const DEMO_FILE_URL = '/api/v1/bank-statements/demo-file';

/** The hub's bank lines of one status, newest first (every page). */
export function useBankLines(status: 'unmatched' | 'matched') {
  return useQuery({
    queryKey: ['bank-lines', status],
    queryFn: async () => {
      const items: BankLine[] = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(
          await api.GET('/api/v1/bank-statements/lines', {
            params: { query: { status, limit: '200', ...(cursor ? { cursor } : {}) } },
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
  });
}

/** Whether the demo's sample statement is there to download (only on a demo network). */
export function useDemoFile() {
  return useQuery({
    queryKey: ['bank-demo-file'],
    queryFn: async () => (await fetch(DEMO_FILE_URL, { method: 'GET' })).ok,
    staleTime: Infinity,
  });
}

/** Sends the bank's file as its bytes. */
export async function importBankFile(
  file: File,
  query: { format?: BankFormat; accountNo?: string },
): Promise<BankImportResult> {
  const res = await api.POST('/api/v1/bank-statements', {
    params: { query },
    body: new Uint8Array(await file.arrayBuffer()) as never,
    bodySerializer: (b: unknown) => b as Uint8Array,
    headers: { 'content-type': 'application/octet-stream' },
  });
  return unwrap(res);
}
