import PDFDocument from 'pdfkit';
import { pdfBytes, type Pdf } from './pdf-document.ts';

const longDate = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2025-12-31` as `31 Desember 2025`. */
export function tanggalPanjang(date: string): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

const percentFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** `12.5` as `12,5%`. */
export function persen(value: number): string {
  return `${percentFormat.format(value)}%`;
}

/** A section title, on a new page when less than `room` points are left. */
export function heading(doc: Pdf, title: string, room = 80) {
  if (doc.y + room > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.font('Helvetica-Bold').fontSize(12).text(title);
  doc.moveDown(0.4);
}

/** A paragraph of body text across the page. */
export function paragraph(doc: Pdf, text: string) {
  doc.x = doc.page.margins.left;
  doc.font('Helvetica').fontSize(10).text(text, { align: 'justify' });
  doc.moveDown(0.5);
}

/**
 * An A4 document whose pages are kept until the end, so that each can be
 * stamped with "Halaman n dari m" and, for a draft, the draft notice at the
 * top. Uncompressed, so that tests can read the text back.
 */
export function renderNumberedPdf(
  title: string,
  draftNotice: string | null,
  build: (doc: Pdf) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: draftNotice ? 56 : 40, bottom: 50, left: 40, right: 40 },
    bufferPages: true,
    compress: false,
    info: { Title: title },
  });
  return pdfBytes(doc, (d) => {
    build(d);
    const range = d.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      d.switchToPage(i);
      const { margins, width, height } = d.page;
      const bottom = margins.bottom;
      // Writing inside the bottom margin would start a new page.
      margins.bottom = 0;
      if (draftNotice)
        d.font('Helvetica-Bold')
          .fontSize(10)
          .fillColor('#b00020')
          .text(draftNotice, margins.left, 22, {
            width: width - margins.left - margins.right,
            align: 'center',
            lineBreak: false,
          });
      d.font('Helvetica')
        .fontSize(8)
        .fillColor('#555555')
        .text(`Halaman ${i - range.start + 1} dari ${range.count}`, margins.left, height - 32, {
          width: width - margins.left - margins.right,
          align: 'center',
          lineBreak: false,
        });
      d.fillColor('#000000');
      margins.bottom = bottom;
    }
  });
}
