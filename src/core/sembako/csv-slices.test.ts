import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvInSlices } from './csv.ts';

/** What a parse gives: its rows, or the code and message of its refusal. */
async function outcome(parse: () => unknown) {
  try {
    return { rows: await parse() };
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
}

describe('parseCsvInSlices reads a file as parseCsv does', () => {
  const columns = ['nip', 'nama'];
  // Larger than one slice: quoted line breaks, doubled quotes and characters of 2 to 4 bytes
  // (a slice may end inside any of them), a BOM, semicolons, CRLF and blank lines.
  const big =
    '\uFEFFnip;nama;opd\r\n' +
    Array.from(
      { length: 3_000 },
      (_, i) =>
        `${i};"Nama ""é"" 😀 ${i}\r\nbaris";${'ü'.repeat(i % 7)}\r\n${i % 50 ? '' : '\r\n'}`,
    ).join('');
  const files: Record<string, [string, number?]> = {
    'a large file': [big],
    'an unclosed quote at the end': ['nip,nama\n1,a\n2,"b\n'],
    'a stray quote deep in the file': [`nip,nama\n${'1,a\n'.repeat(20_000)}2,b"c\n1,a\n`],
    'a header without the columns': ['nip,x\n1,a\n'],
    'an empty file': [''],
    'a file over the row limit': [`nip,nama\n${'1,a\n'.repeat(11)}`, 10],
  };

  for (const [name, [text, maxRows]] of Object.entries(files))
    it(name, async () => {
      const sliced = await outcome(() => parseCsvInSlices(text, columns, { maxRows }));
      expect(sliced).toEqual(await outcome(() => parseCsv(text, columns, { maxRows })));
      if (name === 'a large file') expect(sliced.rows).toHaveLength(3_000);
      else if (name === 'a file over the row limit') expect(sliced.code).toBe('PayloadTooLarge');
      else expect(sliced.code).toBe('ValidationFailed');
    });
});
