import { formatRupiah } from '../../core/shared/money.ts';
import type { RatPack } from '../../core/yearend/rat-pack.types.ts';
import { SHU_KEY_NAMES } from '../../core/yearend/rat-pack-sheets.ts';
import type { ShuMemberView } from '../../core/yearend/shu.types.ts';
import { renderStatementsPdf } from './financial-statements.ts';
import { pdfTable, type Pdf } from './pdf-document.ts';
import { drawNotes } from './rat-pack-notes.ts';
import {
  heading,
  paragraph,
  persen,
  renderNumberedPdf,
  tanggalPanjang,
} from './rat-pack-layout.ts';

/** Printed at the top of every page of a pack from an open (not yet closed) year. */
export const DRAFT_NOTICE = 'DRAF — belum diputuskan RAT';

function cover(doc: Pdf, pack: RatPack) {
  const { cooperative: c } = pack;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  doc.y = 190;
  doc.font('Helvetica-Bold').fontSize(20).text(c.name, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.4).font('Helvetica').fontSize(11);
  if (c.legalNumber) doc.text(`Badan hukum No. ${c.legalNumber}`, { width, align: 'center' });
  const place = [
    c.villageName && `Desa/Kelurahan ${c.villageName}`,
    c.districtName && `Kecamatan ${c.districtName}`,
  ]
    .filter(Boolean)
    .join(', ');
  if (place) doc.text(place, { width, align: 'center' });
  doc.moveDown(3).font('Helvetica-Bold').fontSize(16);
  doc.text('Laporan Pertanggungjawaban Pengurus', { width, align: 'center' });
  doc.moveDown(0.3).fontSize(14);
  doc.text(`Rapat Anggota Tahunan Tahun Buku ${pack.year}`, { width, align: 'center' });
  doc.moveDown(3).font('Helvetica').fontSize(11);
  doc.text(
    'Isi: laporan posisi keuangan, laporan hasil usaha, laporan arus kas, laporan perubahan ekuitas,',
    {
      width,
      align: 'center',
    },
  );
  doc.text(
    'catatan atas laporan keuangan, pembagian SHU, SHU anggota, dan pengesahan pengurus dan pengawas.',
    {
      width,
      align: 'center',
    },
  );
  doc.moveDown(3);
  doc.text(`Disusun ${tanggalPanjang(pack.today)}`, { width, align: 'center' });
  if (pack.status === 'draft')
    doc
      .moveDown(1)
      .font('Helvetica-Bold')
      .text('Rancangan: angka SHU adalah simulasi sampai tahun buku ditutup.', {
        width,
        align: 'center',
      });
}

function allocation(doc: Pdf, pack: RatPack) {
  const { shu } = pack;
  doc.addPage();
  heading(doc, `Pembagian SHU Tahun Buku ${pack.year}`);
  if (shu.shu <= 0) {
    paragraph(
      doc,
      `SHU tahun ${pack.year}: ${formatRupiah(shu.shu)}. Tidak ada SHU yang dibagikan tahun ini.`,
    );
    return;
  }
  paragraph(doc, `SHU tahun ${pack.year}: ${formatRupiah(shu.shu)}, dibagi menurut AD/ART:`);
  type Row = { label: string; percent: string; amount: number; total?: boolean };
  const rows: Row[] = shu.allocation.map((a) => ({
    label: SHU_KEY_NAMES[a.key],
    percent: persen(a.percent),
    amount: a.amount,
  }));
  rows.push({
    label: 'Jumlah',
    percent: persen(shu.allocation.reduce((t, a) => t + a.percent, 0)),
    amount: shu.allocation.reduce((t, a) => t + a.amount, 0),
    total: true,
  });
  pdfTable(
    doc,
    [
      { header: 'Pos pembagian', width: 285, value: (r: Row) => r.label },
      { header: 'Persen', width: 80, align: 'right', value: (r) => r.percent },
      { header: 'Jumlah', width: 150, align: 'right', value: (r) => formatRupiah(r.amount) },
    ],
    rows,
    { bold: (r) => r.total === true },
  );
  paragraph(
    doc,
    `Jasa anggota terdiri atas jasa usaha ${persen(shu.rules.jasaUsahaPercent)} dari SHU (${formatRupiah(shu.jasaUsaha)}), dibagi menurut pembelian anggota (seluruhnya ${formatRupiah(shu.totalPurchases)}), ` +
      `dan jasa modal ${persen(shu.rules.jasaModalPercent)} dari SHU (${formatRupiah(shu.jasaModal)}), dibagi menurut simpanan pokok dan wajib anggota (seluruhnya ${formatRupiah(shu.totalSavings)}).`,
  );
}

