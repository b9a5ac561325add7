/**
 * The kinds of document that carry a human number, as the number starts:
 * `SJ` surat jalan (delivery order), `TK` tagihan konsinyasi (statement),
 * `PB` bukti pembayaran (a payment's receipt).
 */
export type DocumentKind = 'SJ' | 'TK' | 'PB';

/** The last number issued per issuing organization, document kind and calendar year. */
export interface DocumentSequenceTable {
  /** The issuing organization (the hub for SJ, TK and PB). */
  orgId: string;
  kind: DocumentKind;
  year: number;
  lastNumber: number;
}

export interface NumberingTables {
  documentSequence: DocumentSequenceTable;
}
