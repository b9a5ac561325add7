/**
 * The kinds of document that carry a human number, as the number starts:
 * `SJ` surat jalan (delivery order), `TK` tagihan konsinyasi (statement),
 * `PB` bukti pembayaran (a payment's receipt) — issued by the hub; `BPB` bukti
 * penerimaan barang (a goods receipt, by the hub), `RTR` retur (a return, by
 * the cooperative that returns), `SO` stok opname (a stock count, by the
 * cooperative).
 */
export type DocumentKind = 'SJ' | 'TK' | 'PB' | 'BPB' | 'RTR' | 'SO';

/** The last number issued per issuing organization, document kind and calendar year. */
export interface DocumentSequenceTable {
  /** The issuing organization (the hub for SJ, TK, PB and BPB; the cooperative for RTR and SO). */
  orgId: string;
  kind: DocumentKind;
  year: number;
  lastNumber: number;
}

export interface NumberingTables {
  documentSequence: DocumentSequenceTable;
}
