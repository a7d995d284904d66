// Results cached per (immutable) arquero table, so sections that ask the same question of the
// same table share one pass over a million rows.
const cache = new WeakMap<object, Map<string, unknown>>();

export function memo<T>(owner: object, key: string, compute: () => T): T {
  let entries = cache.get(owner);
  if (!entries) cache.set(owner, (entries = new Map()));
  if (!entries.has(key)) entries.set(key, compute());
  return entries.get(key) as T;
}

/** Whether `key` has been computed for `owner` already. */
export function cached(owner: object, key: string): boolean {
  return cache.get(owner)?.has(key) ?? false;
}
