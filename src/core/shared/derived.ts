/** What was worked out of each list, by what was asked of it. */
const derived = new WeakMap<object, Map<string, unknown>>();

/**
 * What `compute` makes of `list`, worked out once per list and `key` and kept while the list is:
 * for the lists a read holds across requests (`heldHistory`), which no one changes once read.
 * The answer is shared: its reader must not change it either.
 */
export function derivedOf<T>(list: object, key: string, compute: () => T): T {
  let made = derived.get(list);
  if (!made) {
    made = new Map();
    derived.set(list, made);
  }
  if (made.has(key)) return made.get(key) as T;
  const value = compute();
  made.set(key, value);
  return value;
}
