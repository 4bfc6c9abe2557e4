/**
 * Hostile responses, as plain recipes: `build` turns a recipe into the value
 * (Proxies, throwing getters, own iterators, typed arrays, prototype keys…),
 * `readOnce` is the oracle: what the value means when read once, by index
 * and own property only, into plain data (issue #13.5). A scorer may refuse
 * anything odd as `invalid`; what it must not do is score a value as
 * something other than what `readOnce` reads.
 */
import fc from 'fast-check';

/** How to make a hostile value around a well-formed `base` response. */
export type Hostile =
  | { readonly kind: 'plain'; readonly value: unknown }
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'own-iterator'; readonly base: unknown; readonly yields: readonly unknown[] }
  | { readonly kind: 'own-method'; readonly base: unknown; readonly method: string; readonly returns: unknown }
  | { readonly kind: 'throwing-getter'; readonly base: unknown; readonly at: string }
  | { readonly kind: 'changing-getter'; readonly base: unknown; readonly at: string; readonly later: unknown }
  | { readonly kind: 'proxy'; readonly base: unknown; readonly trap: ProxyTrap; readonly throws: boolean }
  | { readonly kind: 'revoked-proxy'; readonly base: unknown }
  | { readonly kind: 'typed-array'; readonly type: TypedArrayName; readonly length: number }
  | { readonly kind: 'huge-array'; readonly length: number; readonly sparse: boolean; readonly fill: unknown }
  | { readonly kind: 'many-keys'; readonly count: number; readonly value: unknown }
  | { readonly kind: 'deep'; readonly depth: number; readonly array: boolean }
  | { readonly kind: 'null-prototype'; readonly base: unknown }
  | { readonly kind: 'foreign-object'; readonly type: 'Map' | 'Set' | 'Date' | 'RegExp' | 'Boolean' | 'String' | 'Function' | 'class' | 'array-subclass'; readonly base: unknown };

export type ProxyTrap = 'get' | 'ownKeys' | 'getOwnPropertyDescriptor' | 'has' | 'getPrototypeOf';
export type TypedArrayName = 'Uint8Array' | 'Float64Array' | 'Int32Array';
const TYPED: Record<TypedArrayName, new (length: number) => ArrayLike<number>> = { Uint8Array, Float64Array, Int32Array };

/** Numbers and strings that have broken exact arithmetic and parsers before. */
export const ADVERSARIAL_SCALARS: readonly unknown[] = [
  '1/9007199254740991',
  '1/9007199254740990',
  '9007199254740991/1',
  '-1/9007199254740991',
  '1/0',
  '0/0',
  '1e308',
  '1e-324',
  9007199254740993,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -0,
  NaN,
  Infinity,
  -Infinity,
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  '\u0000',
  '\uD800',
  'a'.repeat(10_000),
  true,
  null,
  [],
  {},
];

/** JSON texts with own `__proto__`/`constructor` keys (JSON.parse makes them own properties). */
export const PROTOTYPE_JSON: readonly string[] = [
  '{"__proto__": {"polluted": "yes"}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"prototype": "x"}',
  '["__proto__"]',
  '{"__proto__": []}',
  '{"__proto__": null}',
];

const keyOf = (base: unknown, pick: number): string => {
  if (Array.isArray(base)) return String(base.length === 0 ? 0 : pick % base.length);
  if (base !== null && typeof base === 'object') {
    const keys = Object.keys(base);
    return keys.length === 0 ? 'x' : keys[pick % keys.length]!;
  }
  return '0';
};

