import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exportMembers, importMembers, readMemberFile } from '../../../core/members/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { cooperativesFileOf } from '../network/cooperative-import.schemas.ts';
import { XLSX } from '../sembako/periods.schemas.ts';
import { importMembersExample } from './member-import.examples.ts';
import { MemberImportResult, MembersExportFile, MembersFile } from './member-import.schemas.ts';
import { memberCsvExample } from './members.examples.ts';
import { CooperativeParams, ExportQuery } from './members.schemas.ts';

/** The registry as a file: many members at once (each row judged on its own), and back out. */
export const memberImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/cooperatives/:id/members/import',
    {
      schema: {
        operationId: 'importMembers',
        tags: ['members'],
        summary:
          'Import members (CSV or XLSX: nik, nama, tanggal_masuk, optional telepon, alamat; SIMKOPDES headers accepted); valid rows in, the others reported by row with their reasons; a NIK already a member under the same name counts as updated; an unreadable file refused whole',
        params: CooperativeParams,
        body: MembersFile,
        response: {
          200: withExample(MemberImportResult, importMembersExample),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      request.auditTarget = { type: 'member_import', id };
      // Read (and refused whole) before the transaction; then all valid rows in one transaction.
      const rows = await readMemberFile(cooperativesFileOf(request.body));
      return inTransaction(request, async (db) => {
        await authorize(request, { kind: 'cooperative', id }, db);
        return importMembers(db, commandContext(request), id, rows);
      });
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/members/export',
    {
      schema: {
        operationId: 'exportMembers',
        tags: ['members'],
        summary:
          'Every member in the import’s columns (nik, nama, tanggal_masuk, telepon, alamat), CSV or XLSX, formula-safe: imported again it changes nothing',
        params: CooperativeParams,
        querystring: ExportQuery,
        response: { 200: MembersExportFile(memberCsvExample), ...problems(404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const coop = await authorize(request, { kind: 'cooperative', id });
      const format = request.query.format ?? 'csv';
      const file = await exportMembers(deps.db, id, format);
      const name = `anggota-${(coop.villageCode ?? id).replace(/\D/g, '')}`;
      if (typeof file !== 'string')
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(Buffer.from(file));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(file);
    },
  );
};
