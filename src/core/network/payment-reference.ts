/** What every payment reference starts with (Lumbung), so a bank remark's reference is told apart from other digits. */
const PREFIX = 'LMB';
const VILLAGE_RE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/** The Luhn check digit of a string of digits (catches any one wrong digit and most swapped neighbours). */
function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]) * (double ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A cooperative's payment reference, the text it writes in a bank transfer's
 * remark so that the hub can tell whose transfer it is: `LMB`, the ten digits
 * of its Kemendagri village code and a Luhn check digit, e.g. `15.71.01.1001`
 * → `LMB15710110014` (14 letters and digits, no spaces or punctuation, so
 * every bank's remark field keeps it). Unique because there is one KDKMP per
 * village; the check digit makes a mistyped reference match nobody.
 */
export function paymentReferenceOf(villageCode: string): string {
  if (!VILLAGE_RE.test(villageCode))
    throw new RangeError(`Village code must be NN.NN.NN.NNNN, got ${villageCode}`);
  const digits = villageCode.replace(/\./g, '');
  return `${PREFIX}${digits}${luhnDigit(digits)}`;
}

/** Whether a text is a well-formed payment reference (prefix, ten digits, right check digit). */
export function isPaymentReference(text: string): boolean {
  const m = /^LMB(\d{10})(\d)$/.exec(text);
  return !!m && luhnDigit(m[1]!) === Number(m[2]);
}
