import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { recordPayment } from '../settlement/index.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { cooperativeOfRemark } from './bank-reference.ts';
import {
  findHubAccountNo,
  findReferencesOfHub,
  insertBankLineIfAbsent,
  insertBankStatement,
  resolveBankLine,
  updateBankStatementCounts,
} from './bank-statement.repository.ts';
import type { BankLineTable } from './bank-statement.table.ts';
import {
  normalizeAccountNo,
  parseBankFile,
  type BankFileFormat,
  type ParsedLine,
} from './parsers/index.ts';

export interface BankImportResult {
  statementId: string;
  /** Movements in the file (pending rows left out). */
  lines: number;
  credits: number;
  /** New credits that became a cooperative's payment now. */
  matched: number;
  /** New lines left for a hub user. */
  unmatched: number;
  /** Lines the hub had already from an earlier file: nothing posted for them. */
  duplicates: number;
  pending: number;
}

/** account|date|C or D|sen|bank reference|occurrence: what makes a line the same line in any file. */
export function identityKeyOf(accountNo: string, line: ParsedLine, occurrence: number): string {
  const mark = line.direction === 'credit' ? 'C' : 'D';
  return [accountNo, line.date, mark, line.amountSen, line.bankReference, occurrence].join('|');
}

/** Each line's order among the identical lines (same date, amount, reference) of its file, from 1. */
export function occurrencesOf(lines: readonly ParsedLine[]): number[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const key = identityKeyOf('', l, 0);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  });
}

/** The account of the import: the file's, the one asked for, or the hub's own; they must agree. */
async function accountOf(
  db: Db,
  hubId: string,
  fromFile: string | null,
  asked: string | undefined,
) {
  const given = asked ? normalizeAccountNo(asked) : null;
  if (fromFile && given && fromFile !== given)
    throw new DomainError('ValidationFailed', {
      message: `Berkas mutasi ditolak: berkas untuk rekening ${fromFile}, bukan ${given}`,
      messageEn: `The bank statement file is refused: it is of account ${fromFile}, not ${given}`,
      details: [
        {
          path: '/accountNo',
          message: `berkas ini untuk rekening ${fromFile}`,
          messageEn: `the file is of account ${fromFile}`,
        },
      ],
    });
  const hubAccount = await findHubAccountNo(db, hubId);
  const account = fromFile ?? given ?? (hubAccount ? normalizeAccountNo(hubAccount) : null);
  if (!account)
    throw new DomainError('ValidationFailed', {
      message: 'Berkas tidak menyebut nomor rekening: isi nomor rekening',
      messageEn: 'The file names no account: give the account number',
      details: [
        {
          path: '/accountNo',
          message: 'wajib diisi untuk berkas ini',
          messageEn: 'required for this file',
        },
      ],
    });
  return account;
}

/**
 * Imports a hub's bank statement file in the caller's transaction: every
 * movement stored once per hub (its identity: account, date, amount, the
 * bank's reference and its order among identical lines), so the same or an
 * overlapping file again posts nothing twice; each new credit whose remark
 * carries one cooperative's payment reference becomes that cooperative's
 * payment at once (`recordPayment`: oldest statement first, by transfer, the
 * bank's reference, received on the line's date). A refused file keeps nothing.
 */
export async function importBankStatement(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  file: { bytes: Uint8Array; format?: BankFileFormat; accountNo?: string },
): Promise<BankImportResult> {
  const parsed = parseBankFile(file.bytes, file.format);
  const today = todayWib(ctx.clock);
  const future = parsed.lines.find((l) => l.date > today);
  if (future)
    throw new DomainError('ValidationFailed', {
      message: `Berkas mutasi ditolak: mutasi bertanggal ${future.date}, sesudah hari ini (${today} WIB)`,
      messageEn: `The bank statement file is refused: a movement is dated ${future.date}, after today (${today} WIB)`,
      details: [
        {
          path: '/file',
          message: 'ada mutasi bertanggal di masa depan',
          messageEn: 'a movement is dated in the future',
        },
      ],
    });
  const accountNo = await accountOf(db, hubId, parsed.accountNo, file.accountNo);
  const now = ctx.clock.now().toISOString();
  const statementId = newId();
  await insertBankStatement(db, {
    orgId: hubId,
    id: statementId,
    format: parsed.format,
    accountNo,
    periodFrom: parsed.periodFrom,
    periodTo: parsed.periodTo,
    fileHash: createHash('sha256').update(file.bytes).digest('hex'),
    lineCount: parsed.lines.length,
    newLines: 0,
    duplicates: 0,
    matched: 0,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now,
  });
  const references = await findReferencesOfHub(db, hubId);
  const occurrences = occurrencesOf(parsed.lines);
  const result: BankImportResult = {
    statementId,
    lines: parsed.lines.length,
    credits: parsed.lines.filter((l) => l.direction === 'credit').length,
    matched: 0,
    unmatched: 0,
    duplicates: 0,
    pending: parsed.pending,
  };
  for (const [i, line] of parsed.lines.entries()) {
    const row: BankLineTable = {
      orgId: hubId,
      id: newId(),
      statementId,
      identityKey: identityKeyOf(accountNo, line, occurrences[i]!),
      accountNo,
      lineDate: line.date,
      direction: line.direction,
      amountSen: line.amountSen,
      bankReference: line.bankReference,
      occurrence: occurrences[i]!,
      remark: line.remark,
      status: 'unmatched',
      cooperativeId: null,
      targetKind: null,
      targetId: null,
      dismissReason: null,
      resolvedBy: null,
      resolvedAt: null,
      createdAt: now,
    };
    if (!(await insertBankLineIfAbsent(db, row))) {
      result.duplicates++;
      continue;
    }
    const coopId =
      line.direction === 'credit' && line.amountSen % 100 === 0
        ? cooperativeOfRemark(line.remark, references)
        : undefined;
    if (!coopId) {
      result.unmatched++;
      continue;
    }
    await postLineAsPayment(db, ctx, hubId, row, coopId);
    result.matched++;
  }
  await updateBankStatementCounts(db, hubId, statementId, {
    newLines: result.lines - result.duplicates,
    duplicates: result.duplicates,
    matched: result.matched,
  });
  return result;
}

/** A credit line becomes the cooperative's payment (`recordPayment`) and the line is matched to it. */
export async function postLineAsPayment(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  line: Pick<BankLineTable, 'id' | 'amountSen' | 'lineDate' | 'bankReference' | 'remark'>,
  coopId: string,
) {
  const payment = await recordPayment(db, ctx, coopId, {
    id: newId(),
    amount: line.amountSen / 100,
    receivedOn: line.lineDate,
    method: 'transfer',
    reference: (line.bankReference || line.remark).slice(0, 200),
  });
  await resolveBankLine(db, hubId, line.id, {
    status: 'matched',
    cooperativeId: coopId,
    targetKind: 'payment',
    targetId: payment.id,
    resolvedBy: ctx.actor?.userId ?? null,
    resolvedAt: ctx.clock.now().toISOString(),
  });
  return payment;
}
