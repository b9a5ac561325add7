import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  isValidBusinessDate,
  isValidMonth,
  isoWeekday,
  lastDayOfMonth,
  maxDate,
  minDate,
  monthOf,
  overlapDays,
  wibDateOf,
} from './business-date.ts';

describe('wibDateOf', () => {
  it('turns to the next day at midnight WIB (17:00 UTC)', () => {
    expect(wibDateOf(new Date('2026-03-09T17:00:00Z'))).toBe('2026-03-10');
  });

  it('is still the same day one second before midnight WIB', () => {
    expect(wibDateOf(new Date('2026-03-09T16:59:59Z'))).toBe('2026-03-09');
    expect(wibDateOf(new Date('2026-03-09T16:59:59.999Z'))).toBe('2026-03-09');
  });

  it('is the same date for the early UTC hours', () => {
    expect(wibDateOf(new Date('2026-03-09T00:00:00Z'))).toBe('2026-03-09');
  });

  it('crosses month and year ends in WIB before UTC does', () => {
    expect(wibDateOf(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
    expect(wibDateOf(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(wibDateOf(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
  });

  it('reads an instant written with an offset by its real moment', () => {
    expect(wibDateOf(new Date('2026-03-10T00:30:00+07:00'))).toBe('2026-03-10');
  });
});

describe('isValidBusinessDate', () => {
  it.each(['2026-03-10', '2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31'])(
    'accepts %s',
    (value) => {
      expect(isValidBusinessDate(value)).toBe(true);
    },
  );

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-03-00',
    '2026-3-10',
    '10-03-2026',
    '2026-03-10T00:00:00Z',
    '2026/03/10',
    '',
  ])('rejects %j', (value) => {
    expect(isValidBusinessDate(value)).toBe(false);
  });
});

describe('isValidMonth', () => {
  it('accepts YYYY-MM with months 01 to 12', () => {
    expect(isValidMonth('2026-01')).toBe(true);
    expect(isValidMonth('2026-12')).toBe(true);
  });

  it.each(['2026-00', '2026-13', '2026-3', '2026-03-01', '202603', ''])('rejects %j', (value) => {
    expect(isValidMonth(value)).toBe(false);
  });
});

describe('addDays and daysBetween', () => {
  it('add days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-03-10', 14)).toBe('2026-03-24');
    expect(addDays('2026-03-31', 14)).toBe('2026-04-14');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-10', 0)).toBe('2026-03-10');
  });

  it('count whole days, positive when the second date is later', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2026-03-10', '2026-03-10')).toBe(0);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
});

describe('months', () => {
  it('monthOf and firstDayOfMonth', () => {
    expect(monthOf('2026-03-10')).toBe('2026-03');
    expect(firstDayOfMonth('2026-03')).toBe('2026-03-01');
  });

  it.each([
    ['2026-01', '2026-01-31', 31],
    ['2026-02', '2026-02-28', 28],
    ['2028-02', '2028-02-29', 29],
    ['2000-02', '2000-02-29', 29],
    ['2100-02', '2100-02-28', 28],
    ['2026-04', '2026-04-30', 30],
    ['2026-12', '2026-12-31', 31],
  ])('the last day of %s is %s (%i days)', (month, last, days) => {
    expect(lastDayOfMonth(month)).toBe(last);
    expect(daysInMonth(month)).toBe(days);
  });

  it('addMonths moves across year ends in both directions', () => {
    expect(addMonths('2026-03', 0)).toBe('2026-03');
    expect(addMonths('2026-03', 1)).toBe('2026-04');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-12', 12)).toBe('2027-12');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2026-03-09', 1],
    ['2026-03-10', 2],
    ['2026-01-01', 4],
    ['2026-03-14', 6],
    ['2026-03-15', 7],
    ['2028-02-29', 2],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });
});

describe('overlapDays', () => {
  const from = '2026-03-01';
  const to = '2026-03-31';

  it('counts the whole period when the interval covers it, open-ended or not', () => {
    expect(overlapDays(from, to, '2025-01-01', null)).toBe(31);
    expect(overlapDays(from, to, '2026-03-01', '2026-03-31')).toBe(31);
    expect(overlapDays(from, to, '2025-01-01', '2027-01-01')).toBe(31);
  });

  it('counts from a mid-period start, both ends inclusive', () => {
    expect(overlapDays(from, to, '2026-03-15', null)).toBe(17);
    expect(overlapDays(from, to, '2026-03-31', null)).toBe(1);
  });

  it('counts up to a mid-period end, inclusive', () => {
    expect(overlapDays(from, to, '2025-01-01', '2026-03-10')).toBe(10);
    expect(overlapDays(from, to, '2025-01-01', '2026-03-01')).toBe(1);
  });

  it('counts an interval wholly inside the period', () => {
    expect(overlapDays(from, to, '2026-03-10', '2026-03-20')).toBe(11);
    expect(overlapDays(from, to, '2026-03-10', '2026-03-10')).toBe(1);
  });

  it('is zero when the interval starts after or ends before the period', () => {
    expect(overlapDays(from, to, '2026-04-01', null)).toBe(0);
    expect(overlapDays(from, to, '2025-01-01', '2026-02-28')).toBe(0);
  });
});

describe('minDate and maxDate', () => {
  it('pick the earlier and the later date', () => {
    expect(minDate('2026-03-10', '2026-02-28')).toBe('2026-02-28');
    expect(maxDate('2026-03-10', '2026-02-28')).toBe('2026-03-10');
    expect(minDate('2025-12-31', '2026-01-01')).toBe('2025-12-31');
    expect(maxDate('2026-03-10', '2026-03-10')).toBe('2026-03-10');
  });
});
