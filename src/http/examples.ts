/**
 * One example per operation for the OpenAPI document: a request body where
 * the operation takes one, else a response. Ids are illustrative.
 */
const COOP = '01936f6e-7c1a-7000-8000-0000000000c1';
const HUB = '01936f6e-7c1a-7000-8000-0000000000a1';
const GULA = '01936f6e-7c1a-7000-8000-0000000000b1';
const DO = '01936f6e-7c1a-7000-8000-0000000000d1';
const DINAS = '01936f6e-7c1a-7000-8000-0000000000f1';
const TRAINING = '01936f6e-7c1a-7000-8000-000000000901';

const balance = {
  balanceDue: 12_450_000,
  overdueAmount: 0,
  exposure: 31_200_000,
  exposureLimit: 50_000_000,
  consignedStockValue: 18_750_000,
  inTransitValue: 0,
  onHold: false,
  aging: { current: 12_450_000, d1to30: 0, d31to60: 0, d61to90: 0, d90plus: 0 },
};

export const EXAMPLES: Record<string, { request?: unknown; response?: unknown }> = {
  health: { response: { status: 'ok', database: 'sqlite', version: '0.1.0' } },
  logout: { response: null },
  getCurrentUser: {
    response: {
      id: '01936f6e-7c1a-7000-8000-0000000000e1',
      email: 'admin@kana.demo',
      name: 'Admin Koperasi Kana',
      locale: 'id',
      memberships: [
        { orgId: HUB, orgKind: 'hub', orgName: 'Koperasi Kana — Cabang Jambi', role: 'hub_admin' },
      ],
    },
  },
  createApiToken: { request: { label: 'HP kasir KDKMP Simpang IV Sipin', days: 90 } },
  setLocale: { request: { locale: 'en' } },
  listCooperatives: {
    response: {
      items: [
        {
          id: COOP,
          name: 'KDKMP Simpang IV Sipin',
          villageCode: '15.71.01.1001',
          villageName: 'Simpang IV Sipin',
          districtName: 'Telanaipura',
          status: 'active',
          exposure: 31_200_000,
          exposureLimit: 50_000_000,
          balanceDue: 12_450_000,
          overdueAmount: 0,
          onHold: false,
        },
      ],
      nextCursor: 'WyJLREtNUCBTaW1wYW5nIElWIFNpcGluIiwiLi4uIl0',
    },
  },
  getCooperative: {
    response: {
      id: COOP,
      name: 'KDKMP Simpang IV Sipin',
      villageCode: '15.71.01.1001',
      participation: {
        agreementNo: 'PKS/KANA-JBI/001/2025',
        exposureLimit: 50_000_000,
        monthlySubsidy: 2_000_000,
        settlementPeriod: 'monthly',
        paymentTermsDays: 14,
        graceDays: 7,
        subsidyMode: 'payout',
      },
      officers: [{ role: 'ketua', name: 'Siti Aminah' }],
    },
  },
  getCooperativeStock: {
    response: { items: [{ productId: GULA, ownerOrgId: HUB, qty: 480, inTransit: 0 }] },
  },
  getCooperativeBalance: { response: balance },
  getCooperativeDashboard: {
    response: {
      today: '2026-03-10',
      cooperative: {
        id: COOP,
        name: 'KDKMP Simpang IV Sipin',
        villageName: 'Simpang IV Sipin',
        districtName: 'Telanaipura',
      },
      sales: {
        today: 1_750_000,
        todayCount: 42,
        month: 16_380_000,
        monthCount: 391,
        monthlyPotential: 200_000_000,
      },
      balance,
      nextDue: {
        statementId: '01936f6e-7c1a-7000-8000-0000000000f1',
        amount: 12_932_600,
        dueDate: '2026-03-14',
        periodEnd: '2026-02-28',
      },
      subsidy: {
        month: '2026-02',
        amount: 2_000_000,
        eligible: true,
        reason: null,
        mode: 'payout',
        status: 'paid',
      },
      stock: [
        {
          productId: '01936f6e-7c1a-7000-8000-0000000000a1',
          sku: 'GKP-1',
          name: 'Gula Kristal Putih 1 kg',
          unit: 'pak',
          qty: 420,
          inTransit: 0,
          sold28Days: 840,
          daysOfCover: 14,
        },
      ],
      statements: [],
    },
  },
  listStatements: {
    response: {
      items: [
        {
          id: '01936f6e-7c1a-7000-8000-0000000000f1',
          periodStart: '2026-02-01',
          periodEnd: '2026-02-28',
          openingBalance: 0,
          salesAmount: 48_900_000,
          shrinkageAmount: 32_600,
          paymentsAmount: 36_000_000,
          subsidyNettedAmount: 0,
          closingBalance: 12_932_600,
          dueDate: '2026-03-14',
          outstanding: 12_932_600,
          issuedAt: '2026-03-01T02:00:00.000Z',
        },
      ],
    },
  },
  listPayments: {
    response: {
      items: [
        {
          id: '01936f6e-7c1a-7000-8000-000000000101',
          amount: 36_000_000,
          receivedOn: '2026-03-10',
          method: 'transfer',
          reference: 'TRF-0001',
          statementId: null,
        },
      ],
    },
  },
  recordSales: {
    request: {
      sales: [
        {
          id: '01936f6e-7c1a-7000-8000-000000000201',
          occurredAt: '2026-03-10T02:15:00Z',
          paymentMethod: 'cash',
          lines: [{ productId: GULA, qty: 2, unitPrice: 17_500 }],
        },
      ],
    },
  },
  listSales: {
    response: {
      items: [
        {
          id: '01936f6e-7c1a-7000-8000-000000000201',
          saleDate: '2026-03-10',
          occurredAt: '2026-03-10T02:15:00.000Z',
          paymentMethod: 'cash',
          totalAmount: 35_000,
          consignmentAmount: 32_600,
          clockSkew: false,
          lines: [{ productId: GULA, qty: 2, unitPrice: 17_500, consignmentPrice: 16_300 }],
        },
      ],
    },
  },
  createReturn: {
    request: {
      id: '01936f6e-7c1a-7000-8000-000000000301',
      reason: 'Karung rusak',
      lines: [{ productId: GULA, qty: 1 }],
    },
  },
  createStockCount: {
    request: {
      id: '01936f6e-7c1a-7000-8000-000000000401',
      countedAt: '2026-03-31T10:00:00Z',
      lines: [{ productId: GULA, qtyCounted: 118 }],
    },
  },
  listCooperativeSubsidies: {
    response: {
      items: [
        {
          month: '2026-02',
          amount: 2_000_000,
          eligible: true,
          status: 'paid',
          paidReference: 'TRF/SUBSIDI/2026-02',
        },
      ],
    },
  },
  listProducts: {
    response: {
      items: [
        {
          id: GULA,
          sku: 'GKP-1',
          name: 'Gula Kristal Putih 1 kg',
          unit: 'pak',
          commodity: 'gula',
          netContent: { value: 1, unit: 'kg' },
          consignmentPrice: 16_300,
          retailPrice: 17_500,
          ceilingPrice: 17_500,
          ceilingRegulation: 'Perbadan No. 12 Tahun 2024 — HAP gula konsumsi tingkat konsumen',
          hubId: HUB,
        },
      ],
    },
  },
  setProductPrices: {
    request: { consignmentPrice: 16_500, retailPrice: 17_500, effectiveFrom: '2026-04-01' },
  },
  createGoodsReceipt: {
    request: {
      supplierName: 'PT Sinar Gula Nusantara',
      date: '2026-03-09',
      lines: [{ productId: GULA, qty: 5_000, unitCost: 15_100 }],
    },
  },
  listGoodsReceipts: {
    response: {
      items: [
        {
          id: '01936f6e-7c1a-7000-8000-000000000501',
          supplierName: 'PT Sinar Gula Nusantara',
          receiptDate: '2026-03-09',
          totalCost: 75_500_000,
        },
      ],
    },
  },
  createDeliveryOrder: { request: { cooperativeId: COOP, lines: [{ productId: GULA, qty: 300 }] } },
  listDeliveryOrders: {
    response: {
      items: [
        {
          id: DO,
          cooperativeId: COOP,
          status: 'dispatched',
          value: 4_890_000,
          orderDate: '2026-03-10',
          dispatchedOn: '2026-03-10',
        },
      ],
    },
  },
  getDeliveryOrder: {
    response: {
      id: DO,
      cooperativeId: COOP,
      status: 'received',
      value: 4_890_000,
      lines: [{ productId: GULA, qty: 300, qtyReceived: 298 }],
    },
  },
  dispatchDeliveryOrder: {
    request: { override: { reason: 'Pembayaran sudah ditransfer, bukti diterima 10/03' } },
  },
  receiveDeliveryOrder: { request: { lines: [{ productId: GULA, qtyReceived: 298 }] } },
  cancelDeliveryOrder: { response: { id: DO, status: 'cancelled' } },
  listSubsidyRuns: {
    response: {
      items: [
        {
          id: '01936f6e-7c1a-7000-8000-000000000601',
          month: '2026-02',
          runDate: '2026-03-02',
          createdAt: '2026-03-02T02:00:00.000Z',
        },
      ],
    },
  },
  getSubsidyRun: {
    response: {
      runId: '01936f6e-7c1a-7000-8000-000000000601',
      month: '2026-02',
      items: [{ cooperativeId: COOP, amount: 2_000_000, eligible: true, status: 'accrued' }],
    },
  },
  markSubsidyPaid: { request: { reference: 'TRF/SUBSIDI/2026-02/0042', paidOn: '2026-03-05' } },
  getTrialBalance: {
    response: {
      orgId: COOP,
      asOf: '2026-03-31',
      accounts: [
        { code: '1101', name: 'Kas', debit: 3_500_000, credit: 0 },
        {
          code: '2101',
          name: 'Utang kepada Pengamanat',
          counterpartyOrgId: HUB,
          debit: 0,
          credit: 3_260_000,
        },
        { code: '4101', name: 'Pendapatan Komisi Konsinyasi', debit: 0, credit: 240_000 },
      ],
      totalDebit: 3_500_000,
      totalCredit: 3_500_000,
    },
  },
  exportJournal: {
    response:
      '2026-03-10 Penjualan barang konsinyasi  ; sale:01936f6e-…\n    Aset:1101 Kas  IDR 35000\n    Liabilitas:2101 Utang kepada Pengamanat:Koperasi Kana — Cabang Jambi  IDR -32600\n    Pendapatan:4101 Pendapatan Komisi Konsinyasi  IDR -2400\n',
  },
  listUsers: {
    response: {
      items: [
        {
          id: '01936f6e-7c1a-7000-8000-0000000000e2',
          email: 'simpang-iv-sipin@kdkmp.demo',
          name: 'Pengurus KDKMP Simpang IV Sipin',
          disabled: false,
          orgId: COOP,
          orgName: 'KDKMP Simpang IV Sipin',
          role: 'coop_manager',
        },
      ],
    },
  },
  listAuditEvents: {
    response: {
      items: [
        {
          id: '01936f6e-7c1a-7000-8000-000000000701',
          orgId: HUB,
          at: '2026-03-10T03:00:00.000Z',
          actorUserId: '01936f6e-7c1a-7000-8000-0000000000e1',
          action: 'dispatchDeliveryOrder',
          targetType: 'delivery_order',
          targetId: DO,
          detail: { method: 'POST', path: `/api/v1/delivery-orders/${DO}/dispatch`, status: 200 },
          requestId: 'c0ffee00-0000-4000-8000-000000000001',
          address: '10.0.0.7',
        },
      ],
    },
  },
  createTrainingEvent: {
    request: {
      id: '01936f6e-7c1a-7000-8000-000000000901',
      title: 'Pelatihan Pengurus KDKMP: Pembukuan Konsinyasi',
      date: '2026-02-12',
      venue: 'Aula BKPSDM Kota Jambi',
      organizerName: 'Dinas Koperasi dan UKM Kota Jambi',
      materials: 'Modul pembukuan konsinyasi (PDF)\nhttps://example.org/modul-konsinyasi',
    },
  },
  recordTrainingParticipants: {
    request: {
      participants: [
        {
          cooperativeId: COOP,
          name: 'Ketua KDKMP Simpang IV Sipin',
          position: 'ketua',
          attended: true,
          preScore: 55,
          postScore: 80,
        },
        {
          cooperativeId: COOP,
          name: 'Bendahara KDKMP Simpang IV Sipin',
          position: 'bendahara',
          attended: false,
        },
      ],
    },
  },
  listTrainingEvents: {
    response: {
      items: [
        {
          id: TRAINING,
          organizerId: DINAS,
          title: 'Pelatihan Pengurus KDKMP: Pembukuan Konsinyasi',
          date: '2026-02-12',
          venue: 'Aula BKPSDM Kota Jambi',
          organizerName: 'Dinas Koperasi dan UKM Kota Jambi',
          materials: 'Modul pembukuan konsinyasi (PDF)',
          createdAt: '2026-02-01T02:00:00.000Z',
          invited: 170,
          attended: 158,
          cooperatives: 68,
        },
      ],
    },
  },
  getTrainingEvent: {
    response: {
      id: TRAINING,
      organizerId: DINAS,
      title: 'Pelatihan Pengurus KDKMP: Pembukuan Konsinyasi',
      date: '2026-02-12',
      venue: 'Aula BKPSDM Kota Jambi',
      organizerName: 'Dinas Koperasi dan UKM Kota Jambi',
      materials: 'Modul pembukuan konsinyasi (PDF)',
      createdAt: '2026-02-01T02:00:00.000Z',
      participants: [
        {
          id: '01936f6e-7c1a-7000-8000-000000000911',
          cooperativeId: COOP,
          cooperativeName: 'KDKMP Simpang IV Sipin',
          districtName: 'Telanaipura',
          name: 'Ketua KDKMP Simpang IV Sipin',
          position: 'ketua',
          attended: true,
          preScore: 55,
          postScore: 80,
          updatedAt: '2026-02-12T09:00:00.000Z',
        },
      ],
    },
  },
  getTrainingCoverage: {
    response: {
      month: '2026-03',
      asOf: '2026-03-10',
      districts: [
        {
          districtCode: '15.71.01',
          districtName: 'Telanaipura',
          cooperatives: 1,
          trainedCooperatives: 1,
          officersInvited: 2,
          officersTrained: 1,
          avgPreScore: 55,
          avgPostScore: 80,
        },
      ],
      totals: {
        cooperatives: 1,
        trainedCooperatives: 1,
        officersInvited: 2,
        officersTrained: 1,
        avgPreScore: 55,
        avgPostScore: 80,
      },
      items: [
        {
          cooperativeId: COOP,
          name: 'KDKMP Simpang IV Sipin',
          districtName: 'Telanaipura',
          officersInvited: 2,
          officersTrained: 1,
          avgPreScore: 55,
          avgPostScore: 80,
          participating: true,
          salesAmount: 41_250_000,
          overdueAmount: 0,
          onHold: false,
        },
      ],
    },
  },
  getNetworkAging: {
    response: {
      asOf: '2026-03-10',
      items: [
        {
          cooperativeId: COOP,
          cooperativeName: 'KDKMP Simpang IV Sipin',
          balanceDue: 12_450_000,
          overdueAmount: 2_000_000,
          onHold: false,
          aging: { current: 10_450_000, d1to30: 2_000_000, d31to60: 0, d61to90: 0, d90plus: 0 },
        },
      ],
      totals: {
        balanceDue: 12_450_000,
        overdueAmount: 2_000_000,
        aging: { current: 10_450_000, d1to30: 2_000_000, d31to60: 0, d61to90: 0, d90plus: 0 },
      },
    },
  },
  listNetworkStatements: {
    response: {
      items: [
        {
          id: '01936f6e-7c1a-7000-8000-000000000501',
          cooperativeId: COOP,
          cooperativeName: 'KDKMP Simpang IV Sipin',
          periodStart: '2026-02-01',
          periodEnd: '2026-02-28',
          openingBalance: 0,
          salesAmount: 9_800_000,
          shrinkageAmount: 32_000,
          paymentsAmount: 7_832_000,
          subsidyNettedAmount: 0,
          closingBalance: 2_000_000,
          dueDate: '2026-03-14',
          outstanding: 2_000_000,
          daysPastDue: 0,
          issuedAt: '2026-03-01T01:00:00.000Z',
        },
      ],
    },
  },
  listJournalEntries: {
    response: {
      items: [
        {
          id: '01936f6e-7c1a-7000-8000-000000000601',
          date: '2026-03-10',
          documentType: 'payment',
          documentId: '01936f6e-7c1a-7000-8000-000000000001',
          memo: 'Pembayaran ke pengamanat Rp 1.500.000 TRF-0001',
          lines: [
            {
              accountCode: '2101',
              accountName: 'Utang kepada Pengamanat',
              counterpartyOrgId: HUB,
              debit: 1_500_000,
              credit: 0,
            },
            { accountCode: '1102', accountName: 'Bank', debit: 0, credit: 1_500_000 },
          ],
        },
      ],
      nextCursor: 'WyIyMDI2LTAzLTEwIiwiMDE5MzZmNmUtLi4uIl0',
    },
  },
  getStatementPdf: { response: '%PDF-1.3 … (binary: the statement as an A4 PDF)' },
  suggestDeliveryQuantities: {
    response: {
      items: [
        {
          productId: GULA,
          sold28Days: 620,
          stock: 180,
          inTransit: 0,
          suggestedQty: 130,
          consignmentPrice: 16_300,
        },
      ],
    },
  },
  checkDispatch: {
    response: {
      exposure: 31_200_000,
      orderValue: 4_890_000,
      exposureLimit: 50_000_000,
      exposureAfter: 36_090_000,
      withinLimit: true,
      onHold: false,
      overdueAmount: 0,
      stockShortfalls: [],
    },
  },
  getDeliveryNotePdf: { response: '%PDF-1.3 … (the surat jalan as an A4 PDF document)' },
  getQrisMerchant: {
    response: {
      cooperativeId: COOP,
      nmid: 'ID1026157100001',
      mcc: '5411',
      name: 'KDKMP Simpang IV Sipin',
      city: 'KOTA JAMBI',
      postalCode: '36124',
      criteria: 'UMI',
      updatedAt: '2026-03-01T02:15:00.000Z',
    },
  },
  setQrisMerchant: {
    request: {
      nmid: 'ID1026157100001',
      mcc: '5411',
      name: 'KDKMP Simpang IV Sipin',
      city: 'KOTA JAMBI',
      postalCode: '36124',
      criteria: 'UMI',
    },
  },
};

