import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice, ProblemAlert } from '../../ui/forms.tsx';
import { businessDate } from '../../ui/format.ts';
import { LoadMore, QueryState } from '../../ui/QueryState.tsx';
import { AuthorizationForm } from './AuthorizationForm.tsx';
import type { ProgramCtx } from './data.ts';
import './participants.strings.ts';
import './strings.ts';

type Person = { nip: string; name: string };

/**
 * The program admin's participant list: search by NIP or name; per person whether they
 * activated, their surat kuasa (recorded here), what is open on them, and a new activation code.
 */
export function Participants({ ctx }: { ctx: ProgramCtx }) {
  const { t, i18n } = useTranslation('sembako');
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Person>();
  const [saved, setSaved] = useState<string>();
  const list = useInfiniteQuery({
    queryKey: ['sembako', 'participants', ctx.programId, q],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/programs/{programId}/participants', {
          params: {
            path: { programId: ctx.programId },
            query: { ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const reissue = useMutation({
    mutationFn: async (p: Person) => ({
      ...p,
      ...unwrap(
        await api.POST('/api/v1/programs/{programId}/participants/{nip}/code', {
          params: { path: { programId: ctx.programId, nip: p.nip } },
        }),
      ),
    }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sembako', 'participants'] }),
  });

  function search(e: FormEvent) {
    e.preventDefault();
    setQ(text.trim());
  }

  type Row = NonNullable<typeof list.data>['pages'][number]['items'][number];
  const lang = i18n.language;
  const columns: Column<Row>[] = [
    { id: 'nip', header: t('nip'), accessorFn: (r) => r.nip },
    { id: 'name', header: t('name'), accessorFn: (r) => r.name },
    { id: 'opd', header: t('opd'), accessorFn: (r) => r.opd },
    {
      id: 'account',
      header: t('accountStatus'),
      accessorFn: (r) => (r.activated ? t('activated') : t('notActivated')),
    },
    {
      id: 'suratKuasa',
      header: t('suratKuasa'),
      accessorFn: (r) => r.payrollAuthorization?.ref ?? '',
      cell: (c) => {
        const a = c.row.original.payrollAuthorization;
        if (!a) return t('suratKuasaNone');
        return (
          <>
            {t('suratKuasaOf', {
              ref: a.ref,
              date: a.signedOn ? businessDate(a.signedOn, lang) : '—',
            })}{' '}
            <a
              href={`/api/v1/programs/${ctx.programId}/participants/${c.row.original.nip}/payroll-authorization/scan`}
              target="_blank"
              rel="noopener"
            >
              {t('viewScan')}
            </a>
          </>
        );
      },
    },
    moneyColumn('open', t('openAmount'), (r) => r.open),
    {
      id: 'actions',
      header: t('actions'),
      enableSorting: false,
      accessorFn: () => '',
      cell: (c) => {
        const p = { nip: c.row.original.nip, name: c.row.original.name };
        return (
          <div className="row-actions">
            <button
              type="button"
              className="secondary"
              disabled={reissue.isPending}
              onClick={() => {
                setSaved(undefined);
                reissue.mutate(p);
              }}
            >
              {t('newCode')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setSaved(undefined);
                reissue.reset();
                setEditing(p);
              }}
            >
              {t('recordSuratKuasa')}
            </button>
          </div>
        );
      },
    },
  ];

  const issued = reissue.data;
  return (
    <>
      <h2>{t('participantsTitle')}</h2>
      <p className="muted">{t('participantsHint')}</p>
      <form className="form-row" role="search" onSubmit={search}>
        <Field label={t('searchParticipants')}>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <div className="actions">
          <button type="submit">{t('search')}</button>
        </div>
      </form>
      {issued && (
        <div>
          <Notice>
            {t('codeIssued', { name: issued.name, nip: issued.nip, code: issued.code })}
          </Notice>
          {issued.whatsappUrl && (
            <p>
              <a href={issued.whatsappUrl} target="_blank" rel="noopener">
                {t('sendWhatsApp')}
              </a>
            </p>
          )}
        </div>
      )}
      <ProblemAlert error={reissue.error} />
      {saved && <Notice>{saved}</Notice>}
      {editing && (
        <AuthorizationForm
          key={editing.nip}
          programId={ctx.programId}
          participant={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(ref) => {
            setSaved(t('suratKuasaSaved', { ref, name: editing.name }));
            setEditing(undefined);
            void client.invalidateQueries({ queryKey: ['sembako', 'participants'] });
          }}
        />
      )}
      <QueryState query={list}>
        {(data) => (
          <>
            <DataTable
              data={data.pages.flatMap((p) => p.items)}
              columns={columns}
              empty={t('noParticipants')}
              pageSize={50}
            />
            <LoadMore query={list} />
          </>
        )}
      </QueryState>
    </>
  );
}
