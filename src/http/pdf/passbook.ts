import type { Db } from '../../db/database.ts';
import { dateDdMmYyyy, getPassbook, type PassbookRow } from '../../core/members/index.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { pdfHeader, pdfRupiah, pdfTable, renderPdf } from './pdf-document.ts';

const KIND_WORDS = { pokok: 'Pokok', wajib: 'Wajib', sukarela: 'Sukarela' } as const;
const STATUS_WORDS = { active: 'Aktif', left: 'Keluar', deceased: 'Meninggal dunia' } as const;

const money = (n: number) => (n ? pdfRupiah(n) : '');

/**
 * The member's "buku simpanan" as an A4 PDF (Indonesian): the cooperative,
 * member number, name and NIK; every transaction oldest first with its kind,
 * debit (paid out), credit (paid in) and the kind's balance after it; then
 * the balance of each kind and their total, which are getMemberSavings'.
 */
export async function renderPassbookPdf(
  db: Db,
  clock: Clock,
  coopId: string,
  memberId: string,
): Promise<{ bytes: Buffer; memberNo: string }> {
  const p = await getPassbook(db, clock, coopId, memberId);
  const m = p.member;
  const bytes = await renderPdf(`Buku Simpanan ${m.memberNo} ${m.name}`, (doc) => {
    pdfHeader(doc, {
      org: p.cooperativeName,
      title: 'Buku Simpanan Anggota',
      fields: [
        ['No. anggota', m.memberNo],
        ['Nama', m.name],
        ['NIK', m.nik],
        ['Tanggal masuk', dateDdMmYyyy(m.joinedOn)],
        [
          'Status',
          m.leftOn
            ? `${STATUS_WORDS[m.status]} (${dateDdMmYyyy(m.leftOn)})`
            : STATUS_WORDS[m.status],
        ],
        ['Dicetak', `${dateDdMmYyyy(p.printedOn)} (WIB)`],
      ],
    });
    if (p.rows.length === 0) {
      doc.font('Helvetica').fontSize(10).text('Belum ada transaksi simpanan.');
      doc.moveDown(0.8);
    } else
      pdfTable<PassbookRow>(
        doc,
        [
          { header: 'Tanggal', width: 62, value: (r) => dateDdMmYyyy(r.date) },
          { header: 'Keterangan', width: 150, value: (r) => r.description },
          { header: 'Jenis', width: 55, value: (r) => KIND_WORDS[r.kind] },
          { header: 'Debit', width: 80, align: 'right', value: (r) => money(r.debit) },
          { header: 'Kredit', width: 80, align: 'right', value: (r) => money(r.credit) },
          { header: 'Saldo', width: 88, align: 'right', value: (r) => pdfRupiah(r.balance) },
        ],
        p.rows,
      );
    const totals: [string, number][] = [
      ['Simpanan pokok', p.balance.pokok],
      ['Simpanan wajib', p.balance.wajib],
      ['Simpanan sukarela', p.balance.sukarela],
      ['Jumlah simpanan', p.balance.total],
    ];
    if (p.pokokDue) totals.push(['Sisa simpanan pokok yang harus dibayar', p.pokokDue]);
    if (p.wajibArrears) totals.push(['Tunggakan simpanan wajib', p.wajibArrears]);
    pdfTable<[string, number]>(
      doc,
      [
        { header: 'Saldo', width: 300, value: ([label]) => label },
        { header: 'Jumlah', width: 215, align: 'right', value: ([, n]) => pdfRupiah(n) },
      ],
      totals,
    );
  });
  return { bytes, memberNo: m.memberNo };
}
