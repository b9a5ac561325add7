import { describe, expect, it } from 'vitest';
import {
  cardCodeIn,
  matchMembers,
  memberForEnter,
  normalizePhone,
  type DirectoryMember,
} from './member-match.ts';

const member = (no: string, name: string, phone: string | null, status = 'active') => ({
  id: `m${no}`,
  memberNo: no,
  name,
  phone,
  cardCode: `A1571011001-${no}`,
  status,
});
const DIRECTORY: DirectoryMember[] = [
  member('0042', 'Siti Aminah', '081234567890'),
  member('0043', 'Budi Santoso', '+62 812-9876-5432'),
  member('0142', 'Ahmad Siti Rahman', null),
  member('0007', 'Rina Wati', '6285711112222'),
  member('0099', 'Sitorus Keluar', '081200000099', 'left'),
];
const ids = (ms: DirectoryMember[]) => ms.map((m) => m.memberNo);

describe('phone numbers at the counter', () => {
  it('08…, +62 8… and 62 8… are the same number, with or without spaces, dashes or dots', () => {
    for (const typed of ['081234567890', '+6281234567890', '6281234567890', '+62 812-3456-7890'])
      expect(normalizePhone(typed)).toBe('081234567890');
    expect(normalizePhone('0812.3456.7890')).toBe('081234567890');
    expect(normalizePhone('(0741) 123456')).toBe('0741123456');
  });

  it('text with letters, or too few digits, is no phone number', () => {
    expect(normalizePhone('Siti')).toBeUndefined();
    expect(normalizePhone('08a1')).toBeUndefined();
    expect(normalizePhone('12')).toBeUndefined();
    expect(normalizePhone('')).toBeUndefined();
  });

  it('a member is found by their phone in either form, whatever form the directory holds', () => {
    expect(ids(matchMembers(DIRECTORY, '+6281234567890'))).toEqual(['0042']);
    expect(ids(matchMembers(DIRECTORY, '0812 9876 5432'))).toEqual(['0043']);
    expect(ids(matchMembers(DIRECTORY, '+62 857 1111 2222'))).toEqual(['0007']);
    // The last digits are enough to narrow it down.
    expect(ids(matchMembers(DIRECTORY, '5432'))).toEqual(['0043']);
  });
});

describe('member card codes', () => {
  it('are read from a scanner’s text or a pasted QR text, in any case', () => {
    expect(cardCodeIn('A1571011001-0042')).toBe('A1571011001-0042');
    expect(cardCodeIn('  a1571011001-0042\n')).toBe('A1571011001-0042');
    expect(cardCodeIn('Kartu anggota: A1571011001-0042')).toBe('A1571011001-0042');
    expect(cardCodeIn('0042')).toBeUndefined();
  });

  it('find exactly that member: never one whose code merely begins the same', () => {
    expect(ids(matchMembers(DIRECTORY, 'A1571011001-0042'))).toEqual(['0042']);
    expect(ids(matchMembers(DIRECTORY, 'A1571011001-004'))).toEqual([]);
    expect(ids(matchMembers(DIRECTORY, 'A1571011002-0042'))).toEqual([]);
  });

  it('Enter picks the scanned member, or the only match; nobody when several match', () => {
    expect(memberForEnter(DIRECTORY, 'A1571011001-0043')?.name).toBe('Budi Santoso');
    expect(memberForEnter(DIRECTORY, '43')?.name).toBe('Budi Santoso');
    expect(memberForEnter(DIRECTORY, 'siti')).toBeUndefined();
    expect(memberForEnter(DIRECTORY, 'tidak ada')).toBeUndefined();
  });
});

describe('member numbers and names', () => {
  it('a member number matches with or without its leading zeros, before phones and names', () => {
    expect(ids(matchMembers(DIRECTORY, '42'))).toEqual(['0042']);
    expect(ids(matchMembers(DIRECTORY, '0007'))).toEqual(['0007']);
  });

  it('a name matches anywhere in it, in any case', () => {
    expect(ids(matchMembers(DIRECTORY, 'SITI'))).toEqual(['0042', '0142']);
    expect(ids(matchMembers(DIRECTORY, 'a'))).toEqual([]);
  });

  it('members who left are not offered', () => {
    expect(matchMembers(DIRECTORY, '0099')).toEqual([]);
    expect(matchMembers(DIRECTORY, 'A1571011001-0099')).toEqual([]);
    expect(ids(matchMembers(DIRECTORY, 'sito'))).toEqual([]);
  });
});
