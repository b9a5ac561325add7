import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  ParticipantList,
  PayrollAuthorization,
  PayrollAuthorizationBody,
  ReissuedCode,
} from './participants.schemas.ts';
import { SEMBAKO_IDS } from './sembako.examples.ts';

const { coop } = EXAMPLE_IDS;
const { nip } = SEMBAKO_IDS;

export const participantsExample: Static<typeof ParticipantList> = {
  items: [
    {
      nip,
      name: 'Budi Santoso',
      opd: 'Dinas Pendidikan',
      phone: '081234567890',
      villageCode: '15.71.01.1001',
      pickupCooperativeId: coop,
      pickupCooperativeName: 'KDKMP Simpang IV Sipin',
      activated: true,
      payrollAuthorization: { ref: 'SK-PG/DISDIK/2026/0412', signedOn: '2026-02-20' },
      open: 50_000,
      owedAtPickup: 0,
    },
  ],
  nextCursor: 'WyIxOTg1MDMxNTIwMTAwMTEwMDIiLCIxOTg1MDMxNTIwMTAwMTEwMDIiXQ',
};

/** A 1 × 1 PNG: the smallest real scan. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const payrollAuthorizationBodyExample: Static<typeof PayrollAuthorizationBody> = {
  ref: 'SK-PG/DISDIK/2026/0412',
  signedOn: '2026-02-20',
  scan: { contentType: 'image/png', base64: PNG_BASE64 },
};

export const payrollAuthorizationExample: Static<typeof PayrollAuthorization> = {
  nip,
  ref: 'SK-PG/DISDIK/2026/0412',
  signedOn: '2026-02-20',
  contentType: 'image/png',
  size: 70,
  recordedAt: '2026-02-21T02:30:00.000Z',
};

export const scanPdfExample = '%PDF-1.4 …';

export const reissuedCodeExample: Static<typeof ReissuedCode> = {
  nip,
  code: 'K7PQ-2M9X',
  whatsappUrl:
    'https://wa.me/6281234567890?text=Kode%20aktivasi%20akun%20Sembako%20Bahagia%20untuk%20NIP%20198503152010011002%3A%20K7PQ-2M9X',
};
