import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice, ProblemScope, SubmitRow } from '../../ui/forms.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { RegionPicker } from '../network/regions.tsx';
import '../delivery/hub.css';
import '../network/network.css';
import './strings.ts';

type Organization =
  paths['/api/v1/organizations']['get']['responses'][200]['content']['application/json']['items'][number];
type Kind = Organization['kind'];
const KINDS: Kind[] = ['government', 'employer'];

/**
 * The government bodies (a Dinas, a Pemkot) and payroll employers the network works with, by name;
 * a hub admin adds one for its Kemendagri region, then creates its users.
 */
export function OrganizationsPage() {
  const { t } = useTranslation('organizations');
  const { me } = useSession();
  const admin = me?.memberships.some((m) => m.orgKind === 'hub' && m.role === 'hub_admin');
  const organizations = useQuery({
    queryKey: ['organizations'],
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations')).items,
  });
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<Organization>();

  const columns: Column<Organization>[] = [
    {
      id: 'name',
      header: t('name'),
      accessorKey: 'name',
      cell: ({ row }) => <span className="wrap">{row.original.name}</span>,
    },
    { id: 'kind', header: t('kind'), accessorFn: (o) => t(`kind_${o.kind}`) },
    {
      id: 'region',
      header: t('region'),
      accessorFn: (o) => `${o.regionName} (${o.regionCode})`,
    },
  ];

  return (
    <section className="organizations">
      <div className="page-head">
        <h1>{t('title')}</h1>
        {admin && !adding && (
          <button
            type="button"
            onClick={() => {
              setSaved(undefined);
              setAdding(true);
            }}
          >
            {t('add')}
          </button>
        )}
      </div>
      <p className="muted">{t('intro')}</p>
      {saved && (
        <Notice>
          {t('saved', { name: saved.name, region: saved.regionName })}{' '}
          <Link to="/pengguna">{t('addUsers')}</Link>
        </Notice>
      )}
      {adding && (
        <OrganizationForm
          onDone={(o) => {
            setAdding(false);
            setSaved(o);
          }}
          onClose={() => setAdding(false)}
        />
      )}
      <QueryState query={organizations}>
        {(items) => (
          <DataTable data={items} columns={columns} empty={t('empty')} filterLabel={t('filter')} />
        )}
      </QueryState>
    </section>
  );
}

function OrganizationForm({
  onDone,
  onClose,
}: {
  onDone: (o: Organization) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('organizations');
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('government');
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** A field's message was about what it held before. */
  const edit =
    <T,>(field: string, set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setErrors(({ [field]: _, ...rest }) => rest);
    };
  const save = useMutation({
    mutationFn: async (body: { kind: Kind; name: string; regionCode: string }) =>
      unwrap(await api.POST('/api/v1/organizations', { body })),
    onSuccess: async (o) => {
      await client.invalidateQueries({ queryKey: ['organizations'] });
      onDone(o);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('required');
    if (!region) errs.region = t('required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({ kind, name: name.trim(), regionCode: region });
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h2>{t('newOrganization')}</h2>
        <Field label={t('kind')} error={errors.kind} path="/kind">
          <select value={kind} onChange={(e) => edit('kind', setKind)(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind_${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('name')} error={errors.name} hint={t('nameHint')} path="/name">
          <input
            value={name}
            maxLength={200}
            onChange={(e) => edit('name', setName)(e.target.value)}
          />
        </Field>
        <fieldset className="region">
          <legend>{t('region')}</legend>
          <RegionPicker
            value={region}
            onChange={edit('region', setRegion)}
            error={errors.region}
            path="/regionCode"
          />
        </fieldset>
        <SubmitRow
          error={save.error}
          pending={save.isPending}
          label={t('submit')}
          busyLabel={t('saving')}
          close={{ label: t('close'), onClick: onClose }}
        />
      </ProblemScope>
    </form>
  );
}
