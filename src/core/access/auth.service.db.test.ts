import * as argon2 from '@node-rs/argon2';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { fixedClock } from '../shared/clock.ts';
import { DUMMY_PASSWORD_HASH, hashPassword } from './password.ts';
import {
  checkCredentials,
  checkParticipantCredentials,
  createUser,
  participantEmail,
} from './index.ts';

// Every argon2 verify the sign-in runs, counted (the real verify still runs).
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify) };
});
const verify = vi.mocked(argon2.verify);

/** The argon2 parameters of a PHC string: `m=19456,t=2,p=1`. */
const paramsOf = (phc: string) => phc.split('$')[3];

describe('the dummy hash an unknown account is checked against', () => {
  it('has the parameters of a real password hash, so that it costs the same to verify', async () => {
    expect(DUMMY_PASSWORD_HASH.startsWith('$argon2id$')).toBe(true);
    expect(paramsOf(DUMMY_PASSWORD_HASH)).toBe(paramsOf(await hashPassword('x')));
  });
});

for (const engine of ENGINES) {
  describe(`sign-in costs the same for known and unknown accounts on ${engine}`, () => {
    let t: TestDatabase;
    const clock = fixedClock('2026-03-10T03:00:00Z');
    const NIP = '198503152010011002';

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      const passwordHash = await hashPassword('rahasia-uji-123');
      await createUser(
        t.db,
        { email: 'ada@uji.test', name: 'Ada', passwordHash, memberships: [] },
        clock,
      );
      const off = await createUser(
        t.db,
        { email: 'nonaktif@uji.test', name: 'Nonaktif', passwordHash, memberships: [] },
        clock,
      );
      await t.db.updateTable('appUser').set({ disabled: 1 }).where('id', '=', off.id).execute();
      await createUser(
        t.db,
        { email: participantEmail(NIP), name: 'Budi', passwordHash, memberships: [] },
        clock,
      );
    });
    afterAll(() => t.close());
    beforeEach(() => {
      verify.mockClear();
    });

    /** The verify calls one refused sign-in ran, and the hash each was against. */
    async function refused(attempt: () => Promise<unknown>) {
      await expect(attempt()).rejects.toMatchObject({ code: 'Unauthenticated' });
      return verify.mock.calls.map(([hash]) => paramsOf(String(hash)));
    }

    it('an unknown e-mail runs one argon2 verify with the same parameters as a known one', async () => {
      const known = await refused(() => checkCredentials(t.db, 'ada@uji.test', 'salah'));
      verify.mockClear();
      const unknown = await refused(() => checkCredentials(t.db, 'tidak-ada@uji.test', 'salah'));
      verify.mockClear();
      const disabled = await refused(() =>
        checkCredentials(t.db, 'nonaktif@uji.test', 'rahasia-uji-123'),
      );
      expect(known).toHaveLength(1);
      expect(unknown).toEqual(known);
      expect(disabled).toEqual(known);
    });

    it("a participant's unknown NIP runs one argon2 verify like a known NIP", async () => {
      const known = await refused(() => checkParticipantCredentials(t.db, NIP, 'salah'));
      verify.mockClear();
      const unknown = await refused(() =>
        checkParticipantCredentials(t.db, '199001012015031001', 'salah'),
      );
      expect(known).toHaveLength(1);
      expect(unknown).toEqual(known);
    });

    it('the dummy hash never lets anyone in', async () => {
      await expect(checkCredentials(t.db, 'tidak-ada@uji.test', '')).rejects.toMatchObject({
        code: 'Unauthenticated',
      });
      expect(await checkCredentials(t.db, 'ada@uji.test', 'rahasia-uji-123')).toMatchObject({
        email: 'ada@uji.test',
      });
    });
  });
}
