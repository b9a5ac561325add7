import type { Db } from '../../db/database.ts';
import { isValidBusinessDate } from '../shared/business-date.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { formatRupiah } from '../shared/money.ts';
import { findProvince } from '../network/index.ts';
import type { CommodityCeilingTable, NetUnit, PriceKind, ProductTable } from './catalog.table.ts';
import {
  findCeilings,
  findProductById,
  findProductBySku,
  insertCeiling,
  insertProduct,
  upsertPrice,
} from './catalog.repository.ts';
import { loadPriceBook } from './price-book.ts';

/** Commodity codes and the unit their regulated ceilings are quoted in. */
export const COMMODITIES: Record<string, 'kg' | 'l'> = {
  gula: 'kg',
  beras_medium: 'kg',
  beras_premium: 'kg',
  minyakita: 'l',
  minyak_goreng: 'l',
  tepung_terigu: 'kg',
  telur: 'kg',
  lainnya: 'kg',
};

const NET_FACTOR: Record<NetUnit, { milli: number; base: 'kg' | 'l' }> = {
  g: { milli: 1, base: 'kg' },
  kg: { milli: 1000, base: 'kg' },
  ml: { milli: 1, base: 'l' },
  l: { milli: 1000, base: 'l' },
};

export interface CreateProductInput {
  id?: string;
  sku: string;
  name: string;
  unit: string;
  commodity: string;
  netContent: { value: number; unit: NetUnit };
  consignmentPrice: number;
  retailPrice: number;
  effectiveFrom?: string;
}

function checkPrices(consignment: number, retail: number, errors: ErrorDetail[]) {
  if (!Number.isSafeInteger(consignment) || consignment < 0)
    errors.push({
      path: '/consignmentPrice',
      message: 'harus rupiah bulat, 0 atau lebih',
      messageEn: 'must be a non-negative integer (rupiah)',
    });
  if (!Number.isSafeInteger(retail) || retail < 0)
    errors.push({
      path: '/retailPrice',
      message: 'harus rupiah bulat, 0 atau lebih',
      messageEn: 'must be a non-negative integer (rupiah)',
    });
  if (errors.length === 0 && consignment > retail)
    errors.push({
      path: '/consignmentPrice',
      message: 'tidak boleh melebihi harga eceran',
      messageEn: 'must not exceed the retail price',
    });
}

/**
 * Adds a product to a hub's catalog with its first prices. Keeps: SKU unique
 * per hub; net content matches the commodity's unit; the recommended retail
 * price is within the regulated ceiling in the hub's province.
 */
export async function createProduct(
  db: Db,
  hubId: string,
  hubProvinceCode: string | null,
  input: CreateProductInput,
  clock: Clock,
): Promise<ProductTable> {
  const errors: ErrorDetail[] = [];
  const sku = input.sku?.trim() ?? '';
  if (!sku) errors.push({ path: '/sku', message: 'wajib diisi', messageEn: 'required' });
  if (!input.name?.trim())
    errors.push({ path: '/name', message: 'wajib diisi', messageEn: 'required' });
  if (!input.unit?.trim())
    errors.push({ path: '/unit', message: 'wajib diisi', messageEn: 'required' });
  const base = COMMODITIES[input.commodity];
  if (!base)
    errors.push({
      path: '/commodity',
      message: `harus salah satu dari: ${Object.keys(COMMODITIES).join(', ')}`,
      messageEn: `must be one of ${Object.keys(COMMODITIES).join(', ')}`,
    });
  const net = NET_FACTOR[input.netContent?.unit];
  if (!net || !Number.isSafeInteger(input.netContent.value) || input.netContent.value <= 0) {
    errors.push({
      path: '/netContent',
      message: 'isi harus bilangan bulat lebih dari 0; satuan g, kg, ml atau l',
      messageEn: 'value must be a positive integer; unit g, kg, ml or l',
    });
  } else if (base && net.base !== base) {
    errors.push({
      path: '/netContent/unit',
      message: `${input.commodity} diukur dalam ${base === 'kg' ? 'g atau kg' : 'ml atau l'}`,
      messageEn: `${input.commodity} is measured in ${base === 'kg' ? 'g or kg' : 'ml or l'}`,
    });
  }
  checkPrices(input.consignmentPrice, input.retailPrice, errors);
  const effectiveFrom = input.effectiveFrom ?? todayWib(clock);
  if (!isValidBusinessDate(effectiveFrom))
    errors.push({
      path: '/effectiveFrom',
      message: 'harus berupa tanggal (TTTT-BB-HH)',
      messageEn: 'must be YYYY-MM-DD',
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Data produk tidak valid',
      details: errors,
    });
  if (await findProductBySku(db, hubId, sku)) {
    throw new DomainError('AlreadyExists', {
      message: `SKU ${sku} sudah ada`,
      details: [{ path: '/sku', message: 'SKU ini sudah dipakai', messageEn: 'already exists' }],
    });
  }
  const row: ProductTable = {
    id: input.id ?? newId(),
    hubId,
    sku,
    name: input.name.trim(),
    unit: input.unit.trim(),
    commodity: input.commodity,
    netValue: input.netContent.value,
    netUnit: input.netContent.unit,
    netMilli: input.netContent.value * net!.milli,
    lastUnitCost: 0,
    createdAt: clock.now().toISOString(),
  };
  await insertProduct(db, row);
  await setProductPrices(
    db,
    row.id,
    hubProvinceCode,
    { consignmentPrice: input.consignmentPrice, retailPrice: input.retailPrice, effectiveFrom },
    clock,
  );
  return row;
}

