import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { XLSX_TYPE } from '../sembako/csv-upload.ts';

/** A cooperative's members and their savings (API.md, "Members and savings"), as the screens read them. */

type Json<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch'> = paths[P][M] extends {
  responses: { 200?: { content: { 'application/json': infer R } } };
}
  ? R
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer R } } } }
    ? R
    : never;

/** The JSON body a command takes. */
type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

const MEMBERS = '/api/v1/cooperatives/{id}/members';
const MEMBER = '/api/v1/cooperatives/{id}/members/{memberId}';
const SAVINGS = '/api/v1/cooperatives/{id}/members/{memberId}/savings';
const RULES = '/api/v1/cooperatives/{id}/savings-rules';

export type MemberRow = Json<typeof MEMBERS, 'get'>['items'][number];
export type Member = Json<typeof MEMBER, 'get'>;
export type MemberSavings = Json<typeof SAVINGS, 'get'>;
export type SavingsLine = MemberSavings['transactions'][number];
export type SavingsRules = Json<typeof RULES, 'get'>;
export type Arrears = Json<'/api/v1/cooperatives/{id}/savings/arrears', 'get'>;
export type Purchases = Json<'/api/v1/cooperatives/{id}/members/{memberId}/purchases', 'get'>;
export type ImportResult = Json<'/api/v1/cooperatives/{id}/members/import', 'post'>;

export type MemberStatus = MemberRow['status'];
export type SavingsKind = SavingsLine['kind'];
export type NewMember = Body<typeof MEMBERS, 'post'>;
export type MemberChange = Body<typeof MEMBER, 'patch'>;
export type SavingsEntry = Body<typeof SAVINGS, 'post'>;
export type SavingsRule = Body<typeof RULES, 'put'>;
export type MembershipEnd = Body<'/api/v1/cooperatives/{id}/members/{memberId}/end', 'post'>;

/** The members list, a page of 50 at a time, searched on the server (`q`) and by status. */
export function useMembers(id: string, q: string, status: MemberStatus | '') {
  return useInfiniteQuery({
    queryKey: ['members', id, q, status],
    placeholderData: keepPreviousData,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET(MEMBERS, {
          params: {
            path: { id },
            query: {
              limit: '50',
              ...(q ? { q } : {}),
              ...(status ? { status } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useMember(id: string, memberId: string) {
  return useQuery({
    queryKey: ['member', id, memberId],
    queryFn: async () => unwrap(await api.GET(MEMBER, { params: { path: { id, memberId } } })),
  });
}

export function useMemberSavings(id: string, memberId: string) {
  return useQuery({
    queryKey: ['memberSavings', id, memberId],
    queryFn: async () => unwrap(await api.GET(SAVINGS, { params: { path: { id, memberId } } })),
  });
}

export function useSavingsRules(id: string, enabled = true) {
  return useQuery({
    queryKey: ['savingsRules', id],
    enabled,
    queryFn: async () => unwrap(await api.GET(RULES, { params: { path: { id } } })),
  });
}

export function useMemberPurchases(id: string, memberId: string, year: string) {
  return useQuery({
    queryKey: ['memberPurchases', id, memberId, year],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cooperatives/{id}/members/{memberId}/purchases', {
          params: { path: { id, memberId }, query: { year } },
        }),
      ),
  });
}

export function useArrears(id: string) {
  return useQuery({
    queryKey: ['savingsArrears', id],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cooperatives/{id}/savings/arrears', { params: { path: { id } } }),
      ),
  });
}

export async function createMember(id: string, body: NewMember) {
  return unwrap(await api.POST(MEMBERS, { params: { path: { id } }, body }));
}

export async function updateMember(id: string, memberId: string, body: MemberChange) {
  return unwrap(await api.PATCH(MEMBER, { params: { path: { id, memberId } }, body }));
}

export async function recordSavings(id: string, memberId: string, body: SavingsEntry) {
  return unwrap(await api.POST(SAVINGS, { params: { path: { id, memberId } }, body }));
}

export async function setSavingsRules(id: string, body: SavingsRule) {
  return unwrap(await api.PUT(RULES, { params: { path: { id } }, body }));
}

export async function endMembership(id: string, memberId: string, body: MembershipEnd) {
  return unwrap(
    await api.POST('/api/v1/cooperatives/{id}/members/{memberId}/end', {
      params: { path: { id, memberId } },
      body,
    }),
  );
}

export async function runWajibBilling(id: string, month: string) {
  return unwrap(
    await api.POST('/api/v1/cooperatives/{id}/savings/billing', {
      params: { path: { id } },
      body: { month },
    }),
  );
}

/** The members file as it is: an .xlsx workbook as its bytes, anything else as `text/csv`. */
export async function importMembers(id: string, file: File): Promise<ImportResult> {
  const xlsx = file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name);
  const res = await api.POST('/api/v1/cooperatives/{id}/members/import', {
    params: { path: { id } },
    // The raw file, not JSON: the schema names the media types, openapi-fetch sends what it is given.
    body: (xlsx ? new Uint8Array(await file.arrayBuffer()) : await file.text()) as never,
    bodySerializer: (b: unknown) => b as string,
    headers: { 'content-type': xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8' },
  });
  return unwrap(res) as ImportResult;
}

/** The addresses of the files the browser opens itself (downloads, PDFs), with the session cookie. */
export const fileUrls = {
  export: (id: string, format: 'csv' | 'xlsx') =>
    `/api/v1/cooperatives/${id}/members/export?format=${format}`,
  card: (id: string, memberId: string) => `/api/v1/cooperatives/${id}/members/${memberId}/card.pdf`,
  passbook: (id: string, memberId: string) =>
    `/api/v1/cooperatives/${id}/members/${memberId}/passbook.pdf`,
};
