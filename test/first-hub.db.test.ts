import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HUB_SETTING_DEFAULTS,
  findOrganizationsByKind,
  getHubProfile,
  hubSettingsOn,
  listWarehouses,
} from '../src/core/network/index.ts';
import { openDatabase } from '../src/db/connection.ts';
import { emptyDatabases } from './helpers/empty-database.ts';
import { FIRST_ADMIN, firstAdminArgs } from './helpers/first-admin.ts';
import { ENGINES } from './helpers/engines.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * A real installation starts from an empty database and `lumbung user
 * create`: the hub it creates can take goods at once (it has a warehouse)
 * and runs on the default settings until its admin changes them.
 */
for (const engine of ENGINES) {
  describe(`the first hub of an empty database on ${engine}`, () => {
    const empty = emptyDatabases(engine);
    afterAll(() => empty.dropAll());

    it('`lumbung user create --hub-name` makes a hub with one default warehouse and the default settings', async () => {
      const url = await empty.create();
      const r = spawnSync(process.execPath, ['bin/lumbung.js', ...firstAdminArgs()], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
      });
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
      const h = openDatabase(url);
      try {
        const [hub] = await findOrganizationsByKind(h.db, 'hub');
        expect((await getHubProfile(h.db, hub!.id)).name).toBe(FIRST_ADMIN.hubName);
        expect(await listWarehouses(h.db, hub!.id)).toEqual([
          { id: expect.any(String), name: 'Gudang Utama', address: null, isDefault: true },
        ]);
        expect(await hubSettingsOn(h.db, hub!.id, '2026-12-06')).toEqual(HUB_SETTING_DEFAULTS);
      } finally {
        await h.close();
      }
    });
  });
}
