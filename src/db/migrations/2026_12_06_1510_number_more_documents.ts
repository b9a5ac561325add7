import { sql, type Kysely } from 'kysely';

/** Rows given their numbers per UPDATE: a CASE of this many rows (3 bound values each). */
const BATCH = 500;
/** An issuer code a number can carry: capitals and digits, inner dashes. */
const CODE_RE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
/** Words left out of a code made from an organization's name (as the app's `codeFromName` on this date). */
const GENERIC_WORDS = new Set(['KOPERASI', 'KOP', 'KDKMP', 'KSP', 'KUD', 'PT', 'CV', 'TBK', 'DAN']);

/** The documents numbered here: their table, kind, business date and creation columns; `org_id` issues them. */
const DOCUMENTS = [
  { table: 'goods_receipt', kind: 'BPB', date: 'receipt_date', created: 'created_at' },
  { table: 'stock_return', kind: 'RTR', date: 'return_date', created: 'created_at' },
  { table: 'stock_count', kind: 'SO', date: 'count_date', created: 'created_at' },
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

/** A copy of the app's `issuerCodeOf`: the short code, else a cooperative's village code digits, else from the name. */
function issuerCodeOf(o: Record<string, unknown>): string {
  const own = typeof o.code === 'string' ? o.code.trim().toUpperCase() : '';
  if (CODE_RE.test(own)) return own;
  const village = typeof o.village === 'string' ? o.village.replace(/\D/g, '') : '';
  if (o.kind === 'cooperative' && village) return village;
  return codeFromName(String(o.name));
}

/** Sets the `number` of rows by id, `BATCH` rows per UPDATE (a CASE on the id). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function setNumbers(db: Kysely<any>, table: string, values: [string, string][]) {
  for (let i = 0; i < values.length; i += BATCH) {
    const slice = values.slice(i, i + BATCH);
    const ids = slice.map(([id]) => id);
    const cases = sql.join(
      slice.map(([id, v]) => sql`when ${id} then ${v}`),
      sql` `,
    );
    const [done] = await db
      .updateTable(table)
      .set({ number: sql`case id ${cases} end` })
      .where('id', 'in', ids)
      .execute();
    if (Number(done?.numUpdatedRows ?? 0) !== ids.length)
      throw new Error(`${table}: rows left without a number`);
  }
}

/**
 * More documents get human numbers in `document_sequence`
 * (2026_12_06_1330): goods receipts `BPB` (issued by the hub), returns `RTR`
 * and stock counts `SO` (issued by the cooperative; its code is its short
 * code when set, else the ten digits of its village code). Existing documents
 * are numbered per issuer and year in the order of their business date, then
 * creation, and the sequences continue from there. The columns stay nullable
 * (SQLite adds no NOT NULL column without a default); every row gets a value
 * here and every new one from the application.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const d of DOCUMENTS)
    await db.schema.alterTable(d.table).addColumn('number', 'text').execute();

  const orgs = await db
    .selectFrom('organization')
    .select(['id', 'name', 'kind', 'village_code as village', 'short_code as code'])
    .execute();
  const codeOf = new Map(orgs.map((o) => [String(o.id), issuerCodeOf(o)]));

  for (const d of DOCUMENTS) {
    const rows = await db
      .selectFrom(d.table)
      .select(['id', 'org_id as org', `${d.date} as day`])
      .orderBy('org_id')
      .orderBy(d.date)
      .orderBy(d.created)
      .orderBy('id')
      .execute();
    const last = new Map<string, { org: string; year: number; n: number }>();
    const numbers: [string, string][] = [];
    for (const r of rows) {
      const org = String(r.org);
      const day = String(r.day);
      const key = `${org}|${day.slice(0, 4)}`;
      const seq = { org, year: Number(day.slice(0, 4)), n: (last.get(key)?.n ?? 0) + 1 };
      last.set(key, seq);
      const n = String(seq.n).padStart(4, '0');
      numbers.push([
        String(r.id),
        `${d.kind}/${codeOf.get(org)}/${day.slice(0, 4)}/${day.slice(5, 7)}/${n}`,
      ]);
    }
    await setNumbers(db, d.table, numbers);
    const sequences = [...last.values()].map((s) => ({
      org_id: s.org,
      kind: d.kind,
      year: s.year,
      last_number: s.n,
    }));
    for (let i = 0; i < sequences.length; i += BATCH)
      await db
        .insertInto('document_sequence')
        .values(sequences.slice(i, i + BATCH))
        .execute();
    await db.schema
      .createIndex(`${d.table}_org_id_number_uq`)
      .on(d.table)
      .columns(['org_id', 'number'])
      .unique()
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const d of DOCUMENTS) {
    await db.schema.dropIndex(`${d.table}_org_id_number_uq`).execute();
    await db.schema.alterTable(d.table).dropColumn('number').execute();
    await db.deleteFrom('document_sequence').where('kind', '=', d.kind).execute();
  }
}
