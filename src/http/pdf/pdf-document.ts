import PDFDocument from 'pdfkit';
import { formatRupiah } from '../../core/shared/money.ts';

export type Pdf = InstanceType<typeof PDFDocument>;

export interface PdfColumn<R> {
  header: string;
  width: number;
  align?: 'left' | 'right';
  value: (row: R) => string;
}

/**
 * Renders an A4 document (or `page`: another size in points and margin, e.g. a card) with pdfkit's
 * built-in Helvetica (no font files to ship) and returns its bytes. Uncompressed, so that tests can
 * read the text back.
 */
export function renderPdf(
  title: string,
  build: (doc: Pdf) => void,
  page: { size: 'A4' | [number, number]; margin: number } = { size: 'A4', margin: 40 },
): Promise<Buffer> {
  return pdfBytes(new PDFDocument({ ...page, compress: false, info: { Title: title } }), build);
}

/** Runs `build` on a document the caller made and answers the bytes once it has ended. */
export function pdfBytes(doc: Pdf, build: (doc: Pdf) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      build(doc);
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}

/** A title block: the issuing organization, the document's name and number, and label/value pairs. */
export function pdfHeader(
  doc: Pdf,
  h: { org: string; title: string; number?: string; fields: [string, string][] },
) {
  doc.font('Helvetica-Bold').fontSize(16).text(h.org);
  doc.moveDown(0.3).fontSize(13).text(h.title);
  if (h.number) doc.font('Helvetica').fontSize(10).text(h.number);
  doc.moveDown(0.6).font('Helvetica').fontSize(10);
  for (const [label, value] of h.fields) {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(value);
  }
  doc.moveDown(0.8);
}

/** The text cut to fit `width` at the current font, ending in an ellipsis when cut. */
export function pdfFit(doc: Pdf, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * A simple ruled table; starts a new page when the rows run past the bottom margin. With `opts`:
 * the header row shaded and repeated on every page the table runs onto, cells cut to their column
 * (never wrapped into the next row), and the rows `bold` picks (e.g. a total) in bold.
 */
export function pdfTable<R>(
  doc: Pdf,
  columns: PdfColumn<R>[],
  rows: R[],
  opts?: { bold?: (row: R) => boolean },
) {
  const left = doc.page.margins.left;
  const rowHeight = opts ? 17 : 18;
  const width = columns.reduce((s, c) => s + c.width, 0);
  const drawRow = (cells: string[], bold: boolean, header = false) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (opts && !header) drawHeader();
    }
    const y = doc.y;
    if (opts && header) doc.rect(left, y, width, rowHeight).fill('#eeeeee').fillColor('#000000');
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      const col = columns[i]!;
      doc.text(opts ? pdfFit(doc, cell, col.width - 6) : cell, x + 3, y + 4, {
        width: col.width - 6,
        align: col.align ?? 'left',
        lineBreak: false,
        ellipsis: true,
      });
      x += col.width;
    });
    doc
      .moveTo(left, y + rowHeight)
      .lineTo(left + width, y + rowHeight)
      .lineWidth(0.5)
      .stroke('#999999');
    doc.x = left;
    doc.y = y + rowHeight;
  };
  const drawHeader = () =>
    drawRow(
      columns.map((c) => c.header),
      true,
      true,
    );
  // A table with options never leaves its header alone at the foot of a page.
  if (opts && doc.y + 2 * rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
  drawHeader();
  for (const r of rows)
    drawRow(
      columns.map((c) => c.value(r)),
      opts?.bold?.(r) ?? false,
    );
  doc.moveDown(0.8);
}

/** Signature boxes side by side (e.g. the sender, the driver and the receiver of a surat jalan). */
export function pdfSignatures(doc: Pdf, roles: string[]) {
  const left = doc.page.margins.left;
  const width = (doc.page.width - left - doc.page.margins.right) / roles.length;
  if (doc.y + 90 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y + 10;
  roles.forEach((role, i) => {
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(role, left + i * width, y, { width, align: 'center' });
    doc.text('(____________________)', left + i * width, y + 60, { width, align: 'center' });
  });
  doc.x = left;
  doc.y = y + 80;
}

export const pdfRupiah = formatRupiah;
