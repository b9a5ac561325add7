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
  const doc = new PDFDocument({ ...page, compress: false, info: { Title: title } });
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

/** A simple ruled table; starts a new page when the rows run past the bottom margin. */
export function pdfTable<R>(doc: Pdf, columns: PdfColumn<R>[], rows: R[]) {
  const left = doc.page.margins.left;
  const rowHeight = 18;
  const drawRow = (cells: string[], bold: boolean) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      const col = columns[i]!;
      doc.text(cell, x + 3, y + 4, {
        width: col.width - 6,
        align: col.align ?? 'left',
        lineBreak: false,
        ellipsis: true,
      });
      x += col.width;
    });
    const width = columns.reduce((s, c) => s + c.width, 0);
    doc
      .moveTo(left, y + rowHeight)
      .lineTo(left + width, y + rowHeight)
      .lineWidth(0.5)
      .stroke('#999999');
    doc.x = left;
    doc.y = y + rowHeight;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  for (const r of rows)
    drawRow(
      columns.map((c) => c.value(r)),
      false,
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
