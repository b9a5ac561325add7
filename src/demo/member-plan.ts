import { addDays, daysBetween } from '../core/shared/business-date.ts';
import { newId } from '../core/shared/ids.ts';
import { demoPerson, type DemoPerson } from './people.ts';
import { seededRandom } from './random.ts';

export type Random = ReturnType<typeof seededRandom>;
export type Role = 'ketua' | 'sekretaris' | 'bendahara' | 'pengawas';
type Method = 'cash' | 'qris' | 'transfer';

/** The officers every demo KDKMP has; the first two are the ones its deed of establishment names. */
const OFFICER_ROLES: Role[] = ['ketua', 'bendahara', 'sekretaris', 'pengawas'];

export interface DemoMember extends DemoPerson {
  id: string;
  joinedOn: string;
  role?: Role;
  /**
   * How the member pays the monthly wajib: every month, several months at
   * once (always up to date by the last bill), a month behind, or not at all.
   */
  payer: 'monthly' | 'lump' | 'late' | 'arrears';
  /** When the pokok is paid: at joining, later, or (undefined) not yet. */
  pokokOn?: string;
  leaves?: { on: string; status: 'left' | 'deceased' };
}

/** Savings are paid mostly in cash at the counter, some by QRIS or transfer. */
export const methodOf = (rnd: Random): Method =>
  rnd.pick(['cash', 'qris', 'transfer'] as const, [80, 12, 8]);

/** The AD/ART amounts of the `index`-th KDKMP: most ask Rp 100.000 pokok and Rp 10.000 wajib a month. */
export function demoSavingsRules(index: number): { pokok: number; wajibMonthly: number } {
  if (index % 7 === 2) return { pokok: 50_000, wajibMonthly: 5_000 };
  if (index % 11 === 5) return { pokok: 100_000, wajibMonthly: 20_000 };
  return { pokok: 100_000, wajibMonthly: 10_000 };
}

/** The three pilot KDKMP with a history since January 2025 and a closed 2025 (seed-year-end.ts). */
export const DEMO_PILOTS: readonly number[] = [11, 24, 47];

/**
 * The day a KDKMP was founded: mid-2025, when the KDKMP were established, before any demo
 * history; the pilots late in 2024, before theirs.
 */
export function demoFoundingDate(index: number): string {
  if (DEMO_PILOTS.includes(index)) return addDays('2024-11-04', index % 20);
  return addDays('2025-06-02', (index * 13) % 50);
}

const villageRandom = (code: string) => seededRandom(Number(code.replace(/\D/g, '')) % 2 ** 31);

/** The founding officers of a village's KDKMP: people of the kelurahan, each a member with that role. */
export function demoOfficers(village: { code: string; name: string }, index: number) {
  const rnd = villageRandom(village.code);
  const used = { niks: new Set<string>(), phones: new Set<string>() };
  return OFFICER_ROLES.map((role) => ({
    role,
    person: demoPerson(village, demoFoundingDate(index), rnd, used),
  }));
}

/**
 * The members of a KDKMP of `size` (the demo's sales scale, 0.4–3.5): 50–130
 * people of its kelurahan (250–400 for the large ones), in the order they
 * joined: the four officers and a third of the others at the founding, the
 * rest on any day since, a few during the history (`start`–`today`). Most
 * paid their pokok on joining; one in a hundred leaves during the history.
 * Deterministic for a village (ids aside).
 */
export function planMembers(
  village: { code: string; name: string },
  index: number,
  size: number,
  span: { start: string; today: string },
): DemoMember[] {
  const founded = demoFoundingDate(index);
  const officers = demoOfficers(village, index);
  const rnd = seededRandom(villageRandom(village.code).int(1, 2 ** 30) + 19);
  const used = {
    niks: new Set(officers.map((o) => o.person.nik)),
    phones: new Set(officers.flatMap((o) => (o.person.phone ? [o.person.phone] : []))),
  };
  // Most have 50–130 members; the five large ones 250–400.
  const count = Math.min(
    400,
    Math.max(
      50,
      size >= 2
        ? Math.round(size * 100) + rnd.int(0, 50)
        : Math.round(35 + size * 45) + rnd.int(-10, 30),
    ),
  );
  const days = daysBetween(founded, span.today);
  const joinDates = Array.from({ length: count - officers.length }, () =>
    // A third at the founding meeting (of a pilot, most); the others on any day since.
    rnd.chance(DEMO_PILOTS.includes(index) ? 0.8 : 0.33)
      ? founded
      : addDays(founded, rnd.int(1, days)),
  ).sort();
  const members: DemoMember[] = officers.map((o) => ({
    ...o.person,
    id: newId(),
    joinedOn: founded,
    role: o.role,
    payer: 'monthly',
    pokokOn: founded,
  }));
  for (const joinedOn of joinDates) {
    const person = demoPerson(village, joinedOn, rnd, used);
    const later = addDays(maxOf(joinedOn, span.start), rnd.int(3, 40));
    const pokok = rnd.next();
    const payer = rnd.pick(['monthly', 'lump', 'late', 'arrears'] as const, [50, 36, 5, 9]);
    const member: DemoMember = { ...person, id: newId(), joinedOn, payer };
    if (pokok < 0.92) member.pokokOn = joinedOn;
    else if (pokok < 0.96 && later <= span.today) member.pokokOn = later;
    // One in a hundred of those who were members before the history leaves during it.
    if (joinedOn < span.start && rnd.chance(0.01)) {
      const on = addDays(span.start, rnd.int(1, Math.max(1, daysBetween(span.start, span.today))));
      if (on < span.today) member.leaves = { on, status: rnd.chance(0.2) ? 'deceased' : 'left' };
    }
    members.push(member);
  }
  return members;
}

const maxOf = (a: string, b: string) => (a > b ? a : b);

/**
 * The savings a member makes over the history apart from pokok and wajib:
 * about one in seven keeps sukarela, deposited one to three times, and a
 * third of those take some out later (never more than they hold).
 */
export function planSukarela(
  m: DemoMember,
  span: { start: string; today: string },
  rnd: Random,
): { on: string; direction: 'deposit' | 'withdrawal'; amount: number }[] {
  if (!rnd.chance(0.15)) return [];
  const from = maxOf(m.joinedOn, span.start);
  const last = m.leaves ? addDays(m.leaves.on, -1) : span.today;
  const range = daysBetween(from, last);
  if (range < 0) return [];
  const deposits = Array.from({ length: rnd.int(1, 3) }, () => ({
    on: addDays(from, rnd.int(0, range)),
    direction: 'deposit' as const,
    amount: rnd.pick([20_000, 25_000, 50_000, 50_000, 100_000, 100_000, 200_000, 250_000, 500_000]),
  })).sort((a, b) => a.on.localeCompare(b.on));
  const first = deposits[0]!;
  const afterFirst = daysBetween(first.on, last);
  if (afterFirst < 1 || !rnd.chance(0.33)) return deposits;
  const on = addDays(first.on, rnd.int(1, afterFirst));
  const held = deposits.filter((d) => d.on <= on).reduce((t, d) => t + d.amount, 0);
  const amount = rnd.pick([10_000, 20_000, 50_000, 100_000, 200_000].filter((a) => a <= held));
  return [...deposits, { on, direction: 'withdrawal' as const, amount }];
}
