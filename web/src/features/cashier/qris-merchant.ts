import { queryOptions, useQuery } from '@tanstack/react-query';
import { withOfflineCache } from './offline-data.ts';
import { api, unwrap } from '../../app/api.ts';
import type { QrisMerchant } from './qris.ts';

/** The cooperative's QRIS merchant data as the API answers it. */
export type QrisMerchantData = NonNullable<Awaited<ReturnType<typeof fetchMerchant>>['data']>;

function fetchMerchant(coopId: string) {
  return api.GET('/api/v1/cooperatives/{id}/qris-merchant', { params: { path: { id: coopId } } });
}

/**
 * The query of a cooperative's QRIS merchant data: `null` when none is set
 * (the server's 404), so "not configured" is an answer that can be cached
 * (offline too), not an error. Merchant data changes rarely: a long staleTime.
 */
export function qrisMerchantQuery(coopId: string) {
  return queryOptions({
    queryKey: ['qrisMerchant', coopId] as const,
    // Kept on the device too, so QRIS works offline (the payment itself is confirmed by the cashier).
    queryFn: (): Promise<QrisMerchantData | null> =>
      withOfflineCache(`qrisMerchant:${coopId}`, async () => {
        const res = await fetchMerchant(coopId);
        if (res.response.status === 404) return null;
        return unwrap(res);
      }),
    staleTime: 24 * 60 * 60_000,
  });
}

/** The cooperative's QRIS merchant data (`null`: not configured). */
export function useQrisMerchant(coopId: string) {
  return useQuery(qrisMerchantQuery(coopId));
}

/** The merchant fields a payload needs, from the API's answer. */
export function toQrisMerchant(d: QrisMerchantData): QrisMerchant {
  return {
    nmid: d.nmid,
    mcc: d.mcc,
    name: d.name,
    city: d.city,
    ...(d.postalCode ? { postalCode: d.postalCode } : {}),
    criteria: d.criteria,
  };
}

export const CRITERIA = ['UMI', 'UKE', 'UME', 'UBE', 'URE'] as const;
export type Criteria = (typeof CRITERIA)[number];

export interface MerchantForm {
  nmid: string;
  mcc: string;
  name: string;
  city: string;
  postalCode: string;
  criteria: Criteria;
}

/** The fields that break a rule (their message is `invalid.<field>`). */
export type MerchantFormErrors = Partial<Record<keyof MerchantForm, true>>;

const PRINTABLE = /^[\x20-\x7e]+$/;

/**
 * The form's fields that break the QRIS rules (the server checks the same):
 * NMID 1–25 letters and digits, MCC 4 digits, name 1–25 and city 1–15
 * printable ASCII characters, postal code empty or 5 digits.  */
export function checkMerchantForm(f: MerchantForm): MerchantFormErrors {
  const e: MerchantFormErrors = {};
  if (!/^[A-Za-z0-9]{1,25}$/.test(f.nmid.trim())) e.nmid = true;
  if (!/^\d{4}$/.test(f.mcc.trim())) e.mcc = true;
  const name = f.name.trim();
  if (!PRINTABLE.test(name) || name.length > 25) e.name = true;
  const city = f.city.trim();
  if (!PRINTABLE.test(city) || city.length > 15) e.city = true;
  if (f.postalCode.trim() && !/^\d{5}$/.test(f.postalCode.trim())) e.postalCode = true;
  return e;
}

/** The request body of a valid form (trimmed, NMID upper-case, no empty postal code). */
export function merchantBody(f: MerchantForm) {
  return {
    nmid: f.nmid.trim().toUpperCase(),
    mcc: f.mcc.trim(),
    name: f.name.trim(),
    city: f.city.trim(),
    postalCode: f.postalCode.trim() || null,
    criteria: f.criteria,
  };
}
