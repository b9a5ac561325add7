import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authorize } from '../../authorize.ts';
import { renderMemberCard } from '../../pdf/member-card.ts';
import { problems } from '../../schemas.ts';
import { PdfBytes } from '../settlement/settlement.schemas.ts';
import { memberCardExample } from './members.examples.ts';
import { MemberParams } from './members.schemas.ts';

/** The member card to print: card-size PDF with the QR the cashier scans. */
export const memberCardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/members/:memberId/card.pdf',
    {
      schema: {
        operationId: 'getMemberCard',
        tags: ['members'],
        summary:
          'The member card as PDF (85.6 × 54 mm): the cooperative, member number, name, join date and a QR of the card code',
        params: MemberParams,
        response: {
          200: {
            description: 'The member card (application/pdf)',
            content: { 'application/pdf': { schema: PdfBytes, example: memberCardExample } },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { id, memberId } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const card = await renderMemberCard(deps.db, id, memberId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="kartu-anggota-${card.memberNo}.pdf"`)
        .send(card.bytes);
    },
  );
};
