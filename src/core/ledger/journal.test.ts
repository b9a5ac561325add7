import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { COOP, HUB } from './chart-of-accounts.ts';
import {
  InvariantViolation,
  checkJournalEntry,
  type JournalEntryInput,
  type JournalLineInput,
} from './journal.ts';

const HUB_ORG = 'org-hub';
const COOP_ORG = 'org-coop-a';

function hubEntry(lines: JournalLineInput[]): JournalEntryInput {
  return {
    orgId: HUB_ORG,
    book: 'hub',
    date: '2026-03-10',
    docType: 'sales_report',
    docId: 'SR-0001',
    memo: 'Penjualan konsinyasi',
    lines,
  };
}

function coopEntry(lines: JournalLineInput[]): JournalEntryInput {
  return { ...hubEntry(lines), orgId: COOP_ORG, book: 'cooperative', docType: 'subsidy' };
}

describe('checkJournalEntry', () => {
  it('accepts a balanced hub entry and returns it unchanged', () => {
    const entry = hubEntry([
      { account: HUB.piutangKonsinyasi, counterpartyOrgId: COOP_ORG, debit: 150_000 },
      { account: HUB.penjualan, counterpartyOrgId: COOP_ORG, credit: 150_000 },
      { account: HUB.hpp, counterpartyOrgId: COOP_ORG, debit: 120_000 },
      { account: HUB.persediaanKoperasi, counterpartyOrgId: COOP_ORG, credit: 120_000 },
    ]);
    expect(checkJournalEntry(entry)).toEqual(entry);
  });

  it('accepts a balanced cooperative entry with several credits for one debit', () => {
    const entry = coopEntry([
      { account: COOP.kas, debit: 165_000 },
      { account: COOP.utangPengamanat, counterpartyOrgId: HUB_ORG, credit: 150_000 },
      { account: COOP.pendapatanKomisi, credit: 15_000 },
    ]);
    expect(checkJournalEntry(entry).lines).toEqual(entry.lines);
  });

  it('drops zero lines and keeps the rest in order', () => {
    const entry = hubEntry([
      { account: HUB.bebanSubsidi, debit: 2_000_000 },
      { account: HUB.kas, debit: 0, credit: 0 },
      { account: HUB.bank },
      { account: HUB.utangSubsidi, counterpartyOrgId: COOP_ORG, credit: 2_000_000 },
    ]);
    const checked = checkJournalEntry(entry);
    expect(checked.lines).toEqual([
      { account: HUB.bebanSubsidi, debit: 2_000_000 },
      { account: HUB.utangSubsidi, counterpartyOrgId: COOP_ORG, credit: 2_000_000 },
    ]);
    expect(checked).toMatchObject({
      orgId: HUB_ORG,
      book: 'hub',
      date: '2026-03-10',
      docType: 'sales_report',
      docId: 'SR-0001',
      memo: 'Penjualan konsinyasi',
    });
    // The caller's entry is left as it was.
    expect(entry.lines).toHaveLength(4);
  });

  it('returns no lines for an entry whose lines are all zero, so nothing is posted', () => {
    const entry = hubEntry([
      { account: HUB.bebanSubsidi, debit: 0 },
      { account: HUB.utangSubsidi, counterpartyOrgId: COOP_ORG, credit: 0 },
    ]);
    expect(checkJournalEntry(entry).lines).toEqual([]);
  });

  it('refuses an unbalanced entry, naming the document and both totals', () => {
    const entry = hubEntry([
      { account: HUB.kas, debit: 100_000 },
      { account: HUB.piutangKonsinyasi, counterpartyOrgId: COOP_ORG, credit: 90_000 },
    ]);
    expect(() => checkJournalEntry(entry)).toThrow(InvariantViolation);
    expect(() => checkJournalEntry(entry)).toThrow(
      'Unbalanced journal entry sales_report SR-0001: debit 100000 ≠ credit 90000',
    );
  });

  it('refuses an entry with only a debit', () => {
    expect(() => checkJournalEntry(hubEntry([{ account: HUB.kas, debit: 1 }]))).toThrow(
      InvariantViolation,
    );
  });

  it('refuses an entry off by a single rupiah', () => {
    const entry = hubEntry([
      { account: HUB.kas, debit: 1_096_774 },
      { account: HUB.utangSubsidi, counterpartyOrgId: COOP_ORG, credit: 1_096_775 },
    ]);
    expect(() => checkJournalEntry(entry)).toThrow(/Unbalanced/);
  });

  it.each([
    ['a negative debit', { debit: -100 }],
    ['a negative credit', { credit: -100 }],
    ['a fractional debit', { debit: 100.5 }],
    ['a fractional credit', { credit: 0.5 }],
    ['a NaN amount', { debit: Number.NaN }],
    ['an infinite amount', { credit: Number.POSITIVE_INFINITY }],
    ['an amount beyond the safe range', { debit: Number.MAX_SAFE_INTEGER + 1 }],
  ])('refuses %s', (_what, amounts) => {
    const entry = hubEntry([{ account: HUB.kas, ...amounts }]);
    expect(() => checkJournalEntry(entry)).toThrow(InvariantViolation);
    expect(() => checkJournalEntry(entry)).toThrow(
      'Journal line amounts must be non-negative integers (sales_report SR-0001)',
    );
  });

  it('refuses a negative line even when the entry would balance', () => {
    const entry = hubEntry([
      { account: HUB.kas, debit: 100 },
      { account: HUB.bank, debit: -100 },
    ]);
    expect(() => checkJournalEntry(entry)).toThrow(/non-negative integers/);
  });

  it('refuses a line that is both a debit and a credit', () => {
    const entry = hubEntry([
      { account: HUB.kas, debit: 100, credit: 100 },
      { account: HUB.bank, debit: 50 },
      { account: HUB.utangUsaha, credit: 50 },
    ]);
    expect(() => checkJournalEntry(entry)).toThrow(InvariantViolation);
    expect(() => checkJournalEntry(entry)).toThrow('A journal line is either a debit or a credit');
  });

  it('refuses an account that is not in the chart', () => {
    const entry = hubEntry([
      { account: '9999', debit: 100 },
      { account: HUB.kas, credit: 100 },
    ]);
    expect(() => checkJournalEntry(entry)).toThrow(InvariantViolation);
    expect(() => checkJournalEntry(entry)).toThrow('Unknown hub account 9999');
  });

  it("refuses an account of the other book's chart", () => {
    // 1202 Piutang Potong Gaji exists only in a cooperative's books.
    const inHub = hubEntry([
      { account: COOP.piutangPotongGaji, debit: 100 },
      { account: HUB.kas, credit: 100 },
    ]);
    expect(() => checkJournalEntry(inHub)).toThrow('Unknown hub account 1202');
    // 1302 Persediaan Dalam Perjalanan exists only in the hub's books.
    const inCoop = coopEntry([
      { account: HUB.persediaanPerjalanan, debit: 100 },
      { account: COOP.kas, credit: 100 },
    ]);
    expect(() => checkJournalEntry(inCoop)).toThrow('Unknown cooperative account 1302');
  });

  it('requires a counterparty on a sub-ledger account', () => {
    const hub = hubEntry([
      { account: HUB.piutangKonsinyasi, debit: 100 },
      { account: HUB.penjualan, credit: 100 },
    ]);
    expect(() => checkJournalEntry(hub)).toThrow(InvariantViolation);
    expect(() => checkJournalEntry(hub)).toThrow('Account 1201 needs counterparty');

    const coop = coopEntry([
      { account: COOP.kas, debit: 100 },
      { account: COOP.utangPengamanat, counterpartyOrgId: '', credit: 100 },
    ]);
    expect(() => checkJournalEntry(coop)).toThrow('Account 2101 needs counterparty');
  });

  it('refuses a counterparty on an account without a sub-ledger', () => {
    const hub = hubEntry([
      { account: HUB.kas, counterpartyOrgId: COOP_ORG, debit: 100 },
      { account: HUB.penjualan, counterpartyOrgId: COOP_ORG, credit: 100 },
    ]);
    expect(() => checkJournalEntry(hub)).toThrow(InvariantViolation);
    expect(() => checkJournalEntry(hub)).toThrow('Account 1101 takes no counterparty');
  });

  it('follows each chart for the same code: 2101 has a sub-ledger for a cooperative only', () => {
    // Hub 2101 Utang Usaha: no sub-ledger.
    expect(() =>
      checkJournalEntry(
        hubEntry([
          { account: HUB.persediaanGudang, debit: 100 },
          { account: HUB.utangUsaha, counterpartyOrgId: 'org-supplier', credit: 100 },
        ]),
      ),
    ).toThrow('Account 2101 takes no counterparty');
    // Cooperative 2101 Utang kepada Pengamanat: by counterparty.
    expect(
      checkJournalEntry(
        coopEntry([
          { account: COOP.kas, debit: 100 },
          { account: COOP.utangPengamanat, counterpartyOrgId: HUB_ORG, credit: 100 },
        ]),
      ).lines,
    ).toHaveLength(2);
  });

  it('refuses totals beyond the safe integer range as a validation failure', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const entry = hubEntry([
      { account: HUB.kas, debit: max },
      { account: HUB.bank, debit: max },
      { account: HUB.utangUsaha, credit: max },
      { account: HUB.penjualan, counterpartyOrgId: COOP_ORG, credit: max },
    ]);
    expect(() => checkJournalEntry(entry)).toThrow(DomainError);
    expect(() => checkJournalEntry(entry)).toThrow(
      expect.objectContaining({ code: 'ValidationFailed' }),
    );
  });

  it('requires the cooperative on an account kept per cooperative, except in a reversal', () => {
    const lines = [
      { account: HUB.persediaanKoperasi, debit: 100 },
      { account: HUB.persediaanPerjalanan, counterpartyOrgId: COOP_ORG, credit: 100 },
    ];
    expect(() => checkJournalEntry(hubEntry(lines))).toThrow(
      'Account 1303 is kept per cooperative: it needs the cooperative as counterparty',
    );
    // A reversal mirrors a document's lines as posted, those from before 1303 was kept per cooperative too.
    const reversal = { ...hubEntry(lines), docType: 'reversal' as const };
    expect(checkJournalEntry(reversal).lines).toEqual(lines);
  });

  it('names its error InvariantViolation', () => {
    try {
      checkJournalEntry(hubEntry([{ account: HUB.kas, debit: 1 }]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvariantViolation);
      expect((e as Error).name).toBe('InvariantViolation');
    }
  });
});
