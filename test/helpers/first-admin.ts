/** The first hub admin of an empty database, as the operator creates it. */
export const FIRST_ADMIN = {
  email: 'admin@kana.test',
  password: 'rahasia-uji-123',
  hubName: 'Koperasi Kana — Cabang Jambi',
};

/** `lumbung user create …` arguments that make the first hub admin together with its hub in Kota Jambi. */
export function firstAdminArgs(): string[] {
  return [
    'user',
    'create',
    '--email',
    FIRST_ADMIN.email,
    '--name',
    'Admin Kana',
    '--role',
    'hub_admin',
    '--hub-name',
    FIRST_ADMIN.hubName,
    '--region',
    '15.71',
    '--password',
    FIRST_ADMIN.password,
  ];
}
