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
    const { fields, rest } = splitProblem(e, { '/nik': 'nik', '/joinedOn': 'joinedOn' }, 'en');
    expect(fields).toEqual({
      nik: 'kode wilayah 15.71.99 tidak dikenal',
      joinedOn: 'tanggal belum terjadi',
    });
    expect(rest).toBeNull();
  });

  it('gives each field its part of the Indonesian detail when the field messages are English', () => {
    const e = problem({
      code: 'ValidationFailed',
      detail: 'Data anggota tidak sah: kode wilayah 99.99.01 tidak dikenal; nama wajib diisi',
      errors: [
        { path: '/nik', message: 'unknown region code 99.99.01' },
        { path: '/name', message: 'name required' },
      ],
    });
    expect(splitProblem(e, { '/nik': 'nik', '/name': 'name' }, 'id').fields).toEqual({
      nik: 'kode wilayah 99.99.01 tidak dikenal',
      name: 'nama wajib diisi',
    });
    const one = problem({
      code: 'ValidationFailed',
      detail: 'Tanggal berakhir 2026-01-01 sebelum 2026-02-01',
      errors: [{ path: '/date', message: 'must be on or after 2026-02-01' }],
    });
    expect(splitProblem(one, { '/date': 'date' }, 'id').fields).toEqual({
      date: 'Tanggal berakhir 2026-01-01 sebelum 2026-02-01',
    });
  });

  it('keeps the schema findings as worded (already in the reader language)', () => {
    const e = problem({
      code: 'ValidationFailed',
      detail: 'Data tidak valid: /amount paling kecil 1',
      errors: [{ path: '/amount', message: 'paling kecil 1' }],
    });
    expect(splitProblem(e, { '/amount': 'amount' }, 'id').fields).toEqual({
      amount: 'paling kecil 1',
    });
  });

  it('keeps the messages of unknown paths for the alert', () => {
    const e = problem({
      code: 'ValidationFailed',
      errors: [
        { path: '/nik', message: 'salah' },
        { path: '/', message: 'lain' },
      ],
    });
    const { fields, rest } = splitProblem(e, { '/nik': 'nik' }, 'en');
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
    expect(splitProblem(e, {}, 'id', { AlreadyExists: 'nik' })).toEqual({
      fields: { nik: 'NIK sudah terdaftar sebagai anggota 0042' },
      rest: null,
    });
  });

  it('leaves a problem without field messages, or a network failure, to the alert', () => {
    const e = problem({ code: 'InsufficientSavings', detail: 'Saldo sukarela Rp 10.000' });
    expect(splitProblem(e, { '/amount': 'amount' }, 'id').rest).toMatchObject({
      problem: { code: 'InsufficientSavings' },
    });
    const offline = new TypeError('Failed to fetch');
    expect(splitProblem(offline, {}, 'id')).toEqual({ fields: {}, rest: offline });
    expect(splitProblem(null, {}, 'id')).toEqual({ fields: {}, rest: null });
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
