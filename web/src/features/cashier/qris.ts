/**
 * Dynamic QRIS payloads (EMVCo merchant-presented mode, as Bank Indonesia's QRIS standard profiles it):
 * tag 00 "01", 01 "12" (dynamic: one amount, one payment), 51 the domestic merchant account (GUI
 * `ID.CO.QRIS.WWW`, the merchant's NMID), 52 MCC, 53 "360" (rupiah), 54 amount, 58 "ID", 59 name,
 * 60 city, and 63 the CRC-16/CCITT-FALSE of everything before it including "6304".
 */

export interface QrisMerchant {
  /** National Merchant ID issued with the QRIS, e.g. `ID1023123456789`. */
  nmid: string;
  /** Merchant category code, 4 digits (5411: grocery stores). */
  mcc: string;
  /** Merchant name as printed, at most 25 characters. */
  name: string;
  /** At most 15 characters. */
  city: string;
  postalCode?: string;
  /** Merchant criteria: UMI (micro), UKE (small), UME (medium), UBE (large), URE (regular). */
  criteria?: 'UMI' | 'UKE' | 'UME' | 'UBE' | 'URE';
}

export const QRIS_GUI = 'ID.CO.QRIS.WWW';

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) as 4 upper-case hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** One TLV field: 2-digit id, 2-digit length (in characters), value. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`QRIS tag ${id} is not two digits`);
  if (value.length > 99) throw new Error(`QRIS tag ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Printable ASCII only (the QR's alphanumeric profile); anything else becomes a space. */
function ascii(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
    .slice(0, max);
}

/** The payload of a dynamic QRIS for `amount` whole rupiah. */
export function dynamicQris(m: QrisMerchant, amount: number): string {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new Error('QRIS amount must be positive rupiah');
  if (!/^\d{4}$/.test(m.mcc)) throw new Error('MCC must be 4 digits');
  if (!/^[A-Z0-9]{1,25}$/.test(m.nmid)) throw new Error('NMID must be letters and digits');
  const account =
    tlv('00', QRIS_GUI) + tlv('02', m.nmid) + (m.criteria ? tlv('03', m.criteria) : '');
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('51', account) +
    tlv('52', m.mcc) +
    tlv('53', '360') +
    tlv('54', String(amount)) +
    tlv('58', 'ID') +
    tlv('59', ascii(m.name, 25)) +
    tlv('60', ascii(m.city, 15)) +
    (m.postalCode ? tlv('61', m.postalCode) : '') +
    '6304';
  return body + crc16CcittFalse(body);
}

/** Reads a payload back into its top-level fields; throws when a length runs past the end. */
export function parseTlv(payload: string): Map<string, string> {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < payload.length) {
    const id = payload.slice(i, i + 2);
    const len = Number(payload.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(len) || i + 4 + len > payload.length)
      throw new Error(`Malformed QRIS field at ${i}`);
    fields.set(id, payload.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return fields;
}

/** True when the last field is tag 63 holding the CRC of everything before its value. */
export function hasValidCrc(payload: string): boolean {
  const at = payload.length - 8;
  return (
    at > 0 &&
    payload.slice(at, at + 4) === '6304' &&
    crc16CcittFalse(payload.slice(0, at + 4)) === payload.slice(at + 4)
  );
}
