import { describe, expect, it } from 'vitest';
import { checkNik, loadDistrictCodes } from '../core/members/index.ts';
import { daysBetween } from '../core/shared/business-date.ts';
import { listVillagesIn } from '../core/network/index.ts';
import { demoOfficers, planMembers, planSukarela } from './member-plan.ts';
import { seededRandom } from './random.ts';

const span = { start: '2026-09-07', today: '2026-12-06' };

describe("the demo's members", async () => {
  const villages = await listVillagesIn('15.71');
  const districts = await loadDistrictCodes();
  const plans = villages.map((v, i) => ({
    village: v,
    members: planMembers(v, i, i % 9 === 0 ? 3 : 0.4 + (i % 11) / 10, span),
  }));

  it('every KDKMP has 50–400 members: its four officers first, founders, then those who joined since', () => {
    for (const { members } of plans) {
      expect(members.length).toBeGreaterThanOrEqual(50);
      expect(members.length).toBeLessThanOrEqual(400);
      expect(members.slice(0, 4).map((m) => m.role)).toEqual([
        'ketua',
        'bendahara',
        'sekretaris',
        'pengawas',
      ]);
      expect(members.slice(4).every((m) => m.role === undefined)).toBe(true);
      const dates = members.map((m) => m.joinedOn);
      expect(dates).toEqual([...dates].sort());
      expect(dates.at(-1)! <= span.today).toBe(true);
      // Some join during the history, most were members before it.
      expect(dates.filter((d) => d < span.start).length).toBeGreaterThan(members.length / 2);
    }
    expect(plans.some((p) => p.members.length >= 250)).toBe(true);
  });

  it('their NIKs pass the registry check: the kecamatan of their village, an adult birth date, day + 40 for women, none twice', () => {
    const all = new Set<string>();
    for (const { village, members } of plans) {
      for (const m of members) {
        const check = checkNik(m.nik, districts, span.today);
        expect(check, m.nik).toMatchObject({ ok: true });
        if (!check.ok) continue;
        expect(check.facts.districtCode).toBe(village.districtCode);
        expect(check.facts.gender).toBe(m.gender);
        expect(check.facts.birthDate).toBe(m.birthDate);
        const age = daysBetween(m.birthDate, m.joinedOn) / 365.25;
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThanOrEqual(68);
        all.add(m.nik);
      }
    }
    expect(all.size).toBe(plans.reduce((n, p) => n + p.members.length, 0));
  });

  it('names, phones and addresses look like Kota Jambi: women and men, mobile numbers 08…, the kelurahan in the address', () => {
    for (const { village, members } of plans) {
      const phones = members.flatMap((m) => (m.phone ? [m.phone] : []));
      expect(new Set(phones).size).toBe(phones.length);
      expect(phones.length).toBeGreaterThan(members.length * 0.7);
      for (const p of phones) expect(p).toMatch(/^08\d{9,11}$/);
      for (const m of members) {
        expect(m.name).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)?$/);
        expect(m.address).toContain(`Kel. ${village.name}`);
      }
      const women = members.filter((m) => m.gender === 'P').length / members.length;
      expect(women).toBeGreaterThan(0.3);
      expect(women).toBeLessThan(0.7);
    }
  });

  it('the same village gets the same people every time (ids aside)', () => {
    const v = villages[3]!;
    const strip = (ms: ReturnType<typeof planMembers>) => ms.map(({ id: _id, ...m }) => m);
    expect(strip(planMembers(v, 3, 1, span))).toEqual(strip(planMembers(v, 3, 1, span)));
    expect(demoOfficers(v, 3).map((o) => o.person.name)).toEqual(
      strip(planMembers(v, 3, 1, span))
        .slice(0, 4)
        .map((m) => m.name),
    );
  });

  it('sukarela withdrawals never exceed what the member holds on that day', () => {
    const rnd = seededRandom(7);
    let withdrawals = 0;
    for (const { members } of plans)
      for (const m of members) {
        const txs = planSukarela(m, span, rnd);
        let held = 0;
        for (const t of [...txs].sort((a, b) => a.on.localeCompare(b.on))) {
          expect(t.on >= m.joinedOn && t.on <= span.today).toBe(true);
          held += t.direction === 'deposit' ? t.amount : -t.amount;
          expect(held).toBeGreaterThanOrEqual(0);
        }
        withdrawals += txs.filter((t) => t.direction === 'withdrawal').length;
      }
    expect(withdrawals).toBeGreaterThan(0);
  });
});
