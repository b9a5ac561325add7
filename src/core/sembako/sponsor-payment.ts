import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { COOP } from '../ledger/index.ts';
import { recordPayment } from '../settlement/index.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash, isUuid } from '../shared/ids.ts';
import { formatRupiah } from '../shared/money.ts';
import { allocateLargestRemainder } from './allocation.ts';
import { loadPeriodAccounts } from './period-accounts.ts';
import { loadProgram, notFound } from './program.service.ts';
import {
  findPeriod,
  findShares,
  findSponsorPayment,
  insertSponsorPayment,
} from './sembako.repository.ts';

export interface SponsorPaymentInput {
  id: string;
  amount: number;
  receivedOn?: string;
  reference: string;
}

/** The id of a cooperative's payment within a sponsor payment: a name-based UUID (v8 layout), stable on replay. */
export function sharePaymentId(sponsorPaymentId: string, coopId: string): string {
  const h = createHash('sha256').update(`sembako|${sponsorPaymentId}|${coopId}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The sponsor's transfer for a period, received at the hub on the
 * cooperatives' behalf. Shares: proportional to what each cooperative is
 * still owed for its picked-up packages (subsidy + successful deductions −
 * earlier shares), largest remainder, never more than owed (an amount above
 * the total owed is refused). Each share is recorded through `recordPayment`
 * (so it is a credit on the cooperative's statements), with the cooperative's
 * credit on 1202 Piutang Potong Gaji: H: Dr Bank, Cr Piutang Konsinyasi(coop);
 * C: Dr Utang kepada Pengamanat, Cr Piutang Potong Gaji. Idempotent by id.
 */
export async function recordSponsorPayment(
  db: Db,
  ctx: CommandContext,
  programId: string,
  month: string,
  input: SponsorPaymentInput,
) {
  const program = await loadProgram(db, programId);
  const errors: ErrorDetail[] = [];
  if (typeof input.id !== 'string' || !isUuid(input.id))
    errors.push({ path: '/id', message: 'harus berupa UUID', messageEn: 'must be a UUID' });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    errors.push({
      path: '/amount',
      message: 'harus rupiah bulat lebih dari 0',
      messageEn: 'must be whole rupiah > 0',
    });
  if (typeof input.reference !== 'string' || input.reference.length > 150)
    errors.push({
      path: '/reference',
      message: 'harus teks, paling banyak 150 karakter',
      messageEn: 'must be text up to 150 characters',
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Pembayaran sponsor tidak valid',
      details: errors,
    });
  const date = businessDateOf(ctx, input.receivedOn, '/receivedOn');
  if (!(await findPeriod(db, program.orgId, programId, month)))
    notFound(`Periode ${month}`, `Period ${month}`);
  const hash = contentHash({
    m: month,
    a: input.amount,
    r: input.receivedOn ?? null,
    ref: input.reference,
  });
  const existing = await findSponsorPayment(db, program.orgId, input.id);
  if (existing && (existing.programId !== programId || existing.month !== month))
    throw new DomainError('IdempotencyConflict', { message: 'Id pembayaran sudah dipakai' });
  if (isReplay(existing, hash, 'Pembayaran sponsor')) {
    const shares = await findShares(db, program.orgId, input.id);
    return {
      ...existing!,
      shares: shares.map(({ cooperativeId, amount, paymentId }) => ({
        cooperativeId,
        amount,
        paymentId,
      })),
      created: false,
    };
  }
  const { cooperatives } = await loadPeriodAccounts(db, program, month);
  const owed = cooperatives.filter((c) => c.payable > 0);
  const total = owed.reduce((t, c) => t + c.payable, 0);
  if (input.amount > total)
    throw new DomainError('ValidationFailed', {
      message: `Jumlah ${formatRupiah(input.amount)} melebihi yang terutang kepada koperasi ${formatRupiah(total)}`,
      messageEn: `Amount ${input.amount} is above what is owed to the cooperatives (${total})`,
      details: [
        {
          path: '/amount',
          message: `melebihi yang terutang (${formatRupiah(total)})`,
          messageEn: `above what is owed (${total})`,
        },
      ],
    });
  const parts = allocateLargestRemainder(
    input.amount,
    owed.map((c) => c.payable),
  );
  const shares = owed
    .map((c, i) => ({
      cooperativeId: c.cooperativeId,
      amount: parts[i]!,
      paymentId: sharePaymentId(input.id, c.cooperativeId),
    }))
    .filter((s) => s.amount > 0);
  const row = {
    orgId: program.orgId,
    id: input.id,
    programId,
    month,
    amount: input.amount,
    receivedOn: date,
    reference: input.reference.trim(),
    contentHash: hash,
    createdAt: ctx.clock.now().toISOString(),
  };
  await insertSponsorPayment(
    db,
    row,
    shares.map((s) => ({ orgId: program.orgId, sponsorPaymentId: input.id, ...s })),
  );
  // Cooperatives in id order: PostgreSQL takes their participation locks in one order.
  for (const s of shares) {
    await recordPayment(
      db,
      ctx,
      s.cooperativeId,
      {
        id: s.paymentId,
        amount: s.amount,
        receivedOn: date,
        method: 'transfer',
        reference: `${program.name} ${month} ${input.reference}`.trim().slice(0, 200),
      },
      {
        coopCreditAccount: COOP.piutangPotongGaji,
        coopMemo: `Pembayaran sponsor ${program.name} ${month} untuk paket potong gaji`,
      },
    );
  }
  return { ...row, shares, created: true };
}

/**
 * The reconciliation of a period: per cooperative and in total, the participants with open
 * amounts, and who still owes what: the sponsor (its subsidy and the deductions it received, not
 * yet paid over to the cooperatives) and each OPD (the deductions of its staff not yet received:
 * neither deducted nor paid in cash at a pickup).
 */
export async function getProgramReconciliation(db: Db, programId: string, month: string) {
  const program = await loadProgram(db, programId);
  if (!(await findPeriod(db, program.orgId, programId, month)))
    notFound(`Periode ${month}`, `Period ${month}`);
  const { cooperatives, participants } = await loadPeriodAccounts(db, program, month);
  const keys = [
    'ordered',
    'pickedUp',
    'subsidy',
    'deducted',
    'paidBySponsor',
    'payable',
    'collected',
    'open',
  ] as const;
  const total = Object.fromEntries(
    keys.map((k) => [k, cooperatives.reduce((t, c) => t + c[k], 0)]),
  ) as Record<(typeof keys)[number], number>;
  const opds = new Map<string, { opd: string; due: number; deducted: number; collected: number }>();
  for (const p of participants) {
    const o = opds.get(p.opd) ?? { opd: p.opd, due: 0, deducted: 0, collected: 0 };
    o.due += p.due;
    o.deducted += p.deducted;
    o.collected += p.collected;
    opds.set(p.opd, o);
  }
  return {
    month,
    cooperatives,
    total,
    openParticipants: participants.filter((p) => p.open > 0),
    sponsorOpen: {
      subsidy: total.subsidy,
      deducted: total.deducted,
      paid: total.paidBySponsor,
      open: total.payable,
    },
    opdOpen: [...opds.values()]
      .map((o) => ({ ...o, open: o.due - o.deducted - o.collected }))
      .sort((a, b) => (a.opd < b.opd ? -1 : 1)),
  };
}
