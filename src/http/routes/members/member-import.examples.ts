import type { Static } from 'typebox';
import type { MemberImportResult } from './member-import.schemas.ts';

export const importMembersExample: Static<typeof MemberImportResult> = {
  imported: 238,
  updated: 12,
  rejected: [
    {
      row: 7,
      errors: [
        'tanggal lahir pada NIK (31-02-90) tidak mungkin (impossible birth date in the NIK (31-02-90))',
      ],
    },
    {
      row: 41,
      errors: ['NIK ganda dalam berkas, sudah di baris 9 (NIK already on row 9)'],
    },
    {
      row: 88,
      errors: [
        "NIK sudah terdaftar sebagai anggota 0042 atas nama Siti Aminah (the NIK is already member 0042's, Siti Aminah)",
      ],
    },
  ],
};
