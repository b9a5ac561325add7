import { addDays, daysBetween } from '../core/shared/business-date.ts';
import type { seededRandom } from './random.ts';

type Random = ReturnType<typeof seededRandom>;

/** Words of a list written one after another (names) or, with `\n`, one per line (streets). */
const list = (text: string, sep: RegExp = /\s+/) =>
  text
    .trim()
    .split(sep)
    .map((w) => w.trim());

/** Given names heard in Kota Jambi: Jambi Malay first, with the Javanese and Minang of the transmigrants. */
const MEN = list(`
  Ahmad Muhammad Abdul Syahrial Zulkifli Rusli Hasan Yusuf Iskandar Firdaus Hendri Rahmat Arif
  Budi Dedi Eko Fauzi Hamdani Irwan Jufri Khairul Lukman Masri Nasrul Rizal Syamsul Taufik Usman
  Wahyu Yudi Zainal Agus Darmawan Effendi Herman Junaidi Mukhtar Ridwan Sudirman Azhar Bakri Daud
  Hasbullah Kemas Marzuki Nazar Rozali Sutrisno Suparman Tarmizi Umar Zulfikar Ilham Fadli Andi
`);
const WOMEN = list(`
  Siti Nurhayati Rahmawati Aminah Fatimah Halimah Nurul Dewi Sri Yuliana Rosmiati Asmah Zubaidah
  Mardiana Hasnah Juliana Kartini Lestari Maimunah Nuraini Rina Salmah Yusniar Zuraidah Khadijah
  Erna Fitri Herlina Indah Maryam Rohani Suryani Nurlela Aisyah Darmawati Elvi Hafsah Jamilah
  Latifah Masnah Nyimas Ratna Sumiati Wartini
`);
/** Second names: a father's name, a Malay, Arabic or Javanese name. */
const SECOND_MEN = list(`
  Syukri Hidayat Saputra Kurniawan Hamzah Harun Ismail Jamal Kadir Latif Mahmud Nawawi Rasyid
  Salim Tahir Yahya Zakaria Anwar Badrun Fahmi Hakim Idris Ramli Sulaiman Wijaya Pratama Setiawan
  Firmansyah
`);
const SECOND_WOMEN = list(`
  Aisyah Wahyuni Handayani Rahayu Susanti Marlina Yanti Rosita Safitri Hartati Komariah Puspita
  Ramadhani Sari Ningsih Wulandari Anggraini Fitriani Lestari Maharani Novita Syafitri Utami Zahara
`);
/** Clan names of the Batak and Minang families long settled in the city. */
const CLANS = list('Nasution Siregar Harahap Lubis Hasibuan Tanjung Chaniago');
const STREETS = list(
  `
  Jl. Sultan Thaha
  Jl. Gatot Subroto
  Jl. Kapten A. Bakaruddin
  Jl. Hayam Wuruk
  Jl. Slamet Riyadi
  Jl. Sumantri Brojonegoro
  Jl. Pangeran Diponegoro
  Jl. Orang Kayo Hitam
  Jl. Raden Mattaher
  Jl. Kol. Abunjani
  Jl. Lingkar Barat
  Jl. Sri Soedewi
  Lorong Pinang
  Lorong Mawar
  Lorong Sepakat
  Gg. Amal
  Gg. Masjid
`,
  /\n/,
);
/** Mobile prefixes of the Indonesian operators (Telkomsel, Indosat, XL, Axis, Tri, Smartfren). */
const MOBILE = list(`
  0811 0812 0813 0821 0822 0823 0852 0853 0815 0856 0857 0858 0817 0818 0819 0859 0877 0878
  0831 0838 0895 0896 0898 0881
`);

export interface DemoPerson {
  nik: string;
  name: string;
  gender: 'L' | 'P';
  birthDate: string;
  phone?: string;
  address: string;
}

/** `157101` from the village code `15.71.01.1001`: province, regency and district, the NIK's first six. */
export function nikRegionOf(villageCode: string): string {
  return villageCode.split('.').slice(0, 3).join('');
}

/**
 * A NIK as Dukcapil issues it: the district's six digits, the birth date as
 * DDMMYY (day + 40 for a woman) and a four-digit serial; `used` keeps every
 * NIK handed out so far so that none repeats.
 */
export function demoNik(
  region: string,
  birthDate: string,
  gender: 'L' | 'P',
  rnd: Random,
  used: Set<string>,
): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (gender === 'P' ? 40 : 0);
  const stem = `${region}${String(day).padStart(2, '0')}${m}${y!.slice(2)}`;
  let serial = rnd.int(1, 2500);
  while (used.has(`${stem}${String(serial).padStart(4, '0')}`)) serial = (serial % 9999) + 1;
  const nik = `${stem}${String(serial).padStart(4, '0')}`;
  used.add(nik);
  return nik;
}

/** Names that never stand alone: they lead a second name (Kemas and Nyimas are Jambi's old titles). */
const LEADING = new Set(['Ahmad', 'Muhammad', 'Abdul', 'Kemas', 'Siti', 'Sri', 'Nyimas', 'Nurul']);

/** A full name: a given name and mostly a second name, now and then a single name or a clan name. */
function nameOf(gender: 'L' | 'P', rnd: Random): string {
  const given = rnd.pick(gender === 'L' ? MEN : WOMEN);
  const r = rnd.next();
  if (r < 0.08) return `${given} ${rnd.pick(CLANS)}`;
  if (r < 0.18 && !LEADING.has(given)) return given;
  const second = rnd.pick(gender === 'L' ? SECOND_MEN : SECOND_WOMEN);
  return second === given ? `${given} ${rnd.pick(CLANS)}` : `${given} ${second}`;
}

/** A mobile number `08…` of 11–13 digits, unique within `used`. */
export function demoPhone(rnd: Random, used: Set<string>): string {
  for (;;) {
    const digits = rnd.int(7, 9);
    let rest = '';
    for (let i = 0; i < digits; i++) rest += String(rnd.int(0, 9));
    const phone = `${rnd.pick(MOBILE)}${rest}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

/**
 * An adult of the village `villageCode` who is 18–68 years old on `joinedOn`:
 * a NIK valid for its district, a plausible name for the gender the NIK
 * encodes, a phone for most, an address in the kelurahan.
 */
export function demoPerson(
  village: { code: string; name: string },
  joinedOn: string,
  rnd: Random,
  used: { niks: Set<string>; phones: Set<string> },
): DemoPerson {
  const gender = rnd.chance(0.52) ? 'P' : 'L';
  const youngest = addDays(joinedOn, -Math.ceil(18 * 365.25));
  const oldest = addDays(joinedOn, -Math.floor(68 * 365.25));
  const birthDate = addDays(oldest, rnd.int(0, daysBetween(oldest, youngest)));
  return {
    nik: demoNik(nikRegionOf(village.code), birthDate, gender, rnd, used.niks),
    name: nameOf(gender, rnd),
    gender,
    birthDate,
    ...(rnd.chance(0.88) ? { phone: demoPhone(rnd, used.phones) } : {}),
    address: `${rnd.pick(STREETS)} RT ${String(rnd.int(1, 40)).padStart(2, '0')}, Kel. ${village.name}`,
  };
}
