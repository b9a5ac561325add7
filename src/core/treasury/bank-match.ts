import type { Db } from '../../db/database.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { postLineAsPayment } from './bank-import.ts';
import { findBankLine, isCooperativeOfHub, resolveBankLine } from './bank-statement.repository.ts';
import type { BankLineTable } from './bank-statement.table.ts';
import { formatSen } from './parsers/index.ts';

async function openLine(db: Db, hubId: string, lineId: string): Promise<BankLineTable> {
  const line = await findBankLine(db, hubId, lineId, { lock: true });
  if (!line)
    throw new DomainError('NotFound', {
      message: 'Baris mutasi tidak ditemukan',
      messageEn: 'Bank line not found',
    });
  if (line.status !== 'unmatched')
    throw new DomainError('InvalidState', {
      message:
        line.status === 'matched'
          ? 'Baris mutasi ini sudah dicocokkan'
          : 'Baris mutasi ini sudah ditandai bukan pembayaran koperasi',
      messageEn:
        line.status === 'matched'
          ? 'This bank line is matched already'
          : 'This bank line was marked as not a cooperative payment already',
    });
  return line;
}

/**
 * A hub user says whose payment an unmatched credit is: it becomes that
 * cooperative's payment (`recordPayment`, oldest statement first) and the line
 * is matched to it. Debits are matched to supplier payments (`claimBankLine`).
 */
export async function matchBankLine(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  lineId: string,
  input: { cooperativeId: string },
) {
  const line = await openLine(db, hubId, lineId);
  if (line.direction !== 'credit')
    throw new DomainError('InvalidState', {
      message: 'Baris ini uang keluar (debet): cocokkan dengan pembayaran ke pemasok',
      messageEn: 'This line is money out (a debit): match it to a supplier payment',
    });
  if (line.amountSen % 100 !== 0)
    throw new DomainError('InvalidState', {
      message: `Jumlah ${formatSen(line.amountSen)} bersen; pembayaran koperasi dalam rupiah utuh`,
      messageEn: `The amount ${formatSen(line.amountSen)} has sen; cooperative payments are whole rupiah`,
    });
  if (!(await isCooperativeOfHub(db, hubId, input.cooperativeId)))
    throw new DomainError('NotFound', {
      message: 'Koperasi tidak ditemukan di jaringan hub ini',
      messageEn: "Cooperative not found in this hub's network",
      details: [
        {
          path: '/cooperativeId',
          message: 'bukan koperasi hub ini',
          messageEn: 'not a cooperative of this hub',
        },
      ],
    });
  return postLineAsPayment(db, ctx, hubId, line, input.cooperativeId);
}

/** An unmatched line is not a cooperative's payment (a supplier's refund, a bank fee): set aside with the reason. */
export async function dismissBankLine(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  lineId: string,
  input: { reason: string },
): Promise<BankLineTable> {
  const reason = input.reason.trim();
  if (!reason)
    throw new DomainError('ValidationFailed', {
      message: 'Alasan wajib diisi',
      messageEn: 'A reason is required',
      details: [{ path: '/reason', message: 'wajib diisi', messageEn: 'required' }],
    });
  const line = await openLine(db, hubId, lineId);
  const change = {
    status: 'dismissed' as const,
    dismissReason: reason,
    resolvedBy: ctx.actor?.userId ?? null,
    resolvedAt: ctx.clock.now().toISOString(),
  };
  await resolveBankLine(db, hubId, lineId, change);
  return { ...line, ...change };
}

/**
 * For supplier payments: marks an unmatched debit line as the hub's payment
 * `target.id` to a supplier, in the caller's transaction. 404 for a line of
 * another hub, 409 InvalidState for a credit or a line matched or set aside.
 */
export async function claimBankLine(
  db: Db,
  input: {
    hubId: string;
    lineId: string;
    target: { kind: 'supplier_payment'; id: string };
    by?: string | null;
    at: string;
  },
): Promise<BankLineTable> {
  const line = await openLine(db, input.hubId, input.lineId);
  if (line.direction !== 'debit')
    throw new DomainError('InvalidState', {
      message: 'Baris ini uang masuk (kredit), bukan pembayaran ke pemasok',
      messageEn: 'This line is money in (a credit), not a payment to a supplier',
    });
  const change = {
    status: 'matched' as const,
    targetKind: input.target.kind,
    targetId: input.target.id,
    resolvedBy: input.by ?? null,
    resolvedAt: input.at,
  };
  await resolveBankLine(db, input.hubId, input.lineId, change);
  return { ...line, ...change };
}
