import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { DataTable, dateColumn, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice } from '../../ui/forms.tsx';
import { NumberSearch } from '../../ui/NumberSearch.tsx';
import { LoadMore, QueryState } from '../../ui/QueryState.tsx';
import { AddMemberForm } from './AddMemberForm.tsx';
import { MemberImport } from './MemberImport.tsx';
import { fileUrls, useMembers, type MemberRow, type MemberStatus } from './members-api.ts';
import { membersAccess } from './member-format.ts';
import { NoAccess } from './NoAccess.tsx';
import { SavingsRulesPanel } from './SavingsRulesPanel.tsx';
import '../delivery/hub.css';
import './members.css';
import './strings.ts';

const STATUSES: MemberStatus[] = ['active', 'left', 'deceased'];

/**
 * A cooperative's members: searched on the server (number, name, NIK prefix, phone) and by status,
 * each row opening the member's page; its manager adds members one by one or from a file,
 * exports them, and sets the savings rules. The hub's admin reads.
 */
export function MembersPage() {
  const { t } = useTranslation('members');
  const { id = '' } = useParams();
  const { me } = useSession();
  const access = membersAccess(me?.memberships ?? [], id);
  if (access === 'none') return <NoAccess title={t('list.title')} message={t('list.noAccess')} />;
  return <MembersList id={id} manage={access === 'manage'} />;
}

function MembersList({ id, manage }: { id: string; manage: boolean }) {
  const { t, i18n } = useTranslation('members');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<MemberStatus | ''>('active');
  const q = useDeferredValue(search.trim());
  const members = useMembers(id, q, status);
  const [panel, setPanel] = useState<'add' | 'import' | null>(null);
  const [notice, setNotice] = useState<{ text: string; memberId: string } | null>(null);

  const columns: Column<MemberRow>[] = [
    {
      id: 'memberNo',
      header: t('memberNo'),
      accessorKey: 'memberNo',
      cell: ({ row }) => (
        <Link to={`/koperasi/${id}/anggota/${row.original.id}`}>{row.original.memberNo}</Link>
      ),
    },
    {
      id: 'name',
      header: t('name'),
      accessorKey: 'name',
      cell: ({ row }) => (
        <Link className="wrap" to={`/koperasi/${id}/anggota/${row.original.id}`}>
          {row.original.name}
        </Link>
      ),
    },
    { id: 'nik', header: t('nik'), accessorKey: 'nik' },
    dateColumn('joinedOn', t('joinedOn'), (m) => m.joinedOn, i18n.language),
    { id: 'status', header: t('status'), accessorFn: (m) => t(`status_${m.status}`) },
    { id: 'role', header: t('role'), accessorFn: (m) => (m.role ? t(`role_${m.role}`) : '') },
    { id: 'phone', header: t('phone'), accessorFn: (m) => m.phone ?? '' },
  ];

  return (
    <section className="members">
      <div className="page-head">
        <h1>{t('list.title')}</h1>
        {manage && (
          <div className="actions">
            <button type="button" onClick={() => setPanel(panel === 'add' ? null : 'add')}>
              {t('list.add')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => setPanel(panel === 'import' ? null : 'import')}
            >
              {t('list.import')}
            </button>
            <a className="button secondary" href={fileUrls.export(id, 'csv')} download>
              {t('list.exportCsv')}
            </a>
            <a className="button secondary" href={fileUrls.export(id, 'xlsx')} download>
              {t('list.exportXlsx')}
            </a>
          </div>
        )}
      </div>
      {!manage && <p className="muted">{t('list.readOnly')}</p>}
      {manage && (
        <p>
          <Link to={`/koperasi/${id}/anggota/tunggakan`}>{t('list.arrears')}</Link>
        </p>
      )}
      {notice && (
        <Notice>
          {notice.text}{' '}
          <Link to={`/koperasi/${id}/anggota/${notice.memberId}`}>{t('add.open')}</Link>
        </Notice>
      )}
      {panel === 'add' && (
        <AddMemberForm
          cooperativeId={id}
          onDone={(text, memberId) => {
            setPanel(null);
            setNotice({ text, memberId });
          }}
          onClose={() => setPanel(null)}
        />
      )}
      {panel === 'import' && <MemberImport cooperativeId={id} onClose={() => setPanel(null)} />}
      <div className="filters">
        <NumberSearch
          label={t('list.search')}
          hint={t('list.searchHint')}
          value={search}
          onChange={setSearch}
        />
        <Field label={t('list.statusFilter')}>
          <select value={status} onChange={(e) => setStatus(e.target.value as MemberStatus | '')}>
            <option value="">{t('list.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <QueryState query={members}>
        {(data) => {
          const rows = data.pages.flatMap((p) => p.items);
          return (
            <>
              <DataTable data={rows} columns={columns} empty={t('list.empty')} pageSize={50} />
              <p className="muted">{t('list.count', { count: rows.length })}</p>
              <LoadMore query={members} />
            </>
          );
        }}
      </QueryState>
      {manage && <SavingsRulesPanel cooperativeId={id} />}
    </section>
  );
}
