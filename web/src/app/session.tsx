import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { api } from './api.ts';

type Me = NonNullable<Awaited<ReturnType<typeof fetchMe>>>;
async function fetchMe() {
  const res = await api.GET('/api/v1/auth/me');
  if (res.response.status === 401) return null;
  if (!res.data) throw new Error(res.response.statusText);
  return res.data;
}

const SessionContext = createContext<{ me: Me | null; refresh: () => Promise<void> }>({
  me: null,
  refresh: async () => {},
});

/** Who is signed in (from the session cookie), for every screen. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000, retry: false });
  if (q.isPending) return <p className="state">…</p>;
  const refresh = async () => {
    await client.invalidateQueries();
    await client.refetchQueries({ queryKey: ['me'] });
  };
  return (
    <SessionContext.Provider value={{ me: q.data ?? null, refresh }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession() {
  return useContext(SessionContext);
}

/** The role that decides the home screen: hub, cooperative or office. */
export function homeOf(me: Me): string {
  const m = me.memberships[0];
  if (!m) return '/login';
  if (m.orgKind === 'cooperative') return `/koperasi/${m.orgId}`;
  return '/jaringan';
}
