import { describe, expect, it } from 'vitest';
import {
  canVoid,
  reversalOutcome,
  voidedSale,
  voidStateOf,
  wibDate,
  type VoidableSale,
} from './void-sale.ts';

// 10:00 WIB on 6 Dec 2026 (03:00 UTC); 23:30 WIB the evening before is still 5 Dec in WIB.
const TODAY = '2026-12-06';
const sale = (over: Partial<VoidableSale> = {}): VoidableSale & { id: string } => ({
  id: 's1',
  state: 'waiting',
  sale: { occurredAt: '2026-12-06T03:00:00.000Z' },
  ...over,
});
const v = { reason: 'salah ketik jumlah', reversalId: 'r1', now: 1000, today: TODAY };

describe('voiding a sale of the cashier device', () => {
  it('a sale never sent is voided on the device alone: nothing is queued for the server', () => {
    const { sale: s, kind } = voidedSale(sale(), v);
    expect(kind).toBe('local');
    expect(s).toMatchObject({ id: 's1', state: 'voided', voidReason: v.reason, voidedAt: 1000 });
    expect(s.reversal).toBeUndefined();
    expect(voidStateOf(s)).toBe('voidedLocally');
  });

  it('a sale the server has gets a reversal queued with its client id; the sale stays sent', () => {
    const { sale: s, kind } = voidedSale(sale({ state: 'sent' }), v);
    expect(kind).toBe('reversal');
    expect(s.state).toBe('sent');
    expect(s.reversal).toEqual({
      id: 'r1',
      reason: v.reason,
      state: 'waiting',
      uncertain: false,
      createdAt: 1000,
      attempts: 0,
    });
    expect(voidStateOf(s)).toBe('reversalWaiting');
  });

  it('a sale whose send was tried without an answer is never sent again, and its reversal is queued', () => {
    const { sale: s, kind } = voidedSale(sale({ tried: true }), v);
    expect(kind).toBe('reversal');
    expect(s.state).toBe('voided');
    expect(s.reversal).toMatchObject({ id: 'r1', state: 'waiting', uncertain: true });
  });

  it('only a waiting or sent sale of today, once', () => {
    expect(canVoid(sale(), TODAY)).toBe(true);
    expect(canVoid(sale({ sale: { occurredAt: '2026-12-05T16:30:00.000Z' } }), TODAY)).toBe(false);
    expect(canVoid(sale({ sale: { occurredAt: '2026-12-05T17:30:00.000Z' } }), TODAY)).toBe(true);
    expect(canVoid(sale({ state: 'refused' }), TODAY)).toBe(false);
    const once = voidedSale(sale({ state: 'sent' }), v).sale;
    expect(canVoid(once, TODAY)).toBe(false);
    expect(() => voidedSale(once, v)).toThrow();
    expect(() => voidedSale(voidedSale(sale(), v).sale, v)).toThrow();
  });

  it('business dates are WIB dates', () => {
    expect(wibDate('2026-12-05T16:59:59.000Z')).toBe('2026-12-05');
    expect(wibDate('2026-12-05T17:00:00.000Z')).toBe('2026-12-06');
  });
});

describe("the server's answer to a queued reversal", () => {
  const sure = { uncertain: false };
  const maybe = { uncertain: true };
  it('created or replayed: sent', () => {
    expect(reversalOutcome({ status: 201 }, sure)).toEqual({ state: 'sent' });
    expect(reversalOutcome({ status: 200 }, sure)).toEqual({ state: 'sent' });
  });
  it('already reversed by the manager: the void holds', () => {
    expect(reversalOutcome({ status: 409, code: 'AlreadyReversed' }, sure)).toEqual({
      state: 'sent',
    });
  });
  it('no answer, a server error or too many requests: kept to send again', () => {
    expect(reversalOutcome('noAnswer', sure)).toEqual({ state: 'offline' });
    expect(reversalOutcome({ status: 503 }, sure)).toEqual({ state: 'offline' });
    expect(reversalOutcome({ status: 429 }, sure)).toEqual({ state: 'offline' });
    expect(reversalOutcome({ status: 401 }, sure)).toEqual({ state: 'signedOut' });
  });
  it('404 for a sale that may never have arrived: it did not, nothing to reverse', () => {
    expect(reversalOutcome({ status: 404, code: 'NotFound' }, maybe)).toEqual({
      state: 'unneeded',
    });
    const s = voidedSale(sale({ tried: true }), v).sale;
    expect(voidStateOf({ ...s, reversal: { ...s.reversal!, state: 'unneeded' } })).toBe(
      'voidedLocally',
    );
  });
  it('any other refusal is shown with its reason', () => {
    expect(reversalOutcome({ status: 404, code: 'NotFound', message: 'Tidak ada' }, sure)).toEqual({
      state: 'refused',
      code: 'NotFound',
      message: 'Tidak ada',
    });
    expect(reversalOutcome({ status: 403, code: 'Forbidden' }, sure)).toMatchObject({
      state: 'refused',
      code: 'Forbidden',
    });
    expect(reversalOutcome({ status: 409, code: 'ReversalBlocked' }, sure)).toMatchObject({
      state: 'refused',
    });
  });
});
