import { Type } from 'typebox';

/** The cursor helpers are pure: they live in core (read models page with them). */
export { decodeCursor, encodeCursor, pageOf } from '../core/shared/cursor.ts';

export const PageQuery = {
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: 'page size (1–200)' })),
  cursor: Type.Optional(
    Type.String({ maxLength: 400, description: 'nextCursor of the previous page' }),
  ),
};

export function pageLimit(limit: string | undefined, fallback = 50): number {
  return Math.min(Math.max(Number(limit ?? fallback), 1), 200);
}
