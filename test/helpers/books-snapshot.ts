import type { Db } from '../../src/db/database.ts';

/**
 * The whole state "post X, reverse X" must leave as it found it: every
 * account's net balance of every book, every stock balance (units and cost),
 * every unbilled statement sum. Zero balances are left out: a reversal
 * leaves a balance row at zero where the original created one.
 */
export async function snapshotBooks(db: Db) {
  const accounts = await db.selectFrom('accountBalance').selectAll().execute();
  const stock = await db.selectFrom('stockBalance').selectAll().execute();
  return {
    accounts: accounts
      .map((a) => ({
        k: `${a.orgId}|${a.accountCode}|${a.counterpartyOrgId}`,
        net: a.debit - a.credit,
      }))
      .filter((a) => a.net !== 0)
      .sort((a, b) => (a.k < b.k ? -1 : 1)),
    stock: stock
      .map((s) => ({
        k: `${s.locationId}|${s.productId}|${s.ownerOrgId}`,
        qty: s.qty,
        value: s.value,
      }))
      .filter((s) => s.qty !== 0 || s.value !== 0)
      .sort((a, b) => (a.k < b.k ? -1 : 1)),
  };
}

/** Rows of the fact and document tables, to show that a refused command wrote nothing. */
export async function countFacts(db: Db) {
  const count = async (t: 'journalLine' | 'stockMove' | 'reversal') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  return {
    lines: await count('journalLine'),
    moves: await count('stockMove'),
    reversals: await count('reversal'),
  };
}
