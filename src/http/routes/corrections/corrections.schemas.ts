import { Type } from 'typebox';
import { REVERSIBLE_DOC_TYPES } from '../../../core/corrections/index.ts';
import { BusinessDate, OneOf, SignedRupiah, Uuid } from '../../schemas.ts';

export const ReversibleDocType = OneOf(REVERSIBLE_DOC_TYPES, {
  description:
    'sale, payment, goods_receipt, delivery_receipt (a delivery order received), return, stock_count, subsidy_grant, sembako_order (a picked-up order)',
});

export const DocumentParams = Type.Object(
  { docType: ReversibleDocType, docId: Uuid },
  { additionalProperties: false },
);

export const ReverseBody = Type.Object(
  {
    id: Uuid,
    reason: Type.String({
      minLength: 3,
      maxLength: 500,
      description: 'Why: kept with the reversal and in the audit log',
    }),
    date: Type.Optional(BusinessDate),
  },
  { additionalProperties: false },
);

export const Reversal = Type.Object({
  id: Type.String(),
  docType: ReversibleDocType,
  docId: Type.String(),
  date: Type.String({ description: 'The reversal’s business date (WIB), in the open period' }),
});

const Blocking = Type.Object({
  docType: Type.String(),
  docId: Type.String(),
  number: Type.Optional(Type.String()),
});

export const ReversalPreview = Type.Object({
  docType: ReversibleDocType,
  docId: Type.String(),
  reversible: Type.Boolean(),
  blockedBy: Type.Optional(Type.Array(Blocking, { description: 'Reverse these first' })),
  reversedBy: Type.Optional(
    Type.Object({ id: Type.String(), date: Type.String(), reason: Type.String() }),
  ),
  journal: Type.Array(
    Type.Object({
      orgId: Type.String(),
      orgName: Type.String(),
      accountCode: Type.String(),
      accountName: Type.String(),
      debit: SignedRupiah,
      credit: SignedRupiah,
    }),
  ),
  stock: Type.Array(
    Type.Object({
      locationName: Type.String(),
      productName: Type.String(),
      quantity: Type.Integer({ description: 'Units the location gains (negative: loses)' }),
    }),
  ),
});
