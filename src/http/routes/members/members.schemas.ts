import { Type } from 'typebox';
import { PageQuery } from '../../cursor.ts';
import { BusinessDate, Id, List, Nullable, OneOf, Text, Uuid } from '../../schemas.ts';

/** The member registry's vocabulary: a member, the list, the directory, the commands. */

export const CooperativeParams = Type.Object({ id: Id });
export const MemberParams = Type.Object({ id: Id, memberId: Uuid });

const MemberStatus = OneOf(['active', 'left', 'deceased'] as const, {
  description: 'active; left (keluar) or deceased (meninggal) from leftOn',
});
export const MemberRole = OneOf(['ketua', 'sekretaris', 'bendahara', 'pengawas'] as const, {
  description: 'the officer position the member holds (one holder per position)',
});
const MemberNo = Type.String({
  description: 'numbered per cooperative in the order members were registered, 4 digits or more',
  examples: ['0042'],
});
const CardCode = Type.String({
  description:
    'what the member card’s QR holds and a scanner types into the cashier’s search: A, the cooperative’s village code without dots, -, the member number',
  examples: ['A1571011001-0042'],
});
const Nik = Type.String({
  minLength: 1,
  maxLength: 32,
  examples: ['1571015703920001'],
  description:
    'NIK, 16 digits: a real Kemendagri regency/city + district code in the first six, the birth date DDMMYY in digits 7–12 (day + 40 for a woman), a serial other than 0000; one member per NIK per cooperative',
});
const Phone = Type.String({
  maxLength: 30,
  examples: ['081234567890'],
  description: '8–16 digits (+ allowed); stored as 08… (+62/62 at the start becomes 0)',
});
const Address = Type.String({ maxLength: 500 });

/** A member as the registry shows one; absent optional fields: nothing recorded. */
export const Member = Type.Object({
  id: Type.String(),
  memberNo: MemberNo,
  nik: Type.String(),
  name: Type.String(),
  gender: OneOf(['L', 'P'] as const, { description: 'from the NIK: L man, P woman' }),
  birthDate: Type.String({ description: 'from the NIK, YYYY-MM-DD' }),
  joinedOn: Type.String(),
  status: MemberStatus,
  leftOn: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  role: Type.Optional(MemberRole),
  cardCode: CardCode,
});

export const MemberList = List(
  Type.Object({
    id: Type.String(),
    memberNo: MemberNo,
    nik: Type.String(),
    name: Type.String(),
    joinedOn: Type.String(),
    status: MemberStatus,
    phone: Type.Optional(Type.String()),
    role: Type.Optional(MemberRole),
    leftOn: Type.Optional(Type.String()),
  }),
);

export const MembersQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description:
          'a member number (or card code), the start of a NIK, part of a name (any case), part of a phone number (08… and +628… alike)',
      }),
    ),
    status: Type.Optional(MemberStatus),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateMemberBody = Type.Object(
  {
    id: Uuid,
    nik: Nik,
    name: Text(200),
    joinedOn: {
      ...BusinessDate,
      description: 'the day the member joined (WIB), not in the future',
    },
    phone: Type.Optional(Phone),
    address: Type.Optional(Address),
    role: Type.Optional(MemberRole),
  },
  { additionalProperties: false },
);

export const CreatedMember = Type.Object({ id: Type.String(), memberNo: MemberNo });

export const UpdateMemberBody = Type.Object(
  {
    name: Type.Optional(Text(200)),
    phone: Type.Optional(Nullable(Phone)),
    address: Type.Optional(Nullable(Address)),
    role: Type.Optional(Nullable(MemberRole)),
  },
  { additionalProperties: false },
);

export const MemberDirectory = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      memberNo: MemberNo,
      name: Type.String(),
      phone: Type.Optional(Type.String()),
      cardCode: CardCode,
      status: MemberStatus,
    }),
  ),
});

export const ExportQuery = Type.Object(
  {
    format: Type.Optional(
      OneOf(['csv', 'xlsx'] as const, { description: 'csv (default) or xlsx' }),
    ),
  },
  { additionalProperties: false },
);
