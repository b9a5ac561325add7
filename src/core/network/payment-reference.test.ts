import { describe, expect, it } from 'vitest';
import { isPaymentReference, paymentReferenceOf } from './payment-reference.ts';

describe('paymentReferenceOf', () => {
  it('is LMB, the village digits and a check digit: letters and digits only, short enough for a remark', () => {
    const ref = paymentReferenceOf('15.71.01.1001');
    expect(ref).toMatch(/^LMB1571011001\d$/);
    expect(ref).toMatch(/^[A-Z0-9]{1,18}$/);
    expect(isPaymentReference(ref)).toBe(true);
  });

  it('differs between villages and catches one mistyped digit', () => {
    const a = paymentReferenceOf('15.71.01.1001');
    const b = paymentReferenceOf('15.71.01.1002');
    expect(a).not.toBe(b);
    for (let i = 3; i < a.length; i++) {
      const typo = a.slice(0, i) + String((Number(a[i]) + 1) % 10) + a.slice(i + 1);
      expect(isPaymentReference(typo)).toBe(false);
    }
  });

  it('refuses what is not a Kemendagri village code', () => {
    expect(() => paymentReferenceOf('15.71.01')).toThrow(RangeError);
    expect(() => paymentReferenceOf('1571011001')).toThrow(RangeError);
  });
});
