import type { Db } from '../../db/database.ts';
import { rulesOfBasisPoints, type ShuRulesBp } from './shu-allocation.ts';
import { shuOfPeriod } from './shu-of-period.ts';
import {
  findFiscalYearClose,
  findFiscalYearCloses,
  findMemberShares,
  findShuDistribution,
  findYearsWithEntries,
} from './shu.repository.ts';
import type { FiscalYearView, ShuKey } from './shu.types.ts';
import type { FiscalYearCloseTable } from './yearend.table.ts';

/** One allocation line as the close keeps it; `jasa_anggota` also keeps its two parts. */
export interface StoredAllocation {
  key: ShuKey;
  basisPoints: number;
  amount: number;
  usaha?: number;
  modal?: number;
}

/** A closed year as the close recorded it: its SHU, split, members' shares and distribution. */
export async function fiscalYearViewOf(
  db: Db,
  close: FiscalYearCloseTable,
): Promise<FiscalYearView> {
  const rules = JSON.parse(close.rules) as ShuRulesBp;
  const allocation = JSON.parse(close.allocation) as StoredAllocation[];
  const jasa = allocation.find((a) => a.key === 'jasa_anggota');
  const jasaUsaha = jasa?.usaha ?? 0;
  const jasaModal = jasa?.modal ?? 0;
  const members = (await findMemberShares(db, close.orgId, close.year)).map((m) => ({
    memberId: m.memberId,
    memberNo: m.memberNo,
    name: m.name,
    purchases: Number(m.purchases),
    savings: Number(m.savings),
    jasaUsaha: Number(m.jasaUsaha),
    jasaModal: Number(m.jasaModal),
    total: Number(m.total),
  }));
  const sum = (f: (m: (typeof members)[number]) => number) => members.reduce((t, m) => t + f(m), 0);
  const dist = await findShuDistribution(db, close.orgId, close.year);
  return {
    year: close.year,
    shu: Number(close.shu),
    rules: rulesOfBasisPoints(close.year, rules),
    allocation: allocation.map((a) => ({
      key: a.key,
      percent: a.basisPoints / 100,
      amount: Number(a.amount),
    })),
    jasaUsaha,
    jasaModal,
    undivided: jasaUsaha - sum((m) => m.jasaUsaha) + jasaModal - sum((m) => m.jasaModal),
    totalPurchases: sum((m) => m.purchases),
    totalSavings: sum((m) => m.savings),
    members,
    status: 'closed',
    closedAt: close.createdAt,
    closeId: close.id,
    distribution: dist
      ? { id: dist.id, method: dist.method, paidOn: dist.paidOn, total: Number(dist.total) }
      : null,
  };
}

/** A closed year (`getFiscalYear`), or null when the year is not closed. */
export async function getFiscalYear(
  db: Db,
  coopId: string,
  year: number,
): Promise<FiscalYearView | null> {
  const close = await findFiscalYearClose(db, coopId, year);
  return close ? fiscalYearViewOf(db, close) : null;
}

export interface FiscalYearItem {
  year: number;
  status: 'open' | 'closed';
  shu?: number;
  closedAt?: string;
}

/**
 * The cooperative's fiscal years (`listFiscalYears`): every year with journal
 * entries, latest first; a closed one with its SHU and when it was closed, an
 * open one with its SHU to date.
 */
export async function listFiscalYears(db: Db, coopId: string): Promise<FiscalYearItem[]> {
  const closes = new Map((await findFiscalYearCloses(db, coopId)).map((c) => [c.year, c]));
  const years = [...new Set([...(await findYearsWithEntries(db, coopId)), ...closes.keys()])].sort(
    (a, b) => b - a,
  );
  const items: FiscalYearItem[] = [];
  for (const year of years) {
    const c = closes.get(year);
    items.push(
      c
        ? { year, status: 'closed', shu: Number(c.shu), closedAt: c.createdAt }
        : {
            year,
            status: 'open',
            shu: await shuOfPeriod(db, coopId, `${year}-01-01`, `${year}-12-31`),
          },
    );
  }
  return items;
}