/** Recipes of hostile values around `base` (a well-formed response, or anything). */
export function hostileAround(base: fc.Arbitrary<unknown>): fc.Arbitrary<Hostile> {
  const scalar = fc.constantFrom(...ADVERSARIAL_SCALARS);
  // Huge values are rare (about 1 case in 1,000) and only as big as it takes to
  // pass every cap many times over (a response's caps are at most 200 entries):
  // the call is O(1) on them, but building a 10⁷-entry value costs time outside
  // the call, and 10⁵ cases must fit a budget. A plain object's keys are the
  // exception: engines list them all as soon as enumeration starts, so that cost
  // grows with the object (as its building did); the growth benchmark measures
  // it up to 10⁶ keys (`npm run bench -- --only=growth`).
  const size = (small: fc.Arbitrary<number>, ...huge: number[]) => fc.oneof({ weight: 40, arbitrary: small }, { weight: 1, arbitrary: fc.constantFrom(...huge) });
  const value = fc.oneof(base, scalar, fc.string({ maxLength: 6 }));
  return fc.oneof(
    { weight: 6, arbitrary: base.map((b): Hostile => ({ kind: 'plain', value: b })) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_JSON).map((text): Hostile => ({ kind: 'json', text })) },
    { weight: 2, arbitrary: fc.tuple(base, fc.array(value, { maxLength: 4 })).map(([b, yields]): Hostile => ({ kind: 'own-iterator', base: b, yields })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(base, fc.constantFrom('map', 'filter', 'slice', 'forEach', 'every', 'some', 'includes', 'indexOf', 'entries', 'keys', 'values', 'toString', 'valueOf', 'hasOwnProperty', 'length'), value)
        .map(([b, method, returns]): Hostile => ({ kind: 'own-method', base: b, method, returns })),
    },
    { weight: 2, arbitrary: fc.tuple(base, fc.nat()).map(([b, pick]): Hostile => ({ kind: 'throwing-getter', base: b, at: keyOf(b, pick) })) },
    { weight: 2, arbitrary: fc.tuple(base, fc.nat(), value).map(([b, pick, later]): Hostile => ({ kind: 'changing-getter', base: b, at: keyOf(b, pick), later })) },
    {
      weight: 2,
      arbitrary: fc
        .record({ base, trap: fc.constantFrom<ProxyTrap>('get', 'ownKeys', 'getOwnPropertyDescriptor', 'has', 'getPrototypeOf'), throws: fc.boolean() })
        .map((r): Hostile => ({ kind: 'proxy', ...r })),
    },
    { weight: 1, arbitrary: base.map((b): Hostile => ({ kind: 'revoked-proxy', base: b })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ type: fc.constantFrom<TypedArrayName>('Uint8Array', 'Float64Array', 'Int32Array'), length: size(fc.nat({ max: 16 }), 200_000, 1_000_000) })
        .map((r): Hostile => ({ kind: 'typed-array', ...r })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ length: size(fc.integer({ min: 17, max: 300 }), 200_000, 2 ** 32 - 1), sparse: fc.boolean(), fill: value })
        // A dense array of 2³² − 1 cannot be built; it stays sparse.
        .map((r): Hostile => ({ kind: 'huge-array', ...r, sparse: r.sparse || r.length > 200_000 })),
    },
    { weight: 1, arbitrary: fc.record({ count: size(fc.integer({ min: 1, max: 300 }), 20_000), value }).map((r): Hostile => ({ kind: 'many-keys', ...r })) },
    { weight: 1, arbitrary: fc.record({ depth: size(fc.constantFrom(10, 1_000), 100_000), array: fc.boolean() }).map((r): Hostile => ({ kind: 'deep', ...r })) },
    { weight: 1, arbitrary: base.map((b): Hostile => ({ kind: 'null-prototype', base: b })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ type: fc.constantFrom('Map', 'Set', 'Date', 'RegExp', 'Boolean', 'String', 'Function', 'class', 'array-subclass' as const), base })
        .map((r): Hostile => ({ kind: 'foreign-object', ...r })),
    },
  );
}

const copy = (value: unknown): unknown => (Array.isArray(value) ? [...value] : value !== null && typeof value === 'object' ? { ...value } : value);

class Foreign {
  constructor(entries: object) {
    Object.assign(this, entries);
  }
}
class ArraySubclass extends Array {}

