import { describe, expect, it } from 'vitest';
import { OVERDUE_LIMIT_DAYS, proRataSubsidy, subsidyEligibility } from './subsidy-rules.ts';

const MONTHLY = 2_000_000;
const NO_ACTIVITY = 'Tidak ada penjualan atau stok opname yang dilaporkan bulan ini';
const lateReason = (dueDate: string) =>
  `Tagihan lewat jatuh tempo lebih dari 30 hari per akhir bulan (jatuh tempo ${dueDate})`;

describe('proRataSubsidy', () => {
  it('gives the full monthly amount for a whole month', () => {
    expect(proRataSubsidy(MONTHLY, '2026-03', '2025-07-01', null)).toEqual({
      activeDays: 31,
      daysInMonth: 31,
      amount: 2_000_000,
    });
    expect(proRataSubsidy(MONTHLY, '2026-02', '2025-07-01', '2026-12-31')).toEqual({
      activeDays: 28,
      daysInMonth: 28,
      amount: 2_000_000,
    });
  });

  it('gives the full amount when the participation starts on the 1st', () => {
    expect(proRataSubsidy(MONTHLY, '2026-03', '2026-03-01', null).amount).toBe(2_000_000);
  });

  it('prorates a cooperative that joined mid-month, rounded down', () => {
    // 15–31 March: 17 of 31 days; 2,000,000 × 17 / 31 = 1,096,774.19…
    expect(proRataSubsidy(MONTHLY, '2026-03', '2026-03-15', null)).toEqual({
      activeDays: 17,
      daysInMonth: 31,
      amount: 1_096_774,
    });
  });

  it('prorates a participation that ended mid-month, end day included', () => {
    // 1–10 March: 2,000,000 × 10 / 31 = 645,161.29…
    expect(proRataSubsidy(MONTHLY, '2026-03', '2025-07-01', '2026-03-10')).toEqual({
      activeDays: 10,
      daysInMonth: 31,
      amount: 645_161,
    });
  });

  it('prorates a participation that started and ended inside the month', () => {
    // 10–20 April: 11 of 30 days; 2,000,000 × 11 / 30 = 733,333.33…
    expect(proRataSubsidy(MONTHLY, '2026-04', '2026-04-10', '2026-04-20')).toEqual({
      activeDays: 11,
      daysInMonth: 30,
      amount: 733_333,
    });
  });

  it('uses the days of the month, including a leap February', () => {
    expect(proRataSubsidy(MONTHLY, '2026-02', '2026-02-15', null)).toEqual({
      activeDays: 14,
      daysInMonth: 28,
      amount: 1_000_000,
    });
    // 15–29 February 2028: 15 of 29 days; 2,000,000 × 15 / 29 = 1,034,482.75…
    expect(proRataSubsidy(MONTHLY, '2028-02', '2028-02-15', null)).toEqual({
      activeDays: 15,
      daysInMonth: 29,
      amount: 1_034_482,
    });
  });

  it('gives one day on the first or last day of activity', () => {
    // 2,000,000 / 31 = 64,516.12…
    expect(proRataSubsidy(MONTHLY, '2026-03', '2026-03-31', null).amount).toBe(64_516);
    expect(proRataSubsidy(MONTHLY, '2026-03', '2025-07-01', '2026-03-01').amount).toBe(64_516);
  });

  it('gives nothing when the participation was not active in the month', () => {
    expect(proRataSubsidy(MONTHLY, '2026-03', '2026-04-01', null)).toEqual({
      activeDays: 0,
      daysInMonth: 31,
      amount: 0,
    });
    expect(proRataSubsidy(MONTHLY, '2026-03', '2025-07-01', '2026-02-28')).toEqual({
      activeDays: 0,
      daysInMonth: 31,
      amount: 0,
    });
  });

  it('applies a non-default monthly amount', () => {
    // 1,500,000 × 17 / 31 = 822,580.64…
    expect(proRataSubsidy(1_500_000, '2026-03', '2026-03-15', null).amount).toBe(822_580);
  });

  it('refuses a monthly amount that is not whole rupiah', () => {
    expect(() => proRataSubsidy(2_000_000.5, '2026-03', '2026-03-15', null)).toThrow(
      /safe integer/,
    );
  });
});

describe('subsidyEligibility', () => {
  const monthEnd = '2026-03-31';
  const active = { sales: 12, counts: 0 };

  it('is eligible with activity and nothing overdue', () => {
    expect(subsidyEligibility(active, [], monthEnd)).toEqual({ eligible: true, reason: null });
  });

  it('counts a stock count alone as activity', () => {
    expect(subsidyEligibility({ sales: 0, counts: 1 }, [], monthEnd)).toEqual({
      eligible: true,
      reason: null,
    });
  });

  it('refuses a cooperative that reported no sale and no stock count', () => {
    expect(subsidyEligibility({ sales: 0, counts: 0 }, [], monthEnd)).toEqual({
      eligible: false,
      reason: NO_ACTIVITY,
    });
  });

  it('the overdue limit is 30 days', () => {
    expect(OVERDUE_LIMIT_DAYS).toBe(30);
  });

  it('stays eligible with a statement exactly 30 days past due at month end', () => {
    // Due 1 March, month end 31 March: 30 days.
    expect(
      subsidyEligibility(active, [{ dueDate: '2026-03-01', outstanding: 500_000 }], monthEnd),
    ).toEqual({ eligible: true, reason: null });
  });

  it('refuses a cooperative with a statement more than 30 days past due at month end', () => {
    // Due 28 February, month end 31 March: 31 days.
    expect(
      subsidyEligibility(active, [{ dueDate: '2026-02-28', outstanding: 1 }], monthEnd),
    ).toEqual({ eligible: false, reason: lateReason('2026-02-28') });
  });

  it('does not count statements that are paid', () => {
    expect(
      subsidyEligibility(active, [{ dueDate: '2025-11-14', outstanding: 0 }], monthEnd),
    ).toEqual({ eligible: true, reason: null });
  });

  it('does not count statements not yet due or only recently due', () => {
    expect(
      subsidyEligibility(
        active,
        [
          { dueDate: '2026-03-14', outstanding: 300_000 },
          { dueDate: '2026-04-14', outstanding: 200_000 },
        ],
        monthEnd,
      ),
    ).toEqual({ eligible: true, reason: null });
  });

  it('names the first late statement among several', () => {
    expect(
      subsidyEligibility(
        active,
        [
          { dueDate: '2026-01-14', outstanding: 0 },
          { dueDate: '2026-02-14', outstanding: 100_000 },
          { dueDate: '2026-02-27', outstanding: 100_000 },
        ],
        monthEnd,
      ),
    ).toEqual({ eligible: false, reason: lateReason('2026-02-14') });
  });

  it('gives both reasons when both rules fail', () => {
    expect(
      subsidyEligibility(
        { sales: 0, counts: 0 },
        [{ dueDate: '2026-01-14', outstanding: 250_000 }],
        monthEnd,
      ),
    ).toEqual({ eligible: false, reason: `${NO_ACTIVITY}; ${lateReason('2026-01-14')}` });
  });

  it('measures past due at the end of the month being run, not another day', () => {
    const statement = [{ dueDate: '2026-01-30', outstanding: 100_000 }];
    // 29 days to 28 February, 60 days to 31 March.
    expect(subsidyEligibility(active, statement, '2026-02-28').eligible).toBe(true);
    expect(subsidyEligibility(active, statement, '2026-03-31').eligible).toBe(false);
  });
});
