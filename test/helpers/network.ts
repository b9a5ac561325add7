import type { DocType } from '../../src/core/shared/doc-type.ts';
import type { Kysely } from 'kysely';
import { createCommodityCeiling, createProduct } from '../../src/core/catalog/index.ts';
import {
  createCooperative,
  createOrganization,
  createParticipation,
} from '../../src/core/network/index.ts';
import { fixedClock } from '../../src/core/shared/clock.ts';
import type { CommandContext } from '../../src/core/shared/context.ts';
import type { Database } from '../../src/db/database.ts';

/**
 * A small network: the hub in Jambi, two KDKMP of Kota Jambi, three products
 * with prices and the regulated ceilings, the clock at 2026-03-10 10:00 WIB.
 */
export async function buildNetwork(
  db: Kysely<Database>,
  opts: { exposureLimit?: number; now?: string } = {},
) {
  const clock = fixedClock(opts.now ?? '2026-03-10T03:00:00Z');
  const ctx: CommandContext & { clock: ReturnType<typeof fixedClock> } = {
    clock,
    actor: { userId: 'test-admin', role: 'hub_admin' },
  };
  const hub = await createOrganization(
    db,
    { kind: 'hub', name: 'Koperasi Kana — Cabang Jambi', regionCode: '15.71' },
    clock,
  );
  await createCommodityCeiling(db, {
    commodity: 'gula',
    effectiveFrom: '2024-01-01',
    pricePerUnit: 17_500,
    regulationRef: 'Perbadan 12/2024',
  });
  await createCommodityCeiling(db, {
    commodity: 'gula',
    provinceCode: '81',
    effectiveFrom: '2024-01-01',
    pricePerUnit: 18_500,
    regulationRef: 'Perbadan 12/2024',
  });
  await createCommodityCeiling(db, {
    commodity: 'minyakita',
    effectiveFrom: '2024-08-01',
    pricePerUnit: 15_700,
    regulationRef: 'Permendag 18/2024',
  });
  const coopA = await createCooperative(
    db,
    { name: 'KDKMP Simpang IV Sipin', villageCode: '15.71.01.1001' },
    clock,
  );
  const coopB = await createCooperative(
    db,
    { name: 'KDKMP Buluran Kenali', villageCode: '15.71.01.1002' },
    clock,
  );
  for (const coop of [coopA, coopB]) {
    await createParticipation(
      db,
      coop.id,
      {
        hubId: hub.id,
        agreementNo: `PKS/${coop.villageCode}`,
        startDate: '2026-01-01',
        exposureLimit: opts.exposureLimit ?? 50_000_000,
      },
      clock,
    );
  }
  const gula1 = await createProduct(
    db,
    hub.id,
    '15',
    {
      sku: 'GKP-1',
      name: 'Gula Kristal Putih 1 kg',
      unit: 'pak',
      commodity: 'gula',
      netContent: { value: 1, unit: 'kg' },
      consignmentPrice: 16_000,
      retailPrice: 17_500,
      effectiveFrom: '2026-01-01',
    },
    clock,
  );
  const gula50 = await createProduct(
    db,
    hub.id,
    '15',
    {
      sku: 'GKP-50',
      name: 'Gula Kristal Putih 50 kg',
      unit: 'karung',
      commodity: 'gula',
      netContent: { value: 50, unit: 'kg' },
      consignmentPrice: 800_000,
      retailPrice: 860_000,
      effectiveFrom: '2026-01-01',
    },
    clock,
  );
  const minyak = await createProduct(
    db,
    hub.id,
    '15',
    {
      sku: 'MK-1',
      name: 'Minyakita 1 L',
      unit: 'pouch',
      commodity: 'minyakita',
      netContent: { value: 1, unit: 'l' },
      consignmentPrice: 14_500,
      retailPrice: 15_700,
      effectiveFrom: '2026-01-01',
    },
    clock,
  );
  return { clock, ctx, hub, coopA, coopB, gula1, gula50, minyak };
}

export type TestNetwork = Awaited<ReturnType<typeof buildNetwork>>;

/**
 * The journal lines that carry one sale in one book: the `sales_batch` entry
 * whose id the sale keeps (for a batch of one sale, exactly that sale's amounts).
 */
export async function journalOfSale(db: Kysely<Database>, orgId: string, saleId: string) {
  const sale = await db
    .selectFrom('sale')
    .select(['postingId'])
    .where('id', '=', saleId)
    .executeTakeFirstOrThrow();
  return journalOf(db, orgId, 'sales_batch', sale.postingId!);
}

/** The journal lines of one document in one book, as `account:counterparty → [debit, credit]`. */
export async function journalOf(
  db: Kysely<Database>,
  orgId: string,
  docType: DocType,
  docId: string,
) {
  const rows = await db
    .selectFrom('journalEntry as e')
    .innerJoin('journalLine as l', (j) =>
      j.onRef('l.orgId', '=', 'e.orgId').onRef('l.entryId', '=', 'e.id'),
    )
    .select(['l.accountCode', 'l.counterpartyOrgId', 'l.debit', 'l.credit', 'e.entryDate'])
    .where('e.orgId', '=', orgId)
    .where('e.docType', '=', docType)
    .where('e.docId', '=', docId)
    .orderBy('l.lineNo')
    .execute();
  return rows.map((r) => ({
    account: r.accountCode,
    cp: r.counterpartyOrgId || undefined,
    debit: r.debit,
    credit: r.credit,
    date: r.entryDate,
  }));
}

export async function stockQty(db: Kysely<Database>, locationId: string, productId: string) {
  const r = await db
    .selectFrom('stockBalance')
    .select(['qty', 'value'])
    .where('locationId', '=', locationId)
    .where('productId', '=', productId)
    .executeTakeFirst();
  return r ?? { qty: 0, value: 0 };
}
