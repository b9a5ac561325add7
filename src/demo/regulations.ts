/**
 * Regulated consumer ceilings (HET / HAP) seeded as dated data. Ceilings
 * change by regulation: add a row with its effective date, never edit code
 * that prices.
 */
export interface CeilingRow {
  commodity: string;
  provinceCodes: string[] | null;
  effectiveFrom: string;
  amount: number;
  regulationRef: string;
}

/** Maluku, Maluku Utara and the Papua provinces (3TP areas get the eastern sugar price). */
const EAST = ['81', '82', '91', '92', '93', '94', '95', '96'];
/** Rice HET zones of Kepbadan 299/2025. */
const RICE_ZONE_1 = [
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '16',
  '18',
  '51',
  '52',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
];
const RICE_ZONE_2 = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '17',
  '19',
  '21',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
];
const RICE_ZONE_3 = EAST;

const SUGAR_2023 = 'Perbadan No. 17 Tahun 2023 — HAP gula konsumsi tingkat konsumen';
const SUGAR_2024 = 'Perbadan No. 12 Tahun 2024 — HAP gula konsumsi tingkat konsumen';
const RICE_2025 = 'Keputusan Kepala Bapanas No. 299 Tahun 2025 — HET beras';
const MINYAKITA = 'Permendag No. 18 Tahun 2024 — HET Minyakita';

export const CEILINGS: CeilingRow[] = [
  {
    commodity: 'gula',
    provinceCodes: null,
    effectiveFrom: '2023-07-24',
    amount: 14_500,
    regulationRef: SUGAR_2023,
  },
  {
    commodity: 'gula',
    provinceCodes: EAST,
    effectiveFrom: '2023-07-24',
    amount: 15_500,
    regulationRef: SUGAR_2023,
  },
  {
    commodity: 'gula',
    provinceCodes: null,
    effectiveFrom: '2024-06-26',
    amount: 17_500,
    regulationRef: SUGAR_2024,
  },
  {
    commodity: 'gula',
    provinceCodes: EAST,
    effectiveFrom: '2024-06-26',
    amount: 18_500,
    regulationRef: SUGAR_2024,
  },
  {
    commodity: 'beras_medium',
    provinceCodes: RICE_ZONE_1,
    effectiveFrom: '2025-08-22',
    amount: 13_500,
    regulationRef: `${RICE_2025} (zona 1)`,
  },
  {
    commodity: 'beras_medium',
    provinceCodes: RICE_ZONE_2,
    effectiveFrom: '2025-08-22',
    amount: 14_000,
    regulationRef: `${RICE_2025} (zona 2)`,
  },
  {
    commodity: 'beras_medium',
    provinceCodes: RICE_ZONE_3,
    effectiveFrom: '2025-08-22',
    amount: 15_500,
    regulationRef: `${RICE_2025} (zona 3)`,
  },
  {
    commodity: 'beras_premium',
    provinceCodes: RICE_ZONE_1,
    effectiveFrom: '2025-08-22',
    amount: 14_900,
    regulationRef: `${RICE_2025} (zona 1)`,
  },
  {
    commodity: 'beras_premium',
    provinceCodes: RICE_ZONE_2,
    effectiveFrom: '2025-08-22',
    amount: 15_400,
    regulationRef: `${RICE_2025} (zona 2)`,
  },
  {
    commodity: 'beras_premium',
    provinceCodes: RICE_ZONE_3,
    effectiveFrom: '2025-08-22',
    amount: 15_800,
    regulationRef: `${RICE_2025} (zona 3)`,
  },
  {
    commodity: 'minyakita',
    provinceCodes: null,
    effectiveFrom: '2024-08-14',
    amount: 15_700,
    regulationRef: MINYAKITA,
  },
];
