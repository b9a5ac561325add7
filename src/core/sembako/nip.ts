/**
 * The NIP (Nomor Induk Pegawai) of an ASN: 18 digits =
 * birth date `yyyymmdd` + appointment month `yyyymm` + sex `1|2` + sequence `nnn`.
 */
export interface NipParts {
  birthDate: string;
  appointmentMonth: string;
  sex: 1 | 2;
  sequence: string;
}

const isRealDate = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

/**
 * Every reason a NIP is not valid (empty when it is). Rules: 18 digits; a real
 * birth date from 1900 on; a real appointment month (01–12) whose first day
 * is on or after the 18th birthday and not after `todayMonth`; sex digit 1 or 2.
 */
export function nipErrors(nip: string, todayMonth = '9999-12'): string[] {
  if (!/^\d{18}$/.test(nip)) return ['NIP harus 18 angka (NIP must be 18 digits)'];
  const errors: string[] = [];
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const sex = nip[14];
  const birthOk = by >= 1900 && isRealDate(by, bm, bd);
  if (!birthOk)
    errors.push(
      `tanggal lahir ${nip.slice(0, 8)} tidak valid (birth date ${nip.slice(0, 8)} is not a real date)`,
    );
  const apptOk = ay >= 1900 && am >= 1 && am <= 12;
  if (!apptOk)
    errors.push(
      `bulan pengangkatan ${nip.slice(8, 14)} tidak valid (appointment month ${nip.slice(8, 14)} is not a real month)`,
    );
  if (birthOk && apptOk) {
    // The first day of the appointment month must not lie before the 18th birthday
    // (someone born on 29 February turns 18 on 1 March in a common year).
    const eighteen = new Date(Date.UTC(by + 18, bm - 1, bd));
    const appointed = new Date(Date.UTC(ay, am - 1, 1));
    if (appointed < eighteen)
      errors.push('bulan pengangkatan sebelum usia 18 tahun (appointed before the 18th birthday)');
    if (`${nip.slice(8, 12)}-${nip.slice(12, 14)}` > todayMonth)
      errors.push('bulan pengangkatan di masa depan (appointment month in the future)');
  }
  if (sex !== '1' && sex !== '2')
    errors.push(`digit jenis kelamin harus 1 atau 2 (sex digit must be 1 or 2, got ${sex})`);
  return errors;
}

export function isValidNip(nip: string, todayMonth?: string): boolean {
  return nipErrors(nip, todayMonth).length === 0;
}

/** The parts of a NIP already known to be valid. */
export function nipParts(nip: string): NipParts {
  return {
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    appointmentMonth: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    sex: nip[14] === '1' ? 1 : 2,
    sequence: nip.slice(15),
  };
}
