import { expect } from 'vitest';
import { newId } from '../../src/core/shared/ids.ts';
import { callAs, type HttpFixture, type UserKey } from './http.ts';

export interface Terms {
  exposureLimit: number;
  monthlySubsidy: number;
  settlementPeriod: string;
  paymentTermsDays: number;
  graceDays: number;
  subsidyMode: string;
  monthlySalesPotential: number;
}
export interface Version extends Terms {
  effectiveFrom: string;
  reason: string;
  changedBy: string | null;
  changedByName: string | null;
}
export interface State extends Terms {
  id: string;
  agreementNo: string;
  startDate: string;
  endDate?: string;
  endReason?: string;
  termsFrom: string;
  history: Version[];
}

/**
 * The calls of the participation tests, as the fixture's users: the participation's terms
 * (read, change, end) and the documents whose dates pick a version (dispatch, receipt, sale).
 */
export function participationCalls(f: HttpFixture) {
  const url = (coop: string) => `/api/v1/cooperatives/${coop}/participation`;
  const get = async (coop: string, user: UserKey = 'hubAdmin') => {
    const res = await callAs(f, user, 'GET', url(coop));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<State>();
  };
  const patch = (coop: string, body: object, user: UserKey = 'hubAdmin') =>
    callAs(f, user, 'PATCH', url(coop), body);
  const end = (coop: string, body: object, user: UserKey = 'hubAdmin') =>
    callAs(f, user, 'POST', `${url(coop)}/end`, body);
  const order = async (coop: string, qty: number, date: string) => {
    const res = await callAs(f, 'hubAdmin', 'POST', '/api/v1/delivery-orders', {
      cooperativeId: coop,
      date,
      lines: [{ productId: f.n.gula1.id, qty }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const dispatch = (id: string, date: string) =>
    callAs(f, 'hubAdmin', 'POST', `/api/v1/delivery-orders/${id}/dispatch`, { date });
  const check = async (id: string) => {
    const res = await callAs(f, 'hubAdmin', 'GET', `/api/v1/delivery-orders/${id}/dispatch-check`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ exposureLimit: number; withinLimit: boolean }>();
  };
  /** Receives the whole order and sells one pack that day (the month's activity for the subsidy). */
  const receiveAndSell = async (coop: string, id: string, qty: number, date: string) => {
    const received = await callAs(f, 'hubAdmin', 'POST', `/api/v1/delivery-orders/${id}/receive`, {
      date,
      lines: [{ productId: f.n.gula1.id, qtyReceived: qty }],
    });
    expect(received.statusCode, received.body).toBe(200);
    const sold = await callAs(f, 'hubAdmin', 'POST', `/api/v1/cooperatives/${coop}/sales`, {
      sales: [
        {
          id: newId(),
          occurredAt: `${date}T05:00:00.000Z`,
          paymentMethod: 'cash',
          lines: [{ productId: f.n.gula1.id, qty: 1, unitPrice: 17_500 }],
        },
      ],
    });
    expect(sold.json().results[0].status, sold.body).toBe('created');
  };
  return { url, get, patch, end, order, dispatch, check, receiveAndSell };
}
