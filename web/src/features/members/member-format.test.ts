import { reasonIn } from '../network/import-reasons.ts';
import { describe, expect, it } from 'vitest';
import { membersAccess, nikOf, returnedOnLeaving, splitProblem } from './member-format.ts';

const problem = (p: Record<string, unknown>) =>
  Object.assign(new Error('x'), { problem: { title: 'Data tidak valid', detail: 'x', ...p } });

describe('splitProblem', () => {
  it('puts each field message next to its field and nothing in the alert', () => {
    const e = problem({
      code: 'ValidationFailed',
      errors: [
        { path: '/nik', message: 'kode wilayah 15.71.99 tidak dikenal' },
        { path: '/nik', message: 'second message' },
        { path: '/joinedOn', message: 'tanggal belum terjadi' },
      ],
    });
    const { fields, rest } = splitProblem(e, { '/nik': 'nik', '/joinedOn': 'joinedOn' });
    expect(fields).toEqual({
      nik: 'kode wilayah 15.71.99 tidak dikenal',
      joinedOn: 'tanggal belum terjadi',
    });
    expect(rest).toBeNull();
  });

  it('keeps the messages of unknown paths for the alert', () => {
    const e = problem({
      code: 'ValidationFailed',
      errors: [
        { path: '/nik', message: 'salah' },
        { path: '/', message: 'lain' },
      ],
    });
    const { fields, rest } = splitProblem(e, { '/nik': 'nik' });
    expect(fields).toEqual({ nik: 'salah' });
    expect((rest as { problem: { errors: unknown[] } }).problem.errors).toEqual([
      { path: '/', message: 'lain' },
    ]);
  });

  it('shows a whole problem next to a field by its code', () => {
    const e = problem({
      code: 'AlreadyExists',
      detail: 'NIK sudah terdaftar sebagai anggota 0042',
    });
    expect(splitProblem(e, {}, { AlreadyExists: 'nik' })).toEqual({
      fields: { nik: 'NIK sudah terdaftar sebagai anggota 0042' },
      rest: null,
    });
  });

  it('leaves a problem without field messages, or a network failure, to the alert', () => {
    const e = problem({ code: 'InsufficientSavings', detail: 'Saldo sukarela Rp 10.000' });
    expect(splitProblem(e, { '/amount': 'amount' }).rest).toMatchObject({
      problem: { code: 'InsufficientSavings' },
    });
    const offline = new TypeError('Failed to fetch');
    expect(splitProblem(offline, {})).toEqual({ fields: {}, rest: offline });
    expect(splitProblem(null, {})).toEqual({ fields: {}, rest: null });
  });
});

describe('the members helpers', () => {
  it('pays back every positive balance on leaving', () => {
    expect(returnedOnLeaving({ pokok: 100_000, wajib: 240_000, sukarela: 0 })).toEqual({
      pokok: 100_000,
      wajib: 240_000,
      sukarela: 0,
      total: 340_000,
    });
  });

  it('lets the own manager manage, the hub admin read, and nobody else in', () => {
    const coop = 'c1';
    expect(
      membersAccess([{ orgKind: 'cooperative', orgId: coop, role: 'coop_manager' }], coop),
    ).toBe('manage');
    expect(
      membersAccess([{ orgKind: 'cooperative', orgId: 'c2', role: 'coop_manager' }], coop),
    ).toBe('none');
    expect(
      membersAccess([{ orgKind: 'cooperative', orgId: coop, role: 'coop_cashier' }], coop),
    ).toBe('none');
    expect(membersAccess([{ orgKind: 'hub', orgId: 'h', role: 'hub_admin' }], coop)).toBe('read');
    expect(membersAccess([{ orgKind: 'hub', orgId: 'h', role: 'hub_staff' }], coop)).toBe('none');
  });

  it('reads a NIK typed with spaces or dots, and refuses anything but 16 digits', () => {
    expect(nikOf('1571 0141 0190 0001')).toBe('1571014101900001');
    expect(nikOf('15.71.01.410190.0001')).toBe('1571014101900001');
    expect(nikOf('157101410190000')).toBeUndefined();
    expect(nikOf('157101410190000A')).toBeUndefined();
  });

  it("reads a row's reason in the reader's language, nested brackets and all", () => {
    const r = 'NIK harus 16 digit (ada 5) (the NIK must be 16 digits long (got 5))';
    expect(reasonIn(r, 'id')).toBe('NIK harus 16 digit (ada 5)');
    expect(reasonIn(r, 'en')).toBe('the NIK must be 16 digits long (got 5)');
    expect(reasonIn('nama wajib diisi (name required)', 'en')).toBe('name required');
    expect(reasonIn('tanpa terjemahan', 'en')).toBe('tanpa terjemahan');
    expect(reasonIn('(hanya kurung)', 'id')).toBe('(hanya kurung)');
  });
});
