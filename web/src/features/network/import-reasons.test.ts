import { describe, expect, it } from 'vitest';
import { reasonIn } from './import-reasons.ts';

describe('a refused row’s reason in the reader’s language', () => {
  const dup =
    'kode desa 15.71.01.1001 ganda dalam berkas, sudah di baris 2; satu KDKMP per desa (village already on row 2; one cooperative per village)';
  it('shows the Indonesian part in Indonesian and the part in parentheses in English', () => {
    expect(reasonIn(dup, 'id')).toBe(
      'kode desa 15.71.01.1001 ganda dalam berkas, sudah di baris 2; satu KDKMP per desa',
    );
    expect(reasonIn(dup, 'en')).toBe('village already on row 2; one cooperative per village');
    expect(reasonIn('nama wajib diisi (name required)', 'en-US')).toBe('name required');
  });
  it('keeps a reason written once, in one language, as it is', () => {
    expect(reasonIn('Baris kosong', 'en')).toBe('Baris kosong');
    expect(reasonIn('name (with) more (text) after', 'en')).toBe('name (with) more (text) after');
  });
});
