import type { Static } from 'typebox';
import type {
  CreateMemberBody,
  Member,
  MemberDirectory,
  MemberList,
  UpdateMemberBody,
} from './members.schemas.ts';

const sitiId = '01936f6e-7c1a-7000-8000-000000000a42';
const rahmatId = '01936f6e-7c1a-7000-8000-000000000a01';

export const createMemberExample: Static<typeof CreateMemberBody> = {
  id: sitiId,
  nik: '1571015703920001',
  name: 'Siti Aminah',
  joinedOn: '2026-03-02',
  phone: '081234567890',
  address: 'Jl. Sumantri Brojonegoro RT 05, Simpang IV Sipin',
};

export const memberExample: Static<typeof Member> = {
  id: sitiId,
  memberNo: '0042',
  nik: '1571015703920001',
  name: 'Siti Aminah',
  gender: 'P',
  birthDate: '1992-03-17',
  joinedOn: '2026-03-02',
  status: 'active',
  phone: '081234567890',
  address: 'Jl. Sumantri Brojonegoro RT 05, Simpang IV Sipin',
  role: 'bendahara',
  cardCode: 'A1571011001-0042',
};

export const updateMemberExample: Static<typeof UpdateMemberBody> = {
  phone: '082177001234',
  role: 'bendahara',
};

export const membersExample: Static<typeof MemberList> = {
  items: [
    {
      id: rahmatId,
      memberNo: '0001',
      nik: '1571011708850003',
      name: 'Rahmat Hidayat',
      joinedOn: '2025-11-20',
      status: 'active',
      phone: '081366112233',
      role: 'ketua',
    },
    {
      id: sitiId,
      memberNo: '0042',
      nik: '1571015703920001',
      name: 'Siti Aminah',
      joinedOn: '2026-03-02',
      status: 'active',
      phone: '081234567890',
      role: 'bendahara',
    },
  ],
  nextCursor: 'WyIwMDQyIiwiMDE5MzZmNmUtN2MxYS03MDAwLTgwMDAtMDAwMDAwMDAwYTQyIl0',
};

export const directoryExample: Static<typeof MemberDirectory> = {
  items: [
    {
      id: rahmatId,
      memberNo: '0001',
      name: 'Rahmat Hidayat',
      phone: '081366112233',
      cardCode: 'A1571011001-0001',
      status: 'active',
    },
    {
      id: sitiId,
      memberNo: '0042',
      name: 'Siti Aminah',
      phone: '081234567890',
      cardCode: 'A1571011001-0042',
      status: 'active',
    },
  ],
};

export const memberCsvExample =
  'nik,nama,tanggal_masuk,telepon,alamat\r\n1571011708850003,Rahmat Hidayat,2025-11-20,081366112233,Jl. Kapten Pattimura 12\r\n';

export const memberCardExample = '%PDF-1.3 … (binary: the member card, 85.6 × 54 mm, with its QR)';
