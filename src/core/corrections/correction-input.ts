import type { ErrorDetail } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';

/** What every correcting document carries: the client's id and a reason of 3 to 500 characters. */
export function checkIdAndReason(input: { id: unknown; reason: unknown }): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (typeof input.id !== 'string' || !isUuid(input.id))
    errors.push({ path: '/id', message: 'harus berupa UUID', messageEn: 'must be a UUID' });
  if (
    typeof input.reason !== 'string' ||
    input.reason.trim().length < 3 ||
    input.reason.length > 500
  )
    errors.push({
      path: '/reason',
      message: 'harus 3 sampai 500 karakter',
      messageEn: 'must be 3 to 500 characters',
    });
  return errors;
}

/** A partial correction's lines: at least one, each product once, each quantity `ok`. */
export function checkProductLines(
  lines: { productId: string; quantity: number }[] | undefined,
  ok: (quantity: number) => boolean,
  rule: { id: string; en: string },
): ErrorDetail[] {
  if (!Array.isArray(lines) || lines.length === 0)
    return [
      { path: '/lines', message: 'paling sedikit satu baris', messageEn: 'at least one line' },
    ];
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (seen.has(l.productId))
      errors.push({
        path: `/lines/${i}/productId`,
        message: 'produk tercantum dua kali',
        messageEn: 'product listed twice',
      });
    seen.add(l.productId);
    if (!Number.isSafeInteger(l.quantity) || !ok(l.quantity))
      errors.push({ path: `/lines/${i}/quantity`, message: rule.id, messageEn: rule.en });
  });
  return errors;
}
