import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { importCooperatives, readCooperativeFile } from '../../../core/access/index.ts';
import { authorize } from '../../authorize.ts';
import { inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { importCooperativesExample } from './cooperative-import.examples.ts';
import {
  CooperativeImportResult,
  CooperativesFile,
  cooperativesFileOf,
} from './cooperative-import.schemas.ts';

/** The hub admin's cooperatives file: many KDKMP at once, each row judged on its own. */
export const cooperativeImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/cooperatives/import',
    {
      schema: {
        operationId: 'importCooperatives',
        tags: ['cooperatives'],
        summary:
          'Import cooperatives (CSV or XLSX: nama, kode_desa, optional nama_pengurus, email_pengurus, telepon); valid rows in, the others reported by row with their reasons; an unreadable file refused whole',
        body: CooperativesFile,
        response: {
          200: withExample(CooperativeImportResult, importCooperativesExample),
          ...problems(),
        },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      request.auditTarget = { type: 'cooperative_import', id: hubId };
      // Read (and refused whole) before the transaction; then all valid rows in one transaction.
      const rows = await readCooperativeFile(cooperativesFileOf(request.body));
      return inTransaction(request, (db) => importCooperatives(db, rows, deps.clock, hubId));
    },
  );
};
