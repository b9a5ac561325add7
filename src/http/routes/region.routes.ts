import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Role } from '../../core/access/index.ts';
import { getRegionOverview, getRegionTrends, type RegionScope } from '../../core/region/index.ts';
import type { Db } from '../../db/database.ts';
import { HUB_ROLES, authOf, viewerRegions } from '../access.ts';
import { RegionOverview, RegionTrendPoint } from '../models.ts';
import { Month, problems } from '../schemas.ts';

/** The office reads its region; hub users read their network; cooperatives are refused (403). */
export const REGION_READERS: Role[] = [...HUB_ROLES, 'gov_viewer'];

/**
 * The cooperatives a caller's overview covers: a government viewer's region
 * (the Kemendagri code of its office), a hub user's network.
 */
export async function regionScopeOf(db: Db, request: FastifyRequest): Promise<RegionScope> {
  const hubIds = authOf(request)
    .memberships.filter((m) => m.orgKind === 'hub' && HUB_ROLES.includes(m.role as Role))
    .map((m) => m.orgId);
  return { hubIds, regionCodes: await viewerRegions(db, request) };
}

export function registerRegionRoutes(app: FastifyInstance) {
  const { deps } = app;

  app.get(
    '/api/v1/region/overview',
    {
      config: { roles: REGION_READERS },
      schema: {
        operationId: 'getRegionOverview',
        tags: ['region'],
        summary:
          'Cooperatives by kecamatan for one month: participation, sales, subsidy handed over (month and year), overdue and holds at the month end',
        querystring: Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false }),
        response: { 200: RegionOverview, ...problems(422) },
      },
    },
    async (request) => {
      const { month } = request.query as { month?: string };
      return getRegionOverview(deps.db, deps.clock, await regionScopeOf(deps.db, request), {
        month,
      });
    },
  );

  app.get(
    '/api/v1/region/trends',
    {
      config: { roles: REGION_READERS },
      schema: {
        operationId: 'getRegionTrends',
        tags: ['region'],
        summary:
          'Month by month (the current month last): sales, subsidy handed over, overdue at the month end, cooperatives that sold',
        querystring: Type.Object(
          {
            months: Type.Optional(
              Type.String({
                pattern: '^[0-9]{1,2}$',
                description: 'how many months (1–36), default 12',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(RegionTrendPoint) }), ...problems() },
      },
    },
    async (request) => {
      const { months } = request.query as { months?: string };
      return getRegionTrends(deps.db, deps.clock, await regionScopeOf(deps.db, request), {
        months: months === undefined ? undefined : Number(months),
      });
    },
  );
}
