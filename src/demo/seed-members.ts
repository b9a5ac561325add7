import type { Kysely } from 'kysely';
import {
  createMember,
  endMembership,
  formatMemberNo,
  getMemberDirectory,
  importMembers,
  recordSavings,
  runWajibBilling,
  setSavingsRules,
  updateMember,
  type SavingsInput,
} from '../core/members/index.ts';
import type { OrganizationTable } from '../core/network/index.ts';
import { addDays, daysBetween, monthOf } from '../core/shared/business-date.ts';
import type { CommandContext } from '../core/shared/context.ts';
import { newId } from '../core/shared/ids.ts';
import type { Database } from '../db/database.ts';
import {
  demoFoundingDate,
  demoSavingsRules,
  methodOf,
  planMembers,
  planSukarela,
  type DemoMember,
} from './member-plan.ts';
import { seededRandom } from './random.ts';

/** A share of the sales made by a member of the cooperative. */
const MEMBER_SALE_SHARE = 0.4;

interface Coop {
  org: OrganizationTable;
  rules: { pokok: number; wajibMonthly: number };
  /** Registered members in member-number order (the order they joined). */
  members: DemoMember[];
  /** Members who join during the history, by day. */
  joining: Map<string, DemoMember[]>;
  /** Of each member, the months billed and not yet paid (the late payers' carry). */
  owed: Map<string, number>;
}

/** A savings transaction due on a day, or (without `tx`) the member's departure. */
interface Pending {
  coop: Coop;
  member: DemoMember;
  tx?: Omit<SavingsInput, 'id' | 'date'>;
}

export interface MembersSummary {
  members: number;
  savings: number;
  /** Sales `purchaser` gave a member to. */
  memberSales: number;
}

/**
 * The members of every demo KDKMP and their savings, made through the
 * members commands as the API runs them: before the history (`prepare`) the
 * AD/ART savings rules, the members who joined earlier (one import per
 * cooperative), the officers' roles and the pokok each paid on joining;
 * then each simulated day (`day`, inside the day's transaction) the wajib
 * billing on the first of a month, the members joining that day, the
 * deposits, withdrawals and departures falling on it. `purchaser` names the
 * member behind a sale (about 40 % of them). Deterministic but for ids.
 */
