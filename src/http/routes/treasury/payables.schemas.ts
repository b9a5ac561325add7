import { Type } from 'typebox';
import { Aging } from '../settlement/settlement.schemas.ts';
import {
  BusinessDate,
  DocumentNumber,
  OneOf,
  Rupiah,
  SignedRupiah,
  Text,
  Uuid,
} from '../../schemas.ts';

const InvoiceStatus = OneOf(['open', 'paid', 'cancelled'] as const, {
  description:
    'open: something left to pay; paid: nothing left; cancelled: its goods receipt was reversed',
});

/** What a goods receipt makes the hub owe its supplier. */
export const SupplierInvoice = Type.Object({
  id: Type.String({ description: 'The goods receipt’s id' }),
  number: DocumentNumber,
  supplierId: Type.String(),
  supplierName: Type.String(),
  invoiceDate: BusinessDate,
  dueDate: Type.String({ description: 'Receipt date + the supplier’s terms when it was received' }),
  amount: Rupiah,
  paidAmount: Rupiah,
  outstanding: SignedRupiah,
  status: InvoiceStatus,
  daysPastDue: Type.Integer({ minimum: 0 }),
  cancelledOn: Type.Optional(Type.String()),
});

export const SupplierInvoiceList = Type.Object({ items: Type.Array(SupplierInvoice) });

export const SupplierInvoiceQuery = Type.Object(
  {
    status: Type.Optional(InvoiceStatus),
    supplierId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const PayablesAging = Type.Object({
  asOf: BusinessDate,
  total: Rupiah,
  aging: Aging,
  suppliers: Type.Array(
    Type.Object({
      supplierId: Type.String(),
      name: Type.String(),
      termsDays: Type.Integer({ minimum: 0 }),
      outstanding: Rupiah,
      aging: Aging,
    }),
  ),
});

export const Supplier = Type.Object({
  id: Type.String(),
  name: Type.String(),
  termsDays: Type.Integer({ minimum: 0, maximum: 365 }),
});
export const SupplierList = Type.Object({ items: Type.Array(Supplier) });

export const SupplierParams = Type.Object({ supplierId: Type.String({ maxLength: 64 }) });

export const SetSupplierTermsBody = Type.Object(
  {
    termsDays: Type.Integer({
      minimum: 0,
      maximum: 365,
      description: 'Days after a goods receipt its invoice falls due (receipts from now on)',
    }),
  },
  { additionalProperties: false },
);

export const SupplierPaymentBody = Type.Object(
  {
    id: Uuid,
    supplierId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    supplierName: Type.Optional(Text(200)),
    amount: Type.Integer({
      minimum: 1,
      maximum: 9_007_199_254_740_991,
      description: 'Whole rupiah',
    }),
    paidOn: Type.Optional(BusinessDate),
    method: OneOf(['transfer', 'cash'] as const, {
      description: 'transfer: from the hub’s bank (Cr Bank); cash: Cr Kas',
    }),
    reference: Type.Optional(Text(100)),
    bankLineId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'An imported bank statement’s debit line this payment is: marked matched (same amount)',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Exactly one of supplierId or supplierName (as written on its goods receipts)',
  },
);

export const SupplierPaymentCreated = Type.Object({
  id: Type.String(),
  supplierId: Type.String(),
  supplierName: Type.String(),
  amount: Rupiah,
  paidOn: BusinessDate,
  method: OneOf(['transfer', 'cash'] as const),
  allocations: Type.Array(
    Type.Object({ invoiceId: Type.String(), number: DocumentNumber, amount: Rupiah }),
  ),
});
