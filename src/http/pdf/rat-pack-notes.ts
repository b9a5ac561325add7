import { formatRupiah } from '../../core/shared/money.ts';
import { SHU_KEY_NAMES } from '../../core/yearend/rat-pack-sheets.ts';
import type { RatPack } from '../../core/yearend/rat-pack.types.ts';
import { pdfTable, type Pdf } from './pdf-document.ts';
import { heading, paragraph, persen, tanggalPanjang } from './rat-pack-layout.ts';

const ASSET_ACCOUNTS: Record<string, string> = {
  '1501': 'Tanah dan bangunan',
  '1502': 'Peralatan dan inventaris',
  '1503': 'Kendaraan',
};

/** A useful life in months as words: `60` → `5 tahun`, `18` → `18 bulan`. */
function umur(months: number): string {
  return months % 12 === 0 ? `${months / 12} tahun` : `${months} bulan`;
}

/**
 * Catatan atas laporan keuangan, written from the books' figures: the basis of
 * the statements, the hub's consigned goods (not the cooperative's), the
 * subsidy, the members' savings and numbers, fixed assets, and the SHU.
 */
export function drawNotes(doc: Pdf, pack: RatPack) {
  const { notes: n, year, shu } = pack;
  const yearEnd = tanggalPanjang(`${year}-12-31`);
  doc.addPage();
  heading(doc, `Catatan atas Laporan Keuangan Tahun Buku ${year}`);

  heading(doc, '1. Dasar penyusunan');
  paragraph(
    doc,
    `Laporan keuangan ${pack.cooperative.name} disusun berdasarkan Standar Akuntansi Keuangan Entitas Privat (SAK EP) dengan dasar akrual. ` +
      `Tahun buku meliputi 1 Januari sampai dengan ${yearEnd}. Semua angka dinyatakan dalam rupiah penuh (Rp) dan disajikan bersama angka tahun sebelumnya sebagai pembanding.`,
  );

  heading(doc, '2. Barang konsinyasi dan komisi');
  paragraph(
    doc,
    'Barang yang dititipkan hub dan dijual di toko koperasi tetap milik hub sampai terjual; barang itu tidak dicatat sebagai persediaan dan tidak termasuk dalam laporan posisi keuangan koperasi. ' +
      'Yang dicatat koperasi hanyalah utang kepada pengamanat atas barang yang sudah terjual dan komisi penjualannya sebagai pendapatan.',
  );
  paragraph(
    doc,
    `Per ${yearEnd} di toko koperasi ada ${n.consignedStockUnits.toLocaleString('id-ID')} unit barang titipan hub senilai ${formatRupiah(n.consignedStockValue)} (harga konsinyasi hari itu). ` +
      `Komisi penjualan tahun ${year}: ${formatRupiah(n.memberCommission)} dari penjualan kepada anggota dan ${formatRupiah(n.nonMemberCommission)} dari penjualan kepada non-anggota, jumlah ${formatRupiah(n.memberCommission + n.nonMemberCommission)}.`,
  );

  heading(doc, '3. Subsidi operasional');
  paragraph(
    doc,
    n.subsidy > 0
      ? `Subsidi operasional tahun ${year} dari hub sebesar ${formatRupiah(n.subsidy)} diakui sebagai pendapatan pada akun 4201 Pendapatan Subsidi Operasional pada akhir bulan yang disubsidi, dengan piutang kepada hub sampai subsidi itu dibayarkan atau diperhitungkan dengan tagihan konsinyasi. Subsidi ini termasuk dalam sisa hasil usaha tahun berjalan.`
      : `Koperasi tidak menerima subsidi operasional dalam tahun ${year}.`,
  );

  heading(doc, '4. Simpanan dan anggota');
  paragraph(
    doc,
    `Simpanan pokok (${formatRupiah(n.savings.pokok)}) dan simpanan wajib (${formatRupiah(n.savings.wajib)}) disajikan sebagai ekuitas karena tidak dapat ditarik selama menjadi anggota. ` +
      `Simpanan sukarela (${formatRupiah(n.savings.sukarela)}) disajikan sebagai liabilitas karena dapat ditarik sewaktu-waktu. ` +
      `Jumlah anggota ${n.membersAtStart.toLocaleString('id-ID')} orang pada 1 Januari ${year} dan ${n.membersAtEnd.toLocaleString('id-ID')} orang pada ${yearEnd}.`,
  );

  heading(doc, '5. Aset tetap');
  if (n.fixedAssets.length === 0)
    paragraph(doc, `Koperasi tidak memiliki aset tetap per ${yearEnd}.`);
  else {
    paragraph(
      doc,
      'Aset tetap dicatat sebesar harga perolehan dan disusutkan dengan metode garis lurus sepanjang umur manfaatnya sampai nilai sisanya: mulai bulan perolehan bila diperoleh pada tanggal 1, selain itu mulai bulan berikutnya. ' +
        `Beban penyusutan tahun ${year}: ${formatRupiah(n.depreciation)}.`,
    );
    pdfTable(
      doc,
      [
        { header: 'Aset', width: 150, value: (a: (typeof n.fixedAssets)[number]) => a.name },
        {
          header: 'Kelompok',
          width: 115,
          value: (a) => ASSET_ACCOUNTS[a.accountCode] ?? a.accountCode,
        },
        { header: 'Diperoleh', width: 75, value: (a) => a.acquiredOn },
        {
          header: 'Harga perolehan',
          width: 95,
          align: 'right',
          value: (a) => formatRupiah(a.cost),
        },
        { header: 'Umur', width: 80, align: 'right', value: (a) => umur(a.usefulLifeMonths) },
      ],
      n.fixedAssets,
      {},
    );
  }

  heading(doc, '6. Sisa hasil usaha');
  const split = shu.allocation
    .map((a) => `${SHU_KEY_NAMES[a.key].toLowerCase()} ${persen(a.percent)}`)
    .join(', ');
  paragraph(
    doc,
    shu.shu > 0
      ? `Sisa hasil usaha (SHU) tahun ${year} sebesar ${formatRupiah(shu.shu)} dibagi menurut AD/ART (${split}) seperti pada tabel Pembagian SHU. ` +
          `Bagian jasa anggota dibagi kepada anggota: jasa usaha ${persen(shu.rules.jasaUsahaPercent)} (${formatRupiah(shu.jasaUsaha)}) menurut pembelian anggota, dan jasa modal ${persen(shu.rules.jasaModalPercent)} (${formatRupiah(shu.jasaModal)}) menurut simpanan pokok dan wajib anggota.`
      : `Tahun ${year} ditutup dengan ${shu.shu < 0 ? `defisit ${formatRupiah(-shu.shu)}` : 'SHU nol'}; tidak ada SHU yang dibagikan. ${shu.shu < 0 ? 'Defisit dibawa ke tahun berikutnya pada akun 3401 sesuai AD/ART.' : ''}`,
  );
  if (pack.status === 'draft')
    paragraph(
      doc,
      'Pembagian ini masih simulasi menurut aturan yang tercatat dan belum diputuskan Rapat Anggota Tahunan.',
    );
}
