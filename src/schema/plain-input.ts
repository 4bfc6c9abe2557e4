/**
 * Copies a document to validate into plain data before zod reads it, so that
 * `safeParse*` never throws on what it is given: a revoked Proxy, a throwing
 * getter or a trap that throws becomes {@link UNREADABLE_INPUT} (reported as an
 * `invalid_type` issue at its path), a getter runs once, cycles and shared
 * objects are copied once, and nesting deeper than any quiz file needs stops
 * at {@link MAX_INPUT_DEPTH}. The copy costs one pass over the input, less than
 * zod's own.
 */

/** Stands for a value that threw while being read, or that is nested too deep. */
export const UNREADABLE_INPUT: unique symbol = Symbol('unreadable input');

/** Deeper than any quiz file (a module's statement weight sits at depth 7); a cut-off, not a limit authors meet. */
export const MAX_INPUT_DEPTH = 64;

export function plainInput(value: unknown): unknown {
  const copies = new Map<object, unknown>();

  function copy(value: unknown, depth: number): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_INPUT_DEPTH) return UNREADABLE_INPUT;
    const known = copies.get(value);
    if (known !== undefined) return known;
    try {
      if (Array.isArray(value)) {
        const length: unknown = (value as { length: unknown }).length;
        if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) return UNREADABLE_INPUT;
        const list: unknown[] = new Array(length);
        copies.set(value, list);
        for (let index = 0; index < length; index++) list[index] = copy(own(value, String(index)), depth + 1);
        return list;
      }
      const record: Record<string, unknown> = {};
      copies.set(value, record);
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        // defineProperty, not assignment: a "__proto__" key stays an own key, as zod sees it in JSON.
        Object.defineProperty(record, key, { value: copy(own(value, key), depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return record;
    } catch {
      return UNREADABLE_INPUT;
    }
  }

  /** One own property, read once; a getter that throws gives the marker, not a throw. */
  function own(target: object, key: string): unknown {
    try {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (!descriptor) return undefined;
      return descriptor.get ? descriptor.get.call(target) : descriptor.value;
    } catch {
      return UNREADABLE_INPUT;
    }
  }

  return copy(value, 0);
}
