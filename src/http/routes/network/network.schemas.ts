import { Type } from 'typebox';
import { QRIS_CRITERIA } from '../../../core/network/index.ts';
import { PageQuery } from '../../cursor.ts';
import { Id, Instant, List, Nullable, OneOf, Rupiah, SignedRupiah, Text } from '../../schemas.ts';

const S = Type.String();
const NS = Nullable(Type.String());
const I = Type.Integer();

export const CoopId = Type.Object({ id: Id });

export const CooperativesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    districtCode: Type.Optional(Type.String({ maxLength: 20 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

/** One cooperative of the list: this month's sales against the potential, balance, overdue, exposure, hold. */
export const CooperativeItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  villageCode: Type.String(),
  villageName: Type.String(),
  districtName: Type.String(),
  status: Type.String(),
  exposure: SignedRupiah,
  exposureLimit: Rupiah,
  balanceDue: SignedRupiah,
  overdueAmount: Rupiah,
  onHold: Type.Boolean(),
  /** Retail sales this month (WIB), against the program's monthly potential. */
  monthSales: Rupiah,
  monthlyPotential: Rupiah,
});

export const Cooperatives = List(CooperativeItem);

/** A participation with the terms in force today (its history: getParticipation). */
export const Participation = Type.Object({
  orgId: S,
  id: S,
  hubId: S,
  program: S,
  agreementNo: S,
  startDate: S,
  endDate: NS,
  exposureLimit: Rupiah,
  monthlySubsidy: Rupiah,
  settlementPeriod: S,
  paymentTermsDays: I,
  graceDays: I,
  subsidyMode: S,
  monthlySalesPotential: Rupiah,
  createdAt: S,
});

export const Officer = Type.Object({ orgId: S, id: S, role: S, name: S, phone: NS });

export const CooperativeDetail = Type.Object({
  id: S,
  kind: S,
  name: S,
  villageCode: NS,
  villageName: NS,
  districtCode: NS,
  districtName: NS,
  regencyCode: NS,
  provinceCode: NS,
  legalNumber: NS,
  nikKoperasi: NS,
  npwp: NS,
  bankName: NS,
  bankAccountNo: NS,
  bankAccountName: NS,
  /** The reference the cooperative writes in its bank transfers' remark (treasury matching). */
  paymentReference: NS,
  status: S,
  createdAt: S,
  participation: Nullable(Participation),
  officers: Type.Array(Officer),
});

export const CreateCooperativeBody = Type.Object(
  {
    name: Text(200),
    villageCode: Type.String({
      pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$',
      examples: ['15.71.01.1001'],
    }),
    legalNumber: Type.Optional(Type.String({ maxLength: 100 })),
    nikKoperasi: Type.Optional(Type.String({ maxLength: 50 })),
    npwp: Type.Optional(Type.String({ maxLength: 30 })),
    bankName: Type.Optional(Type.String({ maxLength: 100 })),
    bankAccountNo: Type.Optional(Type.String({ maxLength: 50 })),
    bankAccountName: Type.Optional(Type.String({ maxLength: 200 })),
    officers: Type.Optional(
      Type.Array(
        Type.Object(
          {
            role: Type.Union([
              Type.Literal('ketua'),
              Type.Literal('sekretaris'),
              Type.Literal('bendahara'),
              Type.Literal('pengawas'),
            ]),
            name: Text(200),
            phone: Type.Optional(Type.String({ maxLength: 30 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const CreatedCooperative = Type.Object({
  id: Type.String(),
  name: Type.String(),
  villageCode: Type.String(),
  villageName: Type.String(),
  districtName: Type.String(),
});

/** QRIS merchant data: what the cashier's dynamic QRIS carries. */
export const QrisMerchantBody = Type.Object(
  {
    nmid: Type.String({
      pattern: '^[A-Za-z0-9]{1,25}$',
      maxLength: 40,
      description: 'National Merchant ID (NMID): letters and digits, stored upper-case',
      examples: ['ID1026157100001'],
    }),
    mcc: Type.String({
      pattern: '^\\d{4}$',
      description: 'Merchant category code (5411: grocery stores)',
      examples: ['5411'],
    }),
    name: Type.String({
      pattern: '^[\\x20-\\x7e]+$',
      minLength: 1,
      maxLength: 25,
      description: 'Merchant name: printable ASCII',
      examples: ['KDKMP Simpang IV Sipin'],
    }),
    city: Type.String({
      pattern: '^[\\x20-\\x7e]+$',
      minLength: 1,
      maxLength: 15,
      description: 'Printable ASCII',
      examples: ['KOTA JAMBI'],
    }),
    postalCode: Type.Optional(
      Type.Union([Type.String({ pattern: '^\\d{5}$', examples: ['36124'] }), Type.Null()]),
    ),
    criteria: OneOf(QRIS_CRITERIA, {
      description: 'Merchant criteria: UMI micro, UKE small, UME medium, UBE large, URE regular',
    }),
  },
  { additionalProperties: false },
);

export const QrisMerchant = Type.Object({
  cooperativeId: Type.String(),
  nmid: Type.String(),
  mcc: Type.String(),
  name: Type.String(),
  city: Type.String(),
  postalCode: Type.Union([Type.String(), Type.Null()]),
  criteria: OneOf(QRIS_CRITERIA),
  updatedAt: Instant,
});
