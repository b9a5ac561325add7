import type { Static } from 'typebox';
import type { CooperativeImportResult } from './cooperative-import.schemas.ts';

export const importCooperativesExample: Static<typeof CooperativeImportResult> = {
  imported: 17,
  updated: 0,
  rejected: [
    {
      row: 5,
      errors: [
        'kode desa 15.71.99.9999 tidak dikenal Kemendagri (unknown Kemendagri village code 15.71.99.9999)',
      ],
    },
    { row: 12, errors: ['nama wajib diisi (name required)'] },
  ],
};
