import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../app/api.ts';
import type { paths } from '../../../app/api-types.ts';

export type SupplierInvoice =
  paths['/api/v1/supplier-invoices']['get']['responses'][200]['content']['application/json']['items'][number];
export type PayablesAging =
  paths['/api/v1/payables/aging']['get']['responses'][200]['content']['application/json'];
export type Supplier =
  paths['/api/v1/suppliers']['get']['responses'][200]['content']['application/json']['items'][number];
export type RiskOverview =
  paths['/api/v1/treasury/risk']['get']['responses'][200]['content']['application/json'];
export type InvoiceStatus = 'open' | 'paid' | 'cancelled';

export const BUCKETS = ['current', 'd1to30', 'd31to60', 'd61to90', 'd90plus'] as const;

/** What changes when a payment, terms or a receipt is recorded. */
export const PAYABLES_KEYS = [['supplier-invoices'], ['payables-aging'], ['suppliers']];

export function useSupplierInvoices(status: InvoiceStatus) {
  return useQuery({
    queryKey: ['supplier-invoices', status],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/supplier-invoices', { params: { query: { status } } })).items,
  });
}

export function usePayablesAging() {
  return useQuery({
    queryKey: ['payables-aging'],
    queryFn: async () => unwrap(await api.GET('/api/v1/payables/aging')),
  });
}

export function useSuppliers() {
  return useQuery({
    queryKey: ['suppliers'],
    queryFn: async () => unwrap(await api.GET('/api/v1/suppliers')).items,
  });
}

export function useRiskOverview() {
  return useQuery({
    queryKey: ['risk-overview'],
    queryFn: async () => unwrap(await api.GET('/api/v1/treasury/risk')),
  });
}

/** A rate in basis points as a percentage: 3750 → "37,5%" (id) or "37.5%" (en). */
export function percentOfBps(bps: number | null | undefined, lang: string): string {
  if (bps === null || bps === undefined) return '—';
  return `${(bps / 100).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 })}%`;
}
