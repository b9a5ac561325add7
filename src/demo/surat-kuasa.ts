import type { Db } from '../db/database.ts';
import { recordPayrollAuthorization } from '../core/sembako/index.ts';
import type { CommandContext } from '../core/shared/context.ts';

/**
 * The demo's signed surat kuasa potong gaji: a one-page PDF per participant, written by hand
 * (no PDF library: a few hundred participants' files in well under a second), which any viewer
 * opens when the program admin looks at the scan.
 */

/** Text for a PDF string: only printable ASCII, with `\`, `(` and `)` escaped. */
const pdfText = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);

export function demoSuratKuasaPdf(p: {
  name: string;
  nip: string;
  opd: string;
  ref: string;
  signedOn: string;
  program: string;
}): Uint8Array {
  const lines = [
    'SURAT KUASA POTONG GAJI',
    `Nomor: ${p.ref}`,
    '',
    'Yang bertanda tangan di bawah ini:',
    `Nama: ${p.name}`,
    `NIP: ${p.nip}`,
    `OPD: ${p.opd}`,
    '',
    `memberi kuasa kepada bendahara gaji untuk memotong gaji saya`,
    `sebesar harga paket ${p.program} yang saya ambil setiap bulan.`,
    '',
    `Jambi, ${p.signedOn}`,
    `${p.name}`,
  ];
  const content = [
    'BT /F1 12 Tf 72 770 Td 16 TL',
    ...lines.map((l) => `(${pdfText(l)}) Tj T*`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Records a roster member's surat kuasa (its PDF) through the command, as the program office would. */
export function recordDemoAuthorization(
  db: Db,
  ctx: CommandContext,
  program: { id: string; name: string },
  person: { nip: string; name: string; opd: string },
  ref: string,
  signedOn: string,
) {
  return recordPayrollAuthorization(db, ctx, program.id, person.nip, {
    ref,
    signedOn,
    scan: {
      contentType: 'application/pdf',
      bytes: demoSuratKuasaPdf({ ...person, ref, signedOn, program: program.name }),
    },
  });
}
