import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/business-date.ts';
import {
  ageBalance,
  agingBucket,
  allocateOldestFirst,
  type BilledStatement,
} from './settlement-math.ts';

/** Three monthly statements, oldest first, due 14 days after period end. */
const statements: BilledStatement[] = [
  { id: 'jan', periodEnd: '2026-01-31', dueDate: '2026-02-14', billed: 100_000 },
  { id: 'feb', periodEnd: '2026-02-28', dueDate: '2026-03-14', billed: 200_000 },
  { id: 'mar', periodEnd: '2026-03-31', dueDate: '2026-04-14', billed: 300_000 },
];

describe('allocateOldestFirst', () => {
  it('pays the oldest statement first and leaves the newer ones open', () => {
    expect(allocateOldestFirst(statements, 100_000)).toEqual({
      outstanding: [0, 200_000, 300_000],
      unusedCredit: 0,
    });
  });

  it('pays a statement partly once the older ones are settled', () => {
    expect(allocateOldestFirst(statements, 250_000)).toEqual({
      outstanding: [0, 50_000, 300_000],
      unusedCredit: 0,
    });
    expect(allocateOldestFirst(statements, 40_000)).toEqual({
      outstanding: [60_000, 200_000, 300_000],
      unusedCredit: 0,
    });
  });

  it('settles everything with exact credit and nothing left over', () => {
    expect(allocateOldestFirst(statements, 600_000)).toEqual({
      outstanding: [0, 0, 0],
      unusedCredit: 0,
    });
  });

  it('returns credit beyond all statements as unused', () => {
    expect(allocateOldestFirst(statements, 725_000)).toEqual({
      outstanding: [0, 0, 0],
      unusedCredit: 125_000,
    });
    expect(allocateOldestFirst([], 50_000)).toEqual({ outstanding: [], unusedCredit: 50_000 });
  });

  it('leaves every statement open without credit; negative credit counts as none', () => {
    const none = { outstanding: [100_000, 200_000, 300_000], unusedCredit: 0 };
    expect(allocateOldestFirst(statements, 0)).toEqual(none);
    expect(allocateOldestFirst(statements, -50_000)).toEqual(none);
  });

  it('skips over a statement with nothing billed', () => {
    const withEmpty: BilledStatement[] = [
      { id: 'jan', periodEnd: '2026-01-31', dueDate: '2026-02-14', billed: 0 },
      { id: 'feb', periodEnd: '2026-02-28', dueDate: '2026-03-14', billed: 200_000 },
    ];
    expect(allocateOldestFirst(withEmpty, 150_000)).toEqual({
      outstanding: [0, 50_000],
      unusedCredit: 0,
    });
  });

  it('allocates in the order given, which the caller keeps oldest first', () => {
    const reversed = [...statements].reverse();
    expect(allocateOldestFirst(reversed, 350_000).outstanding).toEqual([0, 150_000, 100_000]);
  });

  it('never leaves the total outstanding plus unused credit different from billed minus credit', () => {
    for (const credit of [0, 1, 99_999, 100_000, 100_001, 333_333, 600_000, 600_001]) {
      const { outstanding, unusedCredit } = allocateOldestFirst(statements, credit);
      const open = outstanding.reduce((a, b) => a + b, 0);
      expect(open - unusedCredit).toBe(600_000 - credit);
    }
  });
});

describe('agingBucket', () => {
  const due = '2026-03-14';

  it.each([
    [-10, 'current'],
    [0, 'current'],
    [1, 'd1to30'],
    [30, 'd1to30'],
    [31, 'd31to60'],
    [60, 'd31to60'],
    [61, 'd61to90'],
    [90, 'd61to90'],
    [91, 'd90plus'],
    [400, 'd90plus'],
  ] as const)('%i days past due is %s', (late, bucket) => {
    expect(agingBucket(due, addDays(due, late))).toBe(bucket);
  });

  it('counts calendar days across month ends', () => {
    // Due 31 January, seen 2 March: 30 days late (February 2026 has 28 days).
    expect(agingBucket('2026-01-31', '2026-03-02')).toBe('d1to30');
    expect(agingBucket('2026-01-31', '2026-03-03')).toBe('d31to60');
  });
});

describe('ageBalance', () => {
  const asOf = '2026-04-20';

  it('puts each outstanding statement in its bucket by days past due', () => {
    const aged: BilledStatement[] = [
      { id: 'a', periodEnd: '2025-12-31', dueDate: '2026-01-14', billed: 400_000 }, // 96 days
      { id: 'b', periodEnd: '2026-01-31', dueDate: '2026-02-14', billed: 300_000 }, // 65 days
      { id: 'c', periodEnd: '2026-02-28', dueDate: '2026-03-14', billed: 200_000 }, // 37 days
      { id: 'd', periodEnd: '2026-03-31', dueDate: '2026-04-14', billed: 100_000 }, // 6 days
      { id: 'e', periodEnd: '2026-04-15', dueDate: '2026-04-29', billed: 50_000 }, // not yet due
    ];
    expect(ageBalance(aged, [400_000, 300_000, 150_000, 100_000, 50_000], 0, 0, asOf)).toEqual({
      current: 50_000,
      d1to30: 100_000,
      d31to60: 150_000,
      d61to90: 300_000,
      d90plus: 400_000,
    });
  });

  it('adds statements that share a bucket and ignores paid ones', () => {
    expect(ageBalance(statements, [0, 50_000, 300_000], 0, 0, asOf)).toEqual({
      current: 0,
      d1to30: 300_000,
      d31to60: 50_000,
      d61to90: 0,
      d90plus: 0,
    });
  });

  it('treats a missing outstanding amount as paid', () => {
    expect(ageBalance(statements, [100_000], 0, 0, asOf)).toEqual({
      current: 0,
      d1to30: 0,
      d31to60: 0,
      d61to90: 100_000,
      d90plus: 0,
    });
  });

  it('puts unbilled charges less unused credit in current', () => {
    expect(ageBalance([], [], 80_000, 30_000, asOf)).toEqual({
      current: 50_000,
      d1to30: 0,
      d31to60: 0,
      d61to90: 0,
      d90plus: 0,
    });
    expect(ageBalance(statements, [0, 0, 300_000], 80_000, 0, '2026-04-14').current).toBe(380_000);
  });

  it('never makes current negative when credit exceeds unbilled charges', () => {
    expect(ageBalance([], [], 20_000, 30_000, asOf).current).toBe(0);
  });

  it('ages what allocateOldestFirst left open', () => {
    const { outstanding, unusedCredit } = allocateOldestFirst(statements, 250_000);
    expect(ageBalance(statements, outstanding, 75_000, unusedCredit, '2026-04-15')).toEqual({
      current: 75_000,
      d1to30: 300_000, // March, 1 day past due
      d31to60: 50_000, // rest of February, 32 days past due
      d61to90: 0,
      d90plus: 0,
    });
  });
});
