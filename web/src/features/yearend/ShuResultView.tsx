import { useTranslation } from 'react-i18next';
import type { paths } from '../../app/api-types.ts';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { rupiah } from '../../ui/format.ts';
import './shu-strings.ts';
import './statements.css';

export type ShuResult =
  paths['/api/v1/cooperatives/{id}/fiscal-years/{year}/shu-preview']['post']['responses'][200]['content']['application/json'];
type ShuMember = ShuResult['members'][number];

/** A year's SHU split: the allocation by key, then each member's SHU (searchable, paged; cards on phones). */
export function ShuResultView({ result }: { result: ShuResult }) {
  const { t } = useTranslation('yearEnd');
  const columns: Column<ShuMember>[] = [
    { id: 'memberNo', header: t('memberNo'), accessorKey: 'memberNo' },
    { id: 'name', header: t('name'), accessorKey: 'name' },
    moneyColumn('purchases', t('purchases'), (m) => m.purchases),
    moneyColumn('savings', t('savings'), (m) => m.savings),
    moneyColumn('jasaUsaha', t('memberJasaUsaha'), (m) => m.jasaUsaha),
    moneyColumn('jasaModal', t('memberJasaModal'), (m) => m.jasaModal),
    moneyColumn('total', t('total'), (m) => m.total),
  ];
  return (
    <>
      <h2>{t('allocation')}</h2>
      <table className="statement">
        <thead>
          <tr>
            <th>{t('key')}</th>
            <th className="amount">{t('percent')}</th>
            <th className="amount">{t('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {result.allocation.map((a) => (
            <tr key={a.key}>
              <td>{t(`k_${a.key}`)}</td>
              <td className="amount">{a.percent}%</td>
              <td className="amount">{rupiah(a.amount)}</td>
            </tr>
          ))}
          {result.allocation.some((a) => a.key === 'jasa_anggota') && (
            <>
              <tr>
                <td className="indent">{t('memberJasaUsaha')}</td>
                <td className="amount">{result.rules.jasaUsahaPercent}%</td>
                <td className="amount">{rupiah(result.jasaUsaha)}</td>
              </tr>
              <tr>
                <td className="indent">{t('memberJasaModal')}</td>
                <td className="amount">{result.rules.jasaModalPercent}%</td>
                <td className="amount">{rupiah(result.jasaModal)}</td>
              </tr>
            </>
          )}
        </tbody>
      </table>
      {result.undivided > 0 && (
        <p className="muted">{t('undivided', { amount: rupiah(result.undivided) })}</p>
      )}
      <h2>{t('members')}</h2>
      <DataTable
        data={result.members}
        columns={columns}
        empty={t('noMembers')}
        filterLabel={t('searchMembers')}
        pageSize={20}
      />
    </>
  );
}
