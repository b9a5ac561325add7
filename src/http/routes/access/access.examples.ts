import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  ActivateParticipantBody,
  ApiTokenBody,
  ApiTokenList,
  CreateUserBody,
  LocaleBody,
  LoginBody,
  LoginParticipantBody,
  Session,
  UpdateUserBody,
  User,
  UserList,
  UserListItem,
} from './access.schemas.ts';

const PEMKOT = '01936f6e-7c1a-7000-8000-000000000a02';
const NIP = '198503152010011002';

export const loginExample: Static<typeof LoginBody> = {
  email: 'admin@kana.demo',
  password: 'lumbung-demo',
};

export const activateParticipantExample: Static<typeof ActivateParticipantBody> = {
  nip: NIP,
  activationCode: 'K7PQ-2M9X',
  password: 'rahasia-saya-123',
};

export const loginParticipantExample: Static<typeof LoginParticipantBody> = {
  nip: NIP,
  password: 'rahasia-saya-123',
};

/** The session a participant's sign-in (or activation) starts. */
export const participantSessionExample: Static<typeof Session> = {
  token: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c',
  expiresAt: '2026-03-10T15:00:00.000Z',
  csrfToken: 'm4n5b6v7c8x9z0l1k2j3h4g5f6d7s8a9',
  user: {
    id: '01936f6e-7c1a-7000-8000-0000000000e9',
    email: `${NIP}@asn.invalid`,
    name: 'Budi Santoso',
    locale: 'id',
    memberships: [
      {
        orgId: PEMKOT,
        orgKind: 'government',
        orgName: 'Pemerintah Kota Jambi',
        role: 'program_participant',
      },
    ],
  },
};

export const currentUserExample: Static<typeof User> = {
  id: '01936f6e-7c1a-7000-8000-0000000000e1',
  email: 'admin@kana.demo',
  name: 'Admin Koperasi Kana',
  locale: 'id',
  memberships: [
    {
      orgId: EXAMPLE_IDS.hub,
      orgKind: 'hub',
      orgName: 'Koperasi Kana — Cabang Jambi',
      role: 'hub_admin',
    },
  ],
};

export const apiTokenExample: Static<typeof ApiTokenBody> = {
  label: 'HP kasir KDKMP Simpang IV Sipin',
  days: 90,
};

export const apiTokenListExample: Static<typeof ApiTokenList> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-0000000000f7',
      label: 'HP kasir KDKMP Simpang IV Sipin',
      createdAt: '2026-03-10T03:00:00.000Z',
      expiresAt: '2026-06-08T03:00:00.000Z',
      current: true,
    },
    {
      id: '01936f6e-7c1a-7000-8000-0000000000f3',
      label: 'Integrasi akuntansi',
      createdAt: '2026-02-02T01:30:00.000Z',
      expiresAt: '2026-05-03T01:30:00.000Z',
      current: false,
    },
  ],
};

export const localeExample: Static<typeof LocaleBody> = { locale: 'en' };

export const createUserExample: Static<typeof CreateUserBody> = {
  email: 'kasir@kdkmp.demo',
  name: 'Kasir',
  password: 'rahasia-sekali',
  orgId: EXAMPLE_IDS.coop,
  role: 'coop_cashier',
};

export const userListExample: Static<typeof UserList> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-0000000000e2',
      email: 'simpang-iv-sipin@kdkmp.demo',
      name: 'Pengurus KDKMP Simpang IV Sipin',
      disabled: false,
      status: 'active',
      orgId: EXAMPLE_IDS.coop,
      orgName: 'KDKMP Simpang IV Sipin',
      orgKind: 'cooperative',
      role: 'coop_manager',
    },
  ],
};

export const updateUserExample: Static<typeof UpdateUserBody> = {
  name: 'Siti Aminah',
  active: false,
};

export const updatedUserExample: Static<typeof UserListItem> = {
  id: '01936f6e-7c1a-7000-8000-0000000000e4',
  email: 'kasir@kdkmp.demo',
  name: 'Siti Aminah',
  disabled: true,
  status: 'inactive',
  orgId: EXAMPLE_IDS.coop,
  orgName: 'KDKMP Simpang IV Sipin',
  orgKind: 'cooperative',
  role: 'coop_cashier',
};
