import { useSession } from '../../app/session.tsx';

/** Whether the signed-in user records training: the office's own users (gov_viewer of a government org). */
export function useIsOffice(): boolean {
  const { me } = useSession();
  return !!me?.memberships.some((m) => m.orgKind === 'government' && m.role === 'gov_viewer');
}
