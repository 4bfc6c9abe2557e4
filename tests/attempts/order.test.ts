import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuiz } from 'quizkit/schema';
import { presentationOrder } from 'quizkit/attempts';
import { cyrb64, mulberry32, shuffleByKey } from '../../src/attempts/prng.js';
import { quiz } from './fixtures.js';

/** bryc's cyrb53 as published (returns a 53-bit number), for comparison. */
function referenceCyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0, ch; i < str.length; i++) {
    ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** mulberry32 as published (returns floats in [0, 1)), for comparison. */
function referenceMulberry32(a: number) {
  return () => {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const orders = (seed: string) => quiz.questions.map((question) => presentationOrder(seed, quiz.id, question));

describe('the PRNG', () => {
  it('hashes as published cyrb53 does', () => {
    // Values from bryc's cyrb53 README.
    const c53 = (s: string) => {
      const [h1, h2] = cyrb64(s);
      return 4294967296 * (2097151 & h2) + h1;
    };
    expect(c53('a')).toBe(7929297801672961);
    expect(c53('b')).toBe(8684336938537663);
    expect(c53('revenge')).toBe(4051478007546757);
    expect(c53('revenue')).toBe(8309097637345594);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => c53(s) === referenceCyrb53(s)));
  });

  it('draws as published mulberry32 does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const ours = mulberry32(seed);
        const theirs = referenceMulberry32(seed);
        for (let i = 0; i < 20; i++) if (ours() / 4294967296 !== theirs()) return false;
        return true;
      }),
    );
  });

  it('shuffles into a permutation of the list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.string(), (list, key) => {
        expect([...shuffleByKey(list, key)].sort()).toEqual([...list].sort());
      }),
    );
  });

  it('pins the shuffle of 0…9 for a few keys (a PRNG change must show up here)', () => {
    const digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(shuffleByKey(digits, 'a')).toEqual([3, 7, 9, 4, 2, 0, 8, 1, 5, 6]);
    expect(shuffleByKey(digits, 'b')).toEqual([1, 9, 7, 5, 4, 8, 3, 0, 6, 2]);
    expect(shuffleByKey(digits, '')).toEqual([0, 4, 9, 2, 1, 6, 5, 7, 8, 3]);
  });
});

describe('presentation order', () => {
  it('is the same for the same seed on every run (pinned)', () => {
    expect(orders('alpha')).toEqual([
      { type: 'single-choice', options: ['cumulus', 'stratus', 'nimbostratus', 'cirrus'] },
      { type: 'multiple-choice', options: ['monsoon', 'nimbostratus', 'fog', 'cumulus', 'tornado'] },
      { type: 'ordering', items: ['condense', 'evaporate', 'precipitate', 'collect'] },
      { type: 'matching', statements: ['rainy', 'puffy', 'funnel'], actors: ['nimbostratus', 'cirrus', 'cumulus'] },
    ]);
    expect(orders('beta')).toEqual([
      { type: 'single-choice', options: ['cirrus', 'nimbostratus', 'cumulus', 'stratus'] },
      { type: 'multiple-choice', options: ['fog', 'tornado', 'nimbostratus', 'monsoon', 'cumulus'] },
      { type: 'ordering', items: ['precipitate', 'evaporate', 'collect', 'condense'] },
      { type: 'matching', statements: ['funnel', 'rainy', 'puffy'], actors: ['nimbostratus', 'cirrus', 'cumulus'] },
    ]);
    expect(orders('seed-3')).toEqual([
      { type: 'single-choice', options: ['nimbostratus', 'cumulus', 'cirrus', 'stratus'] },
      { type: 'multiple-choice', options: ['tornado', 'monsoon', 'cumulus', 'fog', 'nimbostratus'] },
      { type: 'ordering', items: ['collect', 'evaporate', 'precipitate', 'condense'] },
      { type: 'matching', statements: ['funnel', 'puffy', 'rainy'], actors: ['cirrus', 'nimbostratus', 'cumulus'] },
    ]);
  });

  it('depends only on seed, quiz id and question id', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        expect(orders(seed)).toEqual(orders(seed));
        expect(orders(seed)).toEqual(structuredClone(quiz).questions.map((q) => presentationOrder(seed, quiz.id, q)));
      }),
    );
  });

  it('differs between seeds', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(JSON.stringify(orders(`seed-${i}`)));
    // 4! · 5! · 4! · 3! · 3! possible combinations; 200 seeds should all differ.
    expect(seen.size).toBe(200);
    // Each question's own order varies too: the 5 options take many orders.
    const multi = new Set<string>();
    for (let i = 0; i < 500; i++) multi.add(JSON.stringify(orders(`s${i}`)[1]));
    expect(multi.size).toBeGreaterThan(90);
  });

  it('differs between quizzes and questions for the same seed', () => {
    const [single] = quiz.questions;
    const a = presentationOrder('same', 'quiz-a', single!);
    const b = presentationOrder('same', 'quiz-b', single!);
    const c = presentationOrder('same', 'quiz-a', { ...single!, id: 'other' } as typeof single & {});
    expect(new Set([a, b, c].map((order) => JSON.stringify(order))).size).toBeGreaterThan(1);
  });

  it('is roughly uniform (every option reaches every position)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const order = orders(`u${i}`)[0] as { readonly options: readonly string[] };
      order.options.forEach((id, position) => counts.set(`${id}@${position}`, (counts.get(`${id}@${position}`) ?? 0) + 1));
    }
    expect(counts.size).toBe(16);
    // 1000 expected per cell; 4 sigma is about ±110.
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('does not depend on the answer key: the same items with another correct order show the same order', () => {
    const item = (id: string) => ({ id, text: id });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { minLength: 2, maxLength: 8 }),
        fc.string(),
        (ids, seed) => {
          const withKey = (correctOrder: string[]) =>
            parseQuiz({
              id: 'z',
              title: 'Z',
              questions: [
                { id: 'o', type: 'ordering', prompt: 'Order', explanation: 'E', source: { section: 's', quote: 'q' }, items: ids.map(item), correctOrder },
              ],
            }).questions[0]!;
          const authored = presentationOrder(seed, 'z', withKey(ids));
          expect(presentationOrder(seed, 'z', withKey([...ids].reverse()))).toEqual(authored);
          expect(authored).toEqual({ type: 'ordering', items: shuffleByKey(ids, `${seed}:z:o:items`) });
        },
      ),
      { seed: 1234, numRuns: 300 },
    );
  });
});
