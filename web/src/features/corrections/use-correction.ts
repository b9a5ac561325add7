import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';

/**
 * The state of a correction dialog: its client id (fixed when the dialog opens, so a retry is the
 * same correction), the quantities typed per product, the reason, the field errors, and the call,
 * after which every list and balance on screen is read again.
 */
export function useCorrection<B, R>(send: (body: B, id: string) => Promise<R>) {
  const client = useQueryClient();
  const [id] = useState(() => uuidv7());
  const [qty, setQty] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (body: B) => send(body, id),
    onSuccess: () => client.invalidateQueries(),
  });
  return { mutation, qty, setQty, reason, setReason, errors, setErrors };
}