export function demoMembers(span: { start: string; today: string }, ctx: CommandContext) {
  const rnd = seededRandom(1957);
  const buyers = seededRandom(1958);
  const coops = new Map<string, Coop>();
  const due = new Map<string, Pending[]>();
  const left = new Set<string>();
  const summary: MembersSummary = { members: 0, savings: 0, memberSales: 0 };

  const schedule = (on: string, p: Pending) => {
    if (on > span.today) return;
    const list = due.get(on);
    if (list) list.push(p);
    else due.set(on, [p]);
  };
  const save = async (db: Kysely<Database>, p: Required<Pending>, date: string) => {
    if (left.has(p.member.id)) return;
    await recordSavings(db, ctx, p.coop.org.id, p.member.id, { id: newId(), date, ...p.tx });
    summary.savings++;
  };
  /** A new member's pokok and sukarela, as planned. */
  const planSavings = (coop: Coop, m: DemoMember) => {
    const pokok = { kind: 'pokok', direction: 'deposit', amount: coop.rules.pokok } as const;
    if (m.pokokOn && m.pokokOn >= span.start)
      schedule(m.pokokOn, { coop, member: m, tx: { ...pokok, method: methodOf(rnd) } });
    for (const s of planSukarela(m, span, rnd))
      schedule(s.on, {
        coop,
        member: m,
        tx: {
          kind: 'sukarela',
          direction: s.direction,
          amount: s.amount,
          method: s.direction === 'deposit' ? methodOf(rnd) : 'cash',
        },
      });
  };

  /** This month's wajib bills, and when each member pays what they owe. */
  const bill = async (db: Kysely<Database>, coop: Coop, date: string) => {
    await runWajibBilling(db, ctx, coop.org.id, { month: monthOf(date) });
    const wajib = coop.rules.wajibMonthly;
    for (const m of coop.members) {
      if (left.has(m.id)) continue;
      const owed = (coop.owed.get(m.id) ?? 0) + 1;
      const last = monthOf(date) === monthOf(span.today);
      const pays =
        m.payer === 'monthly' || (m.payer === 'lump' && (last || rnd.chance(0.4)))
          ? owed
          : m.payer === 'late'
            ? owed - 1
            : m.payer === 'arrears' && date === span.start && rnd.chance(0.5)
              ? 1
              : 0;
      coop.owed.set(m.id, owed - pays);
      if (pays === 0) continue;
      const on = addDays(date, rnd.int(0, Math.min(19, daysBetween(date, span.today))));
      const tx = { kind: 'wajib', direction: 'deposit', amount: wajib * pays } as const;
      schedule(on, { coop, member: m, tx: { ...tx, method: methodOf(rnd) } });
    }
  };

  return {
    summary,

    /** Before the history: rules, earlier members (imported), officers, their pokok. */
    async prepare(
      db: Kysely<Database>,
      list: { org: OrganizationTable; index: number; size: number }[],
    ): Promise<void> {
      for (const c of list) {
        const village = { code: c.org.villageCode ?? '', name: c.org.name.replace(/^KDKMP /, '') };
        const coop: Coop = {
          org: c.org,
          rules: demoSavingsRules(c.index),
          members: [],
          joining: new Map(),
          owed: new Map(),
        };
        coops.set(c.org.id, coop);
        await setSavingsRules(db, ctx, c.org.id, {
          effectiveFrom: demoFoundingDate(c.index),
          ...coop.rules,
        });
        const plan = planMembers(village, c.index, c.size, span);
        const before = plan.filter((m) => m.joinedOn < span.start);
        for (const m of plan.filter((x) => x.joinedOn >= span.start)) {
          const day = coop.joining.get(m.joinedOn);
          if (day) day.push(m);
          else coop.joining.set(m.joinedOn, [m]);
        }
        await importMembers(
          db,
          ctx,
          c.org.id,
          before.map((m, i) => ({
            line: i + 2,
            values: {
              nik: m.nik,
              nama: m.name,
              tanggal_masuk: m.joinedOn,
              telepon: m.phone ?? '',
              alamat: m.address,
            },
          })),
        );
        // The import numbers them in the order they joined, as planned: take the ids it gave.
        const ids = new Map(
          (await getMemberDirectory(db, c.org.id)).items.map((d) => [d.memberNo, d.id]),
        );
        before.forEach((m, i) => (m.id = ids.get(formatMemberNo(i + 1)) ?? m.id));
        for (const m of before) {
          if (m.role) await updateMember(db, ctx, c.org.id, m.id, { role: m.role });
          if (m.pokokOn && m.pokokOn < span.start)
            await save(
              db,
              {
                coop,
                member: m,
                tx: {
                  kind: 'pokok',
                  direction: 'deposit',
                  amount: coop.rules.pokok,
                  method: 'cash',
                },
              },
              m.pokokOn,
            );
          planSavings(coop, m);
          if (m.leaves) schedule(m.leaves.on, { coop, member: m });
        }
        coop.members.push(...before);
        summary.members += before.length;
      }
    },

    /** One simulated day, in its transaction: billing, new members, savings, departures. */
    async day(db: Kysely<Database>, date: string): Promise<void> {
      for (const coop of coops.values()) {
        for (const m of coop.joining.get(date) ?? []) {
          await createMember(db, ctx, coop.org.id, {
            id: m.id,
            nik: m.nik,
            name: m.name,
            joinedOn: m.joinedOn,
            address: m.address,
            ...(m.phone ? { phone: m.phone } : {}),
          });
          coop.members.push(m);
          summary.members++;
          planSavings(coop, m);
        }
        if (date === span.start || date.endsWith('-01')) await bill(db, coop, date);
      }
      for (const p of due.get(date) ?? []) {
        if (p.tx) {
          await save(db, { ...p, tx: p.tx }, date);
          continue;
        }
        const status = p.member.leaves!.status;
        await endMembership(db, ctx, p.coop.org.id, p.member.id, {
          id: newId(),
          status,
          date,
          method: 'cash',
          reason: status === 'deceased' ? 'Meninggal dunia' : 'Pindah domisili',
        });
        left.add(p.member.id);
      }
      due.delete(date);
    },

    /** `{memberId}` of the member behind a sale of `date`, for about 40 % of sales; else `{}`. */
    purchaser(coopId: string, date: string): { memberId?: string } {
      const members = coops.get(coopId)?.members ?? [];
      if (!members.length || !buyers.chance(MEMBER_SALE_SHARE)) return {};
      // Regular customers buy more often: the early members are picked more.
      const m = members[Math.floor(members.length * buyers.next() ** 1.3)]!;
      if (left.has(m.id) || m.joinedOn > date) return {};
      summary.memberSales++;
      return { memberId: m.id };
    },
  };
}
