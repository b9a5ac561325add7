import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  createProduct,
  findProductById,
  findProductsOfHub,
  loadPriceBook,
  setProductPrices,
} from '../../core/catalog/index.ts';
import { findOrganizationById } from '../../core/network/index.ts';
import { todayWib } from '../../core/shared/clock.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { ALL_ROLES, HUB_ROLES, callerHubId, visibleHubIds } from '../access.ts';
import { BusinessDate, Id, List, Rupiah, Text, problems } from '../schemas.ts';
import { inTransaction } from './tx.ts';

const Product = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  commodity: Type.String(),
  netContent: Type.Object({ value: Type.Integer(), unit: Type.String() }),
  consignmentPrice: Type.Union([Rupiah, Type.Null()]),
  retailPrice: Type.Union([Rupiah, Type.Null()]),
  ceilingPrice: Type.Union([Rupiah, Type.Null()]),
  ceilingRegulation: Type.Union([Type.String(), Type.Null()]),
  hubId: Type.String(),
});

export function registerCatalogRoutes(app: FastifyInstance) {
  const { deps } = app;
  const view = async (productIds: string[], hubProvince: string | null, date: string) => {
    const book = await loadPriceBook(deps.db, productIds);
    return productIds.map((id) => {
      const p = book.products.get(id)!;
      const ceiling = book.ceiling(id, hubProvince, date);
      return {
        id,
        sku: p.sku,
        name: p.name,
        unit: p.unit,
        commodity: p.commodity,
        netContent: { value: p.netValue, unit: p.netUnit },
        consignmentPrice: book.price(id, 'consignment', date) ?? null,
        retailPrice: book.price(id, 'retail', date) ?? null,
        ceilingPrice: ceiling?.amount ?? null,
        ceilingRegulation: ceiling?.regulationRef ?? null,
        hubId: p.hubId,
      };
    });
  };

  app.get(
    '/api/v1/products',
    {
      config: { roles: ALL_ROLES },
      schema: {
        operationId: 'listProducts',
        tags: ['catalog'],
        summary:
          "The hub's products with the prices and regulated ceiling in force today (or on ?date=)",
        querystring: Type.Object(
          { date: Type.Optional(BusinessDate) },
          { additionalProperties: false },
        ),
        response: { 200: List(Product), ...problems() },
      },
    },
    async (request) => {
      const date = (request.query as { date?: string }).date ?? todayWib(deps.clock);
      const items = [];
      for (const hubId of await visibleHubIds(deps.db, request)) {
        const hub = await findOrganizationById(deps.db, hubId);
        const products = await findProductsOfHub(deps.db, hubId);
        items.push(
          ...(await view(
            products.map((p) => p.id),
            hub?.provinceCode ?? null,
            date,
          )),
        );
      }
      return { items };
    },
  );

  app.post(
    '/api/v1/products',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'createProduct',
        tags: ['catalog'],
        summary:
          'A product with its first prices; the retail price must be within the regulated ceiling',
        body: Type.Object(
          {
            sku: Text(50),
            name: Text(200),
            unit: Text(30),
            commodity: Type.String({
              minLength: 1,
              maxLength: 40,
              description:
                'gula, beras_medium, beras_premium, minyakita, minyak_goreng, tepung_terigu, telur, lainnya',
            }),
            netContent: Type.Object(
              {
                value: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
                unit: Type.Union(['g', 'kg', 'ml', 'l'].map((u) => Type.Literal(u))),
              },
              { additionalProperties: false },
            ),
            consignmentPrice: Rupiah,
            retailPrice: Rupiah,
            effectiveFrom: Type.Optional(BusinessDate),
          },
          {
            additionalProperties: false,
            examples: [
              {
                sku: 'GKP-1',
                name: 'Gula Kristal Putih 1 kg',
                unit: 'pak',
                commodity: 'gula',
                netContent: { value: 1, unit: 'kg' },
                consignmentPrice: 16_300,
                retailPrice: 17_500,
              },
            ],
          },
        ),
        response: { 201: Product, ...problems(409, 422) },
      },
    },
    async (request, reply) => {
      const hubId = callerHubId(request);
      const hub = await findOrganizationById(deps.db, hubId);
      request.auditOrgId = hubId;
      const p = await inTransaction(app, (db) =>
        createProduct(db, hubId, hub?.provinceCode ?? null, request.body as never, deps.clock),
      );
      request.auditTarget = { type: 'product', id: p.id };
      return reply
        .code(201)
        .send((await view([p.id], hub?.provinceCode ?? null, todayWib(deps.clock)))[0]);
    },
  );

  app.post(
    '/api/v1/products/:id/prices',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'setProductPrices',
        tags: ['catalog'],
        summary: 'Date a new consignment and retail price (refused above the regulated ceiling)',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          { consignmentPrice: Rupiah, retailPrice: Rupiah, effectiveFrom: BusinessDate },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            productId: Type.String(),
            consignmentPrice: Rupiah,
            retailPrice: Rupiah,
            effectiveFrom: Type.String(),
          }),
          ...problems(404, 422),
        },
      },
    },
    async (request, reply) => {
      const hubId = callerHubId(request);
      const { id } = request.params as { id: string };
      const product = await findProductById(deps.db, id);
      if (!product || product.hubId !== hubId)
        throw new DomainError('NotFound', {
          message: 'Produk tidak ditemukan',
          messageEn: 'Product not found',
        });
      const hub = await findOrganizationById(deps.db, hubId);
      const body = request.body as {
        consignmentPrice: number;
        retailPrice: number;
        effectiveFrom: string;
      };
      request.auditOrgId = hubId;
      await inTransaction(app, (db) =>
        setProductPrices(db, id, hub?.provinceCode ?? null, body, deps.clock),
      );
      return reply.code(201).send({ productId: id, ...body });
    },
  );
}