/** A product of the hub's catalogue; `NotFound` for an unknown id or another hub's product. */
export async function loadProductOfHub(
  db: Db,
  hubId: string,
  productId: string,
): Promise<ProductTable> {
  const product = await findProductById(db, productId);
  if (!product || product.hubId !== hubId)
    throw new DomainError('NotFound', {
      message: 'Produk tidak ditemukan',
      messageEn: 'Product not found',
    });
  return product;
}

/**
 * Dates a new consignment and retail price. Keeps: retail within the regulated
 * ceiling in force on that date (`PriceAboveCeiling`), consignment ≤ retail.
 */
export async function setProductPrices(
  db: Db,
  productId: string,
  provinceCode: string | null,
  input: { consignmentPrice: number; retailPrice: number; effectiveFrom: string },
  clock: Clock,
): Promise<void> {
  const errors: ErrorDetail[] = [];
  checkPrices(input.consignmentPrice, input.retailPrice, errors);
  if (!isValidBusinessDate(input.effectiveFrom))
    errors.push({
      path: '/effectiveFrom',
      message: 'harus berupa tanggal (TTTT-BB-HH)',
      messageEn: 'must be YYYY-MM-DD',
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', { message: 'Harga tidak valid', details: errors });
  if (!(await findProductById(db, productId)))
    throw new DomainError('NotFound', { message: 'Produk tidak ditemukan' });
  const book = await loadPriceBook(db, [productId]);
  const ceiling = book.ceiling(productId, provinceCode, input.effectiveFrom);
  if (ceiling && input.retailPrice > ceiling.amount) {
    throw new DomainError('PriceAboveCeiling', {
      message: `Harga eceran ${formatRupiah(input.retailPrice)} melebihi HET/HAP ${formatRupiah(ceiling.amount)} (${ceiling.regulationRef})`,
      details: [
        {
          path: '/retailPrice',
          message: `melebihi HET/HAP ${formatRupiah(ceiling.amount)}`,
          messageEn: `above the regulated ceiling ${ceiling.amount}`,
        },
      ],
    });
  }
  const createdAt = clock.now().toISOString();
  const rows: { kind: PriceKind; amount: number }[] = [
    { kind: 'consignment', amount: input.consignmentPrice },
    { kind: 'retail', amount: input.retailPrice },
  ];
  for (const r of rows) {
    await upsertPrice(db, {
      productId,
      kind: r.kind,
      effectiveFrom: input.effectiveFrom,
      amount: r.amount,
      createdAt,
    });
  }
}

export interface CreateCeilingInput {
  commodity: string;
  /** A two-digit Kemendagri province code; none = the national ceiling. */
  provinceCode?: string;
  /** The commodity's unit (kg or l); checked when given. */
  unit?: 'kg' | 'l';
  /** Whole rupiah per kg or per litre. */
  pricePerUnit: number;
  effectiveFrom: string;
  regulationRef: string;
}

/** A regulated ceiling as the API shows it: national (no province) or a province's own. */
export interface CommodityCeiling {
  id: string;
  commodity: string;
  provinceCode?: string;
  unit: 'kg' | 'l';
  pricePerUnit: number;
  effectiveFrom: string;
  regulationRef: string;
}

function toCeiling(row: CommodityCeilingTable): CommodityCeiling {
  return {
    id: row.id,
    commodity: row.commodity,
    ...(row.provinceCode ? { provinceCode: row.provinceCode } : {}),
    unit: row.baseUnit,
    pricePerUnit: row.amount,
    effectiveFrom: row.effectiveFrom,
    regulationRef: row.regulationRef,
  };
}

/**
 * Records a regulated ceiling (HET/HAP) per kg or litre, as dated data: from
 * `effectiveFrom` (a regulation is often published ahead, so a future date is
 * allowed) it applies to every sale, retail price and package of the commodity
 * in the province (or, without a province, wherever no province ceiling is in
 * force), as `PriceBook` resolves it. Keeps: a known commodity in its own
 * unit, a real province, a positive whole price, a regulation reference; one
 * ceiling per commodity, province and date (`AlreadyExists`).
 */
export async function createCommodityCeiling(
  db: Db,
  input: CreateCeilingInput,
): Promise<CommodityCeiling> {
  const base = COMMODITIES[input.commodity];
  const errors: ErrorDetail[] = [];
  if (!base)
    errors.push({
      path: '/commodity',
      message: `harus salah satu dari: ${Object.keys(COMMODITIES).join(', ')}`,
      messageEn: `must be one of ${Object.keys(COMMODITIES).join(', ')}`,
    });
  else if (input.unit !== undefined && input.unit !== base)
    errors.push({
      path: '/unit',
      message: `harga ${input.commodity} dihitung per ${base}`,
      messageEn: `${input.commodity} is priced per ${base}`,
    });
  if (input.provinceCode !== undefined && !(await findProvince(input.provinceCode)))
    errors.push({
      path: '/provinceCode',
      message: 'kode provinsi Kemendagri tidak dikenal',
      messageEn: 'unknown Kemendagri province code',
    });
  if (!isValidBusinessDate(input.effectiveFrom))
    errors.push({
      path: '/effectiveFrom',
      message: 'harus berupa tanggal (TTTT-BB-HH)',
      messageEn: 'must be YYYY-MM-DD',
    });
  if (!Number.isSafeInteger(input.pricePerUnit) || input.pricePerUnit <= 0)
    errors.push({
      path: '/pricePerUnit',
      message: 'harus rupiah bulat lebih dari 0',
      messageEn: 'must be a positive integer (rupiah)',
    });
  if (!input.regulationRef?.trim())
    errors.push({ path: '/regulationRef', message: 'wajib diisi', messageEn: 'required' });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: `HET/HAP tidak valid: periksa isian yang ditandai (${errors.length})`,
      messageEn: `Invalid ceiling: check the marked fields (${errors.length})`,
      details: errors,
    });
  const row: CommodityCeilingTable = {
    id: newId(),
    commodity: input.commodity,
    provinceCode: input.provinceCode ?? '',
    effectiveFrom: input.effectiveFrom,
    amount: input.pricePerUnit,
    baseUnit: base!,
    regulationRef: input.regulationRef.trim(),
  };
  if (!(await insertCeiling(db, row))) {
    const where = input.provinceCode ? `provinsi ${input.provinceCode}` : 'nasional';
    const whereEn = input.provinceCode ? `province ${input.provinceCode}` : 'national';
    throw new DomainError('AlreadyExists', {
      message: `HET/HAP ${input.commodity} (${where}) mulai ${input.effectiveFrom} sudah ada`,
      messageEn: `A ${input.commodity} ceiling (${whereEn}) from ${input.effectiveFrom} already exists`,
      details: [
        {
          path: '/effectiveFrom',
          message: 'HET/HAP komoditas ini untuk provinsi dan tanggal ini sudah ada',
          messageEn: 'a ceiling for this commodity, province and date exists',
        },
      ],
    });
  }
  return toCeiling(row);
}

/**
 * Every regulated ceiling (national data, not per hub): by commodity, the
 * national ones before the provinces', each with its latest first.
 */
export async function listCommodityCeilings(
  db: Db,
  filter: { commodity?: string } = {},
): Promise<CommodityCeiling[]> {
  const rows = await findCeilings(db, filter);
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows
    .sort(
      (a, b) =>
        byCode(a.commodity, b.commodity) ||
        byCode(a.provinceCode, b.provinceCode) ||
        byCode(b.effectiveFrom, a.effectiveFrom),
    )
    .map(toCeiling);
}
