import QRCode from 'qrcode';
import { getMember } from '../../core/members/index.ts';
import { findOrganizationById } from '../../core/network/index.ts';
import type { Db } from '../../db/database.ts';
import { renderPdf } from './pdf-document.ts';

/** ID-1, the size of a bank card and a KTP: 85.6 × 54 mm in points. */
const CARD: [number, number] = [242.65, 153.07];
const MARGIN = 12;
const QR_SIZE = 84;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** `2026-03-10` as `10 Mar 2026`. */
function tanggal(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/**
 * A member's card (kartu anggota), one card-size page: the cooperative's
 * name, the member's number, name and join date, and a QR holding the card
 * code (`A1571011001-0042`) that the cashier's scanner types into the member
 * search. The member must be the cooperative's (NotFound otherwise).
 */
export async function renderMemberCard(
  db: Db,
  coopId: string,
  memberId: string,
): Promise<{ memberNo: string; bytes: Buffer }> {
  const member = await getMember(db, coopId, memberId);
  const coop = await findOrganizationById(db, coopId);
  // Error correction M and a quiet zone of 2 modules: reads from a worn, printed card.
  const qr = await QRCode.toBuffer(member.cardCode, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: 8,
  });
  const bytes = await renderPdf(
    `Kartu anggota ${member.memberNo} — ${member.name}`,
    (doc) => {
      const [width, height] = CARD;
      const textWidth = width - 2 * MARGIN - QR_SIZE - 8;
      doc.rect(0, 0, width, 30).fill('#1f5f3f');
      doc
        .fillColor('#ffffff')
        .font('Helvetica-Bold')
        .fontSize(9)
        .text(coop?.name ?? '', MARGIN, 7, {
          width: width - 2 * MARGIN,
          ellipsis: true,
          height: 11,
        })
        .font('Helvetica')
        .fontSize(7)
        .text('KARTU ANGGOTA', MARGIN, 18, { width: width - 2 * MARGIN, lineBreak: false });
      doc.fillColor('#000000');
      const field = (label: string, value: string, y: number, size = 9) => {
        doc.font('Helvetica').fontSize(6.5).fillColor('#555555').text(label, MARGIN, y, {
          width: textWidth,
          lineBreak: false,
        });
        doc
          .font('Helvetica-Bold')
          .fontSize(size)
          .fillColor('#000000')
          .text(value, MARGIN, y + 8, { width: textWidth, height: size * 2.4, ellipsis: true });
      };
      field('No. anggota', member.memberNo, 38, 12);
      field('Nama', member.name, 64);
      field('Anggota sejak', tanggal(member.joinedOn), 100);
      const qrX = width - MARGIN - QR_SIZE;
      doc.image(qr, qrX, 36, { width: QR_SIZE, height: QR_SIZE });
      doc
        .font('Helvetica')
        .fontSize(6)
        .text(member.cardCode, qrX - 6, 36 + QR_SIZE + 2, {
          width: QR_SIZE + 12,
          align: 'center',
          lineBreak: false,
        });
      doc
        .fontSize(5.5)
        .fillColor('#555555')
        .text('Tunjukkan kartu ini di kasir koperasi.', MARGIN, height - MARGIN - 4, {
          width: textWidth,
          lineBreak: false,
        });
    },
    { size: CARD, margin: 0 },
  );
  return { memberNo: member.memberNo, bytes };
}
