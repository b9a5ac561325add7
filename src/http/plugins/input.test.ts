import { describe, expect, it } from 'vitest';
import { acceptedMediaTypes, findNul } from './input.ts';

describe('findNul', () => {
  it('names each string holding U+0000 by its JSON pointer, keys too', () => {
    const found = findNul({
      email: 'a\u0000',
      sales: [{ memberId: 'ok' }, { memberId: 'x\u0000' }],
      'a/b\u0000': 1,
    });
    expect(found.map((f) => f.path).sort()).toEqual([
      '/a~1b\\u0000',
      '/email',
      '/sales/1/memberId',
    ]);
    expect(findNul({ q: 'abc', n: 1, b: true, z: null })).toEqual([]);
  });

  it('gives the line of a text of several lines (a CSV file)', () => {
    expect(findNul('nip,nama\r\n1,a\r\n2,b\u0000\r\n')).toEqual([{ path: '/', line: 3 }]);
  });

  it('walks a body nested deeper than the call stack goes', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findNul(deep)).toHaveLength(1);
  });

  it('stops after 20 findings', () => {
    expect(findNul(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('acceptedMediaTypes', () => {
  it('is JSON unless the body schema is a content map', () => {
    expect(acceptedMediaTypes(undefined)).toEqual(['application/json']);
    expect(acceptedMediaTypes({ body: { type: 'object' } })).toEqual(['application/json']);
    expect(
      acceptedMediaTypes({ body: { content: { 'application/json': {}, 'text/csv': {} } } }),
    ).toEqual(['application/json', 'text/csv']);
  });
});
