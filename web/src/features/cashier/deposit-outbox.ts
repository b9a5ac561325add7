import { outboxChanged, outboxDb } from './outbox.ts';
import { withOutcome, type DepositOutcome, type OutboxDeposit } from './savings-deposit.ts';

/**
 * The savings deposits in the cashier's outbox (IndexedDB, beside the sales): written before the
 * cashier sees "saved", sent by the same sync, never changed once written.
 */

/** Writes a new deposit, waiting to be sent. Resolves once it is durably in IndexedDB. */
export async function addDeposit(d: OutboxDeposit) {
  const tx = (await outboxDb()).transaction('deposits', 'readwrite', { durability: 'strict' });
  // `add`, not `put`: an id is written once.
  await tx.store.add(d);
  await tx.done;
  outboxChanged();
}

/** Every deposit of the cooperative on this device, newest first. */
export async function listDeposits(coopId: string): Promise<OutboxDeposit[]> {
  const all = await (await outboxDb()).getAllFromIndex('deposits', 'byCoop', coopId);
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

/** The deposits waiting to be sent, oldest first. */
export async function waitingDeposits(coopId: string): Promise<OutboxDeposit[]> {
  return (await listDeposits(coopId)).filter((d) => d.state === 'waiting').reverse();
}

/** Stores what the server said of a deposit (nothing changes for one no longer waiting). */
export async function storeDepositOutcome(id: string, outcome: DepositOutcome) {
  const tx = (await outboxDb()).transaction('deposits', 'readwrite', { durability: 'strict' });
  const d = await tx.store.get(id);
  if (d) await tx.store.put(withOutcome(d, outcome, Date.now()));
  await tx.done;
  outboxChanged();
}

/** Removes a refused deposit the cashier has dealt with (the money handed back, or taken again). */
export async function dismissDeposit(id: string) {
  const d = await outboxDb();
  if ((await d.get('deposits', id))?.state === 'refused') await d.delete('deposits', id);
  outboxChanged();
}