// --- Sembako Bahagia ---
const PROGRAM = '01936f6e-7c1a-7000-8000-000000000a01';
const PEMKOT = '01936f6e-7c1a-7000-8000-000000000a02';
const PAKET = '01936f6e-7c1a-7000-8000-000000000a03';
const ORDER = '01936f6e-7c1a-7000-8000-000000000a04';
const MINYAK = '01936f6e-7c1a-7000-8000-0000000000b3';
const NIP = '198503152010011002';
const participantSession = {
  token: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c',
  expiresAt: '2026-03-10T15:00:00.000Z',
  csrfToken: 'm4n5b6v7c8x9z0l1k2j3h4g5f6d7s8a9',
  user: {
    id: '01936f6e-7c1a-7000-8000-0000000000e9',
    email: `${NIP}@asn.invalid`,
    name: 'Budi Santoso',
    locale: 'id',
    memberships: [
      {
        orgId: PEMKOT,
        orgKind: 'government',
        orgName: 'Pemerintah Kota Jambi',
        role: 'program_participant',
      },
    ],
  },
};
const sembakoPackage = {
  id: PAKET,
  name: 'Paket Gula & Minyak',
  price: 65_000,
  sponsorSubsidy: 15_000,
  participantPays: 50_000,
  items: [
    { productId: GULA, qty: 2 },
    { productId: MINYAK, qty: 2 },
  ],
};
const coopAccount = {
  ordered: 6_500_000,
  pickedUp: 5_850_000,
  subsidy: 1_350_000,
  deducted: 4_400_000,
  paidBySponsor: 5_750_000,
  payable: 0,
  open: 100_000,
};
Object.assign(EXAMPLES, {
  activateParticipant: {
    request: { nip: NIP, activationCode: 'K7PQ-2M9X', password: 'rahasia-saya-123' },
    response: participantSession,
  },
  loginParticipant: {
    request: { nip: NIP, password: 'rahasia-saya-123' },
    response: participantSession,
  },
  listPrograms: {
    response: {
      items: [
        {
          id: PROGRAM,
          name: 'Sembako Bahagia',
          sponsorOrgId: PEMKOT,
          hubId: HUB,
          ordersPerPeriod: 1,
        },
      ],
    },
  },
  createProgram: {
    request: { name: 'Sembako Bahagia', sponsorOrgId: PEMKOT, hubId: HUB, ordersPerPeriod: 1 },
  },
  importParticipants: {
    response: {
      imported: 1_998,
      updated: 0,
      rejected: [
        {
          row: 17,
          nip: '198502302010011002',
          errors: ['tanggal lahir 19850230 tidak valid (birth date 19850230 is not a real date)'],
        },
      ],
    },
  },
  exportActivationCodes: {
    response: `nip,nama,opd,kode_aktivasi\r\n${NIP},Budi Santoso,Dinas Pendidikan,K7PQ-2M9X\r\n`,
  },
  listProgramPeriods: {
    response: {
      items: [
        {
          month: '2026-03',
          orderOpensAt: '2026-02-28T17:00:00.000Z',
          orderClosesAt: '2026-03-20T17:00:00.000Z',
          packages: [sembakoPackage],
        },
      ],
    },
  },
  createProgramPeriod: {
    request: {
      month: '2026-03',
      orderOpensAt: '2026-02-28T17:00:00.000Z',
      orderClosesAt: '2026-03-20T17:00:00.000Z',
      packages: [
        {
          name: 'Paket Gula & Minyak',
          items: [
            { productId: GULA, qty: 2 },
            { productId: MINYAK, qty: 2 },
          ],
          price: 65_000,
          sponsorSubsidy: 15_000,
        },
      ],
    },
  },
  placeOrder: {
    request: { id: ORDER, nip: NIP, month: '2026-03', packageId: PAKET, qty: 1 },
    response: {
      id: ORDER,
      pickupCode: 'K7PQ2M9XWA',
      pickupCooperativeId: COOP,
      amountToDeduct: 50_000,
    },
  },
  cancelOrder: { response: { id: ORDER, status: 'cancelled' } },
  pickupOrder: {
    request: { code: 'K7PQ2M9XWA' },
    response: {
      id: ORDER,
      status: 'picked_up',
      saleId: '01936f6e-7c1a-7000-8000-000000000a05',
      cooperativeId: COOP,
      pickupDate: '2026-03-10',
      amount: 65_000,
      amountToDeduct: 50_000,
      lines: [
        { productId: GULA, qty: 2, unitPrice: 17_131 },
        { productId: MINYAK, qty: 2, unitPrice: 15_369 },
      ],
    },
  },
  listMyOrders: {
    response: {
      items: [
        {
          id: ORDER,
          month: '2026-03',
          packageId: PAKET,
          packageName: 'Paket Gula & Minyak',
          qty: 1,
          amount: 65_000,
          amountToDeduct: 50_000,
          status: 'ordered',
          pickupCooperativeId: COOP,
          pickupCooperativeName: 'KDKMP Simpang IV Sipin',
          createdAt: '2026-03-02T01:15:00.000Z',
          pickedUpAt: null,
          pickupCode: 'K7PQ2M9XWA',
          pickupQr: `lumbung:sembako:${PROGRAM}:${ORDER}:K7PQ2M9XWA`,
        },
      ],
    },
  },
  listMyDeductions: {
    response: {
      items: [
        { month: '2026-03', amountDue: 50_000, amountDeducted: 0, status: 'gagal', open: 50_000 },
      ],
    },
  },
  getProgramDirectory: {
    response: {
      products: [{ id: GULA, sku: 'GKP-1', name: 'Gula Kristal Putih 1 kg', unit: 'pak' }],
      cooperatives: [{ id: COOP, name: 'KDKMP Simpang IV Sipin' }],
    },
  },
  findOrderByPickupCode: {
    response: {
      id: ORDER,
      month: '2026-03',
      nip: NIP,
      participantName: 'Budi Santoso',
      packageName: 'Paket Gula & Minyak',
      qty: 1,
      amount: 65_000,
      amountToDeduct: 50_000,
      status: 'ordered',
      pickupCooperativeId: COOP,
      pickupCooperativeName: 'KDKMP Simpang IV Sipin',
      pickedUpAt: null,
      items: [{ productId: GULA, productName: 'Gula Kristal Putih 1 kg', unit: 'pak', qty: 2 }],
    },
  },
  getPeriodDemand: {
    response: {
      items: [{ cooperativeId: COOP, productId: GULA, ordered: 180, pickedUp: 120, pending: 60 }],
    },
  },
  proposeDeliveryOrders: {
    response: {
      items: [
        {
          id: DO,
          cooperativeId: COOP,
          status: 'draft',
          value: 960_000,
          lines: [{ productId: GULA, qty: 60 }],
        },
      ],
    },
  },
  exportPayrollDeductions: {
    response: `nip,nama,opd,jumlah,periode\r\n${NIP},Budi Santoso,Dinas Pendidikan,50000,2026-03\r\n`,
  },
  importPayrollResults: {
    response: {
      recorded: 1,
      rejected: 1,
      results: [
        { row: 2, nip: NIP, status: 'berhasil' },
        {
          row: 3,
          nip: '199001012015032001',
          status: 'rejected',
          errors: ['jumlah 90000 ≠ potongan 100000 (amount differs from the deduction due)'],
        },
      ],
    },
  },
  recordSponsorPayment: {
    request: {
      id: '01936f6e-7c1a-7000-8000-000000000a06',
      amount: 5_750_000,
      receivedOn: '2026-04-05',
      reference: 'SP2D 900/123/BPKAD/2026',
    },
    response: {
      id: '01936f6e-7c1a-7000-8000-000000000a06',
      month: '2026-03',
      amount: 5_750_000,
      receivedOn: '2026-04-05',
      reference: 'SP2D 900/123/BPKAD/2026',
      shares: [
        {
          cooperativeId: COOP,
          amount: 5_750_000,
          paymentId: '5c1e0a4e-2b7d-8f00-9a11-3c4d5e6f7a8b',
        },
      ],
    },
  },
  getProgramReconciliation: {
    response: {
      month: '2026-03',
      cooperatives: [{ cooperativeId: COOP, ...coopAccount }],
      total: coopAccount,
      openParticipants: [
        {
          nip: '199001012015032001',
          name: 'Siti Aminah',
          opd: 'BPKAD',
          due: 100_000,
          deducted: 0,
          status: 'gagal',
          open: 100_000,
        },
      ],
    },
  },
});
