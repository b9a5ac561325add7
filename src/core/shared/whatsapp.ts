/**
 * A mobile number as wa.me wants it: digits with the country code (`0812…` and `+62812…` both
 * become `62812…`); undefined when it is no number.
 */
export function whatsAppNumber(phone: string | null | undefined): string | undefined {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length < 8) return undefined;
  if (digits.startsWith('0')) return `62${digits.slice(1)}`;
  if (digits.startsWith('8')) return `62${digits}`;
  return digits;
}

/** A wa.me link that opens a chat with the number and the message typed in; undefined without a number. */
export function whatsAppUrl(phone: string | null | undefined, text: string): string | undefined {
  const number = whatsAppNumber(phone);
  return number ? `https://wa.me/${number}?text=${encodeURIComponent(text)}` : undefined;
}

/** A wa.me link that opens WhatsApp with the message typed in, for the sender to choose the chat. */
export function whatsAppShareUrl(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}
