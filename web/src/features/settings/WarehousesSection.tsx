import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Field, ProblemScope, SubmitRow } from '../../ui/forms.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useWarehouses } from './warehouses-data.ts';
import './strings.ts';

type Warehouse =
  paths['/api/v1/hub/warehouses']['get']['responses'][200]['content']['application/json']['items'][number];

/** The hub's warehouses and a form to add one (the first thing a hub without any needs). */
export function WarehousesSection() {
  const { t } = useTranslation('settings', { keyPrefix: 'warehouses' });
  const client = useQueryClient();
  const warehouses = useWarehouses();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState('');
  const add = useMutation({
    mutationFn: async (body: { name: string; address?: string }) =>
      unwrap(await api.POST('/api/v1/hub/warehouses', { body })),
    onMutate: () => setNotice(''),
    onSuccess: async (_r, body) => {
      setNotice(t('saved', { name: body.name }));
      setName('');
      setAddress('');
      await client.invalidateQueries({ queryKey: ['warehouses'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(t('required'));
      return;
    }
    setError(undefined);
    add.mutate({ name: name.trim(), ...(address.trim() ? { address: address.trim() } : {}) });
  };
  const columns: Column<Warehouse>[] = [
    { id: 'name', header: t('name'), accessorKey: 'name' },
    {
      id: 'address',
      header: t('address'),
      accessorFn: (w) => w.address ?? '',
      cell: ({ row }) => <span className="wrap">{row.original.address ?? ''}</span>,
    },
    {
      id: 'kind',
      header: t('kind'),
      accessorFn: (w) => (w.isDefault ? t('main') : t('other')),
    },
  ];
  return (
    <>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <QueryState query={warehouses}>
        {(items) =>
          items.length === 0 ? (
            <p className="caution" role="status">
              {t('none')}
            </p>
          ) : (
            <DataTable data={items} columns={columns} empty={t('none')} filterLabel={t('filter')} />
          )
        }
      </QueryState>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemScope error={add.error}>
          <h3>{t('addTitle')}</h3>
          <div className="form-row">
            <Field label={t('name')} error={error} path="/name">
              <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field label={t('address')} path="/address">
              <input value={address} maxLength={300} onChange={(e) => setAddress(e.target.value)} />
            </Field>
          </div>
          <SubmitRow
            error={add.error}
            notice={notice}
            pending={add.isPending}
            label={t('submit')}
            busyLabel={t('saving')}
          />
        </ProblemScope>
      </form>
    </>
  );
}
