import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { OrganizationTable } from '../core/network/index.ts';
import { recordPayment } from '../core/settlement/index.ts';
import { addDays, isoWeekday, lastDayOfMonth, monthOf } from '../core/shared/business-date.ts';
import type { CommandContext } from '../core/shared/context.ts';
import { newId } from '../core/shared/ids.ts';
import {
  dismissBankLine,
  findFirstBankDemoFile,
  importBankStatement,
  listBankLines,
  listSupplierInvoices,
  matchBankLine,
  recordSupplierPayment,
  saveBankDemoFile,
} from '../core/treasury/index.ts';
import { seededRandom } from './random.ts';

/** The hub's bank balance when the demo's history begins (its books open with it). */
export const DEMO_OPENING_BANK = 3_000_000_000;
/** How many days at the end of the history the demo leaves unimported, for a newcomer to import. */
export const UNIMPORTED_DAYS = 10;
const FILE_NAME = 'demo-mutasi-bank.mt940';

interface Movement {
  mark: 'C' | 'D';
  sen: number;
  type: 'NTRF' | 'NMSC' | 'NINT';
  remark: string;
  /** The cooperative a transfer without reference is from: the demo's hub user matches it by hand. */
  coopId?: string;
  /** Why the demo's hub user sets the line aside (fees, interest). */
  dismiss?: string;
  /** The supplier a debit pays: the demo's hub user records it as that supplier's payment. */
  supplierId?: string;
}

/**
 * The day the hub pays an invoice: its weekly payment run on Friday, the
 * last one on or before the due date (never late, at most 6 days early).
 */
export function supplierPayDay(dueDate: string): string {
  return addDays(dueDate, -((isoWeekday(dueDate) + 2) % 7));
}

const yymmdd = (date: string) => date.slice(2).replace(/-/g, '');
const amountOf = (sen: number) => `${Math.trunc(sen / 100)},${String(sen % 100).padStart(2, '0')}`;
const balanceOf = (sen: number, date: string) =>
  `${sen < 0 ? 'D' : 'C'}${yymmdd(date)}IDR${amountOf(Math.abs(sen))}`;

/** A remark in :86: lines of at most 65 characters (the parser joins a full line to the next). */
function remarkLines(remark: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < remark.length; i += 65) out.push(remark.slice(i, i + 65));
  return out;
}

/**
 * The hub's Bank Mandiri account over the demo's history, as MT940: the
 * cooperatives' transfers (most carry their payment reference in the remark,
 * a few do not), the hub's transfers to its suppliers in its Friday
 * payment run for the invoices due by then (terms per supplier), the month's fee and interest. The demo imports each day's statement as it goes, through
 * the same import as the Bank screen, up to `UNIMPORTED_DAYS` before today;
 * the whole file is kept for a newcomer, whose import finds its older lines
 * already there (duplicates) and its last days new.
 */
