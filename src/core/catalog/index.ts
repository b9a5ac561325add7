export type * from './catalog.table.ts';
export * from './catalog.service.ts';
export { PriceBook, loadPriceBook, type Ceiling } from './price-book.ts';
export {
  findProductById,
  findProductsByIds,
  findProductsOfHub,
  findProductBySku,
  updateProductLastUnitCost,
} from './catalog.repository.ts';
export { getPricedProduct, listPricedProducts, type PricedProduct } from './priced-product.ts';
