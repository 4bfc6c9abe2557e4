/**
 * Reads an untrusted response once, into plain data, before anything checks or
 * scores it. A response may be a Proxy, carry getters that throw or change
 * their answer, or own a `Symbol.iterator` or `map` that tells a different
 * story from its indices; if the check and the scorer each read it, they could
 * see different answers. So only this module touches the caller's value, and
 * only through `Array.isArray`, `length`, own-property reads (`Object.hasOwn`,
 * then one get) and a bounded key enumeration; everything after works on the copy it returns.
 */

const opaques = new WeakSet<object>();

/** A value that is not a primitive, kept only as a description of what was found. */
export class Opaque {
  constructor(readonly found: string) {
    opaques.add(this);
  }
}

/** Whether `value` is one of ours; a WeakSet lookup runs no Proxy trap, unlike `instanceof`. */
const isOpaque = (value: unknown): value is Opaque => typeof value === 'object' && value !== null && opaques.has(value);

/** One value read out of a response: a primitive as it was, anything else as an {@link Opaque}. */
export type Plain = string | number | boolean | bigint | symbol | null | undefined | Opaque;

/** Not the expected shape (a primitive, or an object of another kind): only what was found. */
export interface OtherShape {
  readonly kind: 'value';
  readonly value: Plain;
}

/** More entries than allowed, counted without reading any of them. */
export interface TooMany {
  readonly kind: 'too_many';
  /** The length of a list, or "more than N" for an object whose keys were not all counted. */
  readonly found: string;
}

/**
 * A list read once: its entries by index, as our own array (no wrapper: one
 * allocation fewer per list on the scoring path), or what else was found;
 * tell them apart with {@link isEntries}.
 */
export type ListRead = OtherShape | TooMany | readonly Plain[];

/** Whether a {@link ListRead} or {@link RecordRead} is the entries (our own array, so `Array.isArray` runs no foreign code, and no polluted prototype can answer). */
export const isEntries = <T>(read: OtherShape | TooMany | readonly T[]): read is readonly T[] => Array.isArray(read);

/**
 * A plain object read once, as one flat array of our own: each own
 * enumerable string key (at an even index) followed by its value, in
 * enumeration order; or what else was found (tell them apart with {@link isEntries}).
 */
export type RecordRead = OtherShape | TooMany | readonly (string | Plain)[];

/** What a value that threw while being read is, from then on. */
export const UNREADABLE = new Opaque('a value that could not be read');

/** Whether `value` is an array; a revoked Proxy makes `Array.isArray` throw, which reads as "unreadable". */
function isList(value: object): boolean | undefined {
  try {
    return Array.isArray(value);
  } catch {
    return undefined;
  }
}

/**
 * A primitive as it is; an object or function only as what it is. Never reads
 * inside an object, so a nested list or a Proxy costs nothing and runs no code.
 */
export function readValue(value: unknown): Plain {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value as Plain;
  if (typeof value === 'function') return new Opaque('function');
  if (isOpaque(value)) return value;
  const list = isList(value);
  return list === undefined ? UNREADABLE : new Opaque(list ? 'a list' : 'object');
}

/** What {@link readOwnValue} gives for a key that is not an own property. */
export const ABSENT: unique symbol = Symbol('absent');

/**
 * Reads one own property once: `Object.hasOwn`, then one `[[Get]]`, so the
 * prototype chain never answers (a hole is absent, whatever
 * `Array.prototype` holds) and a getter runs exactly once (what it returns is
 * the answer). {@link ABSENT} when there is no such own property;
 * {@link UNREADABLE} when reading threw (a throwing getter, or any throwing
 * Proxy trap). For an ordinary object this is exactly what its descriptor
 * says; it runs for every answer and every list entry, and unlike
 * `Object.getOwnPropertyDescriptor` it allocates nothing (that call was 37 %
 * of `compileQuiz`'s totals path).
 */
export function readOwnValue(target: object, key: string | number): unknown {
  try {
    return Object.hasOwn(target, key) ? (target as Record<string | number, unknown>)[key] : ABSENT;
  } catch {
    return UNREADABLE;
  }
}

function readOwn(target: object, key: string | number): Plain {
  const value = readOwnValue(target, key);
  return value === ABSENT ? undefined : readValue(value);
}

/**
 * Reads a list of at most `max` entries. Its length is checked before any
 * entry is read, so an oversized list (a million entries, a typed array) costs
 * nothing. Entries are read by index, own properties only: a hole is
 * `undefined`, never a value from `Array.prototype`.
 */
export function readList(value: unknown, max: number): ListRead {
  // An Opaque is never an array, so `readValue` sorts out everything that is not one.
  if (value === null || typeof value !== 'object' || isList(value) !== true) return { kind: 'value', value: readValue(value) };
  let length: unknown;
  try {
    length = (value as { length: unknown }).length;
  } catch {
    return { kind: 'value', value: UNREADABLE };
  }
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) return { kind: 'value', value: UNREADABLE };
  if (length > max) return { kind: 'too_many', found: String(length) };
  const items: Plain[] = new Array(length);
  for (let index = 0; index < length; index++) items[index] = readOwn(value, index);
  return items;
}

/**
 * Why `value` is not a plain object (of any realm: its prototype is null, or
 * an `Object.prototype`, whose own prototype is null), or `undefined` when it
 * is one. Looks only at prototypes, never at keys, so a typed array of ten
 * million entries is refused at once.
 */
export function notPlainObject(value: object): Opaque | undefined {
  try {
    if (Array.isArray(value)) return new Opaque('a list');
    const prototype = Object.getPrototypeOf(value) as object | null;
    if (prototype === null || Object.getPrototypeOf(prototype) === null) return undefined;
    return new Opaque(ArrayBuffer.isView(value) ? 'a typed array' : 'a non-plain object (a Map, Date, class instance…)');
  } catch {
    return UNREADABLE;
  }
}

/**
 * Reads a plain object of at most `max` own enumerable string keys. Lists,
 * typed arrays, Maps, Dates and class instances are refused at once, before
 * any key is listed. Keys are counted as they are enumerated and the
 * enumeration stops at `max + 1`, before any value is read; the engine still
 * lists an object's keys in one pass when the loop starts, which costs about
 * as much as the caller paid to build the object.
 */
export function readRecord(value: unknown, max: number): RecordRead {
  if (value === null || typeof value !== 'object' || isOpaque(value)) return { kind: 'value', value: readValue(value) };
  const problem = notPlainObject(value);
  if (problem) return { kind: 'value', value: problem };
  // One flat array, sized up front, not a pair per key: this runs for every matching answer.
  const entries: (string | Plain)[] = new Array(2 * Math.min(max, 64));
  let count = 0;
  try {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (count === max) return { kind: 'too_many', found: `more than ${max}` };
      entries[2 * count++] = key;
    }
  } catch {
    return { kind: 'value', value: UNREADABLE };
  }
  entries.length = 2 * count;
  // Keys first, values after: no value is read before the keys were counted.
  for (let index = 0; index < entries.length; index += 2) entries[index + 1] = readOwn(value, entries[index] as string);
  return entries;
}