export function demoBank(opts: {
  hubId: string;
  accountNo: string;
  today: string;
  coops: readonly OrganizationTable[];
}) {
  const rnd = seededRandom(2110);
  const cutoff = addDays(opts.today, -UNIMPORTED_DAYS);
  const days = new Map<string, Movement[]>();
  const names = new Map(opts.coops.map((c) => [c.id, c]));
  let transfers = 0;
  let balance = DEMO_OPENING_BANK * 100;
  let statementNo = 0;
  const messages: string[] = [];
  const add = (date: string, m: Movement) => days.set(date, [...(days.get(date) ?? []), m]);
  /** Invoices already in a debit of the file (paid for the books only up to the cut-off). */
  const scheduled = new Set<string>();

  /** One transfer per supplier for its open invoices whose pay day has come (oldest first). */
  async function paySuppliers(db: Kysely<Database>, ctx: CommandContext, date: string) {
    // Only in a Friday run: invoices already due when the file begins (the pilots' history) wait for the first.
    if (isoWeekday(date) !== 5) return;
    const open = await listSupplierInvoices(db, ctx.clock, opts.hubId, { status: 'open' });
    const bySupplier = new Map<string, typeof open>();
    for (const i of open) {
      if (scheduled.has(i.id) || supplierPayDay(i.dueDate) > date) continue;
      scheduled.add(i.id);
      bySupplier.set(i.supplierId, [...(bySupplier.get(i.supplierId) ?? []), i]);
    }
    for (const [supplierId, invoices] of bySupplier) {
      const numbers = invoices.map((i) => i.number);
      add(date, {
        mark: 'D',
        sen: invoices.reduce((t, i) => t + i.outstanding, 0) * 100,
        type: 'NTRF',
        remark:
          `PEMBAYARAN KE ${invoices[0]!.supplierName.toUpperCase()} ${numbers[0]}` +
          (numbers.length > 1 ? ` DAN ${numbers.length - 1} FAKTUR LAIN` : ''),
        supplierId,
      });
    }
  }

  /** The day's MT940 message (empty when nothing moved). */
  function messageOf(date: string): string {
    const moves = days.get(date) ?? [];
    if (!moves.length) return '';
    statementNo++;
    const lines = [
      `{1:F01BMRIIDJAXXX0000000000}{2:O940${yymmdd(date)}BMRIIDJAXXX0000000000${yymmdd(date)}0000N}{4:`,
      `:20:KANA${yymmdd(date)}`,
      `:25:${opts.accountNo}`,
      `:28C:${String(statementNo).padStart(5, '0')}/001`,
      `:60F:${balanceOf(balance, date)}`,
    ];
    moves.forEach((m, i) => {
      const ref = `FT${yymmdd(date)}${String(i + 1).padStart(4, '0')}`;
      lines.push(
        `:61:${yymmdd(date)}${date.slice(5, 7)}${date.slice(8)}${m.mark}${amountOf(m.sen)}${m.type}NONREF//${ref}`,
      );
      const [first, ...rest] = remarkLines(m.remark);
      lines.push(`:86:${first ?? ''}`, ...rest);
      balance += m.mark === 'C' ? m.sen : -m.sen;
    });
    lines.push(`:62F:${balanceOf(balance, date)}`, '-}');
    return lines.join('\r\n') + '\r\n';
  }

  return {
    /**
     * A cooperative pays a statement: most by bank transfer (a line of the
     * statement file, posted when the day's statement is imported), some in
     * cash at the hub's office (recorded at once, as before).
     */
    async pay(
      db: Kysely<Database>,
      ctx: CommandContext,
      date: string,
      p: { coopId: string; amount: number; ref: string },
    ) {
      const coop = names.get(p.coopId);
      if (!coop?.paymentReference || rnd.chance(0.25)) {
        await recordPayment(db, ctx, p.coopId, {
          id: newId(),
          amount: p.amount,
          method: 'cash',
          reference: p.ref,
        });
        return;
      }
      transfers++;
      const period = p.ref.replace(/^\D+/, '');
      const name = coop.name.toUpperCase();
      const withRef = transfers % 7 !== 3;
      add(date, {
        mark: 'C',
        sen: p.amount * 100,
        type: 'NTRF',
        remark: withRef
          ? `TRF DARI ${name} ${coop.paymentReference} TAGIHAN ${period}`
          : `TRF DARI ${name} PEMBAYARAN TAGIHAN ${period}`,
        ...(withRef ? {} : { coopId: p.coopId }),
      });
    },

    /**
     * The day's other movements (suppliers' invoices on their pay day, fee
     * and interest at month end), then, up to the cut-off, the day's
     * statement imported and its leftovers handled as the hub's finance desk
     * would (the supplier debits recorded as those suppliers' payments).
     */
    async closeDay(db: Kysely<Database>, ctx: CommandContext, date: string) {
      await paySuppliers(db, ctx, date);
      if (date === lastDayOfMonth(monthOf(date))) {
        add(date, {
          mark: 'D',
          sen: 25_000_00,
          type: 'NMSC',
          remark: 'BIAYA ADM REKENING GIRO',
          dismiss: 'Biaya administrasi bank',
        });
        add(date, {
          mark: 'C',
          sen: rnd.int(1_000_000_00, 3_000_000_00),
          type: 'NINT',
          remark: 'JASA GIRO',
          dismiss: 'Jasa giro (bunga bank)',
        });
      }
      // Near the end, money the finance desk must place by hand: a cooperative's advance without
      // its reference, and the supplier refunding an overpayment (no cooperative's payment).
      const advance = opts.coops[1];
      if (date === addDays(opts.today, -3) && advance)
        add(date, {
          mark: 'C',
          sen: 2_500_000_00,
          type: 'NTRF',
          remark: `TITIPAN DARI ${advance.name.toUpperCase()} UNTUK TAGIHAN BERIKUTNYA`,
        });
      if (date === addDays(opts.today, -5))
        add(date, {
          mark: 'C',
          sen: 1_750_000_00,
          type: 'NTRF',
          remark: 'PENGEMBALIAN KELEBIHAN BAYAR DARI PT SINAR GULA NUSANTARA',
        });
      const message = messageOf(date);
      if (!message) return;
      messages.push(message);
      if (date > cutoff) return;
      await importBankStatement(db, ctx, opts.hubId, {
        bytes: Buffer.from(message),
        format: 'mt940',
      });
      const open = (await listBankLines(db, opts.hubId, { status: 'unmatched', limit: 500 })).items;
      for (const m of days.get(date) ?? []) {
        const line = open.find((l) => l.date === date && l.remark === m.remark);
        if (!line) continue;
        if (m.coopId)
          await matchBankLine(db, ctx, opts.hubId, line.id, { cooperativeId: m.coopId });
        else if (m.dismiss)
          await dismissBankLine(db, ctx, opts.hubId, line.id, { reason: m.dismiss });
        else if (m.supplierId)
          await recordSupplierPayment(db, ctx, opts.hubId, {
            id: newId(),
            supplierId: m.supplierId,
            amount: m.sen / 100,
            paidOn: date,
            method: 'transfer',
            reference: line.bankReference,
            bankLineId: line.id,
          });
      }
    },

    /** Keeps the whole period's file for the Bank screen's "Unduh contoh mutasi (demo)". */
    async finish(db: Kysely<Database>, ctx: CommandContext) {
      await saveBankDemoFile(db, {
        orgId: opts.hubId,
        fileName: FILE_NAME,
        content: messages.join(''),
        createdAt: ctx.clock.now().toISOString(),
      });
    },
  };
}

/** Writes the demo's statement file into `dir` (the data folder), where a newcomer finds it too. */
export async function writeDemoBankFile(db: Kysely<Database>, dir = 'data') {
  const file = await findFirstBankDemoFile(db);
  if (!file) return undefined;
  await mkdir(dir, { recursive: true });
  const path = join(dir, file.fileName);
  await writeFile(path, file.content);
  return path;
}
