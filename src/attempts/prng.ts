// The seeded randomness of attempts: a string hash, a PRNG and a shuffle,
// written with 32-bit integer operations only (Math.imul, >>> 0, ^) so every
// JavaScript engine, and any port to another language, gets the same bits.

/**
 * cyrb53 by bryc (public domain), keeping both 32-bit lanes: 64 bits of a
 * fast, well-mixed, non-cryptographic hash of a string's UTF-16 code units.
 *
 * Returned as `[h1, h2]`, both unsigned 32-bit integers.
 */
export function cyrb64(text: string, seed = 0): readonly [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** The 64-bit cyrb hash as 16 lowercase hex digits (high lane first). */
export function cyrb64Hex(text: string): string {
  const [h1, h2] = cyrb64(text);
  return h2.toString(16).padStart(8, '0') + h1.toString(16).padStart(8, '0');
}

/**
 * mulberry32 by Tommy Ettinger (public domain): a 32-bit state PRNG. Each
 * call returns the next unsigned 32-bit integer.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * Shuffles a copy of `list` with Fisher–Yates, drawing from a PRNG seeded by
 * the low lane of `cyrb64(key)`. The same key and list give the same order on
 * every engine.
 *
 * For `i` from the last index down to 1, `j = floor(x · (i + 1) / 2^32)` with
 * `x` the next PRNG output; the product is below 2^53, so the division by a
 * power of two is exact in every IEEE-754 engine.
 */
export function shuffleByKey<T>(list: readonly T[], key: string): T[] {
  const next = mulberry32(cyrb64(key)[0]);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor((next() * (i + 1)) / 4294967296);
    const swap = out[i] as T;
    out[i] = out[j] as T;
    out[j] = swap;
  }
  return out;
}
