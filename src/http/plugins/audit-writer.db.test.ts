import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import { auditEventRow } from '../../core/audit/index.ts';
import { AuditWriter } from './audit-writer.ts';

for (const engine of ENGINES) {
  describe(`the audit writer on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    const event = (orgId: string, targetId: string) =>
      auditEventRow(
        { clock: n.ctx.clock, actor: { userId: 'u1', role: 'hub_admin' }, requestId: targetId },
        {
          orgId,
          action: 'recordPayment',
          targetType: 'payment',
          targetId,
          detail: { status: 201 },
        },
      );
    const trail = async () =>
      (await t.db.selectFrom('auditEvent').select('targetId').orderBy('targetId').execute()).map(
        (r) => r.targetId,
      );

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
    });
    afterAll(() => t.close());

    it('writes the events of one turn together, and flush() waits for every event queued', async () => {
      const errors: unknown[] = [];
      const log = pino({ level: 'error' }, { write: (line: string) => errors.push(line) });
      const writer = new AuditWriter(t.db, log);
      for (let i = 0; i < 250; i++)
        writer.add(event(n.coopA.id, `a-${String(i).padStart(3, '0')}`));
      expect(await trail()).toEqual([]);
      await writer.flush();
      const written = await trail();
      expect(written).toHaveLength(250);
      expect(written[0]).toBe('a-000');
      // Added while a write runs: the next flush still waits for it.
      writer.add(event(n.coopA.id, 'b-1'));
      const first = writer.flush();
      writer.add(event(n.coopA.id, 'b-2'));
      await first;
      await writer.flush();
      expect((await trail()).filter((id) => id.startsWith('b-'))).toEqual(['b-1', 'b-2']);
      expect(errors).toEqual([]);
    });

    it('flush() waits for what was queued before it, not for events that keep coming', async () => {
      const log = pino({ level: 'silent' });
      const writer = new AuditWriter(t.db, log);
      writer.add(event(n.coopA.id, 'd-0'));
      let i = 1;
      const traffic = setInterval(() => writer.add(event(n.coopA.id, `d-${i++}`)), 1);
      try {
        await writer.flush();
        expect((await trail()).includes('d-0')).toBe(true);
      } finally {
        clearInterval(traffic);
        await writer.flush();
      }
    });

    it('one event the database refuses costs only itself: the others of its group are written', async () => {
      const errors: string[] = [];
      const log = pino({ level: 'error' }, { write: (line: string) => errors.push(line) });
      const writer = new AuditWriter(t.db, log);
      writer.add(event(n.coopA.id, 'c-1'));
      writer.add(event('no-such-organization', 'c-2'));
      writer.add(event(n.coopB.id, 'c-3'));
      await writer.flush();
      expect((await trail()).filter((id) => id.startsWith('c-'))).toEqual(['c-1', 'c-3']);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('audit write failed');
    });
  });
}
