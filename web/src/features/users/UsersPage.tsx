import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Notice, ProblemAlert } from '../../ui/forms.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useCooperatives } from '../delivery/delivery-data.ts';
import { CodeSlip, NotAllowed, WhatsAppLink } from './CodeSlip.tsx';
import {
  ROLES_OF_KIND,
  useOffices,
  useUserAdmin,
  useUsers,
  type CodeSlipData,
  type UserRow,
} from './data.ts';
import { InviteForm, type OrgOption } from './InviteForm.tsx';
import { UserChange, type Change } from './UserChange.tsx';
import './strings.ts';
import './users.css';

/**
 * The users a hub admin or a cooperative's manager administers: invite (a one-time activation code
 * to print or send by WhatsApp), change a role, deactivate or reactivate, hand out a reset code.
 */
export function UsersPage() {
  const { t } = useTranslation('users');
  const { me, hub, coop } = useUserAdmin();
  const users = useUsers();
  const coops = useCooperatives();
  const offices = useOffices(!!hub);
  const client = useQueryClient();
  const [inviting, setInviting] = useState(false);
  const [slip, setSlip] = useState<CodeSlipData | null>(null);
  const [change, setChange] = useState<Change | null>(null);
  const [notice, setNotice] = useState('');

  const issue = useMutation({
    mutationFn: async ({ user, purpose }: { user: UserRow; purpose: 'activation' | 'reset' }) => {
      const code = unwrap(
        await api.POST('/api/v1/users/{id}/code', {
          params: { path: { id: user.id } },
          body: { purpose },
        }),
      );
      return { ...code, purpose, name: user.name, email: user.email };
    },
    onSuccess: (s) => {
      setNotice('');
      setChange(null);
      setSlip(s);
    },
  });
  const reactivate = useMutation({
    mutationFn: async (user: UserRow) =>
      unwrap(
        await api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: { active: true },
        }),
      ),
    onSuccess: async (u) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      setNotice(t('activated', { name: u.name }));
    },
  });

  if (!me || (!hub && !coop)) return <NotAllowed title={t('title')} text={t('forbidden')} />;

  const orgs: OrgOption[] = hub
    ? [
        { id: hub.orgId, name: hub.orgName, kind: 'hub', group: 'hub' },
        ...(coops.data ?? []).map((c) => ({
          id: c.id,
          name: c.name,
          kind: 'cooperative',
          group: 'cooperatives' as const,
        })),
        ...(offices.data ?? []).map((o) => ({
          id: o.id,
          name: `${o.name} (${o.regionName || o.regionCode})`,
          kind: o.kind,
          group: 'offices' as const,
        })),
      ]
    : [{ id: coop!.orgId, name: coop!.orgName, kind: 'cooperative', group: 'cooperatives' }];
  // A manager manages its cashiers only (the server keeps the same rule).
  const manages = (u: UserRow) => !!hub || (u.orgId === coop?.orgId && u.role === 'coop_cashier');
  const busy = issue.isPending || reactivate.isPending;
  const start = () => {
    setSlip(null);
    setChange(null);
    setNotice('');
  };

  const columns: Column<UserRow>[] = [
    {
      id: 'name',
      header: t('name'),
      accessorFn: (u) => u.name,
      cell: ({ row }) => (
        <>
          {row.original.name} {row.original.id === me.id && <span>{t('you')}</span>}
        </>
      ),
    },
    { id: 'email', header: t('email'), accessorKey: 'email' },
    { id: 'org', header: t('organization'), accessorKey: 'orgName' },
    { id: 'role', header: t('role'), accessorFn: (u) => t(`role_${u.role}`, u.role) },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (u) => t(`status_${u.status}`),
      cell: ({ row }) => (
        <span className={`badge ${row.original.status === 'active' ? 'ok' : row.original.status}`}>
          {t(`status_${row.original.status}`)}
        </span>
      ),
    },
    {
      id: 'actions',
      header: t('actions'),
      enableSorting: false,
      enableGlobalFilter: false,
      cell: ({ row }) => {
        const u = row.original;
        if (!manages(u)) return null;
        const self = u.id === me.id;
        const live = u.status !== 'inactive';
        const go = (c: Change) => {
          start();
          setChange(c);
        };
        // Only what this user can have done to it: no dead buttons.
        const buttons: [boolean, string, () => void][] = [
          [
            !!hub && !self && live && (ROLES_OF_KIND[u.orgKind]?.length ?? 0) > 1,
            t('changeRole'),
            () => go({ kind: 'role', user: u }),
          ],
          [!self && live, t('deactivate'), () => go({ kind: 'deactivate', user: u })],
          [
            !live,
            t('activate'),
            () => {
              start();
              reactivate.mutate(u);
            },
          ],
          [
            live,
            u.status === 'invited' ? t('activationCode') : t('resetCode'),
            () => {
              start();
              issue.mutate({ user: u, purpose: u.status === 'invited' ? 'activation' : 'reset' });
            },
          ],
        ];
        return (
          <div className="row-actions">
            {buttons
              .filter(([shown]) => shown)
              .map(([, label, onClick]) => (
                <button
                  key={label}
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={onClick}
                >
                  {label}
                </button>
              ))}
          </div>
        );
      },
    },
  ];

  return (
    <section className="users-screen">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="actions">
          {!inviting && (
            <button
              type="button"
              onClick={() => {
                start();
                setInviting(true);
              }}
            >
              {t('invite')}
            </button>
          )}
          {hub && (
            <Link className="button" to="/pengguna/kode-pengurus">
              {t('managerCodes')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted">{hub ? t('intro') : t('introManager')}</p>
      {notice && <Notice>{notice}</Notice>}
      <ProblemAlert error={issue.error ?? reactivate.error} />
      {inviting && (
        <InviteForm
          orgs={orgs}
          {...(hub ? {} : { roles: ['coop_cashier'] as const })}
          onInvited={(s) => {
            setInviting(false);
            setNotice(t('invited', { name: s.name }));
            setSlip(s);
          }}
          onClose={() => setInviting(false)}
        />
      )}
      {change && (
        <UserChange
          key={`${change.kind}:${change.user.id}:${change.user.orgId}`}
          change={change}
          onDone={(text) => {
            setChange(null);
            setNotice(text);
          }}
          onClose={() => setChange(null)}
        />
      )}
      {slip && (
        <div className="code-list">
          <p className="caution">{t('slipOnce')}</p>
          <CodeSlip slip={slip} />
          <div className="actions">
            <button type="button" onClick={() => window.print()}>
              {t('print')}
            </button>
            <WhatsAppLink url={slip.whatsappUrl} />
            <button type="button" className="secondary" onClick={() => setSlip(null)}>
              {t('close')}
            </button>
          </div>
        </div>
      )}
      <QueryState query={users}>
        {(items) => (
          <DataTable data={items} columns={columns} empty={t('empty')} filterLabel={t('filter')} />
        )}
      </QueryState>
    </section>
  );
}
