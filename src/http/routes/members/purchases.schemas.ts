import { Type } from 'typebox';
import { Id, Instant } from '../../schemas.ts';
import { PaymentMethod } from '../consignment/sales.schemas.ts';

/** Schemas of a member's purchases at their cooperative. */
export const MemberPurchasesParams = Type.Object({ id: Id, memberId: Id });

export const MemberPurchasesQuery = Type.Object(
  {
    year: Type.Optional(
      Type.String({
        pattern: '^\\d{4}$',
        examples: ['2026'],
        description: 'Calendar year of the sales (business dates, WIB); default: this year',
      }),
    ),
  },
  { additionalProperties: false },
);

export const MemberPurchases = Type.Object({
  year: Type.Integer(),
  total: Type.Integer({ description: 'Σ amount: whole rupiah' }),
  count: Type.Integer({ description: 'How many sales (reversed ones left out)' }),
  items: Type.Array(
    Type.Object({
      saleId: Type.String(),
      occurredAt: Instant,
      amount: Type.Integer({
        description: 'The sale’s total less what the buyer was paid back (refundSale), rupiah',
      }),
      paymentMethod: PaymentMethod,
    }),
  ),
});
