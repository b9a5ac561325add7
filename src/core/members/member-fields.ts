import { isValidBusinessDate } from '../shared/business-date.ts';
import { checkNik, type NikFacts } from './nik.ts';
import { MAX_ADDRESS, MAX_NAME, PHONE_RE, nameForm, phoneForm } from './member-rules.ts';

/** One field a member's data is refused for: where (a JSON pointer), in Indonesian and English. */
export interface FieldProblem {
  path: string;
  id: string;
  en: string;
}

export interface MemberFields {
  nik: string;
  name: string;
  joinedOn: string;
  phone?: string | null;
  address?: string | null;
}

/** The fields as stored, with what the NIK says of the member. */
export interface CheckedMember {
  nik: string;
  name: string;
  joinedOn: string;
  phone: string | null;
  address: string | null;
  facts: NikFacts;
}

/**
 * Checks a new member's data (a form's or a file row's), every problem named:
 * the NIK (see `checkNik`); a name of at most 200 characters; the join date a
 * real date, not after `today` and not before the birth date the NIK gives;
 * a phone of 8–16 digits (+ allowed); an address of at most 500 characters.
 * Names and addresses are kept as written: a leading `=` is text.
 */
export function checkMemberFields(
  input: MemberFields,
  districts: ReadonlySet<string>,
  today: string,
): { ok: true; member: CheckedMember } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const nik = input.nik.replace(/\s+/g, '');
  const nikCheck = checkNik(nik, districts, today);
  if (!nikCheck.ok) problems.push(...nikCheck.failures.map((f) => ({ path: '/nik', ...f })));
  const name = nameForm(input.name);
  if (!name) problems.push({ path: '/name', id: 'nama wajib diisi', en: 'name required' });
  else if (name.length > MAX_NAME)
    problems.push({
      path: '/name',
      id: `nama lebih dari ${MAX_NAME} karakter`,
      en: `name over ${MAX_NAME} characters`,
    });
  const joinedOn = input.joinedOn.trim();
  if (!joinedOn)
    problems.push({ path: '/joinedOn', id: 'tanggal masuk wajib diisi', en: 'join date required' });
  else if (!isValidBusinessDate(joinedOn))
    problems.push({
      path: '/joinedOn',
      id: `tanggal masuk ${joinedOn} bukan tanggal yang sah`,
      en: `join date ${joinedOn} is not a valid date`,
    });
  else if (joinedOn > today)
    problems.push({
      path: '/joinedOn',
      id: `tanggal masuk ${joinedOn} belum terjadi (hari ini ${today})`,
      en: `join date ${joinedOn} is in the future (today is ${today})`,
    });
  else if (nikCheck.ok && joinedOn < nikCheck.facts.birthDate)
    problems.push({
      path: '/joinedOn',
      id: `tanggal masuk ${joinedOn} sebelum tanggal lahir ${nikCheck.facts.birthDate}`,
      en: `join date ${joinedOn} is before the birth date ${nikCheck.facts.birthDate}`,
    });
  const phone = input.phone ? phoneForm(input.phone) : '';
  if (phone && !PHONE_RE.test(phone))
    problems.push({
      path: '/phone',
      id: `nomor telepon ${input.phone} tidak valid`,
      en: 'phone number not valid',
    });
  const address = input.address?.trim() ?? '';
  if (address.length > MAX_ADDRESS)
    problems.push({
      path: '/address',
      id: `alamat lebih dari ${MAX_ADDRESS} karakter`,
      en: `address over ${MAX_ADDRESS} characters`,
    });
  if (problems.length || !nikCheck.ok) return { ok: false, problems };
  return {
    ok: true,
    member: {
      nik,
      name,
      joinedOn,
      phone: phone || null,
      address: address || null,
      facts: nikCheck.facts,
    },
  };
}
