import type { DeepReadonly } from './types.js';

/**
 * Freezes a parse result and everything inside it, so a parsed quiz cannot be
 * edited in place: what was validated is what gets scored, and what the
 * scorer caches per question can never go stale. Plain objects and arrays
 * only, which is all a parse produces.
 */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value as DeepReadonly<T>;
}

/**
 * Whether `value` and everything inside it is frozen, so nothing derived from
 * it can go stale. Stops at the first unfrozen object, so a hand-built,
 * mutable quiz costs next to nothing to reject.
 */
export function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!Object.isFrozen(value)) return false;
  for (const key of Object.keys(value)) if (!isDeepFrozen((value as Record<string, unknown>)[key])) return false;
  return true;
}
