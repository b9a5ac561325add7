/** Opaque page cursors: base64url of the last row's sort key. */
export function encodeCursor(key: [string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): [string, string] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    // A key holding a NUL byte is no cursor this server made (PostgreSQL refuses NUL in text).
    return Array.isArray(key) &&
      key.length === 2 &&
      key.every((k) => typeof k === 'string' && !k.includes('\u0000'))
      ? (key as [string, string])
      : undefined;
  } catch {
    return undefined;
  }
}

/** Cuts the extra row fetched to know whether there is a next page. */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => [string, string]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, ...(rows.length > limit && last ? { nextCursor: encodeCursor(key(last)) } : {}) };
}
