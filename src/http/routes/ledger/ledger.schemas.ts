import { Type } from 'typebox';
import { DOC_TYPES } from '../../../core/shared/doc-type.ts';
import { PageQuery } from '../../cursor.ts';
import { BusinessDate, Id, List, Rupiah } from '../../schemas.ts';

const S = Type.String();

export const OrgParams = Type.Object({ orgId: Id });

export const TrialBalanceQuery = Type.Object(
  { asOf: Type.Optional(BusinessDate) },
  { additionalProperties: false },
);

export const TrialBalance = Type.Object({
  orgId: Type.String(),
  asOf: Type.Union([Type.String(), Type.Null()]),
  accounts: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      counterpartyOrgId: Type.Optional(Type.String()),
      counterpartyName: Type.Optional(Type.String()),
      debit: Rupiah,
      credit: Rupiah,
    }),
  ),
  totalDebit: Rupiah,
  totalCredit: Rupiah,
});

export const JournalQuery = Type.Object(
  {
    format: Type.Optional(Type.Union([Type.Literal('hledger'), Type.Literal('json')])),
    from: Type.Optional(BusinessDate),
    to: Type.Optional(BusinessDate),
  },
  { additionalProperties: false },
);

export const JournalRow = Type.Object({
  entryId: S,
  entryDate: S,
  docType: S,
  docId: S,
  memo: S,
  lineNo: Type.Integer(),
  accountCode: S,
  counterpartyOrgId: S,
  debit: Rupiah,
  credit: Rupiah,
});

/** The journal as JSON lines (format=json). */
export const JournalRows = Type.Object({ items: Type.Array(JournalRow) });

export const JournalEntriesQuery = Type.Object(
  {
    from: Type.Optional(BusinessDate),
    to: Type.Optional(BusinessDate),
    /** Only the entries of one kind of document (e.g. `sales_batch`, `savings`). */
    documentType: Type.Optional(Type.Union(DOC_TYPES.map((d) => Type.Literal(d)))),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const JournalEntry = Type.Object({
  id: S,
  date: S,
  documentType: S,
  documentId: S,
  memo: S,
  lines: Type.Array(
    Type.Object({
      accountCode: S,
      accountName: S,
      counterpartyOrgId: Type.Optional(S),
      counterpartyName: Type.Optional(S),
      debit: Rupiah,
      credit: Rupiah,
    }),
  ),
});

export const JournalEntryList = List(JournalEntry);