/** Builds a fresh hostile value from its recipe (each call a new one: getters keep state). */
export function build(recipe: Hostile): unknown {
  switch (recipe.kind) {
    case 'plain':
      return copy(recipe.value);
    case 'json':
      return JSON.parse(recipe.text);
    case 'own-iterator': {
      const target = copy(recipe.base);
      if (target === null || typeof target !== 'object') return target;
      const yields = recipe.yields;
      Object.defineProperty(target, Symbol.iterator, { value: function* () { yield* yields; }, enumerable: false });
      return target;
    }
    case 'own-method': {
      const target = copy(recipe.base);
      if (target === null || typeof target !== 'object') return target;
      const returns = recipe.returns;
      // An array's own length cannot be redefined; an object's can.
      if (recipe.method === 'length' && Array.isArray(target)) return target;
      Object.defineProperty(target, recipe.method, { value: recipe.method === 'length' ? returns : () => returns, enumerable: false, configurable: true, writable: true });
      return target;
    }
    case 'throwing-getter':
    case 'changing-getter': {
      const target = copy(recipe.base);
      if (target === null || typeof target !== 'object') return target;
      const first = (target as Record<string, unknown>)[recipe.at];
      let reads = 0;
      const later = recipe.kind === 'changing-getter' ? recipe.later : undefined;
      const throwing = recipe.kind === 'throwing-getter';
      Object.defineProperty(target, recipe.at, {
        enumerable: true,
        configurable: true,
        get() {
          if (throwing) throw new Error(`getter ${recipe.at} throws`);
          return reads++ === 0 ? first : later;
        },
      });
      return target;
    }
    case 'proxy': {
      const target = copy(recipe.base);
      if (target === null || typeof target !== 'object') return target;
      const { trap, throws } = recipe;
      const handler: ProxyHandler<object> = {
        [trap]: (...args: unknown[]) => {
          if (throws) throw new Error(`proxy trap ${trap} throws`);
          return (Reflect[trap] as (...a: unknown[]) => unknown)(...args);
        },
      };
      return new Proxy(target as object, handler);
    }
    case 'revoked-proxy': {
      const target = copy(recipe.base);
      const { proxy, revoke } = Proxy.revocable(target !== null && typeof target === 'object' ? target : {}, {});
      revoke();
      return proxy;
    }
    case 'typed-array':
      return new TYPED[recipe.type](recipe.length);
    case 'huge-array': {
      const list: unknown[] = new Array(recipe.length);
      if (!recipe.sparse) list.fill(recipe.fill);
      else list[recipe.length - 1] = recipe.fill;
      return list;
    }
    case 'many-keys': {
      const object: Record<string, unknown> = {};
      for (let i = 0; i < recipe.count; i++) object[`k${i}`] = recipe.value;
      return object;
    }
    case 'deep': {
      let value: unknown = 'x';
      for (let i = 0; i < recipe.depth; i++) value = recipe.array ? [value] : { s0: value };
      return value;
    }
    case 'null-prototype': {
      const base = copy(recipe.base);
      if (base === null || typeof base !== 'object' || Array.isArray(base)) return base;
      return Object.assign(Object.create(null), base);
    }
    case 'foreign-object': {
      const base = copy(recipe.base);
      const entries = base !== null && typeof base === 'object' ? base : {};
      switch (recipe.type) {
        case 'Map':
          return new Map(Object.entries(entries));
        case 'Set':
          return new Set(Array.isArray(base) ? base : []);
        case 'Date':
          return new Date(0);
        case 'RegExp':
          return /a/;
        case 'Boolean':
          return new Boolean(true);
        case 'String':
          return new String(typeof base === 'string' ? base : 'a');
        case 'Function':
          return Object.assign(() => base, entries);
        case 'class':
          return new Foreign(entries);
        case 'array-subclass':
          return Array.isArray(base) ? ArraySubclass.from(base) : new Foreign(entries);
      }
    }
  }
}

/** What reading a value once gave: plain data, or that it cannot be read as plain data. */
export type ReadOnce = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly why: string };

const LIMIT = 100_000;

/**
 * Reads a value once into plain data, by index and own property only, the way
 * issue #13.5 asks a scorer to: arrays by index up to their length, plain
 * objects (prototype `Object.prototype` or null) by own enumerable string
 * keys. Anything else that is an object (typed arrays, Maps, class
 * instances, functions), anything bigger than `LIMIT` entries, and anything
 * that throws while being read cannot be plain data.
 */
export function readOnce(value: unknown, depth = 0): ReadOnce {
  try {
    if (value === null || typeof value !== 'object') {
      return typeof value === 'function' ? { ok: false, why: 'a function' } : { ok: true, value };
    }
    if (depth > 3) return { ok: false, why: 'nested too deep for a response' };
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype) return { ok: false, why: 'an array subclass' };
      const length = value.length;
      if (length > LIMIT) return { ok: false, why: 'too long' };
      const out: unknown[] = [];
      for (let i = 0; i < length; i++) {
        if (!Object.prototype.hasOwnProperty.call(value, i)) return { ok: false, why: 'a hole' };
        const item = readOnce(value[i], depth + 1);
        if (!item.ok) return item;
        out.push(item.value);
      }
      return { ok: true, value: out };
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return { ok: false, why: 'not a plain object' };
    const keys = Object.keys(value);
    if (keys.length > LIMIT) return { ok: false, why: 'too many keys' };
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const item = readOnce((value as Record<string, unknown>)[key], depth + 1);
      if (!item.ok) return item;
      Object.defineProperty(out, key, { value: item.value, enumerable: true, configurable: true, writable: true });
    }
    return { ok: true, value: out };
  } catch (error) {
    return { ok: false, why: `throws when read: ${error instanceof Error ? error.message : 'non-Error'}` };
  }
}
