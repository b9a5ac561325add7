import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api.ts';
import { useSession } from '../../../app/session.tsx';
import { DataTable, dateColumn, type Column } from '../../../ui/DataTable.tsx';
import { Field } from '../../../ui/forms.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { mayReverse } from '../../corrections/may-reverse.ts';
import {
  reversalColumn,
  reversibleMoneyColumn,
  useReverseDialog,
} from '../../corrections/ReverseButton.tsx';
import './strings.ts';

type Kind = 'returns' | 'stock-counts';

async function fetchDocuments(id: string, kind: Kind, q: string) {
  const params = { path: { id }, query: { limit: '100', ...(q ? { q } : {}) } };
  return kind === 'returns'
    ? unwrap(await api.GET('/api/v1/cooperatives/{id}/returns', { params }))
    : unwrap(await api.GET('/api/v1/cooperatives/{id}/stock-counts', { params }));
}
type Row = Awaited<ReturnType<typeof fetchDocuments>>['items'][number];

/** "Retur & opname": the cooperative's returns and stock counts, found by number, each reversible. */
export function StockDocumentsTab({ id }: { id: string }) {
  const { t } = useTranslation('stockDocuments');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };
  return (
    <>
      <form className="search" onSubmit={search} role="search">
        <Field label={t('search')} hint={t('searchHint')}>
          <input
            type="search"
            maxLength={60}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <div className="actions">
          <button type="submit">{t('searchButton')}</button>
        </div>
      </form>
      <Documents id={id} kind="returns" q={q} />
      <Documents id={id} kind="stock-counts" q={q} />
    </>
  );
}

function Documents({ id, kind, q }: { id: string; kind: Kind; q: string }) {
  const { t, i18n } = useTranslation('stockDocuments');
  const { t: tc } = useTranslation('corrections');
  const { me } = useSession();
  const reversal = useReverseDialog();
  const docType = kind === 'returns' ? 'return' : 'stock_count';
  const allowed = mayReverse(me?.memberships ?? [], { docType, cooperativeId: id });
  const list = useQuery({
    queryKey: [kind, id, q],
    queryFn: () => fetchDocuments(id, kind, q),
  });
  // A count lists every product counted; only its differences say what it changed.
  const lineText = (r: Row) => {
    const lines = kind === 'returns' ? r.lines : r.lines.filter((l) => l.quantity !== 0);
    if (lines.length === 0) return t('noDifference');
    return lines
      .map((l) =>
        kind === 'returns'
          ? t('returnLine', { product: l.productName, qty: l.quantity })
          : t('countLine', {
              product: l.productName,
              qty: l.quantity > 0 ? `+${l.quantity}` : String(l.quantity),
            }),
      )
      .join(', ');
  };
  const columns: Column<Row>[] = [
    {
      id: 'number',
      header: t('translation:documentNumber'),
      accessorKey: 'number',
      cell: ({ row }) => <span className="doc-number">{row.original.number}</span>,
    },
    dateColumn('date', t('translation:date'), (r) => r.date, i18n.language),
    { id: 'lines', header: t('lines'), accessorFn: lineText, enableSorting: false },
    reversibleMoneyColumn<Row>(
      'value',
      kind === 'returns' ? t('returnValue') : t('shrinkage'),
      (r) => r.value ?? 0,
    ),
    reversalColumn<Row>(
      tc('column'),
      docType,
      (r) => `${tc(`doc.${docType}`)} ${r.number}`,
      () => allowed,
      reversal.open,
    ),
  ];
  return (
    <>
      <h2>{kind === 'returns' ? t('returns') : t('counts')}</h2>
      {reversal.dialog}
      <QueryState query={list}>
        {(d) => (
          <DataTable
            data={d.items}
            columns={columns}
            empty={kind === 'returns' ? t('noReturns') : t('noCounts')}
          />
        )}
      </QueryState>
    </>
  );
}
