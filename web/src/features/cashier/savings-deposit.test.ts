import { describe, expect, it } from 'vitest';
import {
  depositAmount,
  depositOutcome,
  newDeposit,
  withOutcome,
  type OutboxDeposit,
} from './savings-deposit.ts';

const SITI = { id: 'm1', memberNo: '0042', name: 'Siti Aminah' };
// 23:30 WIB on 5 Dec 2026 (16:30 UTC): the deposit is dated in WIB.
const LATE_EVENING = Date.parse('2026-12-05T16:30:00Z');
const waiting = (): OutboxDeposit =>
  newDeposit(
    { id: 'd1', coopId: 'c1', member: SITI, kind: 'wajib', amount: 50_000 },
    'cash',
    LATE_EVENING,
  );

describe('a savings deposit in the outbox', () => {
  it('is written with the body recordSavings takes, dated the WIB day it was taken', () => {
    expect(waiting()).toEqual({
      id: 'd1',
      coopId: 'c1',
      member: SITI,
      deposit: {
        id: 'd1',
        kind: 'wajib',
        direction: 'deposit',
        amount: 50_000,
        date: '2026-12-05',
        method: 'cash',
      },
      state: 'waiting',
      createdAt: LATE_EVENING,
      attempts: 0,
    });
  });

  it('takes amounts as the cashier types them: "50.000", "Rp 50.000", "50000"; never 0', () => {
    expect(depositAmount('50.000')).toBe(50_000);
    expect(depositAmount('Rp 50.000')).toBe(50_000);
    expect(depositAmount('50000')).toBe(50_000);
    expect(depositAmount('0')).toBeUndefined();
    expect(depositAmount('50,5')).toBeUndefined();
    expect(depositAmount('')).toBeUndefined();
  });

  it('is sent once the server has it (201, or 200 for a resend it already had)', () => {
    for (const status of [200, 201]) {
      const o = depositOutcome({ status });
      expect(o).toEqual({ state: 'sent' });
      expect(withOutcome(waiting(), o, 9)).toMatchObject({ state: 'sent', sentAt: 9, attempts: 1 });
    }
  });

  it('a refusal keeps the server’s reason and is final: the deposit is not sent again', () => {
    const o = depositOutcome({
      status: 409,
      code: 'InvalidState',
      message: 'Anggota sudah keluar',
    });
    expect(o).toEqual({ state: 'refused', code: 'InvalidState', message: 'Anggota sudah keluar' });
    const refused = withOutcome(waiting(), o, 9);
    expect(refused).toMatchObject({
      state: 'refused',
      code: 'InvalidState',
      message: 'Anggota sudah keluar',
    });
    // A late answer for it changes nothing.
    expect(withOutcome(refused, { state: 'sent' }, 10)).toBe(refused);
    expect(depositOutcome({ status: 422 })).toEqual({ state: 'refused', code: '422', message: '' });
  });

  it('no answer, a busy or failing server: it waits and is sent again as it is', () => {
    for (const answer of ['noAnswer', { status: 500 }, { status: 503 }, { status: 429 }] as const) {
      const o = depositOutcome(answer);
      expect(o).toEqual({ state: 'offline' });
      const after = withOutcome(waiting(), o, 9);
      expect(after).toMatchObject({ state: 'waiting', attempts: 1 });
      expect(after.deposit).toEqual(waiting().deposit);
    }
  });

  it('a lost session leaves it waiting for the next sign-in', () => {
    expect(depositOutcome({ status: 401 })).toEqual({ state: 'signedOut' });
    expect(depositOutcome({ status: 403 })).toEqual({ state: 'signedOut' });
  });
});
