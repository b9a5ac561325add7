import { useTranslation } from 'react-i18next';
import { rupiah } from '../../ui/format.ts';
import './strings.ts';

/** What is owed by how late it is: not yet due, then 1–30, 31–60, 61–90 and over 90 days past due. */
export type AgingBuckets = {
  current: number;
  d1to30: number;
  d31to60: number;
  d61to90: number;
  d90plus: number;
};

/** The buckets in order, each with the key of its label in the settlement strings. */
export const BUCKETS: { key: keyof AgingBuckets; label: string }[] = [
  { key: 'current', label: 'notDue' },
  { key: 'd1to30', label: 'd1to30' },
  { key: 'd31to60', label: 'd31to60' },
  { key: 'd61to90', label: 'd61to90' },
  { key: 'd90plus', label: 'd90plus' },
];

/** The five aging buckets as labelled values. */
export function AgingList({ aging }: { aging: AgingBuckets }) {
  const { t } = useTranslation('settlement');
  return (
    <dl className="aging">
      {BUCKETS.map((b) => (
        <div key={b.key}>
          <dt>{t(b.label)}</dt>
          <dd>{rupiah(aging[b.key])}</dd>
        </div>
      ))}
    </dl>
  );
}
