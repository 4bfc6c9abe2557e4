import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalsOf, floorDecimal, isoDuration } from '../../src/xapi/format.js';
import { sha1, uuidV5 } from '../../src/xapi/uuid.js';

describe('uuidV5', () => {
  it('matches the RFC 9562 example and the uuid package’s DNS vector', () => {
    // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('hashes like node:crypto’s SHA-1, for any text and any length around the block edges', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 0, max: 200 }).map((n) => 'x'.repeat(n))), (text) => {
        const bytes = [...Buffer.from(text, 'utf8')];
        expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(createHash('sha1').update(Buffer.from(bytes)).digest('hex'));
      }),
      { numRuns: 500 },
    );
  });

  it('encodes the name as UTF-8, as node:crypto does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (name) => {
        const hash = createHash('sha1').update(Buffer.from('ec531277b57b4c158d91d292c5b2b8f7', 'hex')).update(name, 'utf8').digest('hex');
        const id = uuidV5('EC531277-B57B-4C15-8D91-D292C5B2B8F7', name).replace(/-/g, '');
        expect(id.slice(0, 12)).toBe(hash.slice(0, 12));
        expect(id[12]).toBe('5');
        expect(id.slice(13, 16)).toBe(hash.slice(13, 16));
      }),
    );
  });
});

describe('numbers and durations', () => {
  it('floors scaled values towards −∞ on the exact fraction', () => {
    expect([floorDecimal({ n: 2, d: 3 }, 4), floorDecimal({ n: -1, d: 3 }, 4), floorDecimal({ n: 1, d: 1 }, 4), floorDecimal({ n: 0, d: 1 }, 4)]).toEqual([
      0.6666, -0.3334, 1, 0,
    ]);
    expect(Object.is(floorDecimal({ n: 0, d: 7 }, 4), 0)).toBe(true);
  });

  it('keeps any threshold comparison with at most that many decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 10_000 }), (n, d, t) => {
        const threshold = t / 10_000;
        expect(floorDecimal({ n, d }, 4) >= threshold).toBe(n * 10_000 >= t * d);
      }),
    );
  });

  it('counts the decimals a fraction needs', () => {
    expect([decimalsOf({ n: 7, d: 10 }), decimalsOf({ n: 5, d: 8 }), decimalsOf({ n: 1, d: 3 }), decimalsOf({ n: 3, d: 1 })]).toEqual([1, 3, undefined, 0]);
  });

  it('writes ISO 8601 durations to the hundredth of a second', () => {
    expect([0, 9, 10, 12_340, 60_000, 100_500, 3_600_000, 3_600_070, 90_061_990].map(isoDuration)).toEqual([
      'PT0S',
      'PT0S',
      'PT0.01S',
      'PT12.34S',
      'PT1M',
      'PT1M40.5S',
      'PT1H',
      'PT1H0.07S',
      'PT25H1M1.99S',
    ]);
  });
});