function members(doc: Pdf, pack: RatPack) {
  const { shu } = pack;
  heading(doc, `SHU Anggota Tahun Buku ${pack.year}`, 120);
  if (shu.members.length === 0 || shu.shu <= 0) {
    paragraph(doc, 'Tidak ada SHU anggota tahun ini.');
    return;
  }
  type Row = ShuMemberView;
  const sum = (k: 'purchases' | 'savings' | 'jasaUsaha' | 'jasaModal' | 'total') =>
    shu.members.reduce((t, m) => t + m[k], 0);
  const rows: Row[] = [
    ...shu.members,
    {
      memberId: '',
      memberNo: '',
      name: 'Jumlah',
      purchases: sum('purchases'),
      savings: sum('savings'),
      jasaUsaha: sum('jasaUsaha'),
      jasaModal: sum('jasaModal'),
      total: sum('total'),
    },
  ];
  const money = (k: 'purchases' | 'savings' | 'jasaUsaha' | 'jasaModal' | 'total') => (r: Row) =>
    formatRupiah(r[k]);
  pdfTable(
    doc,
    [
      { header: 'No.', width: 34, value: (r: Row) => r.memberNo },
      { header: 'Nama', width: 140, value: (r) => r.name },
      { header: 'Pembelian', width: 75, align: 'right', value: money('purchases') },
      { header: 'Simpanan', width: 70, align: 'right', value: money('savings') },
      { header: 'Jasa usaha', width: 62, align: 'right', value: money('jasaUsaha') },
      { header: 'Jasa modal', width: 62, align: 'right', value: money('jasaModal') },
      { header: 'Jumlah', width: 72, align: 'right', value: money('total') },
    ],
    rows,
    { bold: (r) => r.memberId === '' },
  );
}

/** A row of signature boxes: the title, room to sign, and the name (or a blank line). */
function signatureRow(doc: Pdf, people: RatPack['signatories']) {
  const left = doc.page.margins.left;
  const colWidth = (doc.page.width - left - doc.page.margins.right) / 3;
  for (let i = 0; i < people.length; i += 3) {
    if (doc.y + 90 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y + 6;
    const row = people.slice(i, i + 3);
    // A row of fewer than three is centred.
    const start = left + ((3 - row.length) * colWidth) / 2;
    row.forEach((p, j) => {
      const x = start + j * colWidth;
      doc.font('Helvetica').fontSize(10).text(p.title, x, y, { width: colWidth, align: 'center' });
      doc.text(p.name ? `( ${p.name} )` : '( ____________________ )', x, y + 55, {
        width: colWidth,
        align: 'center',
      });
    });
    doc.x = left;
    doc.y = y + 85;
  }
}

function signatures(doc: Pdf, pack: RatPack) {
  heading(doc, 'Pengesahan', 260);
  paragraph(
    doc,
    `Laporan ini disampaikan pengurus kepada Rapat Anggota Tahunan dan telah diperiksa pengawas. ${pack.cooperative.villageName ?? pack.cooperative.name}, ${tanggalPanjang(pack.today)}.`,
  );
  doc.font('Helvetica-Bold').fontSize(10).text('Pengurus');
  signatureRow(
    doc,
    pack.signatories.filter((s) => s.role !== 'pengawas'),
  );
  doc.font('Helvetica-Bold').fontSize(10).text('Pengawas');
  signatureRow(
    doc,
    pack.signatories.filter((s) => s.role === 'pengawas'),
  );
}

/**
 * The members' annual meeting pack as one PDF: the cover, the four statements
 * with comparatives, the notes, the SHU split and each member's SHU, and the
 * officers' signatures; every page numbered, and a draft marked on every page.
 */
export function renderRatPackPdf(pack: RatPack): Promise<Buffer> {
  return renderNumberedPdf(
    `Paket RAT ${pack.cooperative.name} ${pack.year}`,
    pack.status === 'draft' ? DRAFT_NOTICE : null,
    (doc) => {
      cover(doc, pack);
      doc.addPage();
      renderStatementsPdf(doc, pack.statements);
      drawNotes(doc, pack);
      allocation(doc, pack);
      members(doc, pack);
      signatures(doc, pack);
    },
  );
}
