import { Type } from 'typebox';
import { OneOf } from '../../schemas.ts';
import { XLSX } from '../sembako/periods.schemas.ts';
import { PdfBytes } from '../settlement/settlement.schemas.ts';

/** Schemas of the members' annual meeting (RAT) pack; its path is a fiscal year's (`FiscalYearParams`). */
export const RatPackQuery = Type.Object(
  {
    format: Type.Optional(
      OneOf(['pdf', 'xlsx'] as const, { description: 'pdf (default) or xlsx' }),
    ),
  },
  { additionalProperties: false },
);

/** The pack as a PDF or an XLSX workbook. */
export const RatPackFile = (pdfExample: string) => ({
  description:
    'The RAT pack: a PDF (cover, statements with comparatives, notes, SHU split, members’ SHU, signatures) or an XLSX workbook of the same figures',
  content: {
    'application/pdf': { schema: PdfBytes, example: pdfExample },
    [XLSX]: { schema: Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' })) },
  },
});
