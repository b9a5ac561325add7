import { useCallback, useEffect, useState } from 'react';
import { addSale, listSales, onOutboxChange, type OutboxSale, type SalePayload } from './outbox.ts';
import { startOutboxSync, type SyncStatus } from './sync.ts';

/** The cooperative's outbox on this device, kept flowing while the screen is open. */
export function useOutbox(coopId: string) {
  const [sales, setSales] = useState<OutboxSale[]>([]);
  const [status, setStatus] = useState<SyncStatus>({ kind: 'idle' });
  useEffect(() => {
    let live = true;
    const load = () => void listSales(coopId).then((s) => live && setSales(s));
    load();
    const unsubscribe = onOutboxChange(load);
    const stop = startOutboxSync(coopId, (s) => live && setStatus(s));
    return () => {
      live = false;
      unsubscribe();
      stop();
    };
  }, [coopId]);
  /** Writes the sale to the outbox; once this resolves the sale cannot be lost. */
  const record = useCallback(
    (sale: SalePayload, total: number, names: Record<string, string>) =>
      addSale({ id: sale.id, coopId, sale, total, names }),
    [coopId],
  );
  return { sales, status, record };
}
