/**
 * Freezes a value all the way down; parts already frozen are not walked again, so a page sharing
 * its unchanged lines with the previous revision costs only what is new.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
