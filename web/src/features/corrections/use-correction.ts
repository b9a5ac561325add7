import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';

/**
 * The state of a correction dialog: its client id (fixed when the dialog opens, so a retry is the
 * same correction), the quantities typed per product, the reason, the field errors, and the call,
 * after which every list and balance on screen is read again.
 */
export function useCorrection<B extends { lines: { productId: string }[] }, R>(
  send: (body: B, id: string) => Promise<R>,
) {
  const client = useQueryClient();
  const [id] = useState(() => uuidv7());
  const [qty, setQty] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (body: B) => send(body, id),
    onSuccess: () => client.invalidateQueries(),
  });
  /** A product's line in the body sent (only the products corrected are): the server's paths. */
  const linePaths = (productId: string) => {
    const i = mutation.variables?.lines.findIndex((l) => l.productId === productId) ?? -1;
    return i < 0 ? undefined : [`/lines/${i}/*`, `/lines/${i}`];
  };
  return { mutation, qty, setQty, reason, setReason, errors, setErrors, linePaths };
}
