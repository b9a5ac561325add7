import { Type } from 'typebox';
import { PageQuery } from '../../cursor.ts';
import { BusinessDate, DocumentNumber, List, NumberSearch, Rupiah } from '../../schemas.ts';

/** Schemas of the cooperative's lists of returns (RTR) and stock counts (SO). */
const S = Type.String();

const StockDocument = (quantity: string, value: string) =>
  Type.Object(
    {
      id: S,
      number: DocumentNumber,
      date: BusinessDate,
      lines: Type.Array(
        Type.Object({
          productId: S,
          productName: S,
          quantity: Type.Integer({ description: quantity }),
        }),
      ),
      value: Type.Optional(Rupiah),
      reason: Type.Optional(Type.String({ description: 'Why the goods went back' })),
      reversed: Type.Boolean({
        description: 'Reversed by a reversing document (reverseDocument): shown as such',
      }),
      reversalId: Type.Optional(Type.String({ description: 'The reversal that undid it' })),
    },
    { description: value },
  );

export const ReturnList = List(
  StockDocument('units handed back', "`value`: the returned goods at the hub's average cost"),
);
export const StockCountList = List(
  StockDocument(
    'counted − expected: negative a shortage, positive a surplus',
    '`value`: the shrinkage charged at the consignment price',
  ),
);

export const StockDocumentListQuery = Type.Object(
  { q: Type.Optional(NumberSearch), ...PageQuery },
  { additionalProperties: false },
);
