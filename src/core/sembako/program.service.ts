import type { Db } from '../../db/database.ts';
import { loadPriceBook } from '../catalog/index.ts';
import { findOrganizationById } from '../network/index.ts';
import { isValidMonth, firstDayOfMonth, maxDate } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { formatRupiah } from '../shared/money.ts';
import { splitPackagePrice } from './allocation.ts';
import type {
  SembakoPackageItemTable,
  SembakoPackageTable,
  SembakoProgramTable,
} from './sembako.table.ts';
import {
  findPackageItems,
  findPackages,
  findPeriod,
  findPeriods,
  findProgramById,
  insertPeriod,
} from './sembako.repository.ts';

export function notFound(what: string, en: string): never {
  throw new DomainError('NotFound', {
    message: `${what} tidak ditemukan`,
    messageEn: `${en} not found`,
  });
}

/** A program by id, or NotFound. */
export async function loadProgram(db: Db, programId: string): Promise<SembakoProgramTable> {
  const p = await findProgramById(db, programId);
  if (!p) notFound('Program', 'Program');
  return p;
}

export interface PeriodInput {
  month: string;
  orderOpensAt: string;
  orderClosesAt: string;
  packages: {
    name: string;
    items: { productId: string; qty: number }[];
    price: number;
    sponsorSubsidy: number;
  }[];
}

/**
 * A monthly period with its ordering window and packages. Keeps: one period
 * per program and month; prices and subsidies in whole rupiah, subsidy ≤
 * price; every package's price can be split over its items with each unit at
 * or under its regulated ceiling (in the hub's province, on the period's
 * first day or today, whichever is later) — else PriceAboveCeiling.
 */
