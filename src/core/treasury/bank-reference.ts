import { isPaymentReference } from '../network/index.ts';

/**
 * The payment references a bank remark carries: `LMB` and eleven digits,
 * read with spaces and case ignored (`lmb 1571 0110 014`) and kept only when
 * the check digit is right, so a mistyped reference matches nobody.
 */
export function paymentReferencesIn(remark: string): string[] {
  const text = remark.toUpperCase().replace(/\s+/g, '');
  const found = new Set<string>();
  for (const m of text.matchAll(/LMB(?=(\d{11}))/g)) {
    const ref = `LMB${m[1]!}`;
    if (isPaymentReference(ref)) found.add(ref);
  }
  return [...found];
}

/** The one cooperative a remark names (by its reference); none when no or several references match. */
export function cooperativeOfRemark(
  remark: string,
  references: ReadonlyMap<string, string>,
): string | undefined {
  const coops = new Set(
    paymentReferencesIn(remark).flatMap((r) => {
      const id = references.get(r);
      return id ? [id] : [];
    }),
  );
  return coops.size === 1 ? [...coops][0] : undefined;
}
