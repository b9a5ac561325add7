import type { DeliveryNote } from '../../core/consignment/index.ts';
import { longDate } from '../../core/shared/business-date.ts';
import { pdfHeader, pdfSignatures, pdfTable, renderPdf, type Pdf } from './pdf-document.ts';

/** What the surat jalan prints (core's delivery note), with the hub's address where one is on record. */
export interface DeliveryNoteData extends DeliveryNote {
  hubAddress?: string | null;
}

const qty = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const thousandths = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 3 });

/** The PDF's file name: the number with its slashes as dashes, `surat-jalan-SJ-KANA-JBI-2026-03-0001.pdf`. */
export function deliveryNoteFileName(number: string): string {
  return `surat-jalan-${number.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;
}

/** Net weight and volume as printed: `1.250,5 kg`, and the litres of liquids when there are any. */
export function netContentText(netGrams: number, netMillilitres: number): string {
  const kg = `${thousandths.format(netGrams / 1000)} kg`;
  return netMillilitres > 0 ? `${kg} + ${thousandths.format(netMillilitres / 1000)} l` : kg;
}

/** Labels with a line to write on, one under the other (filled in by hand). */
function blanks(doc: Pdf, labels: string[]) {
  const left = doc.page.margins.left;
  doc.font('Helvetica').fontSize(10);
  for (const label of labels) {
    const y = doc.y;
    doc.text(label, left, y, { width: 120, lineBreak: false });
    doc.text(': ______________________________________', left + 120, y, { lineBreak: false });
    doc.x = left;
    doc.y = y + 20;
  }
}

/**
 * The surat jalan (delivery note) that travels with the goods: its number,
 * who sends, who receives, the dispatch date in WIB, each line's SKU,
 * product, quantity and unit, the total quantity and net weight (liquids in
 * litres: no weight is on record for them), blanks for the vehicle, its plate
 * and the driver, and boxes for the sender, the driver and the receiver to
 * sign.
 */
export function renderDeliveryNote(d: DeliveryNoteData): Promise<Buffer> {
  return renderPdf(`Surat Jalan ${d.number}`, (doc) => {
    const village = [
      d.villageName ? `Kel. ${d.villageName}` : null,
      d.districtName ? `Kec. ${d.districtName}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    pdfHeader(doc, {
      org: d.hubName,
      title: 'SURAT JALAN',
      number: `No. ${d.number}`,
      fields: [
        ...(d.hubAddress ? ([['Alamat pengirim', d.hubAddress]] as [string, string][]) : []),
        ['Kepada', d.cooperativeName],
        ...(village ? ([['Alamat', village]] as [string, string][]) : []),
        ['Tanggal pesanan', `${longDate(d.orderDate)}`],
        ['Tanggal kirim', `${longDate(d.dispatchedOn)} (WIB)`],
        ...(d.receivedOn
          ? ([['Tanggal terima', `${longDate(d.receivedOn)} (WIB)`]] as [string, string][])
          : []),
        ...(d.overrideReason
          ? ([['Dikirim dengan persetujuan khusus', d.overrideReason]] as [string, string][])
          : []),
      ],
    });
    const received = d.receivedOn !== null;
    type Row = DeliveryNoteData['lines'][number] & { no: string };
    const rows: Row[] = d.lines.map((l, i) => ({ ...l, no: String(i + 1) }));
    pdfTable<Row>(
      doc,
      [
        { header: 'No', width: 28, value: (r) => r.no },
        { header: 'SKU', width: 80, value: (r) => r.sku },
        { header: 'Produk', width: received ? 205 : 265, value: (r) => r.name },
        { header: 'Jumlah', width: 70, align: 'right', value: (r) => qty.format(r.qty) },
        { header: 'Satuan', width: 72, value: (r) => r.unit },
        ...(received
          ? [
              {
                header: 'Diterima',
                width: 60,
                align: 'right' as const,
                value: (r: Row) => (r.qtyReceived === null ? '' : qty.format(r.qtyReceived)),
              },
            ]
          : []),
      ],
      rows,
    );
    const total = d.lines.reduce((t, l) => t + l.qty, 0);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`Jumlah barang: ${qty.format(total)}`);
    if (received) {
      const got = d.lines.reduce((t, l) => t + (l.qtyReceived ?? 0), 0);
      doc.font('Helvetica').text(`Diterima: ${qty.format(got)}`);
    }
    doc
      .font('Helvetica-Bold')
      .text(`Berat bersih total: ${netContentText(d.netGrams, d.netMillilitres)}`);
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(10).text('Pengangkutan (diisi pengirim)');
    doc.moveDown(0.4).font('Helvetica');
    blanks(doc, ['Kendaraan', 'No. Polisi', 'Pengemudi', 'No. HP pengemudi']);
    doc.moveDown(1);
    pdfSignatures(doc, ['Pengirim', 'Pengemudi', 'Penerima']);
  });
}