export async function createProgramPeriod(
  db: Db,
  ctx: CommandContext,
  programId: string,
  input: PeriodInput,
) {
  const program = await loadProgram(db, programId);
  const errors: ErrorDetail[] = [];
  if (typeof input.month !== 'string' || !isValidMonth(input.month))
    errors.push({
      path: '/month',
      message: 'harus berupa bulan (TTTT-BB)',
      messageEn: 'must be YYYY-MM',
    });
  const opens = new Date(input.orderOpensAt);
  const closes = new Date(input.orderClosesAt);
  if (Number.isNaN(opens.getTime()))
    errors.push({
      path: '/orderOpensAt',
      message: 'harus berupa waktu yang sah',
      messageEn: 'must be an instant',
    });
  if (Number.isNaN(closes.getTime()))
    errors.push({
      path: '/orderClosesAt',
      message: 'harus berupa waktu yang sah',
      messageEn: 'must be an instant',
    });
  else if (!Number.isNaN(opens.getTime()) && closes <= opens)
    errors.push({
      path: '/orderClosesAt',
      message: 'harus setelah waktu pesanan dibuka',
      messageEn: 'must be after orderOpensAt',
    });
  if (!Array.isArray(input.packages) || input.packages.length === 0)
    errors.push({
      path: '/packages',
      message: 'paling sedikit satu paket',
      messageEn: 'at least one package',
    });
  const names = new Set<string>();
  (input.packages ?? []).forEach((p, i) => {
    const name = p.name?.trim() ?? '';
    if (!name)
      errors.push({ path: `/packages/${i}/name`, message: 'wajib diisi', messageEn: 'required' });
    if (names.has(name))
      errors.push({
        path: `/packages/${i}/name`,
        message: 'dipakai dua kali',
        messageEn: 'used twice',
      });
    names.add(name);
    if (!Number.isSafeInteger(p.price) || p.price <= 0)
      errors.push({
        path: `/packages/${i}/price`,
        message: 'harus rupiah bulat lebih dari 0',
        messageEn: 'must be whole rupiah > 0',
      });
    if (
      !Number.isSafeInteger(p.sponsorSubsidy) ||
      p.sponsorSubsidy < 0 ||
      p.sponsorSubsidy > p.price
    )
      errors.push({
        path: `/packages/${i}/sponsorSubsidy`,
        message: 'harus rupiah bulat, dari 0 sampai harga paket',
        messageEn: 'must be whole rupiah, 0 to price',
      });
    if (!Array.isArray(p.items) || p.items.length === 0)
      errors.push({
        path: `/packages/${i}/items`,
        message: 'paling sedikit satu barang',
        messageEn: 'at least one item',
      });
    const seen = new Set<string>();
    (p.items ?? []).forEach((it, j) => {
      if (seen.has(it.productId))
        errors.push({
          path: `/packages/${i}/items/${j}/productId`,
          message: 'dipakai dua kali',
          messageEn: 'used twice',
        });
      seen.add(it.productId);
      if (!Number.isSafeInteger(it.qty) || it.qty <= 0)
        errors.push({
          path: `/packages/${i}/items/${j}/qty`,
          message: 'harus bilangan bulat lebih dari 0',
          messageEn: 'must be a whole number > 0',
        });
    });
  });
  if (errors.length)
    throw new DomainError('ValidationFailed', { message: 'Periode tidak valid', details: errors });
  if (await findPeriod(db, program.orgId, programId, input.month))
    throw new DomainError('AlreadyExists', {
      message: `Periode ${input.month} sudah ada`,
      details: [{ path: '/month', message: 'bulan ini sudah ada', messageEn: 'already exists' }],
    });
  const hub = await findOrganizationById(db, program.hubId);
  const book = await loadPriceBook(
    db,
    input.packages.flatMap((p) => p.items.map((i) => i.productId)),
    hub?.provinceCode ?? null,
  );
  const date = maxDate(firstDayOfMonth(input.month), todayWib(ctx.clock));
  const packages: SembakoPackageTable[] = [];
  const items: SembakoPackageItemTable[] = [];
  for (const [i, p] of input.packages.entries()) {
    const pricing = p.items.map((it, j) => {
      const product = book.products.get(it.productId);
      if (!product || product.hubId !== program.hubId)
        throw new DomainError('ValidationFailed', {
          message: 'Produk tidak dikenal',
          details: [
            {
              path: `/packages/${i}/items/${j}/productId`,
              message: 'bukan produk hub ini',
              messageEn: 'unknown product of the hub',
            },
          ],
        });
      return {
        productId: it.productId,
        qty: it.qty,
        ceiling: book.ceiling(it.productId, hub?.provinceCode ?? null, date)?.amount,
        fallbackPrice: book.price(it.productId, 'retail', date) ?? 0,
      };
    });
    if (!splitPackagePrice(p.price, pricing)) {
      const cap = pricing.reduce((t, x) => t + x.qty * (x.ceiling ?? 0), 0);
      throw new DomainError('PriceAboveCeiling', {
        message: `${p.name}: harga paket ${formatRupiah(p.price)} melebihi jumlah HET/HAP isinya ${formatRupiah(cap)}`,
        messageEn: `${p.name}: package price ${p.price} is above its items' ceilings ${cap}`,
        details: [
          {
            path: `/packages/${i}/price`,
            message: `melebihi jumlah HET/HAP isinya (${formatRupiah(cap)})`,
            messageEn: `above the items' ceilings (${cap})`,
          },
        ],
      });
    }
    const id = newId();
    packages.push({
      orgId: program.orgId,
      id,
      programId,
      month: input.month,
      name: p.name.trim(),
      price: p.price,
      sponsorSubsidy: p.sponsorSubsidy,
    });
    p.items.forEach((it, j) =>
      items.push({
        orgId: program.orgId,
        packageId: id,
        lineNo: j + 1,
        productId: it.productId,
        qty: it.qty,
      }),
    );
  }
  const period = {
    orgId: program.orgId,
    programId,
    month: input.month,
    orderOpensAt: opens.toISOString(),
    orderClosesAt: closes.toISOString(),
    createdAt: ctx.clock.now().toISOString(),
  };
  await insertPeriod(db, period, packages, items);
  return (await listProgramPeriods(db, program, [input.month]))[0]!;
}

/** Periods (newest first) with their packages and items; `months` limits them. */
export async function listProgramPeriods(db: Db, program: SembakoProgramTable, months?: string[]) {
  const periods = (await findPeriods(db, program.orgId, program.id)).filter(
    (p) => !months || months.includes(p.month),
  );
  const packages = await findPackages(
    db,
    program.orgId,
    program.id,
    periods.map((p) => p.month),
  );
  const items = await findPackageItems(
    db,
    program.orgId,
    packages.map((p) => p.id),
  );
  return periods.map((p) => ({
    month: p.month,
    orderOpensAt: p.orderOpensAt,
    orderClosesAt: p.orderClosesAt,
    packages: packages
      .filter((k) => k.month === p.month)
      .map((k) => ({
        id: k.id,
        name: k.name,
        price: k.price,
        sponsorSubsidy: k.sponsorSubsidy,
        participantPays: k.price - k.sponsorSubsidy,
        items: items
          .filter((i) => i.packageId === k.id)
          .map((i) => ({ productId: i.productId, qty: i.qty })),
      })),
  }));
}
