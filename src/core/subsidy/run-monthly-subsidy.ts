import type { Db } from '../../db/database.ts';
import { countSalesAndCounts } from '../consignment/index.ts';
import { COOP, HUB, postJournalEntries, type JournalEntryInput } from '../ledger/index.ts';
import {
  findOrganizationById,
  findParticipationsOfHub,
  findTermsByParticipationOfHub,
  hubSettingsOn,
  loadCooperativeContext,
  termsOn,
} from '../network/index.ts';
import { getCreditPosition } from '../settlement/index.ts';
import {
  firstDayOfMonth,
  isValidBusinessDate,
  isValidMonth,
  lastDayOfMonth,
} from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import { businessDateOf, type CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { SubsidyGrantTable } from './subsidy.table.ts';
import {
  findGrant,
  findGrantsOfRun,
  findSubsidyRun,
  insertSubsidyGrants,
  insertSubsidyRunIfAbsent,
  isGrantReversed,
  updateGrant,
} from './subsidy.repository.ts';
import { proRataSubsidyByTerms, subsidyEligibility } from './subsidy-rules.ts';

export interface SubsidyItem {
  cooperativeId: string;
  amount: number;
  eligible: boolean;
  reason?: string;
  status: SubsidyGrantTable['status'];
  activeDays: number;
  daysInMonth: number;
}

const toItem = (g: SubsidyGrantTable): SubsidyItem => ({
  cooperativeId: g.orgId,
  amount: g.amount,
  eligible: g.eligible === 1,
  ...(g.reason ? { reason: g.reason } : {}),
  status: g.status,
  activeDays: g.activeDays,
  daysInMonth: g.daysInMonth,
});

function nettingEntries(
  g: { orgId: string; hubId: string; id: string; amount: number },
  date: string,
): JournalEntryInput[] {
  return [
    {
      orgId: g.hubId,
      book: 'hub',
      date,
      docType: 'subsidy_netting',
      docId: g.id,
      memo: 'Subsidi operasional dikompensasikan dengan piutang konsinyasi',
      lines: [
        { account: HUB.utangSubsidi, counterpartyOrgId: g.orgId, debit: g.amount },
        { account: HUB.piutangKonsinyasi, counterpartyOrgId: g.orgId, credit: g.amount },
      ],
    },
    {
      orgId: g.orgId,
      book: 'cooperative',
      date,
      docType: 'subsidy_netting',
      docId: g.id,
      memo: 'Subsidi operasional dikompensasikan dengan utang kepada pengamanat',
      lines: [
        { account: COOP.utangPengamanat, counterpartyOrgId: g.hubId, debit: g.amount },
        { account: COOP.piutangSubsidi, counterpartyOrgId: g.hubId, credit: g.amount },
      ],
    },
  ];
}

/**
 * The hub's monthly operational subsidy run, idempotent per cooperative and
 * month: one grant per (cooperative, month), kept by `subsidy_grant_org_id_month_uq`
 * and by taking each cooperative's lock before looking for its grant. Each
 * participation active in the month that has no grant for it yet gets its
 * pro-rata amount if eligible (H: Dr Beban Subsidi Operasional, Cr Utang
 * Subsidi; C: Dr Piutang Subsidi, Cr Pendapatan Subsidi Operasional), else a
 * recorded reason. Participations set to `net` are netted against the
 * statement at once. Running a month again keeps its run and its grants as
 * they are and grants only the participations entered since (`newGrants`);
 * the answer is the whole month.
 */
export async function runMonthlySubsidy(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  input: { month: string; date?: string },
): Promise<{
  runId: string;
  month: string;
  items: SubsidyItem[];
  created: boolean;
  newGrants: number;
}> {
  if (!isValidMonth(input.month))
    throw new DomainError('ValidationFailed', {
      message: 'Bulan harus YYYY-MM',
      details: [
        { path: '/month', message: 'harus berupa bulan (TTTT-BB)', messageEn: 'must be YYYY-MM' },
      ],
    });
  const monthEnd = lastDayOfMonth(input.month);
  const today = todayWib(ctx.clock);
  if (monthEnd >= today)
    throw new DomainError('ValidationFailed', {
      message: `Bulan ${input.month} belum berakhir`,
      details: [
        {
          path: '/month',
          message: 'bulannya belum berakhir',
          messageEn: 'the month has not ended yet',
        },
      ],
    });
  const runDate = businessDateOf(ctx, input.date);
  if (runDate < monthEnd)
    throw new DomainError('ValidationFailed', {
      message: 'Tanggal proses sebelum akhir bulan',
      details: [
        { path: '/date', message: 'sebelum akhir bulan', messageEn: 'before the end of the month' },
      ],
    });
  const hub = await findOrganizationById(db, hubId);
  if (!hub || hub.kind !== 'hub')
    throw new DomainError('NotFound', { message: 'Hub tidak ditemukan' });

  const now = ctx.clock.now();
  let run = await findSubsidyRun(db, hubId, input.month);
  let created = false;
  if (!run) {
    const id = newId();
    await insertSubsidyRunIfAbsent(db, {
      orgId: hubId,
      id,
      month: input.month,
      runDate,
      createdAt: now.toISOString(),
    });
    run = await findSubsidyRun(db, hubId, input.month);
    if (!run) throw new Error(`subsidy run of ${input.month} missing after its insert`);
    created = run.id === id;
  }
  const runId = run.id;
  const granted = new Set<string>(
    created ? [] : (await findGrantsOfRun(db, hubId, runId)).map((g) => g.orgId),
  );
  const grants: SubsidyGrantTable[] = [];
  const entries: JournalEntryInput[] = [];
  // The eligibility limit in force at the month's end (the hub's dated setting).
  const settings = await hubSettingsOn(db, hubId, monthEnd);
  const terms = await findTermsByParticipationOfHub(db, hubId);
  for (const p of await findParticipationsOfHub(db, hubId)) {
    // Pro rata across the versions of the terms in force in the month, up to the end date.
    const versions = terms.get(p.id) ?? [];
    const pr = proRataSubsidyByTerms(versions, input.month, p.startDate, p.endDate);
    if (pr.activeDays === 0 || granted.has(p.orgId)) continue;
    // Mode and grace days: the version in force on the month's last active day.
    const t = termsOn(versions, p.endDate !== null && p.endDate < monthEnd ? p.endDate : monthEnd);
    // Lock first, then look: a run of the same month in another transaction holds this lock
    // until its grant is committed, so the look after it sees that grant.
    await loadCooperativeContext(db, p.orgId, { lock: true });
    if (await findGrant(db, p.orgId, input.month)) continue;
    const [activity, position] = await Promise.all([
      countSalesAndCounts(db, p.orgId, firstDayOfMonth(input.month), monthEnd),
      getCreditPosition(db, p.orgId, monthEnd, t.graceDays),
    ]);
    const e = subsidyEligibility(
      activity,
      position.statements,
      monthEnd,
      settings.subsidyEligibilityDays,
    );
    const amount = e.eligible ? pr.amount : 0;
    const net = t.subsidyMode === 'net' && amount > 0;
    const g: SubsidyGrantTable = {
      orgId: p.orgId,
      id: newId(),
      hubId,
      runId,
      month: input.month,
      participationId: p.id,
      activeDays: pr.activeDays,
      daysInMonth: pr.daysInMonth,
      amount,
      eligible: e.eligible ? 1 : 0,
      reason: e.reason,
      mode: t.subsidyMode,
      status: !e.eligible || amount === 0 ? 'ineligible' : net ? 'netted' : 'accrued',
      grantedOn: monthEnd,
      settledOn: net ? runDate : null,
      paidReference: null,
      statementId: null,
    };
    if (e.eligible && amount === 0) g.reason = 'Jumlah subsidi nol';
    grants.push(g);
    granted.add(p.orgId);
    if (amount > 0) {
      entries.push(
        {
          orgId: hubId,
          book: 'hub',
          date: monthEnd,
          docType: 'subsidy_grant',
          docId: g.id,
          memo: `Subsidi operasional ${input.month}`,
          lines: [
            { account: HUB.bebanSubsidi, debit: amount },
            { account: HUB.utangSubsidi, counterpartyOrgId: p.orgId, credit: amount },
          ],
        },
        {
          orgId: p.orgId,
          book: 'cooperative',
          date: monthEnd,
          docType: 'subsidy_grant',
          docId: g.id,
          memo: `Subsidi operasional ${input.month}`,
          lines: [
            { account: COOP.piutangSubsidi, counterpartyOrgId: hubId, debit: amount },
            { account: COOP.pendapatanSubsidi, credit: amount },
          ],
        },
      );
      if (net) entries.push(...nettingEntries(g, runDate));
    }
  }
  await insertSubsidyGrants(db, grants);
  await postJournalEntries(db, entries, now);
  const items = created ? grants : await findGrantsOfRun(db, hubId, runId);
  return {
    runId,
    month: input.month,
    items: items.map(toItem),
    created,
    newGrants: grants.length,
  };
}

/**
 * Records the transfer of an accrued subsidy: H: Dr Utang Subsidi, Cr Kas;
 * C: Dr Kas, Cr Piutang Subsidi. Marking a paid grant again is a no-op.
 */
export async function markSubsidyPaid(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  input: { month: string; reference: string; paidOn?: string },
) {
  if (!isValidMonth(input.month))
    throw new DomainError('ValidationFailed', {
      message: 'Bulan harus YYYY-MM',
      details: [
        { path: '/month', message: 'harus berupa bulan (TTTT-BB)', messageEn: 'must be YYYY-MM' },
      ],
    });
  if (typeof input.reference !== 'string' || !input.reference.trim()) {
    throw new DomainError('ValidationFailed', {
      message: 'Nomor referensi transfer wajib diisi',
      details: [{ path: '/reference', message: 'wajib diisi', messageEn: 'required' }],
    });
  }
  const paidOn = businessDateOf(ctx, input.paidOn, '/paidOn');
  if (!isValidBusinessDate(paidOn))
    throw new DomainError('ValidationFailed', { message: 'Tanggal tidak valid' });
  await loadCooperativeContext(db, coopId, { lock: true });
  const g = await findGrant(db, coopId, input.month);
  if (!g) throw new DomainError('NotFound', { message: 'Subsidi bulan ini tidak ditemukan' });
  if (g.status === 'paid') return toItem(g);
  if (g.status !== 'accrued')
    throw new DomainError('InvalidState', {
      message: `Subsidi berstatus ${g.status} tidak dapat dibayar`,
    });
  if (await isGrantReversed(db, g.id))
    throw new DomainError('InvalidState', {
      message: 'Subsidi ini sudah dibatalkan dan tidak dapat dibayar',
      messageEn: 'This subsidy was reversed and cannot be paid',
    });
  if (paidOn < g.grantedOn)
    throw new DomainError('ValidationFailed', {
      message: 'Tanggal bayar sebelum akhir bulan subsidi',
      details: [
        {
          path: '/paidOn',
          message: 'sebelum tanggal subsidi diberikan',
          messageEn: 'before the grant date',
        },
      ],
    });
  await updateGrant(db, coopId, g.id, {
    status: 'paid',
    settledOn: paidOn,
    paidReference: input.reference.trim(),
  });
  await postJournalEntries(
    db,
    [
      {
        orgId: g.hubId,
        book: 'hub',
        date: paidOn,
        docType: 'subsidy_payout',
        docId: g.id,
        memo: `Transfer subsidi operasional ${g.month} ${input.reference.trim()}`,
        lines: [
          { account: HUB.utangSubsidi, counterpartyOrgId: coopId, debit: g.amount },
          { account: HUB.kas, credit: g.amount },
        ],
      },
      {
        orgId: coopId,
        book: 'cooperative',
        date: paidOn,
        docType: 'subsidy_payout',
        docId: g.id,
        memo: `Penerimaan subsidi operasional ${g.month} ${input.reference.trim()}`,
        lines: [
          { account: COOP.kas, debit: g.amount },
          { account: COOP.piutangSubsidi, counterpartyOrgId: g.hubId, credit: g.amount },
        ],
      },
    ],
    ctx.clock.now(),
  );
  return toItem({ ...g, status: 'paid', settledOn: paidOn, paidReference: input.reference.trim() });
}
