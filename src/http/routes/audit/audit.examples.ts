import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { AuditEvents } from './audit.schemas.ts';

export const auditEventsExample: Static<typeof AuditEvents> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-000000000701',
      orgId: EXAMPLE_IDS.hub,
      orgName: 'Koperasi Kana — Cabang Jambi',
      at: '2026-03-10T03:00:00.000Z',
      actorUserId: '01936f6e-7c1a-7000-8000-0000000000e1',
      actorName: 'Admin Koperasi Kana',
      actorEmail: 'admin@kana.demo',
      action: 'dispatchDeliveryOrder',
      targetType: 'delivery_order',
      targetId: EXAMPLE_IDS.deliveryOrder,
      detail: {
        method: 'POST',
        path: `/api/v1/delivery-orders/${EXAMPLE_IDS.deliveryOrder}/dispatch`,
        status: 200,
      },
      requestId: 'c0ffee00-0000-4000-8000-000000000001',
      address: '10.0.0.7',
    },
  ],
};
