import { useTranslation } from 'react-i18next';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { rupiah } from '../../ui/format.ts';
import './participants.strings.ts';
import './strings.ts';

interface Open {
  sponsorOpen: { subsidy: number; deducted: number; paid: number; open: number };
  opdOpen: { opd: string; due: number; deducted: number; collected: number; open: number }[];
}

/** Who still owes what for the period: the sponsor (subsidy and deductions not paid over) and each OPD (deductions not received). */
export function OpenAmounts({ recon }: { recon: Open }) {
  const { t } = useTranslation('sembako');
  const s = recon.sponsorOpen;
  type Row = Open['opdOpen'][number];
  const columns: Column<Row>[] = [
    { id: 'opd', header: t('opd'), accessorFn: (r) => r.opd },
    moneyColumn('due', t('due'), (r) => r.due),
    moneyColumn('deducted', t('deducted'), (r) => r.deducted),
    moneyColumn('collected', t('collected'), (r) => r.collected),
    moneyColumn('open', t('open'), (r) => r.open, { warn: (r) => r.open > 0 }),
  ];
  return (
    <section aria-labelledby="open-amounts">
      <h3 id="open-amounts">{t('openTitle')}</h3>
      <div className="cards">
        <div className="card" data-testid="sponsor-open">
          <span>{t('sponsorOpen')}</span>
          <strong>{rupiah(s.open)}</strong>
          <small className="muted">
            {t('sponsorOpenHint', {
              subsidy: rupiah(s.subsidy),
              deducted: rupiah(s.deducted),
              paid: rupiah(s.paid),
            })}
          </small>
        </div>
      </div>
      <h4>{t('opdOpenTitle')}</h4>
      <DataTable
        data={recon.opdOpen}
        columns={columns}
        empty={t('noOpdOpen')}
        filterLabel={t('opd')}
        initialSort={[{ id: 'open', desc: true }]}
      />
    </section>
  );
}
