import {
  checkBalance,
  dateOf,
  normalizeAccountNo,
  refuseFile,
  senOf,
  type ParsedLine,
  type ParsedStatement,
} from './statement.ts';

interface Tag {
  tag: string;
  lines: string[];
  /** The file's line number (from 1) where the tag starts. */
  at: number;
}

/** The SWIFT block 4 bodies of a file (`{4:` … `-}`), or the whole text when it has no envelope. */
function messageBodies(text: string): { body: string; offset: number }[] {
  if (!text.includes('{4:')) return [{ body: text, offset: 0 }];
  const bodies: { body: string; offset: number }[] = [];
  let from = 0;
  for (let start = text.indexOf('{4:'); start >= 0; start = text.indexOf('{4:', from)) {
    const end = text.indexOf('-}', start);
    if (end < 0)
      refuseFile(
        'berkas terpotong: pesan SWIFT tidak ditutup dengan "-}"',
        'the file is truncated: a SWIFT message is not closed with "-}"',
      );
    const offset = text.slice(0, start + 3).split('\n').length - 1;
    bodies.push({ body: text.slice(start + 3, end), offset });
    from = end + 2;
  }
  return bodies;
}

function tagsOf(body: string, offset: number): Tag[] {
  const tags: Tag[] = [];
  body.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    const m = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (m) tags.push({ tag: m[1]!, lines: [m[2]!], at: offset + i + 1 });
    else if (line === '-' || line === '') return;
    else if (tags.length) tags[tags.length - 1]!.lines.push(line);
  });
  return tags;
}

/** `C261001IDR1000000,00` → the signed balance in sen and its date. */
function balanceOf(t: Tag): { sen: number; date: string; currency: string } {
  const m = /^([CD])(\d{2})(\d{2})(\d{2})([A-Z]{3})([\d,]+)$/.exec(t.lines[0]!.trim());
  if (!m)
    refuseFile(
      `saldo :${t.tag}: tidak terbaca di baris ${t.at}`,
      `balance :${t.tag}: unreadable on line ${t.at}`,
    );
  const sen = senOf(m[6]!, ',', `:${t.tag}: line ${t.at}`);
  return {
    sen: m[1] === 'D' ? -sen : sen,
    date: dateOf(2000 + Number(m[2]), m[3]!, m[4]!, `:${t.tag}: line ${t.at}`),
    currency: m[5]!,
  };
}

/**
 * `:61:` — value date YYMMDD, optional entry date MMDD, mark (C, D, RC a
 * reversed credit = money out, RD a reversed debit = money in), optional funds
 * code, amount with a decimal comma, transaction type (NTRF…), the account
 * owner's reference and after `//` the bank's; supplementary details on the
 * next line.
 */
const LINE_RE =
  /^(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(RC|RD|C|D)([A-Z])?(\d+,\d{0,2})([A-Z][A-Z0-9]{3})?([^/]*?)(?:\/\/(.*))?$/;

function statementLineOf(t: Tag): Omit<ParsedLine, 'remark'> {
  const m = LINE_RE.exec(t.lines[0]!.trim());
  if (!m)
    refuseFile(
      `baris mutasi :61: tidak terbaca di baris ${t.at}`,
      `:61: unreadable on line ${t.at}`,
    );
  const where = `:61: line ${t.at}`;
  const year = 2000 + Number(m[1]);
  const valueMonth = Number(m[2]);
  let date = dateOf(year, m[2]!, m[3]!, where);
  if (m[4] && m[5]) {
    // The entry (booking) date has no year: it is the value date's, or the next or previous
    // one across a year end.
    const entryMonth = Number(m[4]);
    const y =
      entryMonth === 1 && valueMonth === 12
        ? year + 1
        : entryMonth === 12 && valueMonth === 1
          ? year - 1
          : year;
    date = dateOf(y, m[4], m[5], where);
  }
  const sen = senOf(m[8]!, ',', where);
  if (sen <= 0) refuseFile(`jumlah nol di baris ${t.at}`, `zero amount on line ${t.at}`);
  const mark = m[6]!;
  const ref = (s: string | undefined) => {
    const v = (s ?? '').trim();
    return v === 'NONREF' ? '' : v;
  };
  return {
    date,
    direction: mark === 'C' || mark === 'RD' ? 'credit' : 'debit',
    amountSen: sen,
    bankReference: ref(m[11]) || ref(m[10]),
  };
}

/** :86: lines joined: a line cut at the 65-character limit continues the word it cut. */
function remarkOf(lines: readonly string[]): string {
  let out = '';
  lines.forEach((l, i) => {
    out += i === 0 ? l : (lines[i - 1]!.length >= 65 ? '' : ' ') + l;
  });
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * An MT940 customer statement (one or several statements, with or without
 * the SWIFT envelope): tags :20: :25: :28C: :60F:/:60M: :61:/:86: :62F:/:62M:.
 * Each statement's opening balance plus its movements must equal its closing
 * balance, or the file is refused naming both figures.
 */
export function parseMt940(text: string): ParsedStatement {
  const statements: Tag[][] = [];
  for (const { body, offset } of messageBodies(text)) {
    for (const t of tagsOf(body, offset)) {
      if (t.tag === '20' || !statements.length) statements.push([]);
      statements[statements.length - 1]!.push(t);
    }
  }
  if (!statements.length || !statements.some((s) => s.some((t) => t.tag === '20')))
    refuseFile('bukan berkas MT940 (tag :20: tidak ada)', 'not an MT940 file (no :20: tag)');
  const lines: ParsedLine[] = [];
  let account: string | null = null;
  let from: string | null = null;
  let to: string | null = null;
  statements.forEach((tags, i) => {
    const where = `statement ${i + 1}`;
    const find = (re: RegExp) => tags.find((t) => re.test(t.tag));
    const acct = find(/^25P?$/);
    const open = find(/^60[FM]$/);
    const close = find(/^62[FM]$/);
    if (!acct || !open)
      refuseFile(
        `rekening (:25:) atau saldo awal (:60F:) tidak ada di pernyataan ${i + 1}`,
        `account (:25:) or opening balance (:60F:) missing in ${where}`,
      );
    if (!close)
      refuseFile(
        `berkas terpotong: saldo akhir (:62F:) tidak ada di pernyataan ${i + 1}`,
        `the file is truncated: the closing balance (:62F:) is missing in ${where}`,
      );
    const no = normalizeAccountNo((acct.lines[0]!.split('/').pop() ?? '').replace(/[A-Z]{3}$/, ''));
    if (account !== null && account !== no)
      refuseFile(
        `satu berkas untuk satu rekening (${account} dan ${no})`,
        `one file per account (${account} and ${no})`,
      );
    account = no;
    const opening = balanceOf(open);
    const closing = balanceOf(close);
    if (opening.currency !== 'IDR' || closing.currency !== 'IDR')
      refuseFile('hanya rekening rupiah (IDR)', 'rupiah (IDR) accounts only');
    const own: ParsedLine[] = [];
    tags.forEach((t, k) => {
      if (t.tag !== '61') return;
      const next = tags[k + 1];
      const remark = next?.tag === '86' ? remarkOf(next.lines) : remarkOf(t.lines.slice(1));
      own.push({ ...statementLineOf(t), remark });
    });
    checkBalance(opening.sen, own, closing.sen, `pernyataan ${i + 1}`, where);
    lines.push(...own);
    if (from === null || opening.date < from) from = opening.date;
    if (to === null || closing.date > to) to = closing.date;
  });
  return { format: 'mt940', accountNo: account, periodFrom: from, periodTo: to, lines, pending: 0 };
}
