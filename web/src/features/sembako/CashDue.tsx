import { useTranslation } from 'react-i18next';
import { monthName, rupiah } from '../../ui/format.ts';
import './participants.strings.ts';

/**
 * At the pickup desk: the failed payroll deductions the participant pays in cash here, per
 * month, and the cashier's confirmation that the cash was taken.
 */
export function CashDue({
  due,
  taken,
  onTaken,
  error,
}: {
  due: { month: string; amount: number }[];
  taken: boolean;
  onTaken: (taken: boolean) => void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation('sembako');
  const total = due.reduce((sum, d) => sum + d.amount, 0);
  return (
    <div className="cash-due">
      <h3>{t('cashDueTitle')}</h3>
      <ul>
        {due.map((d) => (
          <li key={d.month}>
            {t('cashDueLine', {
              month: monthName(d.month, i18n.language),
              amount: rupiah(d.amount),
            })}
          </li>
        ))}
      </ul>
      <label className="check">
        <input type="checkbox" checked={taken} onChange={(e) => onTaken(e.target.checked)} />{' '}
        {t('cashReceived', { amount: rupiah(total) })}
      </label>
      {error && (
        <p role="alert" className="state error">
          {error}
        </p>
      )}
    </div>
  );
}
