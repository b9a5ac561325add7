import {
  periodLabels,
  statementTables,
  type FinancialStatements,
  type StatementRow,
} from '../../core/yearend/index.ts';
import { pdfHeader, pdfRupiah, renderPdf, type Pdf } from './pdf-document.ts';

const longDate = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2025-12-31` as `31 Desember 2025`. */
const tanggal = (date: string) => longDate.format(Date.parse(`${date}T00:00:00Z`));

/** An instant as a WIB date and time, `6 Desember 2026 21:05 WIB`. */
function waktuWib(instant: Date): string {
  const wib = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `${tanggal(wib.slice(0, 10))} ${wib.slice(11, 16)} WIB`;
}

const SUBTITLES: Record<string, (fs: FinancialStatements) => string> = {
  balanceSheet: (fs) => `Per ${tanggal(fs.to)} dan ${tanggal(fs.comparative.to)}`,
  incomeStatement: (fs) => `Untuk periode ${tanggal(fs.from)} s.d. ${tanggal(fs.to)}`,
  cashFlow: (fs) => `Untuk periode ${tanggal(fs.from)} s.d. ${tanggal(fs.to)} (metode langsung)`,
  equityChanges: (fs) => `Untuk periode ${tanggal(fs.from)} s.d. ${tanggal(fs.to)}`,
};

const LABEL_W = 295;
const AMOUNT_W = 110;

function drawRow(
  doc: Pdf,
  cells: [string, string, string],
  r: { bold: boolean; indent: number; rule: boolean },
) {
  const left = doc.page.margins.left;
  const height = 16;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  doc.font(r.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
  doc.text(cells[0], left + 3 + r.indent, y + 4, {
    width: LABEL_W - 6 - r.indent,
    lineBreak: false,
    ellipsis: true,
  });
  doc.text(cells[1], left + LABEL_W, y + 4, {
    width: AMOUNT_W - 6,
    align: 'right',
    lineBreak: false,
  });
  doc.text(cells[2], left + LABEL_W + AMOUNT_W, y + 4, {
    width: AMOUNT_W - 6,
    align: 'right',
    lineBreak: false,
  });
  if (r.rule)
    doc
      .moveTo(left, y + height)
      .lineTo(left + LABEL_W + 2 * AMOUNT_W, y + height)
      .lineWidth(0.5)
      .stroke('#999999');
  doc.x = left;
  doc.y = y + height;
}

const amount = (v: number | null) => (v === null ? '' : pdfRupiah(v));

/**
 * The four SAK EP statements with the comparative column, each from the top
 * of a page: laporan posisi keuangan, perhitungan hasil usaha, arus kas and
 * perubahan ekuitas. Draws into a document the caller owns (the RAT pack
 * reuses it).
 */
export function renderStatementsPdf(doc: Pdf, fs: FinancialStatements) {
  const [cur, prev] = periodLabels(fs);
  statementTables(fs).forEach((t, i) => {
    if (i > 0 || doc.y > doc.page.height / 3) doc.addPage();
    else doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(13).text(t.title, { align: 'center' });
    doc.font('Helvetica').fontSize(10).text(fs.orgName, { align: 'center' });
    doc.text(SUBTITLES[t.key]!(fs), { align: 'center' });
    doc.fontSize(8).text('(dalam rupiah)', { align: 'center' });
    doc.moveDown(0.8);
    drawRow(doc, ['Uraian', cur, prev], { bold: true, indent: 0, rule: true });
    t.rows.forEach((r: StatementRow) =>
      drawRow(doc, [r.label, amount(r.current), amount(r.previous)], {
        bold: r.kind !== 'line',
        indent: r.kind === 'line' ? 12 : 0,
        rule: r.kind === 'total' || r.kind === 'grand',
      }),
    );
  });
}

/** The statements as their own PDF: a title block, then the four statements. */
export function financialStatementsPdf(
  fs: FinancialStatements,
  generatedAt: Date,
): Promise<Buffer> {
  const [cur, prev] = periodLabels(fs);
  return renderPdf(`Laporan Keuangan ${fs.orgName} ${cur}`, (doc) => {
    pdfHeader(doc, {
      org: fs.orgName,
      title: 'Laporan Keuangan (SAK EP)',
      fields: [
        ['Periode', `${tanggal(fs.from)} s.d. ${tanggal(fs.to)}`],
        ['Pembanding', prev],
        ['Dibuat', waktuWib(generatedAt)],
      ],
    });
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(
        `Berisi laporan posisi keuangan, perhitungan hasil usaha, laporan arus kas dan laporan perubahan ekuitas ${cur}, disusun dari jurnal pembukuan menurut struktur SAK EP. Jumlah dalam rupiah penuh.`,
      );
    renderStatementsPdf(doc, fs);
  });
}
