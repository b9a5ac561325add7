import { isValidMonth, lastDayOfMonth } from '../shared/business-date.ts';
import { DomainError } from '../shared/errors.ts';

/** A whole year, or a month range (YYYY-MM) within one year. */
export type StatementsPeriod = { year: number } | { from: string; to: string };

function invalidPeriod(message: string, messageEn: string): DomainError {
  return new DomainError('ValidationFailed', {
    message,
    messageEn,
    details: [{ path: '/query', message, messageEn }],
  });
}

/**
 * The period asked for and its comparative: a year and the year before it,
 * or a month range within one year and the same months a year earlier.
 */
export function statementsPeriods(p: StatementsPeriod): {
  from: string;
  to: string;
  previous: { from: string; to: string };
} {
  if ('year' in p) {
    const y = p.year;
    return {
      from: `${y}-01-01`,
      to: `${y}-12-31`,
      previous: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
    };
  }
  if (!isValidMonth(p.from) || !isValidMonth(p.to))
    throw invalidPeriod('Bulan harus berbentuk YYYY-MM', 'Months must be YYYY-MM');
  if (p.from.slice(0, 4) !== p.to.slice(0, 4) || p.from > p.to)
    throw invalidPeriod(
      'Rentang bulan harus dalam satu tahun dan berurutan',
      'The month range must lie within one year, from before to',
    );
  const back = (m: string) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
  return {
    from: `${p.from}-01`,
    to: lastDayOfMonth(p.to),
    previous: { from: `${back(p.from)}-01`, to: lastDayOfMonth(back(p.to)) },
  };
}
