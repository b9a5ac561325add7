import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { Session } from './access.schemas.ts';
import type {
  ActivateUserBody,
  ManagerCodes,
  ManagerCodesBody,
  UserCode,
  UserCodeBody,
} from './user-codes.schemas.ts';

const WA_TEXT = encodeURIComponent(
  'Halo Siti Aminah, akun Lumbung Anda (siti@kdkmp.demo) siap diaktifkan. Kode aktivasi: K7PQ-2M9X\nBerlaku sampai 2026-03-17 10:00 WIB, sekali pakai.\nBuka https://lumbung.example.id/aktivasi#email=siti%40kdkmp.demo&kode=K7PQ-2M9X lalu isi e-mail, kode, dan kata sandi baru.',
);

export const userCodeExample: Static<typeof UserCodeBody> = { purpose: 'reset' };

export const issuedUserCodeExample: Static<typeof UserCode> = {
  code: 'H4TR-8WQZ',
  expiresAt: '2026-03-11T03:00:00.000Z',
  activationUrl: 'https://lumbung.example.id/aktivasi#email=kasir%40kdkmp.demo&kode=H4TR-8WQZ',
};

export const activateUserExample: Static<typeof ActivateUserBody> = {
  email: 'siti@kdkmp.demo',
  code: 'K7PQ-2M9X',
  password: 'rahasia-saya-123',
};

/** The session an activation starts. */
export const activatedSessionExample: Static<typeof Session> = {
  token: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c',
  expiresAt: '2026-03-10T15:00:00.000Z',
  csrfToken: 'm4n5b6v7c8x9z0l1k2j3h4g5f6d7s8a9',
  user: {
    id: '01936f6e-7c1a-7000-8000-0000000000e2',
    email: 'siti@kdkmp.demo',
    name: 'Siti Aminah',
    locale: 'id',
    memberships: [
      {
        orgId: EXAMPLE_IDS.coop,
        orgKind: 'cooperative',
        orgName: 'KDKMP Simpang IV Sipin',
        role: 'coop_manager',
      },
    ],
  },
};

export const managerCodesExample: Static<typeof ManagerCodesBody> = {
  cooperativeIds: [EXAMPLE_IDS.coop],
};

export const managerCodesAnswerExample: Static<typeof ManagerCodes> = {
  items: [
    {
      cooperativeId: EXAMPLE_IDS.coop,
      cooperativeName: 'KDKMP Simpang IV Sipin',
      villageName: 'Simpang IV Sipin',
      managerName: 'Siti Aminah',
      email: 'siti@kdkmp.demo',
      phone: '081234567890',
      code: 'K7PQ-2M9X',
      expiresAt: '2026-03-17T03:00:00.000Z',
      activationUrl: 'https://lumbung.example.id/aktivasi#email=siti%40kdkmp.demo&kode=K7PQ-2M9X',
      whatsappUrl: `https://wa.me/6281234567890?text=${WA_TEXT}`,
    },
  ],
};
