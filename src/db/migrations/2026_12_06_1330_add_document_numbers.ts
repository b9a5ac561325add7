import { sql, type Kysely } from 'kysely';

/** Rows given their numbers per UPDATE: a CASE of this many rows (3 bound values each). */
const BATCH = 500;
/** An issuer code a number can carry: capitals and digits, inner dashes. */
const CODE_RE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
/** Words left out of a code made from an organization's name (as the app's `codeFromName` on this date). */
const GENERIC_WORDS = new Set(['KOPERASI', 'KOP', 'KDKMP', 'KSP', 'KUD', 'PT', 'CV', 'TBK', 'DAN']);

/** The documents that get numbers: their table, kind, business date and creation columns. */
const DOCUMENTS = [
  { table: 'delivery_order', kind: 'SJ', date: 'order_date', created: 'created_at' },
  { table: 'statement', kind: 'TK', date: 'period_end', created: 'issued_at' },
  { table: 'payment', kind: 'PB', date: 'received_on', created: 'created_at' },
] as const;

/** A copy of the app's `codeFromName` as it is on this date (a migration imports nothing of the app). */
function codeFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const specific = words.filter((w) => !GENERIC_WORDS.has(w));
  const chosen = specific.length ? specific : words;
  if (chosen.length === 0) return 'ORG';
  if (chosen.length === 1) return chosen[0]!.slice(0, 6);
  return chosen
    .slice(0, 6)
    .map((w) => w[0])
    .join('');
}

/** A copy of the app's `paymentReferenceOf`: `LMB`, the village code's digits, a Luhn check digit. */
function paymentReferenceOf(villageCode: string): string {
  const digits = villageCode.replace(/\D/g, '');
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]) * (double ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `LMB${digits}${(10 - (sum % 10)) % 10}`;
}

/** Sets one text column of rows by id, `BATCH` rows per UPDATE (a CASE on the id). */
async function setByCase(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  table: string,
  column: string,
  values: [string, string][],
) {
  for (let i = 0; i < values.length; i += BATCH) {
    const slice = values.slice(i, i + BATCH);
    const ids = slice.map(([id]) => id);
    const cases = sql.join(
      slice.map(([id, v]) => sql`when ${id} then ${v}`),
      sql` `,
    );
    const [done] = await db
      .updateTable(table)
      .set({ [column]: sql`case id ${cases} end` })
      .where('id', 'in', ids)
      .execute();
    if (Number(done?.numUpdatedRows ?? 0) !== ids.length)
      throw new Error(`${table}: rows left without a ${column}`);
  }
}

/**
 * Documents get human numbers, `<KIND>/<issuer code>/<YYYY>/<MM>/<NNNN>`
 * (`SJ` surat jalan, `TK` statement, `PB` payment receipt), counted per
 * issuing organization (the hub), kind and year in `document_sequence`; and
 * every cooperative gets its payment reference for bank transfer remarks.
 * Existing documents are numbered in the order of their business date, then
 * creation, per hub and year, and the sequences continue from there. The
 * issuer code is the hub's `short_code` when that column (2026_12_06_1310)
 * holds one, else a code made from its name. The new columns stay nullable
 * (SQLite adds no NOT NULL column without a default); every row gets a value
 * here and every new one from the application.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_sequence')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_sequence_pkey', ['org_id', 'kind', 'year'])
    .addCheckConstraint('document_sequence_last_number_chk', sql`last_number >= 0`)
    .execute();
  for (const d of DOCUMENTS)
    await db.schema.alterTable(d.table).addColumn('number', 'text').execute();
  await db.schema.alterTable('organization').addColumn('payment_reference', 'text').execute();

  const orgTable = (await db.introspection.getTables()).find((t) => t.name === 'organization');
  const hasShortCode = !!orgTable?.columns.some((c) => c.name === 'short_code');
  const orgs = await db
    .selectFrom('organization')
    .select(['id', 'name', 'kind', 'village_code as village'])
    .$if(hasShortCode, (q) => q.select('short_code as code'))
    .execute();
  const codeOf = new Map<string, string>();
  for (const o of orgs) {
    const own = typeof o.code === 'string' ? o.code.trim().toUpperCase() : '';
    codeOf.set(String(o.id), CODE_RE.test(own) ? own : codeFromName(String(o.name)));
  }

  for (const d of DOCUMENTS) {
    const rows = await db
      .selectFrom(d.table)
      .select(['id', 'hub_id as hub', `${d.date} as day`])
      .orderBy('hub_id')
      .orderBy(d.date)
      .orderBy(d.created)
      .orderBy('id')
      .execute();
    const last = new Map<string, { hub: string; year: number; n: number }>();
    const numbers: [string, string][] = [];
    for (const r of rows) {
      const hub = String(r.hub);
      const day = String(r.day);
      const key = `${hub}|${day.slice(0, 4)}`;
      const seq = { hub, year: Number(day.slice(0, 4)), n: (last.get(key)?.n ?? 0) + 1 };
      last.set(key, seq);
      const n = String(seq.n).padStart(4, '0');
      numbers.push([
        String(r.id),
        `${d.kind}/${codeOf.get(hub)}/${day.slice(0, 4)}/${day.slice(5, 7)}/${n}`,
      ]);
    }
    await setByCase(db, d.table, 'number', numbers);
    const sequences = [...last.values()].map((s) => ({
      org_id: s.hub,
      kind: d.kind,
      year: s.year,
      last_number: s.n,
    }));
    for (let i = 0; i < sequences.length; i += BATCH)
      await db
        .insertInto('document_sequence')
        .values(sequences.slice(i, i + BATCH))
        .execute();
  }

  await setByCase(
    db,
    'organization',
    'payment_reference',
    orgs
      .filter((o) => o.kind === 'cooperative' && o.village)
      .map((o) => [String(o.id), paymentReferenceOf(String(o.village))]),
  );

  for (const d of DOCUMENTS)
    await db.schema
      .createIndex(`${d.table}_org_id_number_uq`)
      .on(d.table)
      .columns(['org_id', 'number'])
      .unique()
      .execute();
  await db.schema
    .createIndex('organization_payment_reference_uq')
    .on('organization')
    .column('payment_reference')
    .unique()
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('organization_payment_reference_uq').execute();
  for (const d of DOCUMENTS) await db.schema.dropIndex(`${d.table}_org_id_number_uq`).execute();
  await db.schema.alterTable('organization').dropColumn('payment_reference').execute();
  for (const d of DOCUMENTS) await db.schema.alterTable(d.table).dropColumn('number').execute();
  await db.schema.dropTable('document_sequence').execute();
}
