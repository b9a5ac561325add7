import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  findReversalTarget,
  previewReversal,
  reverseDocument,
  type Reverser,
  type ReversibleDocType,
} from '../../../core/corrections/index.ts';
import { DomainError } from '../../../core/shared/errors.ts';
import type { Db } from '../../../db/database.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { previewExample, reverseExample } from './corrections.examples.ts';
import { DocumentParams, Reversal, ReversalPreview, ReverseBody } from './corrections.schemas.ts';

/**
 * The access check of a reversal: the hub's own documents (goods receipts,
 * payments, subsidy grants) to its users, a cooperative's to the cooperative
 * and its hub; the finer rule (hub admin, manager, a cashier's own sale of
 * today) is the core's `checkReversalRight`.
 */
async function authorizeDocument(
  request: FastifyRequest,
  db: Db,
  docType: ReversibleDocType,
  docId: string,
): Promise<Reverser> {
  const target = await findReversalTarget(db, docType, docId);
  if (target.owner === 'hub') {
    const hubId = await authorize(request, { kind: 'hub' }, db);
    if (hubId !== target.hubId)
      throw new DomainError('NotFound', {
        message: 'Dokumen tidak ditemukan',
        messageEn: 'Document not found',
      });
  } else await authorize(request, { kind: 'cooperative', id: target.coopId! }, db);
  const auth = request.auth!;
  return { userId: auth.id, memberships: auth.memberships };
}

/** Corrections: a posted document is undone by a reversing document, never edited. */
export const correctionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/documents/:docType/:docId/reverse',
    {
      schema: {
        operationId: 'reverseDocument',
        tags: ['corrections'],
        summary:
          'Reverse a posted document: the exact mirror of its stock moves and journal lines in every book, dated in the open period (the next statement shows it); the same id again → the first result',
        params: DocumentParams,
        body: withExample(ReverseBody, reverseExample),
        response: { 200: Reversal, 201: Reversal, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { docType, docId } = request.params;
      const result = await inTransaction(request, async (db) => {
        const who = await authorizeDocument(request, db, docType, docId);
        return reverseDocument(db, commandContext(request), who, {
          ...request.body,
          docType,
          docId,
        });
      });
      request.auditTarget = { type: docType, id: docId };
      request.auditDetail = {
        reversalId: result.id,
        reason: request.body.reason,
        date: result.date,
        ...(result.bankLineId ? { bankLineId: result.bankLineId } : {}),
      };
      const { created, bankLineId: _released, ...body } = result;
      return reply.code(created ? 201 : 200).send(body);
    },
  );

  app.get(
    '/api/v1/documents/:docType/:docId/reversal',
    {
      schema: {
        operationId: 'previewReversal',
        tags: ['corrections'],
        summary:
          'What reversing the document would post (each book’s lines, each location’s units), or what must be reversed first, or the reversal that undid it; for those who may reverse it',
        params: DocumentParams,
        response: { 200: withExample(ReversalPreview, previewExample), ...problems(404, 409) },
      },
    },
    async (request) => {
      const { docType, docId } = request.params;
      const db = app.deps.db;
      const who = await authorizeDocument(request, db, docType, docId);
      return previewReversal(db, app.deps.clock, who, docType, docId);
    },
  );
};
