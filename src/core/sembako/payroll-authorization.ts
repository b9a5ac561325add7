import type { Db } from '../../db/database.ts';
import { businessDateOf, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { loadProgram, notFound } from './program.service.ts';
import {
  findPayrollAuthorizationScan,
  upsertPayrollAuthorization,
} from './participants.repository.ts';
import { findParticipant } from './sembako.repository.ts';
import type { ScanContentType } from './sembako.table.ts';

/** The largest scan or photo of a surat kuasa: 2 MiB. */
export const MAX_SCAN_BYTES = 2 * 1024 * 1024;

const SIGNATURES: { type: ScanContentType; magic: number[]; name: string }[] = [
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff], name: 'JPEG' },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name: 'PNG' },
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'PDF' }, // %PDF-
];

/** What a file is by its first bytes (JPEG, PNG or PDF), whatever it is called or claims to be. */
export function sniffScanType(bytes: Uint8Array): ScanContentType | undefined {
  return SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b))?.type;
}

export interface PayrollAuthorizationInput {
  /** The surat kuasa's number. */
  ref: string;
  /** The date it was signed (WIB, not in the future). */
  signedOn: string;
  scan: { contentType: string; bytes: Uint8Array };
}

/** The refusal of an order for a participant whose surat kuasa is not on file. */
export function payrollAuthorizationMissing(): never {
  throw new DomainError('PayrollAuthorizationMissing', {
    message:
      'Surat kuasa potong gaji belum tercatat. Serahkan surat kuasa potong gaji yang sudah ditandatangani ke kantor program Sembako Bahagia sebelum memesan.',
    messageEn:
      'No payroll-deduction authorization (surat kuasa potong gaji) is on file. Hand in the signed authorization to the Sembako Bahagia program office before ordering.',
  });
}

function invalid(details: ErrorDetail[]): never {
  throw new DomainError('ValidationFailed', {
    message: 'Surat kuasa tidak valid',
    messageEn: 'The authorization is not valid',
    details,
  });
}

/**
 * Records a participant's signed surat kuasa potong gaji: its number, the date it was signed
 * and its scan or photo, kept in the database. Keeps: the number is 1–100 characters; the date
 * is a real date, not in the future; the file is 1 byte to 2 MiB (PayloadTooLarge above) and is
 * the JPEG, PNG or PDF it says it is, by its first bytes (a renamed file is refused). Recording
 * again replaces the earlier one. Until one is recorded, the participant cannot order.
 */
export async function recordPayrollAuthorization(
  db: Db,
  ctx: CommandContext,
  programId: string,
  nip: string,
  input: PayrollAuthorizationInput,
) {
  const program = await loadProgram(db, programId);
  const participant = await findParticipant(db, program.orgId, programId, nip, { lock: true });
  if (!participant) notFound('Peserta', 'Participant');
  const ref = typeof input.ref === 'string' ? input.ref.trim() : '';
  if (!ref || ref.length > 100)
    invalid([
      {
        path: '/ref',
        message: 'wajib diisi, paling banyak 100 karakter',
        messageEn: 'required, up to 100 characters',
      },
    ]);
  const signedOn = businessDateOf(ctx, input.signedOn, '/signedOn');
  const { contentType, bytes } = input.scan;
  const declared = SIGNATURES.find((s) => s.type === contentType);
  if (!declared)
    invalid([
      {
        path: '/scan/contentType',
        message: 'harus gambar JPEG, PNG atau berkas PDF',
        messageEn: 'must be image/jpeg, image/png or application/pdf',
      },
    ]);
  if (bytes.length === 0)
    invalid([{ path: '/scan', message: 'berkasnya kosong', messageEn: 'the file is empty' }]);
  if (bytes.length > MAX_SCAN_BYTES)
    throw new DomainError('PayloadTooLarge', {
      message: `Berkas surat kuasa ${bytes.length} byte, lebih dari batas 2 MB. Pindai ulang dengan resolusi lebih kecil.`,
      messageEn: `The authorization file has ${bytes.length} bytes, above the 2 MB limit. Scan it again at a lower resolution.`,
      details: [
        { path: '/scan', message: 'lebih besar dari 2 MiB', messageEn: 'larger than 2 MiB' },
      ],
    });
  if (sniffScanType(bytes) !== declared.type)
    throw new DomainError('ValidationFailed', {
      message: `Berkas bukan ${declared.name} yang sah: isinya tidak diawali tanda berkas ${declared.name}. Kirim pindaian atau foto asli (JPEG, PNG atau PDF).`,
      messageEn: `The file is not a valid ${declared.name}: its content does not start with the ${declared.name} signature. Send the original scan or photo (JPEG, PNG or PDF).`,
      details: [
        {
          path: '/scan',
          message: `isinya bukan ${declared.name}`,
          messageEn: `content is not ${declared.name}`,
        },
      ],
    });
  const recordedAt = ctx.clock.now().toISOString();
  await upsertPayrollAuthorization(
    db,
    {
      orgId: program.orgId,
      programId,
      nip: participant.nip,
      signedOn,
      contentType: declared.type,
      scan: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      scanSize: bytes.length,
      recordedAt,
      recordedBy: ctx.actor?.userId ?? null,
    },
    ref,
  );
  return {
    nip: participant.nip,
    ref,
    signedOn,
    contentType: declared.type,
    size: bytes.length,
    recordedAt,
  };
}

/** The scan of a participant's surat kuasa, with its type and a file name to save it under. */
export async function getPayrollAuthorizationScan(db: Db, programId: string, nip: string) {
  const program = await loadProgram(db, programId);
  const row = await findPayrollAuthorizationScan(db, program.orgId, programId, nip);
  if (!row) notFound(`Surat kuasa NIP ${nip}`, `Authorization of NIP ${nip}`);
  const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }[
    row.contentType
  ];
  return {
    contentType: row.contentType,
    bytes: row.scan,
    fileName: `surat-kuasa-${row.nip}.${ext}`,
  };
}
