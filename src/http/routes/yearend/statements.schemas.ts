import { Type } from 'typebox';
import { BusinessDate, Month, OneOf, SignedRupiah } from '../../schemas.ts';
import { XLSX } from '../sembako/periods.schemas.ts';
import { PdfBytes } from '../settlement/settlement.schemas.ts';

/** Schemas of the SAK EP financial statements. */
const S = Type.String();

const Period = {
  year: Type.Optional(
    Type.String({
      pattern: '^\\d{4}$',
      examples: ['2025'],
      description: 'A whole year (comparative: the year before)',
    }),
  ),
  from: Type.Optional(Month),
  to: Type.Optional(Month),
};

export const StatementsQuery = Type.Object(Period, {
  additionalProperties: false,
  description:
    'Either `year`, or `from` and `to` (months of one year; comparative: the same months a year earlier)',
});

export const StatementsExportQuery = Type.Object(
  {
    ...Period,
    format: Type.Optional(
      OneOf(['pdf', 'xlsx'] as const, { description: 'pdf (default) or xlsx' }),
    ),
  },
  { additionalProperties: false },
);

const Line = Type.Object({ code: S, name: S, amount: SignedRupiah });
const Section = Type.Object({ key: S, name: S, lines: Type.Array(Line), total: SignedRupiah });

const PeriodProps = {
  from: BusinessDate,
  to: BusinessDate,
  balanceSheet: Type.Object({
    asOf: BusinessDate,
    assets: SignedRupiah,
    liabilities: SignedRupiah,
    equity: SignedRupiah,
    total: SignedRupiah,
    sections: Type.Array(Section),
  }),
  incomeStatement: Type.Object({
    from: BusinessDate,
    to: BusinessDate,
    memberRevenue: SignedRupiah,
    nonMemberRevenue: SignedRupiah,
    subsidyRevenue: SignedRupiah,
    operatingRevenue: SignedRupiah,
    operatingExpenses: SignedRupiah,
    otherIncome: SignedRupiah,
    otherExpenses: SignedRupiah,
    shuBeforeTax: SignedRupiah,
    tax: SignedRupiah,
    shu: SignedRupiah,
    sections: Type.Array(Section),
  }),
  cashFlow: Type.Object({
    from: BusinessDate,
    to: BusinessDate,
    openingCash: SignedRupiah,
    operating: SignedRupiah,
    investing: SignedRupiah,
    financing: SignedRupiah,
    netChange: SignedRupiah,
    closingCash: SignedRupiah,
    sections: Type.Array(Section),
  }),
  equityChanges: Type.Object({
    from: BusinessDate,
    to: BusinessDate,
    opening: SignedRupiah,
    closing: SignedRupiah,
    rows: Type.Array(
      Type.Object({
        code: S,
        name: S,
        opening: SignedRupiah,
        increase: SignedRupiah,
        decrease: SignedRupiah,
        closing: SignedRupiah,
      }),
    ),
  }),
};

export const PeriodStatements = Type.Object(PeriodProps);

export const FinancialStatements = Type.Object({
  orgId: S,
  orgName: S,
  year: Type.Optional(Type.Integer()),
  ...PeriodProps,
  comparative: PeriodStatements,
});

/** The statements as a PDF or an XLSX workbook (one sheet per statement). */
export const StatementsFile = (pdfExample: string) => ({
  description:
    'The four statements with the comparative column: a PDF, or an XLSX workbook with one sheet per statement',
  content: {
    'application/pdf': { schema: PdfBytes, example: pdfExample },
    [XLSX]: { schema: Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' })) },
  },
});
