import { describe, expect, it } from 'vitest';
import { guardedStorage } from '../../src/player/storage/guarded.js';

/** A Storage whose `setItem` throws the browser's quota error. */
function fullStorage(): Storage {
  const items = new Map<string, string>([['old', 'kept']]);
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
  };
}

describe('issue #12.8: localStorage that is full or disabled never throws', () => {
  it('keeps what a full storage refuses in memory, reads the rest from storage, and reports once', () => {
    const problems: unknown[] = [];
    const store = guardedStorage(fullStorage, (error) => problems.push(error));
    expect(store.getItem('old')).toBe('kept');
    store.setItem('attempt', 'a-1');
    store.setItem('attempt', 'a-2');
    expect(store.getItem('attempt')).toBe('a-2');
    expect(problems).toHaveLength(1);
    expect((problems[0] as DOMException).name).toBe('QuotaExceededError');
  });

  it('works in memory when even reaching storage throws (storage disabled)', () => {
    const problems: unknown[] = [];
    const store = guardedStorage(
      () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
      (error) => problems.push(error),
    );
    expect(store.getItem('attempt')).toBeNull();
    store.setItem('attempt', 'a-1');
    expect(store.getItem('attempt')).toBe('a-1');
    store.removeItem('attempt');
    expect(store.getItem('attempt')).toBeNull();
    expect(problems).toHaveLength(1);
  });

  it('does not report anything while storage works', () => {
    const problems: unknown[] = [];
    const items = new Map<string, string>();
    const working = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) } as Storage;
    const store = guardedStorage(() => working, (error) => problems.push(error));
    store.setItem('a', '1');
    expect(items.get('a')).toBe('1');
    store.removeItem('a');
    expect(store.getItem('a')).toBeNull();
    expect(problems).toEqual([]);
  });
});
