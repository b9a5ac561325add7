import { Type } from 'typebox';
import { DomainError } from '../../../core/shared/errors.ts';
import { BusinessDate, Id, Instant, OneOf, withExample } from '../../schemas.ts';
import { PageQuery } from '../../cursor.ts';

export const BANK_FILE = 'application/octet-stream';
const Format = OneOf(['mt940', 'csv-bca', 'csv-mandiri', 'snap-json'] as const, {
  description:
    'mt940 (SWIFT MT940), csv-bca (KlikBCA mutasi rekening CSV), csv-mandiri (Mandiri mutasi rekening CSV), snap-json (the SNAP BI Bank Statement answer); detected from the file when absent',
});
const Status = OneOf(['unmatched', 'matched', 'dismissed'] as const);

export const ImportBankQuery = Type.Object(
  {
    format: Type.Optional(Format),
    accountNo: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description:
          "The hub's account the file is of: needed when the file does not name it (SNAP JSON), checked when it does; the hub's own account otherwise",
      }),
    ),
  },
  { additionalProperties: false },
);

/** A one-day MT940 statement of the hub's account (the demo's file holds one per day). */
export const sampleMt940 = `{1:F01BMRIIDJAXXX0000000000}{2:O940...}{4:
:20:KANA-261001
:25:1100012345678
:28C:00001/001
:60F:C260930IDR2500000000,00
:61:2610011001C1500000,00NTRFNONREF//FT26100100001
:86:TRF LMB15710110014 KDKMP LEGOK TAGIHAN 2026-09-30
:62F:C261001IDR2501500000,00
-}`;

const BankFileJson = Type.Object(
  { file: Type.String({ minLength: 1, maxLength: 1_000_000, contentEncoding: 'base64' }) },
  { additionalProperties: false },
);

/** The bank's file as it comes: its bytes, or as JSON its bytes in base64. */
export const BankFileBody = {
  description:
    "The bank's file as it comes, up to 8 MiB: its bytes as application/octet-stream (MT940, the CSV exports, SNAP JSON), or as JSON {file} with the bytes in base64 (up to 1 MiB). UTF-8 (with or without BOM); other encodings are refused",
  content: {
    'application/json': {
      schema: withExample(BankFileJson, { file: Buffer.from(sampleMt940).toString('base64') }),
    },
    [BANK_FILE]: {
      schema: Type.Unsafe<Uint8Array>({ description: "the bank's file (binary, up to 8 MiB)" }),
    },
  },
};

/** The bytes of a body `BankFileBody` admitted. */
export function bankFileOf(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'object' && body !== null && 'file' in body && typeof body.file === 'string')
    return Buffer.from(body.file, 'base64');
  throw new DomainError('ValidationFailed', {
    message: 'Berkas mutasi tidak ada',
    messageEn: 'No bank statement file',
    details: [{ path: '/file', message: 'wajib diisi', messageEn: 'required' }],
  });
}

export const BankImportResult = Type.Object({
  statementId: Type.String(),
  lines: Type.Integer({ description: 'movements in the file (pending rows left out)' }),
  credits: Type.Integer({ description: 'money in among them' }),
  matched: Type.Integer({ description: "new credits that became a cooperative's payment now" }),
  unmatched: Type.Integer({ description: 'new lines waiting for a hub user' }),
  duplicates: Type.Integer({
    description: 'lines the hub had from an earlier file: nothing posted for them again',
  }),
  pending: Type.Integer({ description: 'rows the bank marked pending (PEND): left out' }),
});

export const BankLine = Type.Object({
  id: Type.String(),
  date: BusinessDate,
  amount: Type.Number({
    minimum: 0,
    description: 'Rupiah; sen as decimals (rare: interest, tax), so never a payment',
  }),
  direction: OneOf(['credit', 'debit'] as const, { description: 'credit = money in' }),
  remark: Type.String(),
  bankReference: Type.String({ description: "the bank's reference of the movement; '' if none" }),
  status: Status,
  cooperativeId: Type.Optional(Type.String()),
  cooperativeName: Type.Optional(Type.String()),
  paymentId: Type.Optional(Type.String({ description: 'the payment a credit became' })),
  supplierPaymentId: Type.Optional(Type.String({ description: 'the supplier payment of a debit' })),
  supplierName: Type.Optional(Type.String({ description: 'the supplier that payment went to' })),
  dismissReason: Type.Optional(Type.String()),
});

export const BankLines = Type.Object({
  items: Type.Array(BankLine),
  nextCursor: Type.Optional(Type.String()),
});

export const BankLinesQuery = Type.Object(
  {
    status: Type.Optional(Status),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const BankLineParams = Type.Object({ lineId: Id }, { additionalProperties: false });

export const MatchBankLineBody = Type.Object(
  { cooperativeId: Id },
  { additionalProperties: false },
);

export const DismissBankLineBody = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'why it is no cooperative payment, e.g. a supplier refund or a bank fee',
    }),
  },
  { additionalProperties: false },
);

export const BankStatements = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      format: Format,
      accountNo: Type.String(),
      periodFrom: Type.Optional(BusinessDate),
      periodTo: Type.Optional(BusinessDate),
      lines: Type.Integer(),
      newLines: Type.Integer(),
      duplicates: Type.Integer(),
      matched: Type.Integer(),
      importedAt: Instant,
    }),
  ),
});
