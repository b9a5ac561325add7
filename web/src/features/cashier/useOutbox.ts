import { useCallback, useEffect, useState } from 'react';
import { addSale, listSales, onOutboxChange, type OutboxSale, type SalePayload } from './outbox.ts';
import { startOutboxSync, type SyncStatus } from './sync.ts';

const sameStatus = (a: SyncStatus, b: SyncStatus) =>
  a.kind === b.kind &&
  (a.kind !== 'offline' || b.kind !== 'offline' || a.retryInMs === b.retryInMs);

/** The cooperative's outbox on this device (its sales and the sync status), kept flowing while shown. */
export function useOutbox(coopId: string) {
  const [sales, setSales] = useState<OutboxSale[]>([]);
  const [status, setStatus] = useState<SyncStatus>({ kind: 'idle' });
  useEffect(() => {
    let live = true;
    // One read at a time; a change during a read (which may have missed it) reads again after.
    let reading = false;
    let stale = false;
    const load = () => {
      if (reading) {
        stale = true;
        return;
      }
      reading = true;
      void listSales(coopId)
        .then((s) => live && !stale && setSales(s))
        .finally(() => {
          reading = false;
          if (stale && live) {
            stale = false;
            load();
          }
        });
    };
    load();
    // A sale this tab has just written is added as it is; any other change is read again.
    const unsubscribe = onOutboxChange((added) => {
      if (added?.coopId !== coopId) return load();
      if (reading) stale = true;
      setSales((prev) => [added, ...prev.filter((x) => x.id !== added.id)]);
    });
    // The sync reports on every change; the panel re-renders only when what it shows changes.
    const stop = startOutboxSync(
      coopId,
      (s) => live && setStatus((prev) => (sameStatus(prev, s) ? prev : s)),
    );
    return () => {
      live = false;
      unsubscribe();
      stop();
    };
  }, [coopId]);
  return { sales, status };
}

/**
 * Writes a sale to the outbox; once the promise resolves the sale cannot be lost. Holds no state,
 * so the cashier screen does not re-render when the outbox changes (only the outbox panel does).
 */
export function useRecordSale(coopId: string) {
  return useCallback(
    (
      sale: SalePayload,
      total: number,
      names: Record<string, string>,
      member?: { memberNo: string; name: string },
    ) => addSale({ id: sale.id, coopId, sale, total, names, ...(member ? { member } : {}) }),
    [coopId],
  );
}
