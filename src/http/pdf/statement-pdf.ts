import type { Db } from '../../db/database.ts';
import {
  findOrganizationById,
  findParticipationOn,
  type OrganizationTable,
} from '../../core/network/index.ts';
import {
  findStatementById,
  findStatementDocuments,
  getCreditPosition,
} from '../../core/settlement/index.ts';
import { todayWib, type Clock } from '../../core/shared/clock.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { pdfHeader, pdfRupiah, pdfTable, renderPdf, type Pdf } from './pdf-document.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const METHODS: Record<string, string> = { cash: 'Tunai', transfer: 'Transfer bank', qris: 'QRIS' };

/** `2026-03-10` as `10 Mar 2026`. */
function tanggal(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** An instant as a WIB date and time, `10 Mar 2026 10:00 WIB`. */
function waktuWib(iso: string): string {
  const wib = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${tanggal(wib.slice(0, 10))} ${wib.slice(11, 16)} WIB`;
}

function section(doc: Pdf, title: string) {
  if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(11).text(title);
  doc.moveDown(0.3);
}

function none(doc: Pdf, text: string) {
  doc.font('Helvetica').fontSize(9).text(text);
  doc.moveDown(0.8);
}

type BankAccount = Pick<OrganizationTable, 'bankName' | 'bankAccountNo' | 'bankAccountName'>;

/**
 * "Cara pembayaran": the hub's bank account and the reference the
 * cooperative writes in the transfer's remark, by which the hub's bank
 * statement import recognizes whose transfer it is.
 */
function howToPay(doc: Pdf, hub: BankAccount | undefined, reference: string | null) {
  section(doc, 'Cara pembayaran');
  const rows: [string, string][] = hub?.bankAccountNo
    ? [
        ['Bank', hub.bankName ?? '-'],
        ['No. rekening', hub.bankAccountNo],
        ['Atas nama', hub.bankAccountName ?? '-'],
      ]
    : [['Rekening', 'Rekening hub belum tercatat; tanyakan kepada hub']];
  if (reference) rows.push(['Berita transfer', reference]);
  doc.fontSize(10);
  for (const [label, value] of rows) {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(value);
  }
  if (reference)
    doc
      .moveDown(0.3)
      .fontSize(8)
      .text(
        `Tulis ${reference} pada berita/keterangan transfer agar pembayaran dikenali (write it in the transfer remark).`,
      );
  doc.moveDown(0.8);
}

/**
 * A cooperative's statement as the hub issues it: the period's numbers from
 * opening to closing balance, what is still outstanding today, how to pay
 * (the hub's bank account and the cooperative's payment reference), and every
 * document behind the numbers, so a manager can trace each one.
 */
export async function renderStatementPdf(
  db: Db,
  clock: Clock,
  coopId: string,
  statementId: string,
): Promise<{ bytes: Buffer; periodEnd: string }> {
  const s = await findStatementById(db, coopId, statementId);
  if (!s)
    throw new DomainError('NotFound', {
      message: 'Tagihan tidak ditemukan',
      messageEn: 'Statement not found',
    });
  const [coop, hub, participation, docs] = await Promise.all([
    findOrganizationById(db, coopId),
    findOrganizationById(db, s.hubId),
    findParticipationOn(db, coopId, todayWib(clock)),
    findStatementDocuments(db, coopId, s.id),
  ]);
  const today = todayWib(clock);
  const position = await getCreditPosition(db, coopId, today, participation?.graceDays ?? 0);
  const outstanding = position.statements.find((x) => x.id === s.id)?.outstanding ?? 0;
  const hubName = hub?.name ?? s.hubId;
  const coopName = coop?.name ?? coopId;
  const bytes = await renderPdf(`Tagihan ${coopName} ${s.periodEnd}`, (doc) => {
    pdfHeader(doc, {
      org: hubName,
      title: 'Tagihan Konsinyasi',
      number: `No. ${s.number}`,
      fields: [
        ['Kepada', coopName],
        ['Dari', hubName],
        ['Periode', `${tanggal(s.periodStart)} s.d. ${tanggal(s.periodEnd)}`],
        ['Diterbitkan', waktuWib(s.issuedAt)],
        ['Jatuh tempo', tanggal(s.dueDate)],
      ],
    });
    section(doc, 'Ringkasan');
    pdfTable(
      doc,
      [
        { header: 'Uraian', width: 360, value: (r: [string, string]) => r[0] },
        { header: 'Jumlah', width: 155, align: 'right', value: (r: [string, string]) => r[1] },
      ],
      [
        ['Saldo awal', pdfRupiah(s.openingBalance)],
        ['+ Penjualan pada harga konsinyasi', pdfRupiah(s.salesAmount)],
        ['+ Susut stok opname', pdfRupiah(s.shrinkageAmount)],
        ['- Pembayaran', pdfRupiah(s.paymentsAmount)],
        ['- Subsidi dinetting', pdfRupiah(s.subsidyNettedAmount)],
        ['= Saldo akhir', pdfRupiah(s.closingBalance)],
        [`Jatuh tempo`, tanggal(s.dueDate)],
        [`Sisa belum dibayar per ${tanggal(today)}`, pdfRupiah(outstanding)],
      ],
    );
    howToPay(doc, hub, coop?.paymentReference ?? null);

    section(doc, 'Penjualan per hari');
    if (docs.salesByDay.length === 0) none(doc, 'Tidak ada penjualan pada periode ini.');
    else
      pdfTable(
        doc,
        [
          {
            header: 'Tanggal',
            width: 180,
            value: (r: { label: string; sales: number; amount: number }) => r.label,
          },
          { header: 'Transaksi', width: 120, align: 'right', value: (r) => String(r.sales) },
          {
            header: 'Nilai konsinyasi',
            width: 215,
            align: 'right',
            value: (r) => pdfRupiah(r.amount),
          },
        ],
        [
          ...docs.salesByDay.map((r) => ({ ...r, label: tanggal(r.saleDate) })),
          {
            label: 'Jumlah',
            sales: docs.salesByDay.reduce((t, r) => t + r.sales, 0),
            amount: docs.salesByDay.reduce((t, r) => t + r.amount, 0),
          },
        ],
      );

    section(doc, 'Penjualan per produk');
    if (docs.salesByProduct.length === 0) none(doc, 'Tidak ada penjualan pada periode ini.');
    else
      pdfTable(
        doc,
        [
          { header: 'SKU', width: 80, value: (r: (typeof docs.salesByProduct)[number]) => r.sku },
          { header: 'Produk', width: 215, value: (r) => r.name },
          { header: 'Jumlah', width: 80, align: 'right', value: (r) => String(r.qty) },
          {
            header: 'Nilai konsinyasi',
            width: 140,
            align: 'right',
            value: (r) => pdfRupiah(r.amount),
          },
        ],
        docs.salesByProduct,
      );

    section(doc, 'Stok opname dengan susut');
    const counts = docs.counts.filter((c) => c.shrinkageAmount > 0);
    if (counts.length === 0) none(doc, 'Tidak ada susut pada periode ini.');
    else
      pdfTable(
        doc,
        [
          {
            header: 'Tanggal',
            width: 140,
            value: (r: (typeof counts)[number]) => tanggal(r.countDate),
          },
          { header: 'No. dokumen', width: 235, value: (r) => r.number },
          {
            header: 'Susut',
            width: 140,
            align: 'right',
            value: (r) => pdfRupiah(r.shrinkageAmount),
          },
        ],
        counts,
      );

    section(doc, 'Pembayaran');
    if (docs.payments.length === 0) none(doc, 'Tidak ada pembayaran pada periode ini.');
    else
      pdfTable(
        doc,
        [
          {
            header: 'Tanggal',
            width: 75,
            value: (r: (typeof docs.payments)[number]) => tanggal(r.receivedOn),
          },
          { header: 'No. bukti', width: 140, value: (r) => r.number },
          { header: 'Metode', width: 70, value: (r) => METHODS[r.method] ?? r.method },
          { header: 'Referensi', width: 110, value: (r) => r.reference || '-' },
          { header: 'Jumlah', width: 120, align: 'right', value: (r) => pdfRupiah(r.amount) },
        ],
        docs.payments,
      );

    section(doc, 'Subsidi operasional dinetting');
    if (docs.netted.length === 0) none(doc, 'Tidak ada subsidi yang dinetting pada periode ini.');
    else
      pdfTable(
        doc,
        [
          { header: 'Bulan', width: 140, value: (r: (typeof docs.netted)[number]) => r.month },
          {
            header: 'Tanggal',
            width: 235,
            value: (r) => (r.settledOn ? tanggal(r.settledOn) : '-'),
          },
          { header: 'Jumlah', width: 140, align: 'right', value: (r) => pdfRupiah(r.amount) },
        ],
        docs.netted,
      );

    if (docs.reversals.length > 0) {
      section(doc, 'Penyesuaian: dokumen dibatalkan');
      pdfTable(
        doc,
        [
          {
            header: 'Tanggal',
            width: 75,
            value: (r: (typeof docs.reversals)[number]) => tanggal(r.reversalDate),
          },
          { header: 'Dokumen', width: 110, value: (r) => r.docType },
          { header: 'Alasan', width: 210, value: (r) => r.reason },
          {
            header: 'Jumlah',
            width: 120,
            align: 'right',
            value: (r) =>
              pdfRupiah(
                r.salesAmount + r.shrinkageAmount - r.paymentsAmount - r.subsidyNettedAmount,
              ),
          },
        ],
        docs.reversals,
      );
    }
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(
        'Penjualan dan susut dihitung pada harga konsinyasi yang berlaku pada tanggal dokumen. Pembayaran dialokasikan ke tagihan tertua lebih dulu.',
      );
  });
  return { bytes, periodEnd: s.periodEnd };
}
