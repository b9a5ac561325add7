import { describe, expect, it } from 'vitest';
import { changesOf, parseScore, rowKey, rowsOf, type SavedParticipant } from './attendance.ts';

const COOP = 'coop-1';
const officers = [
  { role: 'ketua', name: 'Ahmad Mahmud' },
  { role: 'sekretaris', name: 'Kartini Nasution' },
  { role: 'bendahara', name: 'Syahrial Kadir' },
];
const saved: SavedParticipant[] = [
  {
    id: 'p1',
    cooperativeId: COOP,
    name: 'ahmad mahmud',
    position: 'ketua',
    attended: true,
    preScore: 50,
    postScore: 70,
  },
  {
    id: 'p2',
    cooperativeId: COOP,
    name: 'Manajer Bagan Pete',
    position: 'manager',
    attended: false,
    preScore: null,
    postScore: null,
  },
  {
    id: 'p3',
    cooperativeId: 'coop-2',
    name: 'Someone Else',
    position: 'ketua',
    attended: true,
    preScore: null,
    postScore: null,
  },
];

describe('the attendance list of one cooperative', () => {
  it('lists its officers (with what was saved, matched by name), then saved others, then people typed', () => {
    const rows = rowsOf(COOP, officers, saved, [{ name: 'Rahmat Hidayat', position: 'manager' }]);
    expect(rows.map((r) => [r.name, r.position, r.saved?.id ?? null])).toEqual([
      ['ahmad mahmud', 'ketua', 'p1'],
      ['Kartini Nasution', 'sekretaris', null],
      ['Syahrial Kadir', 'bendahara', null],
      ['Manajer Bagan Pete', 'manager', 'p2'],
      ['Rahmat Hidayat', 'manager', null],
    ]);
    expect(rows[0]!.base).toEqual({ invited: true, attended: true, pre: '50', post: '70' });
    expect(rows[1]!.base).toEqual({ invited: false, attended: false, pre: '', post: '' });
  });

  it('sends only the rows invited and changed, with the saved id, in one list', () => {
    const rows = rowsOf(COOP, officers, saved, []);
    const c = changesOf(rows, {
      [rowKey(COOP, 'Kartini Nasution')]: { invited: true, attended: true, pre: '55', post: '80' },
      [rowKey(COOP, 'Syahrial Kadir')]: { invited: false, attended: false, pre: '', post: '' },
      [rowKey(COOP, 'Manajer Bagan Pete')]: { invited: true, attended: true, pre: '', post: '' },
    });
    expect(c.errors).toEqual({});
    expect(c.body).toEqual([
      {
        cooperativeId: COOP,
        name: 'Kartini Nasution',
        position: 'sekretaris',
        attended: true,
        preScore: 55,
        postScore: 80,
      },
      {
        id: 'p2',
        cooperativeId: COOP,
        name: 'Manajer Bagan Pete',
        position: 'manager',
        attended: true,
        preScore: null,
        postScore: null,
      },
    ]);
    expect(c.keys).toEqual([rowKey(COOP, 'Kartini Nasution'), rowKey(COOP, 'Manajer Bagan Pete')]);
  });

  it('names each invalid row and keeps the others', () => {
    const rows = rowsOf(COOP, officers, saved, []);
    const c = changesOf(rows, {
      [rowKey(COOP, 'Kartini Nasution')]: { invited: true, attended: true, pre: '150', post: '' },
      [rowKey(COOP, 'Syahrial Kadir')]: { invited: true, attended: false, pre: '40', post: '' },
    });
    expect(c.errors).toEqual({
      [rowKey(COOP, 'Kartini Nasution')]: 'scoreRange',
      [rowKey(COOP, 'Syahrial Kadir')]: 'scoreNeedsAttendance',
    });
  });

  it('reads a score as a whole number 0–100, blank as none', () => {
    expect([parseScore(''), parseScore(' 85 '), parseScore('100')]).toEqual([null, 85, 100]);
    expect([parseScore('101'), parseScore('8,5'), parseScore('-1')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
