import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createProduct,
  getPricedProduct,
  listPricedProducts,
  loadProductOfHub,
  setProductPrices,
} from '../../../core/catalog/index.ts';
import { findOrganizationById } from '../../../core/network/index.ts';
import { visibleHubIds } from '../../../core/policy/index.ts';
import { todayWib } from '../../../core/shared/clock.ts';
import type { Db } from '../../../db/database.ts';
import { authorize } from '../../authorize.ts';
import { inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  createProductExample,
  productListExample,
  productPricesExample,
} from './catalog.examples.ts';
import {
  CreateProductBody,
  Product,
  ProductList,
  ProductListQuery,
  ProductParams,
  ProductPrices,
  ProductPricesBody,
} from './catalog.schemas.ts';

/** A hub with the province whose regulated ceilings apply to its catalogue. */
async function hubWithProvince(db: Db, hubId: string) {
  const hub = await findOrganizationById(db, hubId);
  return { id: hubId, provinceCode: hub?.provinceCode ?? null };
}

/** The hub's catalogue: products, their dated prices, the regulated ceilings they must stay within. */
export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/products',
    {
      schema: {
        operationId: 'listProducts',
        tags: ['catalog'],
        summary:
          "The hub's products with the prices and regulated ceiling in force today (or on ?date=)",
        querystring: ProductListQuery,
        response: { 200: withExample(ProductList, productListExample), ...problems() },
      },
    },
    async (request) => {
      const scope = await authorize(request, { kind: 'scope' });
      const date = request.query.date ?? todayWib(deps.clock);
      const items = [];
      for (const hubId of await visibleHubIds(deps.db, scope))
        items.push(
          ...(await listPricedProducts(deps.db, await hubWithProvince(deps.db, hubId), date)),
        );
      return { items };
    },
  );

  app.post(
    '/api/v1/products',
    {
      schema: {
        operationId: 'createProduct',
        tags: ['catalog'],
        summary:
          'A product with its first prices; the retail price must be within the regulated ceiling',
        body: withExample(CreateProductBody, createProductExample),
        response: { 201: Product, ...problems(409, 422) },
      },
    },
    async (request, reply) => {
      const hub = await hubWithProvince(deps.db, await authorize(request, { kind: 'hub' }));
      const p = await inTransaction(request, (db) =>
        createProduct(db, hub.id, hub.provinceCode, request.body, deps.clock),
      );
      request.auditTarget = { type: 'product', id: p.id };
      return reply
        .code(201)
        .send(await getPricedProduct(deps.db, p.id, hub.provinceCode, todayWib(deps.clock)));
    },
  );

  app.post(
    '/api/v1/products/:id/prices',
    {
      schema: {
        operationId: 'setProductPrices',
        tags: ['catalog'],
        summary: 'Date a new consignment and retail price (refused above the regulated ceiling)',
        params: ProductParams,
        body: withExample(ProductPricesBody, productPricesExample),
        response: { 201: ProductPrices, ...problems(404, 422) },
      },
    },
    async (request, reply) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const { id } = request.params;
      await loadProductOfHub(deps.db, hubId, id);
      const hub = await hubWithProvince(deps.db, hubId);
      await inTransaction(request, (db) =>
        setProductPrices(db, id, hub.provinceCode, request.body, deps.clock),
      );
      return reply.code(201).send({ productId: id, ...request.body });
    },
  );
};
