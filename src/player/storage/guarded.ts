/**
 * `localStorage` that never throws. Browsers throw from `setItem` when the
 * origin's quota is full (`QuotaExceededError`), and from every call, even
 * from reading `window.localStorage`, when storage is disabled
 * (`SecurityError`). The player must still open and work then, so each call
 * is guarded: what cannot be written is kept in memory for this page, and the
 * player is told once, to show the learner that a reload may lose progress.
 */

/** The part of `Storage` the player uses.  *
 * @example
 * ```ts
 * import type { KeyValueStore } from 'quizkit/player';
 * const memory = new Map<string, string>();
 * const store: KeyValueStore = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };
 * store.setItem('a', '1');
 * store.getItem('a'); //=> '1'
 * ```
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Wraps a `Storage` that may be missing or may throw.
 *
 * @param getStorage - Returns the real storage, e.g. `() => window.localStorage` (which itself may throw).
 * @param onProblem - Called once, with the first error, when storage fails; the values then live in memory.
 * @returns A store whose calls never throw.
 */
export function guardedStorage(getStorage: () => Storage, onProblem: (error: unknown) => void): KeyValueStore {
  /** Values the real storage would not take, kept for this page; they win over the real storage's. */
  const memory = new Map<string, string | null>();
  let reported = false;
  const attempt = <T>(call: (storage: Storage) => T): { ok: true; value: T } | { ok: false } => {
    try {
      return { ok: true, value: call(getStorage()) };
    } catch (error) {
      if (!reported) {
        reported = true;
        onProblem(error);
      }
      return { ok: false };
    }
  };
  return {
    getItem(key) {
      if (memory.has(key)) return memory.get(key)!;
      const read = attempt((storage) => storage.getItem(key));
      return read.ok ? read.value : null;
    },
    setItem(key, value) {
      if (attempt((storage) => storage.setItem(key, value)).ok) memory.delete(key);
      else memory.set(key, value);
    },
    removeItem(key) {
      // `null` in memory hides an older value the real storage may still hold.
      if (attempt((storage) => storage.removeItem(key)).ok) memory.delete(key);
      else memory.set(key, null);
    },
  };
}
