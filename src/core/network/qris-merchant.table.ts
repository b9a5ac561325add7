/** Merchant criteria of QRIS (Bank Indonesia): micro, small, medium, large, regular. */
export type QrisCriteria = 'UMI' | 'UKE' | 'UME' | 'UBE' | 'URE';
export const QRIS_CRITERIA: QrisCriteria[] = ['UMI', 'UKE', 'UME', 'UBE', 'URE'];

/** What a cooperative's dynamic QRIS carries; one row per cooperative (`orgId`). */
export interface QrisMerchantTable {
  orgId: string;
  /** National Merchant ID issued with the QRIS: upper-case letters and digits, at most 25. */
  nmid: string;
  /** Merchant category code, 4 digits (5411: grocery stores). */
  mcc: string;
  /** Merchant name as the payer's app shows it: printable ASCII, at most 25 characters. */
  name: string;
  /** Printable ASCII, at most 15 characters. */
  city: string;
  postalCode: string | null;
  criteria: QrisCriteria;
  updatedAt: string;
  updatedBy: string | null;
}

export interface QrisMerchantTables {
  qrisMerchant: QrisMerchantTable;
}
