import type { DocType } from '../shared/doc-type.ts';
import { chartFor, type BookKind } from './chart-of-accounts.ts';

const TYPE_NAME = {
  aset: 'Aset',
  liabilitas: 'Liabilitas',
  ekuitas: 'Ekuitas',
  pendapatan: 'Pendapatan',
  beban: 'Beban',
} as const;

export interface JournalRow {
  entryId: string;
  entryDate: string;
  docType: DocType;
  docId: string;
  memo: string;
  accountCode: string;
  counterpartyOrgId: string;
  debit: number;
  credit: number;
}

/** hledger/ledger account names: no colons inside a part, no runs of spaces. */
function part(text: string): string {
  return text
    .replace(/[:;\t]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A plain-text journal that hledger (1.25+) and ledger 3 read: one
 * transaction per journal entry, amounts in whole IDR, credits negative.
 */
export function formatHledgerJournal(
  book: BookKind,
  orgName: string,
  rows: JournalRow[],
  orgNames: Map<string, string>,
): string {
  const accounts = new Map(chartFor(book).map((a) => [a.code, a]));
  const accountName = (code: string, cp: string) => {
    const a = accounts.get(code);
    const base = a ? `${TYPE_NAME[a.type]}:${code} ${part(a.name)}` : `Lainnya:${code}`;
    // An account kept per cooperative is one account, as in the trial balance.
    return cp && !a?.byCooperative ? `${base}:${part(orgNames.get(cp) ?? cp)}` : base;
  };
  const out: string[] = [
    `; Lumbung — jurnal ${part(orgName)} (${book === 'hub' ? 'hub' : 'koperasi'}), amounts in IDR`,
    '',
  ];
  let current = '';
  for (const r of rows) {
    if (r.entryId !== current) {
      if (current) out.push('');
      current = r.entryId;
      out.push(`${r.entryDate} ${part(r.memo) || r.docType}  ; ${r.docType}:${r.docId}`);
    }
    const amount = r.debit > 0 ? r.debit : -r.credit;
    out.push(`    ${accountName(r.accountCode, r.counterpartyOrgId)}  IDR ${amount}`);
  }
  out.push('');
  return out.join('\n');
}
