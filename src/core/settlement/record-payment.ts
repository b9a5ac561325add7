import type { Db } from '../../db/database.ts';
import { COOP, HUB, postJournalEntries } from '../ledger/index.ts';
import { loadCooperativeContext } from '../network/index.ts';
import { allocateDocumentNumber } from '../numbering/index.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash, isUuid } from '../shared/ids.ts';
import { formatRupiah } from '../shared/money.ts';
import type { PaymentChannel } from './settlement.table.ts';
import { findPaymentById, insertPayment } from './settlement.repository.ts';

export interface PaymentInput {
  id: string;
  amount: number;
  receivedOn?: string;
  method: PaymentChannel;
  reference: string;
}

const METHODS: readonly PaymentChannel[] = ['cash', 'transfer', 'qris'];

/** How a payment made on the cooperative's behalf differs from its own. */
export interface PaymentOptions {
  /**
   * The cooperative-side credit account instead of Kas/Bank: a third party
   * paid the hub for the cooperative (Sembako Bahagia's sponsor settles
   * payroll sales, so 1202 Piutang Potong Gaji is cleared).
   */
  coopCreditAccount?: typeof COOP.piutangPotongGaji;
  /** The cooperative's journal memo. */
  coopMemo?: string;
}

/**
 * A cooperative pays the hub. C: Dr Utang kepada Pengamanat, Cr Kas/Bank
 * (or `opts.coopCreditAccount` for a payment made on its behalf);
 * H: Dr Kas/Bank, Cr Piutang Konsinyasi. Allocated to the oldest open
 * statement first; the hub's receipt is numbered `PB/…` in its sequence of
 * the year received. Idempotent by id.
 */
export async function recordPayment(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  input: PaymentInput,
  opts: PaymentOptions = {},
) {
  const errors: ErrorDetail[] = [];
  if (typeof input.id !== 'string' || !isUuid(input.id))
    errors.push({ path: '/id', message: 'harus berupa UUID', messageEn: 'must be a UUID' });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    errors.push({
      path: '/amount',
      message: 'harus rupiah bulat lebih dari 0',
      messageEn: 'must be whole rupiah > 0',
    });
  if (!METHODS.includes(input.method))
    errors.push({
      path: '/method',
      message: `harus salah satu dari: ${METHODS.join(', ')}`,
      messageEn: `must be one of ${METHODS.join(', ')}`,
    });
  if (typeof input.reference !== 'string' || input.reference.length > 200)
    errors.push({
      path: '/reference',
      message: 'harus teks, paling banyak 200 karakter',
      messageEn: 'must be text up to 200 characters',
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Pembayaran tidak valid',
      details: errors,
    });
  const date = businessDateOf(ctx, input.receivedOn, '/receivedOn');
  const c = await loadCooperativeContext(db, coopId, { lock: true });
  const hash = contentHash({
    a: input.amount,
    r: input.receivedOn ?? null,
    m: input.method,
    ref: input.reference,
  });
  const existing = await findPaymentById(db, coopId, input.id);
  if (isReplay(existing, hash, 'Pembayaran')) return { ...existing!, created: false };
  const now = ctx.clock.now();
  const row = {
    orgId: coopId,
    id: input.id,
    number: await allocateDocumentNumber(db, { issuerId: c.hubId, kind: 'PB', date }),
    hubId: c.hubId,
    amount: input.amount,
    receivedOn: date,
    method: input.method,
    reference: input.reference.trim(),
    contentHash: hash,
    statementId: null,
    createdAt: now.toISOString(),
  };
  await insertPayment(db, row);
  const cash = input.method === 'cash';
  await postJournalEntries(
    db,
    [
      {
        orgId: coopId,
        book: 'cooperative',
        date,
        docType: 'payment',
        docId: input.id,
        memo:
          opts.coopMemo ??
          `Pembayaran ke pengamanat ${formatRupiah(input.amount)} ${input.reference}`.trim(),
        lines: [
          { account: COOP.utangPengamanat, counterpartyOrgId: c.hubId, debit: input.amount },
          {
            account: opts.coopCreditAccount ?? (cash ? COOP.kas : COOP.bank),
            credit: input.amount,
          },
        ],
      },
      {
        orgId: c.hubId,
        book: 'hub',
        date,
        docType: 'payment',
        docId: input.id,
        memo: `Pembayaran dari ${c.coop.name} ${input.reference}`.trim(),
        lines: [
          { account: cash ? HUB.kas : HUB.bank, debit: input.amount },
          { account: HUB.piutangKonsinyasi, counterpartyOrgId: coopId, credit: input.amount },
        ],
      },
    ],
    now,
  );
  return { ...row, created: true };
}
