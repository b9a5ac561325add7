import { useTranslation } from 'react-i18next';
import type { paths } from '../../app/api-types.ts';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import '../corrections/strings.ts';
import './strings.ts';

type Statement =
  paths['/api/v1/cooperatives/{id}/statements']['get']['responses'][200]['content']['application/json']['items'][number];
type Line = Statement['adjustments'][number] & { statementNumber: string };

/**
 * The "Penyesuaian" lines of a cooperative's statements: each reversal or buyer's refund on a
 * statement (the reversed document stays on the statement that billed it), with its date, the
 * document, the reason and what it changed the balance by. Nothing when no statement has one.
 */
export function StatementAdjustments({ statements }: { statements: Statement[] }) {
  const { t, i18n } = useTranslation('settlement');
  const { t: tc } = useTranslation('corrections');
  const lines: Line[] = statements.flatMap((s) =>
    s.adjustments.map((a) => ({ ...a, statementNumber: s.number })),
  );
  if (lines.length === 0) return null;
  const columns: Column<Line>[] = [
    {
      id: 'statement',
      header: t('adjustmentStatement'),
      accessorKey: 'statementNumber',
      cell: (c) => <span className="doc-number">{c.row.original.statementNumber}</span>,
    },
    dateColumn('date', t('date'), (a) => a.date, i18n.language),
    {
      id: 'document',
      header: t('document'),
      accessorFn: (a) =>
        a.docType === 'sale_refund'
          ? t('adjustmentRefund')
          : t('adjustmentOf', {
              doc: tc(`doc.${a.docType}`, { defaultValue: a.docType }),
              number: a.number ?? '',
            }).trim(),
    },
    { id: 'reason', header: t('adjustmentReason'), accessorKey: 'reason' },
    moneyColumn('amount', t('amount'), (a) => a.amount),
  ];
  return (
    <>
      <h3>{t('adjustments')}</h3>
      <p className="muted">{t('adjustmentsHint')}</p>
      <DataTable
        data={lines}
        columns={columns}
        empty={t('noStatements')}
        initialSort={[{ id: 'date', desc: true }]}
        pageSize={10}
      />
    </>
  );
}
