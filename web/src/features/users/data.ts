import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { useSession } from '../../app/session.tsx';

export type UserRow =
  paths['/api/v1/users']['get']['responses'][200]['content']['application/json']['items'][number];
export type Role =
  paths['/api/v1/users']['post']['requestBody']['content']['application/json']['role'];
export type ManagerCodeRow =
  paths['/api/v1/cooperatives/activation-codes']['post']['responses'][200]['content']['application/json']['items'][number];

/** The roles each kind of organization has (the server checks the same rule). */
export const ROLES_OF_KIND: Record<string, readonly Role[]> = {
  hub: ['hub_admin', 'hub_staff'],
  cooperative: ['coop_manager', 'coop_cashier'],
  government: ['gov_viewer', 'program_admin'],
  employer: ['program_admin'],
};

/** A one-time code as a slip shows it: who it is for, the code and how to hand it over. */
export interface CodeSlipData {
  purpose: 'activation' | 'reset';
  name: string;
  email: string;
  code: string;
  expiresAt: string;
  activationUrl: string;
  whatsappUrl?: string | undefined;
}

export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => unwrap(await api.GET('/api/v1/users')).items,
  });
}

/** The government bodies and employers (national); a hub admin's invitations may name them. */
export function useOffices(enabled: boolean) {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations')).items,
    staleTime: 60_000,
    enabled,
  });
}

/** The activation page's address without the code: what a printed slip tells to open. */
export function activationPageOf(activationUrl: string): string {
  return activationUrl.split('#', 1)[0] ?? activationUrl;
}

/** An instant as the user's clock shows it in WIB: `17 Mar 2026 10.00`. */
export function wibDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
}
/** Who administers users here: a hub's admin (its network and offices), or a cooperative's manager (its cashiers). */
export function useUserAdmin() {
  const { me } = useSession();
  const ms = me?.memberships ?? [];
  return {
    me,
    hub: ms.find((m) => m.orgKind === 'hub' && m.role === 'hub_admin'),
    coop: ms.find((m) => m.orgKind === 'cooperative' && m.role === 'coop_manager'),
  };
}
